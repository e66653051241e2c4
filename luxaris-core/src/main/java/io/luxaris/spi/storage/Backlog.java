package io.luxaris.spi.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How much publishing work waits, as the store sees it at {@code asOf} (its own clock): for metrics and health
 * checks.
 *
 * @param due pending schedules whose next attempt is at or before {@code asOf}
 * @param oldestDue the earliest next attempt among them; empty when none is due
 * @param unconfirmed schedules whose last attempt has an unknown outcome, waiting to be reconciled
 * @param asOf the store's "now" the counts were taken at
 */
public record Backlog(long due, Optional<Instant> oldestDue, long unconfirmed, Instant asOf) {
    /**
     * Checks the counts are not negative and that an oldest due instant goes with due schedules.
     *
     * @param due pending schedules whose next attempt is at or before {@code asOf}
     * @param oldestDue the earliest next attempt among them; empty when none is due
     * @param unconfirmed schedules whose last attempt has an unknown outcome
     * @param asOf the store's "now" the counts were taken at
     */
    public Backlog {
        if (due < 0) {
            throw new IllegalArgumentException("due must not be negative but was " + due);
        }
        Objects.requireNonNull(oldestDue, "oldestDue");
        if (unconfirmed < 0) {
            throw new IllegalArgumentException("unconfirmed must not be negative but was " + unconfirmed);
        }
        Objects.requireNonNull(asOf, "asOf");
        if (due == 0 && oldestDue.isPresent()) {
            throw new IllegalArgumentException("oldestDue must be empty when nothing is due");
        }
    }

    /** {@return how long the oldest due schedule has waited; zero when nothing is due} */
    public Duration oldestDueAge() {
        return oldestDue
                .map(at -> at.isBefore(asOf) ? Duration.between(at, asOf) : Duration.ZERO)
                .orElse(Duration.ZERO);
    }
}
