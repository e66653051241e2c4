package io.luxaris.spi.generation;

/** The author's wish for length, relative to the channel's limit. */
public enum LengthHint {
    /** A third of the limit or less. */
    SHORT,
    /** About two thirds of the limit. */
    MEDIUM,
    /** Up to the limit. */
    LONG;

    /**
     * A target length for a channel limit.
     *
     * @param limit the channel's (or template's) maximum length
     * @return the length to aim at, at least 1
     */
    public int targetFor(int limit) {
        return switch (this) {
            case SHORT -> Math.max(1, limit / 3);
            case MEDIUM -> Math.max(1, limit * 2 / 3);
            case LONG -> limit;
        };
    }
}
