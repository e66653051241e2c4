package io.luxaris.spi.generation;

import io.luxaris.errors.LuxarisException;
import java.util.Objects;

/**
 * A generator could not produce anything for a prompt. The message is safe (API keys masked); the kind says
 * whether trying again can help.
 */
public final class GenerationFailedException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    /** Why generation failed. */
    public enum Kind {
        /** Bad key, unknown model, wrong URL: fix the configuration. */
        CONFIGURATION,
        /** Throttled and the retry budget is spent: try later. */
        RATE_LIMITED,
        /** Quota or credit exhausted: not retried. */
        QUOTA_EXHAUSTED,
        /** Server error or network failure after retries. */
        UNAVAILABLE,
        /** Every candidate was refused, cut off or malformed. */
        NO_USABLE_CANDIDATE
    }

    /** Why generation failed. */
    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind why generation failed
     * @param safeMessage what failed, with API keys masked
     */
    public GenerationFailedException(Kind kind, String safeMessage) {
        super(safeMessage);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Creates the exception with its cause.
     *
     * @param kind why generation failed
     * @param safeMessage what failed, with API keys masked
     * @param cause the underlying failure
     */
    public GenerationFailedException(Kind kind, String safeMessage, Throwable cause) {
        super(safeMessage, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** {@return why generation failed, and so whether trying again can help} */
    public Kind kind() {
        return kind;
    }
}
