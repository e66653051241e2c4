package io.luxaris.benchmarks.harness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The burn-down and steady-state runs, the same steps for every engine (see {@link Engine}). What is measured:
 *
 * <p>Before the engine is built, every table of its schema is vacuumed and analyzed (what autovacuum would do;
 * the server may run without it).
 *
 * <ul>
 *   <li>the window starts when the engine is started and ends when the database shows no unfinished schedule of
 *       the run (polled every 2 ms once every schedule has been called, on a connection of its own);
 *   <li>commits: {@code pg_stat_database.xact_commit} read before the start and after every pool of the engine is
 *       closed (a backend reports its counts when it ends), minus the harness' own reads; other sessions on the
 *       database are counted too, so run alone;
 *   <li>heap: {@link HeapMonitor} from just before the start to the end of the window.
 * </ul>
 */
final class Scenarios {
    /** How early a call may come before its due time without failing the run (Quartz: up to 2 ms by design). */
    static final long EARLY_TOLERANCE_MICROS = 5_000;
    /**
     * How often the steady state analyses the engine's tables while it runs (autovacuum's default naptime is one
     * minute; its analyze threshold, 50 rows + 10 %, is crossed within seconds by a table growing from empty).
     */
    static final java.time.Duration ANALYZE_EVERY = java.time.Duration.ofSeconds(15);

    private Scenarios() {}

    /**
     * How early a call of {@code engine} may come without failing the run: {@link #EARLY_TOLERANCE_MICROS}, except
     * for JobRunr, which by design queues a scheduled job at the poll that finds it due within the next poll
     * interval, so it may run up to that interval early (the calls before their time are reported as figures).
     */
    static long earlyToleranceMicros(Engine engine) {
        return engine instanceof JobRunrEngine
                ? JobRunrEngine.POLL_INTERVAL.toNanos() / 1_000 + EARLY_TOLERANCE_MICROS
                : EARLY_TOLERANCE_MICROS;
    }

    /** How many of the sorted lateness values are earlier than {@code toleranceMicros} before their time. */
    static int calledEarly(long[] sortedLateness, long toleranceMicros) {
        int early = 0;
        while (early < sortedLateness.length && sortedLateness[early] < -toleranceMicros) {
            early++;
        }
        return early;
    }

    /** Why a run must not go on. */
    static final class RunFailed extends Exception {
        private static final long serialVersionUID = 1L;

        RunFailed(String message) {
            super(message);
        }
    }

    /** Polls the engine's unfinished schedules until none is left (or the deadline); counts its queries. */
    static final class Monitor implements AutoCloseable {
        private final Connection connection;
        private final Statement statement;
        private final String sql;
        int queries;

        Monitor(Pg pg, Engine engine) throws SQLException {
            connection = pg.connect("monitor", null);
            statement = connection.createStatement();
            sql = engine.remainingSql();
        }

