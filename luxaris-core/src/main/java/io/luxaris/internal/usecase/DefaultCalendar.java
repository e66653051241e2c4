package io.luxaris.internal.usecase;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.Cursor;
import io.luxaris.domain.Limits;
import io.luxaris.domain.Page;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.PostingQueue;
import io.luxaris.errors.ValidationException;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.QueueSlots;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.CalendarCriteria;
import io.luxaris.spi.storage.CalendarRow;
import io.luxaris.usecase.Calendar;
import io.luxaris.usecase.CalendarEntry;
import io.luxaris.usecase.CalendarFilter;
import io.luxaris.usecase.QueueSlot;
import io.luxaris.usecase.Queues;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The {@link Calendar} of an instance, built by the facade. */
public final class DefaultCalendar implements Calendar {
    private final CoreRuntime rt;

    public DefaultCalendar(CoreRuntime rt) {
        this.rt = Objects.requireNonNull(rt, "rt");
    }

    @Override
    public Page<CalendarEntry> between(Principal principal, Instant from, Instant to, CalendarFilter filter) {
        Objects.requireNonNull(principal, "principal");
        var v = Validation.start();
        v.required("from", from);
        v.required("to", to);
        v.required("filter", filter);
        v.throwIfInvalid();
        checkRange(v, from, to);
        PageRequest page = filter.page();
        v.range("page.limit", page.limit(), 1, PageRequest.MAX_LIMIT);
        Optional<Cursor> after = DefaultPosts.decodeCursor(v, page);
        var channels = new HashSet<ChannelId>();
        for (String key : filter.channels()) {
            if (key == null || key.isBlank()) {
                v.add("filter.channels", "required", "channel keys must not be blank");
            } else {
                channels.add(ChannelId.forKey(key));
            }
        }
        filter.tag().ifPresent(t -> v.maxLength("filter.tag", t, Limits.TAG));
        DefaultPosts.noNulls(v, "filter.connections", filter.connections());
        DefaultPosts.noNulls(v, "filter.postStatuses", filter.postStatuses());
        DefaultPosts.noNulls(v, "filter.scheduleStatuses", filter.scheduleStatuses());
        v.throwIfInvalid();
        var criteria = new CalendarCriteria(
                from,
                to,
                rt.access().readableOwners(principal, ResourceType.POST),
                channels,
                filter.connections(),
                filter.tag(),
                filter.postStatuses(),
                filter.scheduleStatuses(),
                after,
                page.limit() + 1);
        Map<ChannelId, Channel> catalog = new HashMap<>();
        List<CalendarRow> rows = rt.storage().readOnly(tx -> {
            tx.channels().list().forEach(c -> catalog.put(c.id(), c));
            return tx.schedules().calendar(criteria);
        });
        List<CalendarEntry> entries = rows.stream()
                .map(r -> new CalendarEntry(
                        r.schedule(),
                        r.post(),
                        r.variant(),
                        Objects.requireNonNull(catalog.get(r.schedule().channelId()), "channel row"),
                        r.connection()))
                .toList();
        return DefaultPosts.page(
                entries,
                page.limit(),
                e -> new Cursor(e.schedule().runAt(), e.schedule().id().value()));
    }

    @Override
    public Page<CalendarEntry> week(Principal principal, LocalDate day, ZoneId zone, CalendarFilter filter) {
        Objects.requireNonNull(principal, "principal");
        if (day == null || zone == null) {
            throw ValidationException.of(day == null ? "day" : "zone", "required", "is required");
        }
        Instant from = null;
        Instant to = null;
        if (day.getYear() > 1900 && day.getYear() < 10_000) {
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            from = monday.atStartOfDay(zone).toInstant();
            to = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        }
        if (from == null || to == null || !Limits.supports(from) || !Limits.supports(to)) {
            throw ValidationException.of(
                    "day",
                    "range",
                    "is " + day + "; its week must lie within " + Limits.EARLIEST_INSTANT + ".."
                            + Limits.LATEST_INSTANT);
        }
        return between(principal, from, to, filter);
    }

    @Override
    public List<QueueSlot> freeSlots(Principal principal, Instant from, Instant to) {
        Objects.requireNonNull(principal, "principal");
        var v = Validation.start();
        v.required("from", from);
        v.required("to", to);
        v.throwIfInvalid();
        checkRange(v, from, to);
        v.throwIfInvalid();
        var owners = rt.access().readableOwners(principal, ResourceType.QUEUE);
        return rt.storage().readOnly(tx -> {
            Instant now = rt.now();
            var out = new ArrayList<QueueSlot>();
            for (PostingQueue queue : tx.postingQueues().list(owners)) {
                QueueBook book = new QueueBook(queue, tx, now, rt.rules());
                for (QueueSlots.Slot s : book.slotsBefore(to)) {
                    if (!s.at().isBefore(from) && book.available(s)) {
                        out.add(new QueueSlot(queue.id(), s.at(), queue.zone(), Optional.empty()));
                    }
                }
            }
            out.sort(Comparator.comparing(QueueSlot::at)
                    .thenComparing(s -> s.queue().value()));
            return out.size() > Queues.MAX_FREE_SLOTS ? List.copyOf(out.subList(0, Queues.MAX_FREE_SLOTS)) : out;
        });
    }

    /** The range {@code [from, to)}: supported instants, not empty, at most the calendar's span. */
    static void checkRange(Validation v, Instant from, Instant to) {
        v.instant("from", from);
        v.instant("to", to);
        if (!to.isAfter(from)) {
            v.add("to", "range", "must be after from (" + from + ")");
        } else if (Duration.between(from, to).compareTo(Duration.ofDays(Limits.CALENDAR_RANGE_DAYS)) > 0) {
            v.add("to", "range", "the range may span at most " + Limits.CALENDAR_RANGE_DAYS + " days");
        }
    }
}
