package io.luxaris.usecase;

import io.luxaris.domain.Limits;
import io.luxaris.domain.Page;
import io.luxaris.errors.ValidationException;
import io.luxaris.spi.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** "What goes out when": schedules in a time range with their post, variant, channel and connection. */
public interface Calendar {
    /**
     * Schedules with run time in {@code [from, to)} of posts the principal may see, ordered by run time, filtered and
     * paged. The range may span at most {@value Limits#CALENDAR_RANGE_DAYS} days, within {@link
     * Limits#EARLIEST_INSTANT}..{@link Limits#LATEST_INSTANT}.
     *
     * @param principal the acting principal
     * @param from the start of the range, inclusive
     * @param to the end of the range, exclusive
     * @param filter channels, connections, tag, statuses and page
     * @return one page of entries
     * @throws ValidationException when {@code from}, {@code to} or {@code filter} is missing or out of range, the range
     *     is empty or too long, {@code page.limit} or {@code page.cursor} is invalid, or a filter holds a blank key,
     *     null or a too long tag
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Page<CalendarEntry> between(Principal principal, Instant from, Instant to, CalendarFilter filter);

    /**
     * The week (Monday to Monday in {@code zone}) that contains {@code day}.
     *
     * @param principal the acting principal
     * @param day any day of the week
     * @param zone the zone whose Mondays bound the week
     * @param filter channels, connections, tag, statuses and page
     * @return one page of entries
     * @throws ValidationException when {@code day} or {@code zone} is missing, the week lies outside the supported
     *     instants, or the filter is invalid (see {@link #between})
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Page<CalendarEntry> week(Principal principal, LocalDate day, ZoneId zone, CalendarFilter filter);

    /**
     * The free slots of the queues the principal may read, with instants in {@code [from, to)}, by instant: the slots
     * {@link Queues#enqueue} could still take (upcoming, within the horizon, nobody holds them, and their day has
     * room). At most {@value Queues#MAX_FREE_SLOTS}; the range rules are those of {@link #between}.
     *
     * @param principal the acting principal
     * @param from the start of the range, inclusive
     * @param to the end of the range, exclusive
     * @return the free slots
     * @throws ValidationException when {@code from} or {@code to} is missing or out of range, or the range is empty or
     *     too long
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<QueueSlot> freeSlots(Principal principal, Instant from, Instant to);
}
