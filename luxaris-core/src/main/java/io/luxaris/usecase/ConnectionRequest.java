package io.luxaris.usecase;

import io.luxaris.domain.Credentials;
import io.luxaris.util.Args;
import java.util.Map;

/**
 * Connect an account: the channel key, a display name ("@miller_28"), the credentials obtained by the host's OAuth
 * flow, and non-secret account properties the channel needs (username, author URN...). {@link #toString()} shows no
 * credential value.
 *
 * @param channel the channel's key
 * @param displayName the name shown to the user
 * @param credentials the secrets the host's OAuth flow obtained
 * @param properties non-secret account facts for the channel
 */
public record ConnectionRequest(
        String channel, String displayName, Credentials credentials, Map<String, String> properties) {
    /**
     * Takes a snapshot of the properties (null: none; invalid entries are reported by the use case).
     *
     * @param channel the channel's key
     * @param displayName the name shown to the user
     * @param credentials the secrets the host's OAuth flow obtained
     * @param properties non-secret account facts for the channel
     */
    public ConnectionRequest {
        properties = Args.snapshot(properties);
    }

    /**
     * A request without properties.
     *
     * @param channel the channel's key
     * @param displayName the name shown to the user
     * @param credentials the secrets the host's OAuth flow obtained
     * @return the request
     */
    public static ConnectionRequest of(String channel, String displayName, Credentials credentials) {
        return new ConnectionRequest(channel, displayName, credentials, Map.of());
    }

    /**
     * This request with properties.
     *
     * @param value non-secret account facts for the channel, replacing any earlier ones
     * @return the changed copy
     */
    public ConnectionRequest withProperties(Map<String, String> value) {
        return new ConnectionRequest(channel, displayName, credentials, value);
    }

    @Override
    public String toString() {
        return "ConnectionRequest[channel=" + channel + ", displayName=" + displayName + ", credentials=" + credentials
                + ", properties=" + properties.keySet() + "]";
    }
}
