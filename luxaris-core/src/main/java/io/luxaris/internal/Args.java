package io.luxaris.internal;

import java.util.Map;
import java.util.Objects;

/** Argument checks for programmer errors (JDK exceptions, not validation). */
public final class Args {
    private Args() {}

    public static String nonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive but was " + value);
        }
        return value;
    }

    public static int notNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative but was " + value);
        }
        return value;
    }

    public static long notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative but was " + value);
        }
        return value;
    }

    /** An immutable copy that keeps the iteration order of the source. */
    public static Map<String, String> orderedCopy(Map<String, String> map, String name) {
        Objects.requireNonNull(map, name);
        var copy = new java.util.LinkedHashMap<String, String>();
        map.forEach((k, v) ->
                copy.put(Objects.requireNonNull(k, name + " key"), Objects.requireNonNull(v, name + " value")));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
