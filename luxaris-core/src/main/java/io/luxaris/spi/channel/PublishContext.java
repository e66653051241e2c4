package io.luxaris.spi.channel;

import io.luxaris.domain.Credentials;
import java.time.Clock;

/** Per-attempt services for a publisher: the decrypted credentials and a way to persist rotated ones. */
public interface PublishContext {
    /**
     * The connection's current credentials, decrypted.
     *
     * @return the credentials
     */
    Credentials credentials();

    /**
     * Persists rotated credentials (encrypted, in their own committed transaction) before returning; afterwards {@link
     * #credentials()} returns them. A missing or empty refresh token in {@code rotated} keeps the stored one. Call it
     * before using a new token: a rotated refresh token must never be lost.
     *
     * @param rotated the credentials the platform issued
     */
    void saveCredentials(Credentials rotated);

    /**
     * Reads the stored credentials again (another node may have rotated them since this attempt began).
     *
     * @return the stored credentials, decrypted
     */
    Credentials reloadCredentials();

    /**
     * Persists non-secret facts learned about the account (a username needed for public URLs, for instance) into the
     * connection's properties, merged over the existing ones, so later attempts and other nodes have them.
     *
     * @param properties the facts to merge
     */
    default void updateConnectionProperties(java.util.Map<String, String> properties) {}

    /** {@return the host's clock} */
    Clock clock();

    /** {@return the host's media library} */
    MediaSource media();
}
