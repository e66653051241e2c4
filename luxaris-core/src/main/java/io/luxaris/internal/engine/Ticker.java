package io.luxaris.internal.engine;

/**
 * Monotonic time for the engine's own deadlines (publish timeouts, heartbeats, sleeping), separate from the
 * wall clock that dates what is stored. Tests drive it by hand.
 */
@FunctionalInterface
interface Ticker {
    Ticker SYSTEM = System::nanoTime;

    long nanoTime();
}
