package io.luxaris.spi.storage;

import java.time.Clock;
import java.util.Objects;

/**
 * What Luxaris gives a storage provider: the clock (for stores without a clock of their own).
 *
 * @param clock the instance's clock
 */
public record StorageContext(Clock clock) {
    /**
     * Checks the clock is set.
     *
     * @param clock the instance's clock
     */
    public StorageContext {
        Objects.requireNonNull(clock, "clock");
    }
}
