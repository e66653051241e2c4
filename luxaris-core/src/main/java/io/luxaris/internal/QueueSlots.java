package io.luxaris.internal;

import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.When;
import io.luxaris.domain.rules.ScheduleTimeRule;
import io.luxaris.domain.rules.SchedulingRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * The slot instants of a queue: its wall-clock slot times on its open dates, turned into instants by the
 * scheduling rules like any local time (a time inside a DST gap is skipped that day, or shifted forward when the
 * rules shift gaps; a time inside an overlap is its first occurrence), kept only when inside the horizon.
 */
public final class QueueSlots {
    private QueueSlots() {}

    /**
     * A slot: the local date it belongs to and its instant.
     *
     * @param date the date in the queue's zone
     * @param at the instant
     */
    public record Slot(LocalDate date, Instant at) {}

    /** The usable slots on dates {@code [from, to)}, by instant; a shifted time never doubles another slot. */
    public static List<Slot> between(
            PostingQueue queue, LocalDate from, LocalDate to, Instant now, SchedulingRules rules) {
        var slots = new ArrayList<Slot>();
        var seen = new HashSet<Instant>();
        for (LocalDate date = from; date.isBefore(to); date = date.plusDays(1)) {
            if (!queue.isOpenOn(date)) {
                continue;
            }
            for (LocalTime time : queue.slotTimes()) {
                var resolved =
                        ScheduleTimeRule.resolve(When.local(date.atTime(time), queue.zone()), now, rules, "slot");
                if (resolved.isValid() && seen.add(resolved.instant().get())) {
                    slots.add(new Slot(date, resolved.instant().get()));
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::at));
        return slots;
    }

    /** The last date in the queue's zone on which a slot can lie within the horizon. */
    public static LocalDate lastDate(PostingQueue queue, Instant now, SchedulingRules rules) {
        return now.plus(rules.maxHorizon()).atZone(queue.zone()).toLocalDate();
    }

    /** Today in the queue's zone. */
    public static LocalDate today(PostingQueue queue, Instant now) {
        return now.atZone(queue.zone()).toLocalDate();
    }
}
