package io.luxaris.errors;

import org.jspecify.annotations.Nullable;

/** The storage failed (database unreachable, constraint broken by a bug, ...). The message is safe to log. */
public final class StorageException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    /** Whether retrying later may succeed. */
    private final boolean transientFailure;

    /**
     * Creates the exception.
     *
     * @param message what failed, safe to log (no secrets, no SQL parameters)
     * @param cause the underlying failure, or null when there is none
     * @param transientFailure whether retrying later may succeed
     */
    public StorageException(String message, @Nullable Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /**
     * Creates a permanent (not transient) storage failure.
     *
     * @param message what failed, safe to log (no secrets, no SQL parameters)
     * @param cause the underlying failure
     */
    public StorageException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * True when retrying later may succeed (connection lost, deadlock, timeout).
     *
     * @return whether the failure is transient
     */
    public boolean isTransient() {
        return transientFailure;
    }
}
