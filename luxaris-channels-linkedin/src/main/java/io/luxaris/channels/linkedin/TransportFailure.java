package io.luxaris.channels.linkedin;

import java.io.IOException;

/**
 * A request that got no HTTP answer. {@link #sent()} tells whether it may have reached LinkedIn: false only when
 * the connection failed before a byte of the request was written.
 */
final class TransportFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean sent;
    private final String code;

    TransportFailure(boolean sent, String code, String message, IOException cause) {
        super(message, cause, false, false);
        this.sent = sent;
        this.code = code;
    }

    boolean sent() {
        return sent;
    }

    /** {@code connect_failed}, {@code timeout} or {@code connection_lost}. */
    String code() {
        return code;
    }
}
