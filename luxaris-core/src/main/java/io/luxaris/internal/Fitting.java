package io.luxaris.internal;

import io.luxaris.domain.TextMeasure;

/** Cuts a text to fit a measured limit at a word boundary, with an ellipsis. */
public final class Fitting {
    private static final String ELLIPSIS = "…";

    private Fitting() {}

    /**
     * The longest prefix ending at a word boundary that, with an ellipsis, measures at most {@code max}. Falls back
     * to a code-point cut when the first word alone is too long.
     */
    public static String truncate(String text, int max, TextMeasure measure) {
        if (measure.measure(text) <= max) {
            return text;
        }
        // candidate cut points: positions just before whitespace
        int best = -1;
        int lo = 0;
        int hi = text.length();
        // binary search on prefix length by code point boundary, then back off to a word boundary
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cut = safeCut(text, mid);
            if (measure.measure(text.substring(0, cut).stripTrailing() + ELLIPSIS) <= max) {
                best = cut;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (best <= 0) {
            return max >= measure.measure(ELLIPSIS) ? ELLIPSIS : "";
        }
        int wordEnd = best;
        if (wordEnd < text.length() && !Character.isWhitespace(text.charAt(wordEnd))) {
            int space = lastWhitespace(text, wordEnd);
            if (space > 0) {
                wordEnd = space;
            }
        }
        return text.substring(0, wordEnd).stripTrailing() + ELLIPSIS;
    }

    private static int lastWhitespace(String text, int before) {
        for (int i = before - 1; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int safeCut(String text, int index) {
        if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))) {
            return index - 1;
        }
        return index;
    }
}
