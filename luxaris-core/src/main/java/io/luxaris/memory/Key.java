package io.luxaris.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** An (instant, id) index key. */
record Key(Instant at, UUID id) implements Comparable<Key> {
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::at).thenComparing(Key::id);

    static Key lowest(Instant at) {
        return new Key(at, new UUID(Long.MIN_VALUE, Long.MIN_VALUE));
    }

    static Key highest(Instant at) {
        return new Key(at, new UUID(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Override
    public int compareTo(Key other) {
        return ORDER.compare(this, other);
    }
}
