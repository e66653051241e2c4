package io.luxaris.util;

import org.jspecify.annotations.Nullable;

/** Checks on text that every storage must be able to hold. */
public final class Strings {
    private Strings() {}

    /** Index of the first NUL or unpaired surrogate of {@code value}, or -1 (also for null). */
    public static int invalidCharacterAt(@Nullable String value) {
        if (value == null) {
            return -1;
        }
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\0' || Character.isLowSurrogate(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
