package io.luxaris.benchmarks.jmh;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.spi.storage.ClaimRequest;
import io.luxaris.spi.storage.Fence;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The storage side of one publish, on the in-memory store, driven through the queue SPI the way the engine drives
 * it: one transaction claims a batch (queued, lease), one moves it to processing, one completes every schedule of
 * the batch with SUCCESS. Scores are per schedule (ops/s = schedules/s). The batch sizes 1 and 8 are what the
 * default engine claims with {@code maxConcurrency} 1 and 8; 100 is its default {@code claimBatchSize}.
 *
 * <p>The backlog is {@value #BACKLOG} due schedules on {@value #CONNECTIONS} connections. After each invocation
 * (outside the measured time) the completed batch is put back to pending, so every invocation claims from the
 * same backlog.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class InMemoryQueueBenchmark {
    static final int BACKLOG = 10_000;
    static final int CONNECTIONS = 100;
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final String OWNER = "bench";

    int backlog = BACKLOG;
    private Fixture fixture;
    private Storage storage;
    private Set<ChannelId> channels;
    private final List<Schedule> lastBatch = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new Fixture().connect(CONNECTIONS);
        fixture.scheduleMany(backlog, Fixture.START.plusSeconds(60), Duration.ofMillis(10));
        fixture.clock.set(Fixture.START.plus(Duration.ofHours(1)));
        // a second view of the same database, as a second engine node would have
        storage = fixture.storage.open(new StorageContext(fixture.clock));
        channels = Set.of(ChannelId.forKey(NoopChannel.KEY));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        storage.close();
        fixture.close();
    }

    /** Puts the schedules of the previous invocation back to pending (not measured). */
    @Setup(Level.Invocation)
    public void rearm() {
        if (lastBatch.isEmpty()) {
            return;
        }
        storage.inTransaction(tx -> {
            for (Schedule done : lastBatch) {
                Schedule stored = tx.schedules().find(done.id()).orElseThrow();
                if (stored.status() != ScheduleStatus.SUCCESS) {
                    throw new IllegalStateException("schedule " + stored.id() + " is " + stored.status());
                }
                tx.schedules()
                        .update(stored.toBuilder()
                                .status(ScheduleStatus.PENDING)
                                .attemptCount(0)
                                .lease(Optional.empty())
                                .external(Optional.empty(), Optional.empty())
                                .build());
            }
            return null;
        });
        lastBatch.clear();
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public int claimProcessComplete_batchOf1() {
        return cycle(1);
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public int claimProcessComplete_batchOf8() {
        return cycle(8);
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public int claimProcessComplete_batchOf100() {
        return cycle(100);
    }

    int cycle(int batch) {
        List<Schedule> claimed = storage.inTransaction(
                tx -> tx.queue().claim(new ClaimRequest(OWNER, batch, LEASE, channels, Set.of())));
        var fences = new ArrayList<Fence>(claimed.size());
        for (Schedule s : claimed) {
            fences.add(new Fence(s.id(), s.attemptCount(), OWNER));
        }
        List<ScheduleId> processing = storage.inTransaction(tx -> tx.queue().markProcessing(fences));
        if (processing.size() != batch) {
            throw new IllegalStateException("claimed " + claimed.size() + ", processing " + processing.size());
        }
        int completed = storage.inTransaction(tx -> {
            Instant now = tx.queue().now();
            int n = 0;
            for (int i = 0; i < claimed.size(); i++) {
                Schedule s = claimed.get(i);
                Schedule done = s.toBuilder()
                        .status(ScheduleStatus.SUCCESS)
                        .lease(Optional.empty())
                        .lastAttemptAt(Optional.of(now))
                        .external(Optional.of("noop-" + i), Optional.empty())
                        .updatedAt(now)
                        .build();
                if (tx.queue().complete(fences.get(i), done)) {
                    n++;
                }
            }
            return n;
        });
        lastBatch.addAll(claimed);
        return completed;
    }
}
