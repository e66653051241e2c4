package io.luxaris.benchmarks.jmh;

import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.RunReport;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end publishing on the in-memory store with the no-op channel: {@value #SCHEDULES} due schedules on
 * {@value #CONNECTIONS} connections, all published by one {@code publishing().runDue()} (claim, processing, channel
 * call on the publish executor, outcome with publish event, variant and post status). The score is schedules
 * published per second. Before each invocation (not measured) a new store gets the schedules through the facade,
 * the clock moves past them and the heap is collected; after it, the report is checked: every schedule published.
 *
 * <p>The collection before the run stands for the hour between writing the schedules and their coming due: in a host
 * process they would be in the old generation by then. Without it, the run's first young collections copy the whole
 * new fixture (a hundred thousand posts, variants, schedules and their index entries), and the score measures that
 * copying as much as the engine.
 *
 * <p>One invocation takes about as long as an iteration, so an iteration is one run of {@value #SCHEDULES}
 * schedules: eight warm-up iterations, because after two the JIT was still compiling the engine through the measured
 * ones (on two cores the first four runs went from about 50,000 to 150,000/s).
 *
 * <p>{@code maxConcurrency} is the most calls in flight (and, in {@code runDue()}, the most the engine claims at once);
 * 32 is the harness's setting. {@code executor=pool} is the engine's own pool of that many threads; {@code direct} runs each channel
 * call in the thread that dispatches it (the {@code runDue()} caller), which leaves only the engine's and the
 * store's own cost.
 *
 * <p>{@code lookup=none}: the no-op channel cannot look posts up, so each schedule is claimed to queued and started
 * (processing) in a transaction of its own; {@code every}: it can look every post up (as X, Bluesky and Threads),
 * so schedules are claimed straight to processing and start without one.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Thread)
public class EngineThroughputBenchmark {
    static final int SCHEDULES = 100_000;
    static final int CONNECTIONS = 1_000;

    @Param({"1", "2", "8", "32"})
    public int maxConcurrency;

    @Param({"pool", "direct"})
    public String executor;

    @Param({"none", "every"})
    public String lookup;

    int schedules = SCHEDULES;
    private Fixture fixture;
    private RunReport report;

    @Setup(Level.Invocation)
    public void dueSchedules() {
        var settings = EngineSettings.builder().maxConcurrency(maxConcurrency);
        switch (executor) {
            case "pool" -> {}
            case "direct" -> settings.executor(Runnable::run);
            default -> throw new IllegalArgumentException("executor must be pool or direct but was " + executor);
        }
        var noop =
                switch (lookup) {
                    case "none" -> NoopChannel.create();
                    case "every" -> NoopChannel.lookingUpEveryPost();
                    default -> throw new IllegalArgumentException("lookup must be none or every but was " + lookup);
                };
        fixture = new Fixture(settings.build(), noop).connect(CONNECTIONS);
        // 10 ms apart from a minute ahead: 100,000 schedules span 17 minutes, all due (and none too late) an
        // hour ahead
        fixture.scheduleMany(schedules, Fixture.START.plusSeconds(60), Duration.ofMillis(10));
        fixture.clock.set(Fixture.START.plus(Duration.ofHours(1)));
        System.gc(); // the fixture settles in the old generation, as schedules written an hour ago would have
        report = null;
    }

    @TearDown(Level.Invocation)
    public void check() {
        try {
            if (report == null || report.published() != schedules || report.total() != schedules) {
                throw new IllegalStateException("expected " + schedules + " published but the run reported " + report);
            }
        } finally {
            fixture.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(SCHEDULES)
    public RunReport runDue() {
        report = fixture.luxaris.publishing().runDue();
        return report;
    }
}
