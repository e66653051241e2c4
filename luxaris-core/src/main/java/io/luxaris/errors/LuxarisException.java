package io.luxaris.errors;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception Luxaris throws on purpose. Messages are safe to log and to show: they never contain
 * tokens, API keys or credential contents.
 */
public abstract class LuxarisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, safe to log and show
     */
    protected LuxarisException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, safe to log and show
     * @param cause the underlying failure, or null when there is none
     */
    protected LuxarisException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
