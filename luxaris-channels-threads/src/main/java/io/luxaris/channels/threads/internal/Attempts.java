package io.luxaris.channels.threads.internal;

import io.luxaris.domain.ScheduleId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this publisher knows about recent attempts beyond the engine's checkpoint: the published ids and container
 * ids of each part (the engine looks an unknown outcome up, and repeats a publish after a token refresh, with the
 * attempt's original checkpoint), and when a publish went unanswered (for the lookup's grace). Bounded; losing an
 * entry only costs a container status read or a timeline search.
 */
final class Attempts {
    private static final int MAX_ENTRIES = 10_000;

    private final Map<ScheduleId, Progress> progress = bounded();
    private final Map<ScheduleId, Instant> unanswered = bounded();

    Optional<Progress> progress(ScheduleId schedule) {
        synchronized (progress) {
            return Optional.ofNullable(progress.get(schedule)).map(Progress::copy);
        }
    }

    void remember(ScheduleId schedule, Progress state) {
        synchronized (progress) {
            progress.put(schedule, state.copy());
        }
    }

    void rememberUnanswered(ScheduleId schedule, Instant at) {
        synchronized (unanswered) {
            unanswered.put(schedule, at);
        }
    }

    Optional<Instant> unanswered(ScheduleId schedule) {
        synchronized (unanswered) {
            return Optional.ofNullable(unanswered.get(schedule));
        }
    }

    void forget(ScheduleId schedule) {
        synchronized (progress) {
            progress.remove(schedule);
        }
        synchronized (unanswered) {
            unanswered.remove(schedule);
        }
    }

    void clear() {
        synchronized (progress) {
            progress.clear();
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
