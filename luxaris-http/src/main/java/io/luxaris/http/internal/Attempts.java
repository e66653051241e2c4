package io.luxaris.http.internal;

import io.luxaris.domain.ScheduleId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a publisher knows about recent attempts beyond the engine's checkpoint, by schedule: the progress of each
 * attempt (e.g. the thread parts already posted, which the engine cannot hand back when it repeats a publish after a
 * token refresh with the attempt's original checkpoint) and when a request went unanswered (for the lookup's grace
 * period). Bounded to the {@value #MAX_ENTRIES} schedules used last; losing an entry only costs a lookup or a
 * duplicate-content check. Progress is copied in and out, so callers never share a mutable value. Thread-safe.
 *
 * @param <P> what an attempt has done so far
 * @param <U> what is known of an unanswered request
 */
public final class Attempts<P, U> {
    /** How many schedules are remembered at most. */
    public static final int MAX_ENTRIES = 10_000;

    /** A request for thread part {@code part} that got no answer at {@code at}. */
    public record Unanswered(int part, Instant at) {
        public Unanswered {
            Objects.requireNonNull(at, "at");
        }
    }

    private final UnaryOperator<P> copy;
    private final Map<ScheduleId, P> progress = bounded();
    private final Map<ScheduleId, U> unanswered = bounded();

    /** {@code copy} makes an independent copy of a progress value. */
    public Attempts(UnaryOperator<P> copy) {
        this.copy = Objects.requireNonNull(copy, "copy");
    }

    /** A copy of the progress remembered for {@code schedule}. */
    public Optional<P> progress(ScheduleId schedule) {
        synchronized (progress) {
            return Optional.ofNullable(progress.get(schedule)).map(copy);
        }
    }

    /** Remembers (a copy of) {@code state} as the progress of {@code schedule}. */
    public void remember(ScheduleId schedule, P state) {
        synchronized (progress) {
            progress.put(schedule, copy.apply(state));
        }
    }

    /** Remembers that a request of {@code schedule} went unanswered. */
    public void rememberUnanswered(ScheduleId schedule, U what) {
        synchronized (unanswered) {
            unanswered.put(schedule, Objects.requireNonNull(what, "what"));
        }
    }

    /** The last unanswered request of {@code schedule}, when one is remembered. */
    public Optional<U> unanswered(ScheduleId schedule) {
        synchronized (unanswered) {
            return Optional.ofNullable(unanswered.get(schedule));
        }
    }

    /**
     * What is left of a lookup's grace period: a request that went unanswered at {@code unansweredAt} may still show
     * up on the platform until {@code grace} has passed since, so a lookup that did not find it waits this long and
     * looks again before it calls it absent. Nothing remembered (another instance sent it, or this one restarted):
     * the whole period is over, nothing is left.
     *
     * @param unansweredAt when the request went unanswered, when remembered
     * @param now the current instant
     * @param grace the lookup's grace period
     * @return from zero to {@code grace}
     */
    public static Duration graceLeft(Optional<Instant> unansweredAt, Instant now, Duration grace) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(grace, "grace");
        if (unansweredAt.isEmpty()) {
            return Duration.ZERO;
        }
        Duration since = Duration.between(unansweredAt.get(), now);
        if (since.isNegative()) {
            return grace;
        }
        return since.compareTo(grace) < 0 ? grace.minus(since) : Duration.ZERO;
    }

    /** Forgets all about {@code schedule} (its attempt ended). */
    public void forget(ScheduleId schedule) {
        synchronized (progress) {
            progress.remove(schedule);
        }
        synchronized (unanswered) {
            unanswered.remove(schedule);
        }
    }

    /** Forgets everything (the publisher closes). */
    public void clear() {
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
