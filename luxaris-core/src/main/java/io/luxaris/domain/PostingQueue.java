package io.luxaris.domain;

import io.luxaris.util.Args;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A publishing queue: weekly time slots as wall-clock times in an IANA zone, on the enabled days of the week,
 * except on excluded dates, with at most {@code maxPerDay} posts per day. Posts put into the queue take the next
 * free slot. A queue serves one channel connection or, as a named queue, several.
 *
 * @param id the queue's id
 * @param ownerPrincipalId the principal who created it
 * @param name its name
 * @param connections the connections it publishes through, at least one
 * @param zone the zone its slot times are wall-clock times in
 * @param slotTimes the slot times of every enabled day, ascending and distinct
 * @param days the enabled days of the week
 * @param excludedDates dates without slots, ascending
 * @param maxPerDay at most this many posts on one day (in the queue's zone)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the optimistic-locking version
 */
public record PostingQueue(
        QueueId id,
        String ownerPrincipalId,
        String name,
        List<ConnectionId> connections,
        ZoneId zone,
        List<LocalTime> slotTimes,
        Set<DayOfWeek> days,
        Set<LocalDate> excludedDates,
        int maxPerDay,
        Instant createdAt,
        Instant updatedAt,
        long version) {
    /** Longest queue name, in characters. */
    public static final int NAME = 100;
    /** Most connections of one queue. */
    public static final int MAX_CONNECTIONS = 20;
    /** Most slot times per day. */
    public static final int MAX_SLOTS = 48;
    /** Most excluded dates of one queue. */
    public static final int MAX_EXCLUDED_DATES = 366;

    /**
     * Checks the components and takes sorted, unmodifiable copies of the collections.
     *
     * @param id the queue's id
     * @param ownerPrincipalId the principal who created it
     * @param name its name
     * @param connections the connections it publishes through, at least one
     * @param zone the zone its slot times are wall-clock times in
     * @param slotTimes the slot times of every enabled day
     * @param days the enabled days of the week
     * @param excludedDates dates without slots
     * @param maxPerDay at most this many posts on one day
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param version the optimistic-locking version
     * @throws IllegalArgumentException when the owner or name is blank, there is no connection, {@code maxPerDay} is
     *     not positive or the version is negative
     */
    public PostingQueue {
        Objects.requireNonNull(id, "id");
        Args.nonBlank(ownerPrincipalId, "ownerPrincipalId");
        Args.nonBlank(name, "name");
        connections = List.copyOf(connections);
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("connections must not be empty");
        }
        Objects.requireNonNull(zone, "zone");
        slotTimes = List.copyOf(new TreeSet<>(slotTimes));
        days = days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
        excludedDates = Collections.unmodifiableSet(new TreeSet<>(excludedDates));
        Args.positive(maxPerDay, "maxPerDay");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Args.notNegative(version, "version");
    }

    /**
     * Whether the queue has slots on a date: the day of the week is enabled and the date is not excluded.
     *
     * @param date a date in the queue's zone
     * @return whether slots fall on it
     */
    public boolean isOpenOn(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !excludedDates.contains(date);
    }
}
