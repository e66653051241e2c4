package io.luxaris.engine;

import io.luxaris.StorageException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background engine's writer thread: it empties the {@link Outbox} (claims handed back, then outcomes) while the
 * coordinator claims and starts the next jobs, so writing one batch's outcomes overlaps claiming the next on a
 * connection of its own. While the store refuses every write it pauses with a backoff and reports the failure to
 * the coordinator ({@link #storeDown()}), which then backs off as well. After each flush it runs {@code afterFlush}
 * (the engine frees the slots of the calls whose outcomes were written).
 */
final class OutboxWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);
    private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Outbox outbox;
    private final Waiter waiter;
    private final Ticker ticker;
    private final String instanceId;
    private final Runnable afterFlush;
    private volatile Optional<StorageException> storeDown = Optional.empty();

    OutboxWriter(Outbox outbox, Waiter waiter, Ticker ticker, String instanceId, Runnable afterFlush) {
        this.outbox = outbox;
        this.afterFlush = afterFlush;
        this.waiter = waiter;
        this.ticker = ticker;
        this.instanceId = instanceId;
    }

    /** The failure of the last flush when it could write nothing (the store is down); empty once a flush works. */
    Optional<StorageException> storeDown() {
        return storeDown;
    }

    /** Writes whatever the outbox receives until {@code current} turns false. */
    void run(BooleanSupplier current) {
        var backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(30));
        while (current.getAsBoolean()) {
            waiter.await(ticker.nanoTime() + STEP_NANOS, () -> outbox.isEmpty() && current.getAsBoolean());
            if (outbox.isEmpty()) {
                continue;
            }
            try {
                Completions.Flushed flushed;
                try {
                    flushed = outbox.flush();
                } finally {
                    afterFlush.run();
                }
                storeDown = flushed.storeDown();
                if (flushed.storeDown().isEmpty()) {
                    backoff.reset();
                    continue;
                }
                Duration pause = backoff.next();
                LOG.warn(
                        "Luxaris engine {}: outcomes could not be written ({}); retrying in {} ms",
                        instanceId,
                        flushed.storeDown().get().getMessage(),
                        pause.toMillis());
                waiter.await(ticker.nanoTime() + pause.toNanos(), current);
            } catch (RuntimeException e) {
                Duration pause = backoff.next();
                LOG.error(
                        "Luxaris engine {}: unexpected failure while writing outcomes; retrying in {} ms",
                        instanceId,
                        pause.toMillis(),
                        e);
                waiter.await(ticker.nanoTime() + pause.toNanos(), current);
            }
        }
    }
}
