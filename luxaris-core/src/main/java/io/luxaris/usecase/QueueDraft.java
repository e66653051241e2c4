package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.util.Args;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The settings of a queue, to create or replace it. The use case validates them.
 *
 * @param name the queue's name
 * @param connections the connections it publishes through (one for a per-connection queue)
 * @param zone the IANA zone of the slot times, e.g. {@code Europe/Berlin}
 * @param slotTimes the wall-clock slot times of every enabled day (minutes, no seconds)
 * @param days the enabled days of the week
 * @param excludedDates dates without slots (holidays)
 * @param maxPerDay at most this many posts per day
 */
public record QueueDraft(
        String name,
        List<ConnectionId> connections,
        String zone,
        List<LocalTime> slotTimes,
        Set<DayOfWeek> days,
        Set<LocalDate> excludedDates,
        int maxPerDay) {
    /**
     * Takes snapshots of the collections (nulls kept for validation to report).
     *
     * @param name the queue's name
     * @param connections the connections it publishes through
     * @param zone the IANA zone of the slot times
     * @param slotTimes the wall-clock slot times of every enabled day
     * @param days the enabled days of the week
     * @param excludedDates dates without slots
     * @param maxPerDay at most this many posts per day
     */
    public QueueDraft {
        connections = Args.snapshot(connections);
        slotTimes = Args.snapshot(slotTimes);
        days = Args.snapshot(days);
        excludedDates = Args.snapshot(excludedDates);
    }

    /**
     * A queue of one connection with slots on every day of the week, no excluded dates, and as many posts per day as
     * there are slot times.
     *
     * @param name the queue's name
     * @param connection the connection it publishes through
     * @param zone the IANA zone of the slot times
     * @param times the slot times
     * @return the draft
     */
    public static QueueDraft of(String name, ConnectionId connection, String zone, LocalTime... times) {
        List<LocalTime> slots = times == null ? List.of() : Arrays.asList(times);
        return new QueueDraft(
                name,
                connection == null ? List.of() : Arrays.asList(connection),
                zone,
                slots,
                EnumSet.allOf(DayOfWeek.class),
                Set.of(),
                Math.max(1, slots.size()));
    }

    /**
     * This draft over other connections (a named queue over several accounts).
     *
     * @param ids the connections
     * @return the changed copy
     */
    public QueueDraft connections(ConnectionId... ids) {
        return new QueueDraft(
                name, ids == null ? List.of() : Arrays.asList(ids), zone, slotTimes, days, excludedDates, maxPerDay);
    }

    /**
     * This draft with slots only on some days of the week.
     *
     * @param values the enabled days
     * @return the changed copy
     */
    public QueueDraft days(DayOfWeek... values) {
        return new QueueDraft(name, connections, zone, slotTimes, set(values), excludedDates, maxPerDay);
    }

    /**
     * This draft without slots on some dates.
     *
     * @param dates the excluded dates
     * @return the changed copy
     */
    public QueueDraft excluding(LocalDate... dates) {
        return new QueueDraft(name, connections, zone, slotTimes, days, set(dates), maxPerDay);
    }

    /**
     * This draft with another daily maximum.
     *
     * @param value at most this many posts per day
     * @return the changed copy
     */
    public QueueDraft maxPerDay(int value) {
        return new QueueDraft(name, connections, zone, slotTimes, days, excludedDates, value);
    }

    private static <T> Set<T> set(T[] values) {
        return values == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(values));
    }
}
