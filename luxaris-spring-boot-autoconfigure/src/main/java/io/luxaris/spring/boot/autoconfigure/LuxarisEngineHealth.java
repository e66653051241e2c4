package io.luxaris.spring.boot.autoconfigure;

import io.luxaris.Luxaris;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.storage.Backlog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The health of the publishing engine, independent of Boot's health API (each starter adapts it to its Boot line's
 * {@code HealthIndicator}).
 *
 * <ul>
 *   <li>{@link State#OUT_OF_SERVICE} while the engine drains (shutting down);
 *   <li>{@link State#DOWN} when the engine should run but its loop thread died, or the loop has not gone round for
 *       longer than the stall threshold (its leases then expire and other instances take its work over);
 *   <li>{@link State#UP} otherwise, also when the background engine is not started (a host that drives it with
 *       {@code publishing().runDue()}).
 * </ul>
 *
 * <p>A failing platform never makes it DOWN: that is one connection's health ({@code channels().health(...)}).
 * The details carry the engine's counts and the backlog (due, oldest due age, unconfirmed), read at most once per
 * backlog refresh interval.
 */
public final class LuxarisEngineHealth {
    /** The verdict. */
    public enum State {
        UP,
        DOWN,
        OUT_OF_SERVICE
    }

    /** The verdict and what it is based on. */
    public record Report(State state, Map<String, Object> details) {
        public Report {
            Objects.requireNonNull(state, "state");
            details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }
    }

    private final Supplier<EngineStatus> status;
    private final Supplier<Backlog> backlogSource;
    private final Duration stallThreshold;
    private final Duration backlogRefresh;
    private final Clock clock;

    private final Object lock = new Object();
    private @Nullable Instant backlogReadAt;
    private @Nullable Backlog backlog;
    private @Nullable String backlogError;

    public LuxarisEngineHealth(Luxaris luxaris, Duration stallThreshold, Duration backlogRefresh, Clock clock) {
        this(
                () -> luxaris.publishing().status(),
                () -> luxaris.publishing().backlog(),
                stallThreshold,
                backlogRefresh,
                clock);
    }

    LuxarisEngineHealth(
            Supplier<EngineStatus> status,
            Supplier<Backlog> backlog,
            Duration stallThreshold,
            Duration backlogRefresh,
            Clock clock) {
        this.status = Objects.requireNonNull(status, "status");
        this.backlogSource = Objects.requireNonNull(backlog, "backlog");
        this.stallThreshold = Objects.requireNonNull(stallThreshold, "stallThreshold");
        this.backlogRefresh = Objects.requireNonNull(backlogRefresh, "backlogRefresh");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (stallThreshold.isNegative() || stallThreshold.isZero()) {
            throw new IllegalArgumentException("the loop stall threshold must be positive but was " + stallThreshold);
        }
    }

    /**
     * How long the loop may go without a round before it counts as stuck: the longest it sleeps between rounds
     * (max idle sleep, and up to 30 s after a storage failure) plus one lease duration, after which its claims
     * are reaped by other instances anyway.
     */
    public static Duration defaultStallThreshold(EngineSettings settings) {
        Duration longestSleep = settings.maxIdleSleep().compareTo(Duration.ofSeconds(30)) > 0
                ? settings.maxIdleSleep()
                : Duration.ofSeconds(30);
        return longestSleep.plus(settings.leaseDuration());
    }

    /** The loop stall threshold in use. */
    public Duration stallThreshold() {
        return stallThreshold;
    }

    public Report check() {
        EngineStatus s = status.get();
        Instant now = clock.instant();
        var details = new LinkedHashMap<String, Object>();
        State state;
        String reason = null;
        if (s.draining()) {
            state = State.OUT_OF_SERVICE;
            details.put("engine", "draining");
        } else if (!s.running()) {
            state = State.UP;
            details.put("engine", "stopped");
        } else if (!s.loopAlive()) {
            state = State.DOWN;
            details.put("engine", "running");
            reason = "the engine loop thread is gone";
        } else if (s.lastLoopAt().isPresent()
                && Duration.between(s.lastLoopAt().get(), now).compareTo(stallThreshold) > 0) {
            state = State.DOWN;
            details.put("engine", "running");
            reason = "the engine loop has not gone round since "
                    + s.lastLoopAt().get() + " (threshold " + stallThreshold + ")";
        } else {
            state = State.UP;
            details.put("engine", "running");
        }
        if (reason != null) {
            details.put("reason", reason);
        }
        details.put("instanceId", s.instanceId());
        details.put("loopAlive", s.loopAlive());
        s.lastLoopAt().ifPresent(at -> details.put("lastLoopAt", at.toString()));
        details.put("inFlight", s.inFlight());
        details.put("queued", s.queued());
        details.put("pendingCompletions", s.pendingCompletions());
        s.nextDue().ifPresent(at -> details.put("nextDue", at.toString()));
        addBacklog(details, now);
        return new Report(state, details);
    }

    private void addBacklog(Map<String, Object> details, Instant now) {
        Backlog b;
        String error;
        synchronized (lock) {
            if (backlogReadAt == null || Duration.between(backlogReadAt, now).compareTo(backlogRefresh) >= 0) {
                backlogReadAt = now;
                try {
                    backlog = backlogSource.get();
                    backlogError = null;
                } catch (RuntimeException e) {
                    backlog = null;
                    backlogError = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
            b = backlog;
            error = backlogError;
        }
        if (b != null) {
            details.put("due", b.due());
            details.put("oldestDueAgeSeconds", b.oldestDueAge().toSeconds());
            details.put("unconfirmed", b.unconfirmed());
        } else if (error != null) {
            details.put("backlog", "unavailable (" + error + ")");
        }
    }
}
