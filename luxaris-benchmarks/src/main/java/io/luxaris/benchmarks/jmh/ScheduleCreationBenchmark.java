package io.luxaris.benchmarks.jmh;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scheduling through the facade on the in-memory store: {@code schedules().schedule(principal, request)} of a
 * draft variant on one of {@value #CONNECTIONS} connections (time and horizon rules, connection checks, content
 * validation, insert, variant ready, post status re-derived, listener notified, engine woken). Each measured
 * invocation schedules {@value #BATCH} drafts written beforehand (not measured). {@link #createPostAndSchedule}
 * measures the whole user action, writing the post too. Every iteration starts from an empty store.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ScheduleCreationBenchmark {
    static final int CONNECTIONS = 100;
    static final int BATCH = 100;

    /**
     * {@code noop}: code-point length, no channel checks: the cost of Luxaris itself. {@code x}: the realistic X
     * text of {@link VariantValidationBenchmark#X_TEXT} on X (dry run), whose weighted length is measured when the
     * draft is written and again when it is scheduled.
     */
    @Param({"noop", "x"})
    public String channel;

    Fixture fixture;
    private long sequence;

    /** {@value #BATCH} new drafts before each invocation of {@link #schedule}, not measured. */
    @State(Scope.Thread)
    public static class Drafts {
        List<PostVariant> variants;

        @Setup(Level.Invocation)
        public void write(ScheduleCreationBenchmark benchmark) {
            variants = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                variants.add(benchmark.draft());
            }
        }
    }

    @Setup(Level.Iteration)
    public void freshStore() {
        fixture = new Fixture().connect(channel, CONNECTIONS);
        sequence = 0;
    }

    @TearDown(Level.Iteration)
    public void closeStore() {
        fixture.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void schedule(Drafts drafts, Blackhole bh) {
        for (PostVariant v : drafts.variants) {
            bh.consume(fixture.schedule(v, nextConnection(), nextTime()));
        }
    }

    @Benchmark
    public Schedule createPostAndSchedule() {
        return fixture.schedule(draft(), nextConnection(), nextTime());
    }

    PostVariant draft() {
        String text = channel.equals(NoopChannel.KEY)
                ? "Benchmark post " + sequence + " with a link https://example.com/p/" + sequence
                : VariantValidationBenchmark.X_TEXT;
        return fixture.draft(channel, text);
    }

    private ChannelConnection nextConnection() {
        return fixture.connections.get((int) (sequence % CONNECTIONS));
    }

    /** One schedule a second from a minute ahead (well within the 365-day horizon for any iteration). */
    private Instant nextTime() {
        return Fixture.START.plus(Duration.ofSeconds(60 + sequence++));
    }
}
