package io.luxaris.channels.x;

import io.luxaris.errors.LuxarisException;
import java.util.Objects;

/**
 * X refused an authorization step (code exchange, account lookup), or could not be reached. The message is safe to
 * show: it holds X's error code and description, never a token.
 */
public final class XAuthException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final boolean retryable;

    XAuthException(String error, String message, boolean retryable) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.retryable = retryable;
    }

    /**
     * X's OAuth error code ({@code invalid_request}, {@code invalid_grant}...), or {@code http_<status>}, {@code
     * connect_failed}, {@code timeout}, {@code connection_lost}, {@code unreadable_response}.
     */
    public String error() {
        return error;
    }

    /** Whether trying again later may succeed (network trouble, X overloaded); false when X refused the input. */
    public boolean retryable() {
        return retryable;
    }
}
