package io.luxaris;

/** The storage failed (database unreachable, constraint broken by a bug, ...). The message is safe to log. */
public final class StorageException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    public StorageException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public StorageException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** True when retrying later may succeed (connection lost, deadlock, timeout). */
    public boolean isTransient() {
        return transientFailure;
    }
}
