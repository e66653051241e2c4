package io.luxaris.channels.bluesky.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The write points this process spent per account (DID), against Bluesky's budget: {@value #POINTS_PER_HOUR} points
 * per hour and {@value #POINTS_PER_DAY} per day (or the smaller share configured), a created record costing {@value
 * #CREATE} and a deleted one {@value #DELETE}. A publish that would overspend is held back (rate limited until enough points are free again) before
 * anything is sent, instead of being refused halfway through a thread. Only this process's writes are known; the
 * {@code RateLimit-*} headers of each answer stay the authority.
 */
final class WriteBudget {
    static final int POINTS_PER_HOUR = 5_000;
    static final int POINTS_PER_DAY = 35_000;
    static final int CREATE = 3;
    static final int DELETE = 1;

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final int MAX_ACCOUNTS = 10_000;

    private record Spent(Instant at, int points) {}

    private final int perHour;
    private final int perDay;

    private final Map<String, Deque<Spent>> spent =
            Collections.synchronizedMap(new LinkedHashMap<String, Deque<Spent>>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Deque<Spent>> eldest) {
                    return size() > MAX_ACCOUNTS;
                }
            });

    WriteBudget(int perHour, int perDay) {
        this.perHour = perHour;
        this.perDay = perDay;
    }

    /** When {@code points} more can be spent by {@code did}: empty when now, else the instant enough are free. */
    Optional<Instant> whenAvailable(String did, int points, Instant now) {
        synchronized (spent) {
            Deque<Spent> entries = spent.get(did);
            if (entries == null) {
                return Optional.empty();
            }
            prune(entries, now);
            Instant hour = freeAt(entries, now, HOUR, perHour, points);
            Instant day = freeAt(entries, now, DAY, perDay, points);
            Instant at = hour.isAfter(day) ? hour : day;
            return at.isAfter(now) ? Optional.of(at) : Optional.empty();
        }
    }

    int perHour() {
        return perHour;
    }

    int perDay() {
        return perDay;
    }

    void spend(String did, int points, Instant now) {
        synchronized (spent) {
            Deque<Spent> entries = spent.computeIfAbsent(did, d -> new ArrayDeque<>());
            prune(entries, now);
            entries.addLast(new Spent(now, points));
        }
    }

    /** The earliest instant at which {@code points} fit into the window's limit. */
    private static Instant freeAt(Deque<Spent> entries, Instant now, Duration window, int limit, int points) {
        Instant from = now.minus(window);
        int used = 0;
        for (Spent s : entries) {
            if (s.at().isAfter(from)) {
                used += s.points();
            }
        }
        int excess = used + points - limit;
        if (excess <= 0) {
            return now;
        }
        for (Spent s : entries) {
            if (!s.at().isAfter(from)) {
                continue;
            }
            excess -= s.points();
            if (excess <= 0) {
                return s.at().plus(window);
            }
        }
        return now.plus(window); // more than a whole window's worth: wait a full window
    }

    private static void prune(Deque<Spent> entries, Instant now) {
        Instant from = now.minus(DAY);
        for (Iterator<Spent> it = entries.iterator(); it.hasNext(); ) {
            if (!it.next().at().isAfter(from)) {
                it.remove();
            } else {
                break;
            }
        }
    }

    void clear() {
        spent.clear();
    }
}
