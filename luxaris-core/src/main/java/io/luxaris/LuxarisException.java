package io.luxaris;

/**
 * Root of every exception Luxaris throws on purpose. Messages are safe to log and to show: they never contain
 * tokens, API keys or credential contents.
 */
public class LuxarisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LuxarisException(String message) {
        super(message);
    }

    public LuxarisException(String message, Throwable cause) {
        super(message, cause);
    }
}
