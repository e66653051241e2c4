package io.luxaris.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * When a recurring post is published: every {@code interval} days, every {@code interval} weeks on chosen
 * weekdays, or every {@code interval} months on a day of the month, at a wall-clock {@code time} in an IANA {@code
 * zone}, from the {@code start} date on; ending after {@code count} occurrences, after the {@code until} date
 * (inclusive), or never.
 *
 * <p>Rules of the sequence:
 *
 * <ul>
 *   <li>Occurrences are local date-times: 09:00 stays 09:00 local across a DST change. Turning one into an
 *       instant follows the {@link io.luxaris.domain.rules.SchedulingRules}: a time inside a DST gap is skipped
 *       under {@code REJECT} or moved forward under {@code SHIFT_FORWARD}; a time inside an overlap takes the
 *       earlier offset.
 *   <li>Weekly: the weeks run Monday to Sunday, counted from the week of {@code start}; days before {@code start}
 *       in the first week are not occurrences.
 *   <li>Monthly on a day a month does not have (the 31st in a 30-day month, the 29th to 31st in February): the
 *       <b>last day of that month</b>. The occurrence is never skipped. A first month whose day lies before {@code
 *       start} has no occurrence.
 *   <li>{@code count} counts every occurrence of the sequence from {@code start}, also those that were never
 *       published (in the past when the series was created or changed, or skipped in a DST gap).
 * </ul>
 *
 * <p>The record checks only that components are set; {@code Recurrences} validates the ranges (interval, weekdays,
 * count, end date) with a {@code ValidationException}. A rule out of range has no occurrences.
 *
 * @param frequency daily, weekly or monthly
 * @param interval every how many days, weeks or months (1 and more)
 * @param weekdays the weekdays of a weekly rule; empty for the others
 * @param dayOfMonth the day of a monthly rule (1 to 31); 0 for the others
 * @param start the first date an occurrence may fall on
 * @param time the wall-clock time of every occurrence
 * @param zone the IANA zone the time is in
 * @param count the number of occurrences, when it ends after a count
 * @param until the last date an occurrence may fall on, when it ends at a date
 */
