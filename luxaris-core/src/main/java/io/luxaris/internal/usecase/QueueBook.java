package io.luxaris.internal.usecase;

import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.internal.QueueSlots;
import io.luxaris.spi.storage.QueueClaim;
import io.luxaris.spi.storage.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The upcoming slots of one queue as one transaction sees them: which are taken, and how many posts each day holds.
 * Slots and claims are read window by window (two weeks at a time) as far as the caller looks, up to the horizon.
 * Changes made through it ({@link #take}, {@link #vacate}) are written to the store and kept in view.
 */
final class QueueBook {
    private static final int WINDOW_DAYS = 14;

    private final PostingQueue queue;
    private final Transaction tx;
    private final Instant now;
    private final SchedulingRules rules;
    private final LocalDate lastDate;
    private final List<QueueSlots.Slot> slots = new ArrayList<>();
    private final Map<Instant, QueueClaim> claims = new HashMap<>();
    private final Map<LocalDate, Integer> perDay = new HashMap<>();
    private LocalDate loadedTo;

    public QueueBook(PostingQueue queue, Transaction tx, Instant now, SchedulingRules rules) {
        this.queue = queue;
        this.tx = tx;
        this.now = now;
        this.rules = rules;
        this.lastDate = QueueSlots.lastDate(queue, now, rules);
        this.loadedTo = QueueSlots.today(queue, now);
    }

    PostingQueue queue() {
        return queue;
    }

    /** The {@code i}-th upcoming slot (0: the next one), or empty past the horizon. */
    Optional<QueueSlots.Slot> slot(int i) {
        while (slots.size() <= i && !loadedTo.isAfter(lastDate)) {
            loadWindow();
        }
        return i < slots.size() ? Optional.of(slots.get(i)) : Optional.empty();
    }

    /** The index of the upcoming slot at {@code at}, or -1 when no upcoming slot is there. */
    int indexOf(Instant at) {
        for (int i = 0; slot(i).isPresent(); i++) {
            Instant slotAt = slots.get(i).at();
            if (slotAt.equals(at)) {
                return i;
            }
            if (slotAt.isAfter(at)) {
                return -1;
            }
        }
        return -1;
    }

    /** The schedule holding the slot at {@code at} (loaded), if any. */
    Optional<QueueClaim> holder(Instant at) {
        QueueClaim claim = claims.get(at);
        return claim != null && claim.holdsSlot() ? Optional.of(claim) : Optional.empty();
    }

    /** Whether the slot is free and its day has room for one more post. */
    boolean available(QueueSlots.Slot slot) {
        return holder(slot.at()).isEmpty() && perDay.getOrDefault(slot.date(), 0) < queue.maxPerDay();
    }

    /** The first available slot at index {@code from} or later, as an index; -1 when there is none. */
    int nextAvailable(int from) {
        for (int i = from; slot(i).isPresent(); i++) {
            if (available(slots.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Upcoming slots on {@code [from, to)}, as far as the horizon reaches. */
    List<QueueSlots.Slot> slotsBefore(Instant to) {
        var out = new ArrayList<QueueSlots.Slot>();
        for (int i = 0; slot(i).isPresent() && slots.get(i).at().isBefore(to); i++) {
            out.add(slots.get(i));
        }
        return out;
    }

    /** Claims a slot for a schedule, removing a stale claim of it first. */
    void take(QueueSlots.Slot slot, ScheduleId schedule) {
        if (claims.containsKey(slot.at())) {
            tx.postingQueues().release(queue.id(), slot.at());
        }
        tx.postingQueues().claim(queue.id(), slot.at(), schedule);
        var stored = tx.schedules().find(schedule).orElseThrow();
        claims.put(slot.at(), new QueueClaim(queue.id(), slot.at(), stored));
        perDay.merge(slot.date(), 1, Integer::sum);
    }

    /** Frees a taken slot. */
    void vacate(QueueSlots.Slot slot) {
        if (holder(slot.at()).isPresent()) {
            perDay.merge(slot.date(), -1, Integer::sum);
        }
        if (claims.remove(slot.at()) != null) {
            tx.postingQueues().release(queue.id(), slot.at());
        }
    }

    private void loadWindow() {
        LocalDate from = loadedTo;
        LocalDate to = from.plusDays(WINDOW_DAYS);
        Instant start = from.atStartOfDay(queue.zone()).toInstant();
        Instant end = to.atStartOfDay(queue.zone()).toInstant();
        for (QueueClaim claim : tx.postingQueues().claims(queue.id(), start, end)) {
            claims.put(claim.slot(), claim);
            if (claim.holdsSlot()) {
                perDay.merge(claim.slot().atZone(queue.zone()).toLocalDate(), 1, Integer::sum);
            }
        }
        for (QueueSlots.Slot slot : QueueSlots.between(queue, from, to, now, rules)) {
            slots.add(slot);
        }
        loadedTo = to;
    }
}
