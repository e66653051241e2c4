package io.luxaris.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Text that comes from outside (a platform's error message, raw response, post id, URL, checkpoint) made safe to
 * store on every database: NUL and other control characters but tab and line breaks are dropped, unpaired
 * surrogates become U+FFFD, secrets are scrubbed, and the text is cut to its column's size.
 */
public final class ExternalText {
    private ExternalText() {}

    /**
     * Drops control characters (but tab, LF, CR) and replaces unpaired surrogates.
     *
     * @param text text from outside
     * @return the cleaned text; the same string when it was clean
     */
    public static String clean(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                replacement = "\uFFFD";
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                replacement = "";
            }
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(n).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Cleaned, secrets scrubbed, cut to {@code max} characters.
     *
     * @param text text from outside
     * @param secrets the values to scrub out of it
     * @param max the most characters kept
     * @return the safe text
     */
    public static String safe(String text, Collection<String> secrets, int max) {
        return Redactor.scrubAndTruncate(clean(text), secrets, max);
    }

    /**
     * {@link #safe(String, Collection, int)} of an optional text.
     *
     * @param text text from outside, when there is some
     * @param secrets the values to scrub out of it
     * @param max the most characters kept
     * @return the safe text, when there was some
     */
    public static Optional<String> safe(Optional<String> text, Collection<String> secrets, int max) {
        return text.map(t -> safe(t, secrets, max));
    }

    /**
     * A checkpoint (the adapter's own state: neither scrubbed nor cut) with clean keys and values.
     *
     * @param checkpoint a checkpoint from a channel
     * @return a new map: its entries cleaned, those whose cleaned key is blank left out
     */
    public static Map<String, String> clean(Map<String, String> checkpoint) {
        var out = new LinkedHashMap<String, String>();
        checkpoint.forEach((k, v) -> {
            String key = clean(k);
            if (!key.isBlank()) {
                out.put(key, clean(v));
            }
        });
        return out;
    }
}
