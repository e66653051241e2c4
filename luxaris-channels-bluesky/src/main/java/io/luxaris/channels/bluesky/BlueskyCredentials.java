package io.luxaris.channels.bluesky;

import static io.luxaris.http.internal.AdapterBuilder.nonBlank;

import io.luxaris.domain.Credentials;
import io.luxaris.usecase.ConnectionRequest;
import java.util.Map;

/**
 * What a Bluesky connection holds, and how to make one from a handle (or DID) and an app password.
 *
 * <ul>
 *   <li><b>Credentials</b> (secret, encrypted at rest): the app password under {@link #APP_PASSWORD}; once the channel
 *       logged in, the session as well: {@code accessJwt} under {@link Credentials#ACCESS_TOKEN}, {@code refreshJwt}
 *       under {@link Credentials#REFRESH_TOKEN}. The channel saves each new session before it uses it.
 *   <li><b>Connection properties</b> (not secret): the handle or DID to log in with under {@link
 *       BlueskyChannel#PROPERTY_IDENTIFIER}; the channel adds {@link BlueskyChannel#PROPERTY_DID} and {@link
 *       BlueskyChannel#PROPERTY_HANDLE} after its first login.
 * </ul>
 *
 * <p>The identifier is kept as a property rather than beside the password: Luxaris masks every credential value in
 * what it stores, and a DID there would be masked in every post's AT-URI. An identifier found in the credentials
 * under {@link #IDENTIFIER} is used too.
 */
public final class BlueskyCredentials {
    /** The app password ({@code xxxx-xxxx-xxxx-xxxx}, made in the Bluesky app's settings). */
    public static final String APP_PASSWORD = "app_password";
    /** The handle or DID to log in with, when kept in the credentials rather than the connection's properties. */
    public static final String IDENTIFIER = "identifier";

    private BlueskyCredentials() {}

    /** Credentials holding an app password. */
    public static Credentials appPassword(String appPassword) {
        return Credentials.of(Map.of(APP_PASSWORD, nonBlank(appPassword, "appPassword")));
    }

    /**
     * The request connecting the account {@code identifier} (a handle such as {@code alice.bsky.social}, with or
     * without {@code @}, or a DID) with its app password; the display name is the {@code @handle} (or the DID).
     */
    public static ConnectionRequest connectionRequest(String identifier, String appPassword) {
        String id = nonBlank(identifier, "identifier").strip();
        if (id.startsWith("@")) {
            id = id.substring(1);
        }
        String display = id.startsWith("did:") ? id : "@" + id;
        return ConnectionRequest.of(BlueskyChannel.KEY, display, appPassword(appPassword))
                .withProperties(Map.of(BlueskyChannel.PROPERTY_IDENTIFIER, id));
    }
}
