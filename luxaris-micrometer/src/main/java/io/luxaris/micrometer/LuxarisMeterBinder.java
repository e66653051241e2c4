package io.luxaris.micrometer;

import io.luxaris.Luxaris;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.storage.Backlog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of a {@link Luxaris} instance: the backlog in storage and the engine's own state.
 *
 * <ul>
 *   <li>{@code luxaris.schedules.due}: schedules due now and not yet claimed;
 *   <li>{@code luxaris.schedules.due.oldest.age} (seconds): how long the oldest of them has waited (0 when none);
 *   <li>{@code luxaris.schedules.unconfirmed}: attempts whose outcome is unknown, waiting to be reconciled;
 *   <li>{@code luxaris.engine.in.flight}, {@code luxaris.engine.queued}, {@code luxaris.engine.pending.completions}:
 *       publishes running, claimed schedules waiting for a slot, outcomes waiting to be written;
 *   <li>{@code luxaris.engine.running}: 1 while the background engine runs, else 0.
 * </ul>
 *
 * <p>The three backlog gauges share one storage query ({@code publishing().backlog()}), made at most once per
 * refresh interval (default 15 s) however often the registry is scraped; when it fails they read NaN and the
 * failure is logged once until it succeeds again.
 */
public final class LuxarisMeterBinder implements MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(LuxarisMeterBinder.class);

    private final Supplier<Backlog> backlogSource;
    private final Supplier<EngineStatus> statusSource;
    private final long refreshNanos;
    private final LongSupplier nanoTime;

    private final Object lock = new Object();
    private boolean read;
    private @Nullable Backlog cached;
    private long readAt;
    private boolean failing;

    LuxarisMeterBinder(
            Supplier<Backlog> backlog, Supplier<EngineStatus> status, Duration refresh, LongSupplier nanoTime) {
        this.backlogSource = Objects.requireNonNull(backlog, "backlog");
        this.statusSource = Objects.requireNonNull(status, "status");
        Objects.requireNonNull(refresh, "refresh");
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("refresh must not be negative but was " + refresh);
        }
        this.refreshNanos = refresh.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Gauges of {@code luxaris}, its backlog read at most every 15 s. */
    public static LuxarisMeterBinder of(Luxaris luxaris) {
        return of(luxaris, Duration.ofSeconds(15));
    }

    /** Gauges of {@code luxaris}, its backlog read at most once per {@code refresh} (zero: on every read). */
    public static LuxarisMeterBinder of(Luxaris luxaris, Duration refresh) {
        Objects.requireNonNull(luxaris, "luxaris");
        return new LuxarisMeterBinder(
                () -> luxaris.publishing().backlog(), () -> luxaris.publishing().status(), refresh, System::nanoTime);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        backlogGauge(registry, "luxaris.schedules.due", "Schedules due now and not yet claimed", b -> b.due());
        backlogGauge(
                registry,
                "luxaris.schedules.unconfirmed",
                "Attempts whose outcome is unknown, waiting to be reconciled",
                b -> b.unconfirmed());
        TimeGauge.builder(
                        "luxaris.schedules.due.oldest.age",
                        this,
                        TimeUnit.SECONDS,
                        binder -> binder.backlogValue(b -> b.oldestDueAge().toMillis() / 1000.0))
                .description("How long the oldest due schedule has waited to be claimed")
                .strongReference(true)
                .register(registry);
        statusGauge(registry, "luxaris.engine.in.flight", "Publishes running", s -> s.inFlight());
        statusGauge(registry, "luxaris.engine.queued", "Claimed schedules waiting for a free slot", s -> s.queued());
        statusGauge(
                registry,
                "luxaris.engine.pending.completions",
                "Outcomes waiting to be written",
                s -> s.pendingCompletions());
        statusGauge(registry, "luxaris.engine.running", "1 while the background engine runs", s -> s.running() ? 1 : 0);
    }

    private void backlogGauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Backlog> f) {
        Gauge.builder(name, this, binder -> binder.backlogValue(f))
                .description(description)
                .baseUnit("schedules")
                .strongReference(true)
                .register(registry);
    }

    private void statusGauge(
            MeterRegistry registry, String name, String description, ToDoubleFunction<EngineStatus> f) {
        Gauge.builder(name, this, binder -> f.applyAsDouble(binder.statusSource.get()))
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    private double backlogValue(ToDoubleFunction<Backlog> f) {
        Backlog b = backlog();
        return b == null ? Double.NaN : f.applyAsDouble(b);
    }

    /**
     * The backlog, read again when the last read (or failed read) is older than the refresh interval; null while
     * unreadable.
     */
    @Nullable
    Backlog backlog() {
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            if (read && now - readAt < refreshNanos) {
                return cached;
            }
            read = true;
            readAt = now;
            try {
                cached = backlogSource.get();
                if (failing) {
                    LOG.info("the Luxaris backlog can be read again");
                    failing = false;
                }
                return cached;
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warn("cannot read the Luxaris backlog for metrics; the gauges read NaN until it works", e);
                    failing = true;
                }
                cached = null;
                return null;
            }
        }
    }
}
