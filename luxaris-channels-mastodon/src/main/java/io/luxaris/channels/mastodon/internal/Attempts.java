package io.luxaris.channels.mastodon.internal;

import io.luxaris.domain.ScheduleId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What this publisher knows about recent attempts beyond the engine's checkpoint: thread parts already posted (also
 * those a lookup found) and when a status request went unanswered (for the lookup grace). Bounded; losing an entry
 * only means the lookup waits its full grace period.
 */
final class Attempts {
    private static final int MAX_ENTRIES = 10_000;

    private final Map<ScheduleId, TreeMap<Integer, String>> posted = bounded();
    private final Map<ScheduleId, Unanswered> unanswered = bounded();

    /** A post request of part {@code part} that got no answer at {@code at}. */
    record Unanswered(int part, Instant at) {}

    TreeMap<Integer, String> posted(ScheduleId schedule) {
        synchronized (posted) {
            TreeMap<Integer, String> known = posted.get(schedule);
            return known == null ? new TreeMap<>() : new TreeMap<>(known);
        }
    }

    void rememberPosted(ScheduleId schedule, Map<Integer, String> parts) {
        synchronized (posted) {
            posted.put(schedule, new TreeMap<>(parts));
        }
    }

    void rememberUnanswered(ScheduleId schedule, int part, Instant at) {
        synchronized (unanswered) {
            unanswered.put(schedule, new Unanswered(part, at));
        }
    }

    Optional<Unanswered> unanswered(ScheduleId schedule) {
        synchronized (unanswered) {
            return Optional.ofNullable(unanswered.get(schedule));
        }
    }

    void forget(ScheduleId schedule) {
        synchronized (posted) {
            posted.remove(schedule);
        }
        synchronized (unanswered) {
            unanswered.remove(schedule);
        }
    }

    void clear() {
        synchronized (posted) {
            posted.clear();
        }
        synchronized (unanswered) {
            unanswered.clear();
        }
    }

    private static <V> Map<ScheduleId, V> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<ScheduleId, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        });
    }
}
