package io.luxaris.domain;

import io.luxaris.util.Args;
import java.time.Instant;
import java.util.Objects;

/**
 * One materialised occurrence of a recurring series: the schedule made for occurrence {@code index} of the
 * series' revision {@code revision}. Storage keeps (series, revision, index) unique, so no two engine instances
 * can make two schedules for one occurrence.
 *
 * @param seriesId the series
 * @param revision the series' revision the occurrence belongs to
 * @param index the occurrence's index in the rule's sequence
 * @param runAt the instant it is published at
 * @param scheduleId the schedule made for it
 * @param createdAt when it was materialised
 */
public record SeriesOccurrence(
        SeriesId seriesId, int revision, int index, Instant runAt, ScheduleId scheduleId, Instant createdAt) {
    /**
     * Checks the components.
     *
     * @param seriesId the series
     * @param revision the series' revision the occurrence belongs to
     * @param index the occurrence's index in the rule's sequence
     * @param runAt the instant it is published at
     * @param scheduleId the schedule made for it
     * @param createdAt when it was materialised
     * @throws IllegalArgumentException when the revision or the index is negative
     */
    public SeriesOccurrence {
        Objects.requireNonNull(seriesId, "seriesId");
        Args.notNegative(revision, "revision");
        Args.notNegative(index, "index");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
