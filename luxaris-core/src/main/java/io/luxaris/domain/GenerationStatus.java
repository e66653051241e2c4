package io.luxaris.domain;

import java.util.Locale;

/** Lifecycle status of a generation session. */
public enum GenerationStatus {
    /** The generator is working on it. */
    IN_PROGRESS,
    /** Finished; its suggestions (and any per-channel errors) are stored. */
    COMPLETED,
    /** Ended without suggestions (every channel failed) or abandoned. */
    ABORTED;

    /**
     * The lower-case name used in storage and messages.
     *
     * @return the name in lower case, such as {@code in_progress}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@link #wireName()}.
     *
     * @param name a wire name, in any case
     * @return the constant
     * @throws IllegalArgumentException for an unknown name
     */
    public static GenerationStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
