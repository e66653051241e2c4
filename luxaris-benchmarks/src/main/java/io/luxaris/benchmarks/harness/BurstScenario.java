package io.luxaris.benchmarks.harness;

import io.luxaris.benchmarks.harness.Scenarios.Monitor;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * The top-of-the-hour burst: N schedules on A accounts (interleaved: schedule {@code i} on account {@code i % A}, so an
 * account's schedules in creation order are {@code a, a + A, a + 2A, ...}; grouped, {@code --layout grouped}: an
 * account's schedules created one after another), all due at the same instant T, written beforehand
 * through each engine's own bulk path; the engine is started before T, and every channel call sleeps its own duration
 * ({@link CallWork}: uniform in a range, from a fixed seed, the same for every engine).
 *
 * <p>Figures, all relative to T: lateness (call start − T) p50/p99/max; drain time (T to the end of the last call,
 * and to the moment the database shows nothing unfinished); the most calls in flight; the peak of platform threads
 * (virtual threads are not counted by the JVM's thread bean); peak heap; commits. Per account: calls that started
 * before an earlier-created schedule of the same account ({@code outOfOrder}), and calls that started while another
 * call of the same account was still running ({@code overlapping}). An engine that claims per-account serialisation
 * (Luxaris with {@code perConnectionConcurrency} 1) fails the run on either; for the others they are figures.
 */
final class BurstScenario {
    private BurstScenario() {}

    /** What the burst is made of. */
    record Settings(
            int schedules,
            int accounts,
            long minCallMicros,
            long maxCallMicros,
            long seed,
            Duration lead,
            Duration timeout,
            int concurrency,
            boolean virtualThreads,
            boolean grouped) {
        Settings {
            if (schedules < 1 || accounts < 1 || concurrency < 1) {
                throw new IllegalArgumentException("--schedules, --accounts and --concurrency must be positive");
            }
            if (lead.isNegative() || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("--lead must not be negative and --timeout must be positive");
            }
        }

        /**
         * The account of schedule {@code i}: interleaved, {@code i % accounts} (an account's schedules are created
         * far apart, among every other account's); grouped, {@code i / ceil(schedules / accounts)} (an account's
         * schedules are created one after another).
         */
        int accountOf(int i) {
            return grouped ? i / ((schedules + accounts - 1) / accounts) : i % accounts;
        }

        /** Each account's schedules in creation order. */
        int[][] byAccount() {
            var counts = new int[accounts];
            for (int i = 0; i < schedules; i++) {
                counts[accountOf(i)]++;
            }
            var out = new int[accounts][];
            for (int a = 0; a < accounts; a++) {
                out[a] = new int[counts[a]];
                counts[a] = 0;
            }
            for (int i = 0; i < schedules; i++) {
                int a = accountOf(i);
                out[a][counts[a]++] = i;
            }
            return out;
        }

        CallWork work() {
            return CallWork.uniform(schedules, minCallMicros, maxCallMicros, seed);
        }

        Settings withLead(Duration value) {
            return new Settings(
                    schedules,
                    accounts,
                    minCallMicros,
                    maxCallMicros,
                    seed,
                    value,
                    timeout,
                    concurrency,
                    virtualThreads,
                    grouped);
        }
    }

    /** Setting up took longer than the lead: the schedules would have been due before the engine ran. */
    static final class TooLate extends Exception {
        private static final long serialVersionUID = 1L;

        TooLate(String message) {
            super(message);
        }
    }

    /** Whether the engine promises one call at a time per account, in order: Luxaris' perConnectionConcurrency 1. */
    static boolean serialisesPerAccount(Engine engine) {
        return engine instanceof LuxarisEngine;
    }

    static Result run(
            Pg pg, Engine engine, Recorder recorder, CallWork work, Settings s, Duration settle, boolean keepSchema)
            throws Exception {
        int n = s.schedules();
        var r = new Result("burst", engine.name())
                .put("schedules", n)
                .put("accounts", s.accounts())
                .put("layout", s.grouped() ? "grouped" : "interleaved")
                .put("callMs", s.minCallMicros() / 1e3 + ".." + s.maxCallMicros() / 1e3)
                .put("seed", s.seed())
                .put("concurrency", s.concurrency())
                .put("threads", s.virtualThreads() ? "virtual" : "platform")
                .put("javaVersion", Runtime.version().toString())
                .put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .put("settings", engine.settings());
        boolean serialises = serialisesPerAccount(engine);
        long tolerance = Scenarios.earlyToleranceMicros(engine);
        try {
            engine.setUp();
            Instant due = Instant.now().plus(s.lead()).truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < n; i++) {
                recorder.due(i, due);
            }
            long t = System.nanoTime();
            engine.seedDue(n, i -> due);
            double seedSeconds = Scenarios.seconds(System.nanoTime() - t);
            r.put("seedSeconds", Scenarios.round(seedSeconds, 2))
                    .put("leadSeconds", s.lead().toMillis() / 1e3);
            pg.vacuumAnalyze(engine.schema());
            engine.build();
            pg.awaitNoBackendsOf("aux-", 10_000);
            Thread.sleep(settle.toMillis());
            if (Instant.now().isAfter(due.minusMillis(500))) {
                throw new TooLate("setting up took longer than the lead of "
                        + s.lead().toMillis() + " ms (seeding"
                        + " alone " + Math.round(seedSeconds * 1_000) + " ms): the schedules were due before the"
                        + " engine ran");
            }
            recorder.withWork(work);
            long before = pg.xactCommit();
            Threads.resetPeak();
            HeapMonitor heap = HeapMonitor.start();
            long dueMicros = Recorder.micros(due);
            long doneMicros;
            long left;
            int polls;
            long startedAt;
            try (Monitor monitor = new Monitor(pg, engine)) {
                startedAt = Recorder.nowMicros();
                engine.start();
                long untilDue = Math.max(0, Duration.between(Instant.now(), due).toMillis());
                long deadline = System.nanoTime() + (untilDue + s.timeout().toMillis()) * 1_000_000L;
                boolean all = recorder.awaitCalled(n, untilDue + s.timeout().toMillis());
                left = all ? monitor.awaitNone(deadline) : monitor.remaining();
                doneMicros = Recorder.nowMicros();
                polls = monitor.queries;
                heap.report(r);
                r.put("peakPlatformThreads", Threads.peakPlatform());
                engine.stop();
            } finally {
                heap.close();
            }
            engine.close();
            long commits = Scenarios.commitsSince(pg, before, polls);
            long[] lateness = recorder.lateness(n);
            long lastEnd = 0;
            for (int i = 0; i < n; i++) {
                lastEnd = Math.max(lastEnd, work.endedAt(i));
            }
            int early = Scenarios.calledEarly(lateness, tolerance);
            Order order = order(recorder::calledAt, work::endedAt, s.byAccount());
            r.put("startedBeforeDueMs", Scenarios.round((dueMicros - startedAt) / 1e3, 1))
                    .put("drainSeconds", Scenarios.round((lastEnd - dueMicros) / 1e6, 3))
                    .put("doneSeconds", Scenarios.round((doneMicros - dueMicros) / 1e6, 3))
                    .put("workSeconds", Scenarios.round(work.totalSeconds(), 1))
                    .put("lowerBoundDrainSeconds", Scenarios.round(lowerBound(work, s, serialises), 3))
                    .put("latenessP50Ms", Scenarios.round(Recorder.percentile(lateness, 50) / 1e3, 1))
                    .put("latenessP99Ms", Scenarios.round(Recorder.percentile(lateness, 99) / 1e3, 1))
                    .put("latenessMaxMs", Scenarios.round(Recorder.percentile(lateness, 100) / 1e3, 1))
                    .put("latenessMinMs", Scenarios.round(Recorder.percentile(lateness, 0) / 1e3, 1))
                    .put("calledMoreThan5msEarly", Scenarios.calledEarly(lateness, Scenarios.EARLY_TOLERANCE_MICROS))
                    .put("maxInFlight", work.maxInFlight())
                    .put("interruptedCalls", work.interrupted())
                    .put("perAccountSerialisationClaimed", serialises)
                    .put("outOfOrder", order.outOfOrder())
                    .put("accountsOutOfOrder", order.accountsOutOfOrder())
                    .put("overlapping", order.overlapping())
                    .put("accountsOverlapping", order.accountsOverlapping())
                    .put("commits", commits)
                    .put("commitsPerSchedule", Scenarios.round((double) commits / n, 4));
            Scenarios.everyScheduleOnce(r, recorder, n, left);
            r.check(early == 0, "no schedule called earlier than the engine's tolerance before it was due");
            if (serialises) {
                r.check(order.outOfOrder() == 0, "every account's calls in creation order")
                        .check(order.overlapping() == 0, "never two calls of one account at once");
            }
            engine.verify(n, r);
            return r;
        } finally {
            engine.close();
            if (!keepSchema) {
                pg.dropSchemaQuietly(engine.schema());
            }
        }
    }

    /**
     * The shortest possible drain: the work spread over {@code concurrency} calls at once, and, for an engine that
     * runs one call per account at a time, no shorter than the busiest account's calls one after another.
     */
    static double lowerBound(CallWork work, Settings s, boolean serialises) {
        double spread = work.totalSeconds() / s.concurrency();
        if (!serialises) {
            return Math.max(spread, maxCall(work) / 1e6);
        }
        long busiest = 0;
        for (int[] account : s.byAccount()) {
            long sum = 0;
            for (int i : account) {
                sum += work.durationMicros(i);
            }
            busiest = Math.max(busiest, sum);
        }
        return Math.max(spread, busiest / 1e6);
    }

    private static long maxCall(CallWork work) {
        long max = 0;
        for (int i = 0; i < work.size(); i++) {
            max = Math.max(max, work.durationMicros(i));
        }
        return max;
    }

    /** Per-account order and overlap counts. */
    record Order(int outOfOrder, int accountsOutOfOrder, int overlapping, int accountsOverlapping) {}

    /**
     * Counts, per account, the calls that started before the call of the schedule created just before them on that
     * account, and the calls that started before an earlier-started call of the account had ended. {@code start} and
     * {@code end} give schedule {@code i}'s call times (0: not called; an end of 0 counts as the start).
     */
    static Order order(IntToLongFunction start, IntToLongFunction end, int[][] byAccount) {
        int outOfOrder = 0;
        int accountsOutOfOrder = 0;
        int overlapping = 0;
        int accountsOverlapping = 0;
        for (int[] account : byAccount) {
            long[][] calls = new long[account.length][];
            int k = 0;
            int disorder = 0;
            long previousStart = Long.MIN_VALUE;
            for (int i : account) {
                long started = start.applyAsLong(i);
                long ended = end.applyAsLong(i);
                if (started == 0) {
                    continue; // never called: counted as missing
                }
                if (started < previousStart) {
                    disorder++;
                }
                previousStart = started;
                calls[k++] = new long[] {started, ended == 0 ? started : ended};
            }
            long[][] byStart = Arrays.copyOf(calls, k);
            Arrays.sort(byStart, (x, y) -> Long.compare(x[0], y[0]));
            int overlaps = 0;
            long runningEnd = Long.MIN_VALUE;
            for (long[] c : byStart) {
                if (c[0] < runningEnd) {
                    overlaps++;
                }
                runningEnd = Math.max(runningEnd, c[1]);
            }
            outOfOrder += disorder;
            accountsOutOfOrder += disorder > 0 ? 1 : 0;
            overlapping += overlaps;
            accountsOverlapping += overlaps > 0 ? 1 : 0;
        }
        return new Order(outOfOrder, accountsOutOfOrder, overlapping, accountsOverlapping);
    }
}
