package io.luxaris.channels.linkedin;

import io.luxaris.errors.LuxarisException;
import java.util.Objects;

/**
 * LinkedIn refused a call made outside the publishing engine (an OAuth step, a post deletion), or could not be
 * reached. The message is safe to show and log: it carries LinkedIn's error code and message, never a token.
 */
public final class LinkedInException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final boolean retryable;

    LinkedInException(String code, String message, boolean retryable) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.retryable = retryable;
    }

    /**
     * A short stable code: LinkedIn's OAuth error ({@code invalid_request}, {@code invalid_grant}...) or REST error
     * code in lower case ({@code access_denied}, {@code nonexistent_version}...), or {@code http_<status>}, {@code
     * connect_failed}, {@code timeout}, {@code connection_lost}, {@code unreadable_response}.
     */
    public String code() {
        return code;
    }

    /** Whether trying again later may succeed (network trouble, LinkedIn overloaded or throttling). */
    public boolean retryable() {
        return retryable;
    }
}