        long remaining() throws SQLException {
            queries++;
            try (ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Returns the remaining count when it reached zero or the deadline passed. */
        long awaitNone(long deadlineNanos) throws SQLException, InterruptedException {
            while (true) {
                long left = remaining();
                if (left == 0 || System.nanoTime() > deadlineNanos) {
                    return left;
                }
                Thread.sleep(2);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /**
     * Reads xact_commit after the run: waits until every backend of this process has ended, then reads; returns
     * the commits of the window without the harness' own queries ({@code own}, plus the before-read and the
     * waiting queries).
     */
    static long commitsSince(Pg pg, long before, int own) throws SQLException, InterruptedException {
        int waits = pg.awaitNoBackends(10_000);
        Thread.sleep(300); // the waiting connection's backend ends too
        long after = pg.xactCommit();
        return after - before - own - 1 - waits;
    }

    /**
     * The figures and checks of a run that hands {@code n} schedules to the engine beforehand: nothing left in the
     * database ({@code left}), each schedule called, none twice, no unknown call.
     */
    static void everyScheduleOnce(Result r, Recorder recorder, int n, long left) {
        r.put("remaining", left)
                .put("called", recorder.distinct())
                .put("missing", recorder.missing(n))
                .put("duplicateCalls", recorder.duplicates())
                .put("unknownCalls", recorder.unknown());
        r.check(left == 0, "nothing left unfinished")
                .check(recorder.missing(n) == 0, "every schedule called")
                .check(recorder.duplicates() == 0, "no schedule called twice")
                .check(recorder.unknown() == 0, "no call for an unknown schedule");
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    // ------------------------------------------------------------------------------------------------ burn-down

    /**
     * N schedules due already (schedule {@code i} due {@code N - i} ms before the seeding started, so they are in
     * due order), then the engine is started and publishes them all.
     */
    static Result burnDown(
            Pg pg, Engine engine, Recorder recorder, int n, Duration timeout, Duration settle, boolean keepSchema)
            throws Exception {
        var r = new Result("burn-down", engine.name()).put("schedules", n).put("settings", engine.settings());
        try {
            engine.setUp();
            Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(n + 1_000L);
            IntFunction<Instant> due = i -> base.plusMillis(i);
            for (int i = 0; i < n; i++) {
                recorder.due(i, due.apply(i));
            }
            long t = System.nanoTime();
            engine.seedDue(n, due);
            double seedSeconds = seconds(System.nanoTime() - t);
            pg.vacuumAnalyze(engine.schema());
            r.put("seedSeconds", round(seedSeconds, 2)).put("seedPerSecond", Math.round(n / seedSeconds));
            engine.build();
            pg.awaitNoBackendsOf("aux-", 10_000);
            Thread.sleep(settle.toMillis()); // what building the engine did reaches the counters before the window
            long before = pg.xactCommit();
            HeapMonitor heap = HeapMonitor.start();
            long startMicros;
            long doneMicros;
            long left;
            int polls;
            try (Monitor monitor = new Monitor(pg, engine)) {
                long deadline = System.nanoTime() + timeout.toNanos();
                startMicros = Recorder.nowMicros();
                engine.start();
                boolean all = recorder.awaitCalled(n, timeout.toMillis());
                left = all ? monitor.awaitNone(deadline) : monitor.remaining();
                doneMicros = Recorder.nowMicros();
                polls = monitor.queries;
                heap.report(r);
                engine.stop();
            } finally {
                heap.close();
            }
            engine.close();
            long commits = commitsSince(pg, before, polls);
            long first = recorder.firstCall(n);
            long last = recorder.lastCall(n);
            double window = (doneMicros - first) / 1e6;
            r.put("schedulesPerSecond", Math.round(n / window))
                    .put("windowSeconds", round(window, 3))
                    .put("startToFirstCallMs", round((first - startMicros) / 1e3, 1))
                    .put("lastCallToDoneMs", round((doneMicros - last) / 1e3, 1))
                    .put("commits", commits)
                    .put("commitsPerSchedule", round((double) commits / n, 4));
            everyScheduleOnce(r, recorder, n, left);
            engine.verify(n, r);
            return r;
        } finally {
            engine.close();
            if (!keepSchema) {
                pg.dropSchemaQuietly(engine.schema());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ steady state

    /**
     * {@code rate} schedules per second for {@code warmup} plus {@code duration}, each created (by {@code producers}
     * threads through the engine's API) due {@code lead} after its creation; lateness = first channel call − due, of
     * the schedules created after the warm-up. Commits and heap cover the whole run.
     */
    static Result steady(
            Pg pg,
            Engine engine,
            Recorder recorder,
            int rate,
            Duration warmup,
            Duration duration,
            Duration lead,
            int producers,
            int batch,
            Duration drain,
            Duration settle,
            boolean keepSchema)
            throws Exception {
        int warm = (int) Math.round(rate * warmup.toNanos() / 1e9);
        int total = warm + (int) Math.round(rate * duration.toNanos() / 1e9);
        var r = new Result("steady", engine.name())
                .put("offeredPerSecond", rate)
                .put("warmupSeconds", round(warmup.toNanos() / 1e9, 3))
                .put("durationSeconds", round(duration.toNanos() / 1e9, 3))
                .put("leadMs", lead.toMillis())
                .put("producers", producers)
                .put("producerBatch", batch)
                .put("settings", engine.settings());
        try {
            engine.setUp();
            engine.prepareProduction(total);
            pg.vacuumAnalyze(engine.schema());
            engine.build();
            pg.awaitNoBackendsOf("aux-", 10_000);
            engine.start();
            // the schedule tables grow from empty during the run: analysed as autovacuum would (it is off here)
            Pg.Analyzer analyzer = pg.analyzeEvery(engine.schema(), ANALYZE_EVERY);
            Thread.sleep(settle.toMillis()); // the engine settles; its start reaches the counters before the window
            long before = pg.xactCommit();
            int analyzedBefore = analyzer.commits();
            HeapMonitor heap = HeapMonitor.start();
            var produced = new AtomicInteger();
            var maxLagNanos = new AtomicLong();
            var failure = new AtomicReference<Throwable>();
            var next = new AtomicInteger();
            long intervalNanos = Math.round(1e9 / rate);
            long t0 = System.nanoTime() + 20_000_000L;
            // an engine whose API cannot take the offered rate gets what it can take in the window (plus a second)
            long endNanos = t0 + warmup.toNanos() + duration.toNanos() + 1_000_000_000L;
            var threads = new ArrayList<Thread>();
            for (int p = 0; p < producers; p++) {
                Thread thread = new Thread(
                        () -> {
                            while (failure.get() == null) {
                                int i = next.getAndAdd(batch);
                                if (i >= total) {
                                    return;
                                }
                                int size = Math.min(batch, total - i);
                                // a batch is handed over when its last schedule is due to be produced
                                long at = t0 + (long) (i + size - 1) * intervalNanos;
                                long wait;
                                while ((wait = at - System.nanoTime()) > 0) {
                                    LockSupport.parkNanos(wait);
                                }
                                if (System.nanoTime() > endNanos) {
                                    return;
                                }
                                maxLagNanos.accumulateAndGet(-wait, Math::max);
                                Instant runAt = Instant.now().plus(lead).truncatedTo(ChronoUnit.MILLIS);
                                for (int k = 0; k < size; k++) {
                                    recorder.due(i + k, runAt);
                                }
                                try {
                                    if (size == 1) {
                                        engine.produce(i, runAt);
                                    } else {
                                        engine.produceAll(i, java.util.Collections.nCopies(size, runAt));
                                    }
                                    produced.addAndGet(size);
                                } catch (Exception | Error e) {
                                    failure.compareAndSet(null, e);
                                }
                            }
                        },
                        "luxbench-producer-" + p);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            long left;
            int polls;
            long producedEnd;
            try (Monitor monitor = new Monitor(pg, engine)) {
                for (Thread thread : threads) {
                    thread.join();
                }
                producedEnd = System.nanoTime();
                if (failure.get() != null) {
                    throw new RunFailed("the producer failed: " + failure.get());
                }
                int n = produced.get();
                long deadline = System.nanoTime() + lead.toNanos() + drain.toNanos();
                boolean all = recorder.awaitCalled(n, lead.plus(drain).toMillis());
                left = all ? monitor.awaitNone(deadline) : monitor.remaining();
                polls = monitor.queries;
                heap.report(r);
                engine.stop();
            } finally {
                heap.close();
            }
            engine.close();
            analyzer.close();
            long commits = commitsSince(pg, before, polls + analyzer.commits() - analyzedBefore);
            int n = produced.get();
            int missing = recorder.missing(total);
            // measured: the schedules created after the warm-up
            long[] lateness = recorder.lateness(warm, total);
            long first = recorder.firstCall(warm, total);
            long last = recorder.lastCall(warm, total);
            int measured = recorder.handed(warm, total);
            boolean behind = left > 0 || missing > 0;
            r.put("produced", n)
                    .put("measured", measured)
                    .put("producedPerSecond", round(n / seconds(producedEnd - t0), 1))
                    .put("producerMaxLagMs", round(maxLagNanos.get() / 1e6, 1))
                    .put(
                            "publishedPerSecond",
                            round((measured - recorder.missing(warm, total)) / ((last - first) / 1e6), 1))
                    .put("latenessP50Ms", round(Recorder.percentile(lateness, 50) / 1e3, 2))
                    .put("latenessP95Ms", round(Recorder.percentile(lateness, 95) / 1e3, 2))
                    .put("latenessP99Ms", round(Recorder.percentile(lateness, 99) / 1e3, 2))
                    .put("latenessMaxMs", round(Recorder.percentile(lateness, 100) / 1e3, 2))
                    .put("latenessMinMs", round(Recorder.percentile(lateness, 0) / 1e3, 2))
                    .put("calledMoreThan5msEarly", calledEarly(lateness, EARLY_TOLERANCE_MICROS))
                    .put("latenessP99ByTenthMs", recorder.p99ByTenth(warm, total))
                    .put("commits", commits)
                    .put("commitsPerSchedule", round((double) commits / Math.max(1, n), 4))
                    .put("called", recorder.distinct())
                    .put("duplicateCalls", recorder.duplicates())
                    .put("unknownCalls", recorder.unknown())
                    // an engine that cannot keep up: what was still not published when the drain time was over
                    .put("fellBehind", behind)
                    .put("notCalledWithinDrain", missing)
                    .put("unfinishedAfterDrain", left);
            r.check(recorder.handed(total) == n, "every schedule handed to the engine was created")
                    .check(recorder.duplicates() == 0, "no schedule called twice")
                    .check(recorder.unknown() == 0, "no call for an unknown schedule")
                    // Quartz fires a trigger up to 2 ms before its time (it stops waiting when less is left)
                    .check(
                            lateness.length == 0 || lateness[0] >= -earlyToleranceMicros(engine),
                            engine instanceof JobRunrEngine
                                    ? "no schedule called more than one poll interval before it was due"
                                    : "no schedule called more than 5 ms before it was due");
            if (behind) {
                // the database still holds unpublished work: its final state is not "all done"
                return r;
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
}
