package io.luxaris.spi.channel;

import java.util.Objects;

/** Outcome of refreshing expired credentials. */
public sealed interface RefreshResult {
    /** New credentials were saved through the context; the engine retries the publish once. */
    record Refreshed() implements RefreshResult {}

    /**
     * The grant is gone (revoked, invalid): the connection needs the user to reconnect.
     *
     * @param code a short stable identifier, such as {@code invalid_grant}
     * @param safeMessage for people; no secret
     */
    record Revoked(String code, String safeMessage) implements RefreshResult {
        /**
         * Checks the components are set.
         *
         * @param code a short stable identifier, such as {@code invalid_grant}
         * @param safeMessage for people; no secret
         */
        public Revoked {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(safeMessage, "safeMessage");
        }
    }

    /**
     * A transient failure (network, 5xx): retried later, the connection stays connected.
     *
     * @param code a short stable identifier
     * @param safeMessage for people; no secret
     */
    record TransientFailure(String code, String safeMessage) implements RefreshResult {
        /**
         * Checks the components are set.
         *
         * @param code a short stable identifier
         * @param safeMessage for people; no secret
         */
        public TransientFailure {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(safeMessage, "safeMessage");
        }
    }

    /** This channel cannot refresh (no refresh token, or the platform has none). */
    record Unsupported() implements RefreshResult {}
}
