package io.luxaris.memory;

import java.time.Instant;
import java.util.UUID;

/** An (instant, id) index key. */
record Key(Instant at, UUID id) implements Comparable<Key> {
    static Key lowest(Instant at) {
        return new Key(at, new UUID(Long.MIN_VALUE, Long.MIN_VALUE));
    }

    static Key highest(Instant at) {
        return new Key(at, new UUID(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Override
    public int compareTo(Key other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : id.compareTo(other.id);
    }
}
