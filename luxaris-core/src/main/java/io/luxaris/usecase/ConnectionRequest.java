package io.luxaris.usecase;

import io.luxaris.domain.Credentials;
import io.luxaris.internal.Args;
import java.util.Map;

/**
 * Connect an account: the channel key, a display name ("@miller_28"), the credentials obtained by the host's OAuth
 * flow, and non-secret account properties the channel needs (username, author URN...).
 */
public record ConnectionRequest(
        String channel, String displayName, Credentials credentials, Map<String, String> properties) {
    public ConnectionRequest {
        properties = Args.snapshot(properties);
    }

    public static ConnectionRequest of(String channel, String displayName, Credentials credentials) {
        return new ConnectionRequest(channel, displayName, credentials, Map.of());
    }

    public ConnectionRequest withProperties(Map<String, String> value) {
        return new ConnectionRequest(channel, displayName, credentials, value);
    }

    @Override
    public String toString() {
        return "ConnectionRequest[channel=" + channel + ", displayName=" + displayName + ", credentials=" + credentials
                + ", properties=" + properties.keySet() + "]";
    }
}