public record RecurrenceRule(
        RecurrenceFrequency frequency,
        int interval,
        Set<DayOfWeek> weekdays,
        int dayOfMonth,
        LocalDate start,
        LocalTime time,
        ZoneId zone,
        OptionalInt count,
        Optional<LocalDate> until) {
    /** The largest interval, in days, weeks or months. */
    public static final int MAX_INTERVAL = 366;

    /** The largest number of occurrences of a rule that ends after a count. */
    public static final int MAX_COUNT = 10_000;

    /**
     * Checks the components are set and copies the weekdays (in week order).
     *
     * @param frequency daily, weekly or monthly
     * @param interval every how many days, weeks or months (1 and more)
     * @param weekdays the weekdays of a weekly rule; empty for the others
     * @param dayOfMonth the day of a monthly rule (1 to 31); 0 for the others
     * @param start the first date an occurrence may fall on
     * @param time the wall-clock time of every occurrence
     * @param zone the IANA zone the time is in
     * @param count the number of occurrences, when it ends after a count
     * @param until the last date an occurrence may fall on, when it ends at a date
     */
    public RecurrenceRule {
        Objects.requireNonNull(frequency, "frequency");
        weekdays = weekdays == null || weekdays.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(DayOfWeek.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        count = count == null ? OptionalInt.empty() : count;
        until = until == null ? Optional.empty() : until;
    }

    /**
     * Every {@code days} days from {@code start}, never ending.
     *
     * @param days the interval in days
     * @param start the first date
     * @param time the local time
     * @param zone the IANA zone
     * @return the rule
     */
    public static RecurrenceRule daily(int days, LocalDate start, LocalTime time, ZoneId zone) {
        return new RecurrenceRule(
                RecurrenceFrequency.DAILY, days, Set.of(), 0, start, time, zone, OptionalInt.empty(), Optional.empty());
    }

    /**
     * Every {@code weeks} weeks on the given weekdays, from {@code start}, never ending.
     *
     * @param weeks the interval in weeks
     * @param weekdays the weekdays
     * @param start the first date
     * @param time the local time
     * @param zone the IANA zone
     * @return the rule
     */
    public static RecurrenceRule weekly(
            int weeks, Set<DayOfWeek> weekdays, LocalDate start, LocalTime time, ZoneId zone) {
        return new RecurrenceRule(
                RecurrenceFrequency.WEEKLY,
                weeks,
                weekdays,
                0,
                start,
                time,
                zone,
                OptionalInt.empty(),
                Optional.empty());
    }

    /**
     * Every {@code months} months on a day of the month (the last day in shorter months), from {@code start},
     * never ending.
     *
     * @param months the interval in months
     * @param dayOfMonth the day, 1 to 31
     * @param start the first date
     * @param time the local time
     * @param zone the IANA zone
     * @return the rule
     */
    public static RecurrenceRule monthly(int months, int dayOfMonth, LocalDate start, LocalTime time, ZoneId zone) {
        return new RecurrenceRule(
                RecurrenceFrequency.MONTHLY,
                months,
                Set.of(),
                dayOfMonth,
                start,
                time,
                zone,
                OptionalInt.empty(),
                Optional.empty());
    }

    /**
     * This rule ending after {@code occurrences} occurrences (and not at a date).
     *
     * @param occurrences how many
     * @return the changed copy
     */
    public RecurrenceRule endingAfter(int occurrences) {
        return new RecurrenceRule(
                frequency,
                interval,
                weekdays,
                dayOfMonth,
                start,
                time,
                zone,
                OptionalInt.of(occurrences),
                Optional.empty());
    }

    /**
     * This rule ending after the date {@code last} (inclusive, and not after a count).
     *
     * @param last the last date an occurrence may fall on
     * @return the changed copy
     */
    public RecurrenceRule endingOn(LocalDate last) {
        return new RecurrenceRule(
                frequency, interval, weekdays, dayOfMonth, start, time, zone, OptionalInt.empty(), Optional.of(last));
    }

    /** {@return whether the sequence ends (after a count or at a date)} */
    public boolean isBounded() {
        return count.isPresent() || until.isPresent();
    }

    /**
     * The occurrences as local date-times in {@link #zone()}, in order from the first; its position in this stream
     * is an occurrence's index. Infinite when the rule never ends; empty when the rule is out of range.
     *
     * @return the local date-times
     */
    public Stream<LocalDateTime> localTimes() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        new Dates(), Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
                false);
    }

    /**
     * The first {@code max} occurrences from index {@code from} on, as local date-times.
     *
     * @param from the index of the first one
     * @param max at most this many
     * @return the local date-times, fewer when the rule ends
     */
    public List<LocalDateTime> localTimes(int from, int max) {
        return localTimes().skip(from).limit(max).toList();
    }

    private boolean inRange() {
        if (interval < 1 || interval > MAX_INTERVAL) {
            return false;
        }
        if (count.isPresent() && (count.getAsInt() < 1 || count.getAsInt() > MAX_COUNT)) {
            return false;
        }
        return switch (frequency) {
            case DAILY -> true;
            case WEEKLY -> !weekdays.isEmpty();
            case MONTHLY -> dayOfMonth >= 1 && dayOfMonth <= 31;
        };
    }

    /** The dates of the sequence; each period (day, week or month) by its number. */
    private final class Dates implements Iterator<LocalDateTime> {
        private final List<DayOfWeek> days = List.copyOf(weekdays);
        private final boolean valid = inRange();
        private long period;
        private int dayInWeek;
        private int produced;
        private @Nullable LocalDate next;

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public LocalDateTime next() {
            LocalDate date = hasNext() ? next : null;
            if (date == null) {
                throw new NoSuchElementException();
            }
            next = null;
            produced++;
            return date.atTime(time);
        }

        private @Nullable LocalDate advance() {
            if (!valid || (count.isPresent() && produced >= count.getAsInt())) {
                return null;
            }
            while (true) {
                LocalDate candidate = candidate();
                if (candidate == null) {
                    return null;
                }
                if (until.isPresent() && candidate.isAfter(until.get())) {
                    return null;
                }
                if (!candidate.isBefore(start)) {
                    return candidate;
                }
            }
        }

        /** The next date of the raw sequence (before the start check), or null past the supported dates. */
        private @Nullable LocalDate candidate() {
            try {
                switch (frequency) {
                    case DAILY -> {
                        return start.plusDays(period++ * interval);
                    }
                    case WEEKLY -> {
                        LocalDate week = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                                .plusWeeks(period * interval);
                        LocalDate date = week.plusDays(days.get(dayInWeek).getValue() - 1L);
                        if (++dayInWeek == days.size()) {
                            dayInWeek = 0;
                            period++;
                        }
                        return date;
                    }
                    default -> {
                        YearMonth month = YearMonth.from(start).plusMonths(period++ * interval);
                        return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
                    }
                }
            } catch (java.time.DateTimeException | ArithmeticException e) {
                return null; // beyond the years java.time supports: the sequence ends
            }
        }
    }
}
