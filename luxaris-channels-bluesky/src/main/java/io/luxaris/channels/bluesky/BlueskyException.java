package io.luxaris.channels.bluesky;

import io.luxaris.domain.FailureKind;
import java.util.Objects;

/**
 * Bluesky refused or could not carry out a call a host made directly ({@link BlueskyChannel#deletePost}). The
 * message is safe to show and log: it never holds a password or token.
 */
public final class BlueskyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final FailureKind kind;

    public BlueskyException(String code, FailureKind kind, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A short stable identifier ({@code expired_token}, {@code http_503}, {@code rate_limited}...). */
    public String code() {
        return code;
    }

    /** What kind of failure it is (as a publish would classify it). */
    public FailureKind kind() {
        return kind;
    }

    /** Whether trying again later may help (a transient failure or a rate limit). */
    public boolean retryable() {
        return kind == FailureKind.RETRYABLE || kind == FailureKind.RATE_LIMITED || kind == FailureKind.UNKNOWN;
    }
}
