package io.luxaris.internal;

import io.luxaris.spi.security.Redaction;
import java.util.Collection;
import java.util.Optional;

/** Scrubs secret values and bearer-like tokens out of text and truncates it to a safe size; see {@link Redaction}. */
public final class Redactor {
    public static final String MASK = Redaction.MASK;

    private Redactor() {}

    public static String scrub(String text, Collection<String> secrets) {
        return Redaction.scrub(text, secrets);
    }

    public static String scrubAndTruncate(String text, Collection<String> secrets, int max) {
        return Redaction.scrubAndTruncate(text, secrets, max);
    }

    public static Optional<String> scrubAndTruncate(Optional<String> text, Collection<String> secrets, int max) {
        return text.map(t -> scrubAndTruncate(t, secrets, max));
    }

    /** Cuts to {@code max} characters (never splitting a surrogate pair), marking the cut. */
    public static String truncate(String text, int max) {
        return Redaction.truncate(text, max);
    }
}
