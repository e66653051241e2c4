package io.luxaris.channels.threads;

import io.luxaris.errors.LuxarisException;
import java.util.Objects;

/**
 * Threads refused a call made outside the publishing engine (an OAuth step, a post deletion), or could not be
 * reached. The message is safe to show and log: it carries Meta's error code and message, never a token or the app
 * secret.
 */
public final class ThreadsException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final boolean retryable;

    /** For the channel's own classes; hosts only catch it. */
    ThreadsException(String code, String message, boolean retryable) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.retryable = retryable;
    }

    /**
     * A short stable code: the classification of Meta's error ({@code invalid_token}, {@code not_found}, {@code
     * rate_limited}, {@code permission_denied}, {@code http_<status>}...), or {@code connect_failed}, {@code
     * timeout}, {@code connection_lost}, {@code unexpected_redirect}, {@code unreadable_response}.
     */
    public String code() {
        return code;
    }

    /** Whether trying again later may succeed (network trouble, Meta overloaded or throttling). */
    public boolean retryable() {
        return retryable;
    }
}
