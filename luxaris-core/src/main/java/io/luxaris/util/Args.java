package io.luxaris.util;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

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

    /**
     * An immutable copy that keeps the iteration order of the source. A map this method returned is immutable
     * already and comes back as it is: records re-built with one field changed ({@code withStatus}) do not copy
     * their maps again.
     */
    public static Map<String, String> orderedCopy(Map<String, String> map, String name) {
        Objects.requireNonNull(map, name);
        if (map instanceof OrderedCopy) {
            return map;
        }
        if (map.isEmpty()) {
            return Collections.emptyMap();
        }
        var copy = new LinkedHashMap<String, String>();
        map.forEach((k, v) ->
                copy.put(Objects.requireNonNull(k, name + " key"), Objects.requireNonNull(v, name + " value")));
        return new OrderedCopy(Collections.unmodifiableMap(copy));
    }

    /** What {@link #orderedCopy} returns: an unmodifiable map, known as such by its type. */
    private static final class OrderedCopy extends AbstractMap<String, String> {
        private final Map<String, String> entries;

        OrderedCopy(Map<String, String> entries) {
            this.entries = entries;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public @Nullable String get(@Nullable Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(@Nullable Object key) {
            return entries.containsKey(key);
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super String> action) {
            entries.forEach(action);
        }
    }

    /**
     * An unmodifiable copy of an input list, taken by iterating it once, null elements kept so that validation can
     * report them; null gives an empty list. Validate the copy and use the copy: what a caller's collection says
     * about itself (its size, say) is not trusted.
     */
    public static <T> List<T> snapshot(@Nullable List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** {@link #snapshot(List)} of a set; iteration order kept. */
    public static <T> Set<T> snapshot(@Nullable Set<T> set) {
        if (set == null) {
            return Set.of();
        }
        var copy = new LinkedHashSet<T>();
        set.forEach(copy::add);
        return Collections.unmodifiableSet(copy);
    }

    /** {@link #snapshot(List)} of a map; iteration order kept, null keys and values kept for validation. */
    public static <K, V> Map<K, V> snapshot(@Nullable Map<K, V> map) {
        if (map == null) {
            return Map.of();
        }
        var copy = new LinkedHashMap<K, V>();
        map.forEach(copy::put);
        return Collections.unmodifiableMap(copy);
    }
}
