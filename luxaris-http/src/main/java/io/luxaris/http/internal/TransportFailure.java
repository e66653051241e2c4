package io.luxaris.http.internal;

import io.luxaris.domain.FailureKind;
import java.io.IOException;
import java.util.Objects;

/**
 * A request that got no usable HTTP answer. {@link #sent()} tells whether it may have reached the platform: false
 * only when the connection failed before a byte of the request was written. {@link #answered()} tells the platform
 * did answer, with something Luxaris refuses to use: a redirect ({@value #UNEXPECTED_REDIRECT}; redirects are never
 * followed) or a success whose body is over the cap ({@value #RESPONSE_TOO_LARGE}). The message is safe to show:
 * it names the platform and the exception type, never a URL query, header or body.
 */
public final class TransportFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** The connection failed before the request was written: safe to send again. */
    public static final String CONNECT_FAILED = "connect_failed";
    /** The request was written and no (complete) answer came within the timeouts. */
    public static final String TIMEOUT = "timeout";
    /** The connection broke after the request was written. */
    public static final String CONNECTION_LOST = "connection_lost";
    /** The platform answered with a redirect, which is not followed. */
    public static final String UNEXPECTED_REDIRECT = "unexpected_redirect";
    /** The platform answered with success and a body larger than the cap, which was not read. */
    public static final String RESPONSE_TOO_LARGE = "response_too_large";

    private final boolean sent;
    private final String code;
    private final int status;

    TransportFailure(boolean sent, String code, String message, IOException cause) {
        super(message, cause, false, false);
        this.sent = sent;
        this.code = Objects.requireNonNull(code, "code");
        this.status = 0;
    }

    TransportFailure(String code, int status, String message) {
        super(message, null, false, false);
        this.sent = true;
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
    }

    /** Whether the request may have reached the platform. */
    public boolean sent() {
        return sent;
    }

    /** Whether the platform answered (with a redirect or an oversized success). */
    public boolean answered() {
        return status != 0;
    }

    /** The HTTP status of the answer, 0 when there was none. */
    public int status() {
        return status;
    }

    /**
     * How a publisher reports this failure on the call that creates a post: {@code RETRYABLE} only when the request
     * never left; {@code UNKNOWN} otherwise (also for a redirect or an unread success: the server answered the
     * request, so the post may exist).
     */
    public FailureKind kindWhenCreating() {
        return sent ? FailureKind.UNKNOWN : FailureKind.RETRYABLE;
    }

    /**
     * How a publisher reports this failure on a call made before anything is created (uploads, reads): {@code
     * REJECTED} for a redirect (the same request would be redirected again: a wrong base URL or an intercepting
     * proxy), {@code RETRYABLE} otherwise.
     */
    public FailureKind kindBeforeCreating() {
        return code.equals(UNEXPECTED_REDIRECT) ? FailureKind.REJECTED : FailureKind.RETRYABLE;
    }

    /**
     * {@value #CONNECT_FAILED}, {@value #TIMEOUT}, {@value #CONNECTION_LOST}, {@value #UNEXPECTED_REDIRECT} or
     * {@value #RESPONSE_TOO_LARGE}.
     */
    public String code() {
        return code;
    }
}
