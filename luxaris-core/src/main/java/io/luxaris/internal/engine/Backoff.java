package io.luxaris.internal.engine;

import java.time.Duration;

/** Exponential backoff after storage failures of the engine loop: doubles from {@code first} up to {@code max}. */
final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The pause to take now; the next one is twice as long, up to the maximum. */
    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** Progress was made: start over from the first pause. */
    void reset() {
        next = first;
    }
}
