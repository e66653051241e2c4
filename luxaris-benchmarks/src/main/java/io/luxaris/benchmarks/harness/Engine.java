package io.luxaris.benchmarks.harness;

import java.time.Instant;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One scheduler under test on its own PostgreSQL schema, doing the same no-op work for every schedule: {@link
 * Recorder#called(int)}. The harness drives it through the same steps for every engine:
 *
 * <ol>
 *   <li>{@link #setUp} creates the schema's tables (and Luxaris' accounts); not measured;
 *   <li>{@link #seedDue} writes schedules that are due already (burn-down), or {@link #prepareProduction} readies
 *       what creating schedules during the run needs (steady state: Luxaris' draft posts); not measured;
 *   <li>{@link #build} creates the engine instances with their pools, not started;
 *   <li>{@link #start}, then {@link #produce} while it runs (steady state), then {@link #stop};
 *   <li>{@link #verify} checks the database, {@link #close} closes every pool (the schema is dropped by the
 *       harness).
 * </ol>
 */
interface Engine extends AutoCloseable {
    /** The name in reports: {@code luxaris}, {@code luxaris-x3}, {@code db-scheduler}, {@code quartz}. */
    String name();

    /** The schema this engine works in. */
    String schema();

    /** The settings that matter, for the report. */
    Map<String, Object> settings();

    void setUp() throws Exception;

    /** Writes schedules {@code 0..n-1}, schedule {@code i} due at {@code dueAt(i)} (in the past). */
    void seedDue(int n, IntFunction<Instant> dueAt) throws Exception;

    /** Readies the creation of up to {@code n} schedules during the run. */
    void prepareProduction(int n) throws Exception;

    void build() throws Exception;

    void start() throws Exception;

    /** Creates schedule {@code i}, due at {@code runAt}, through the engine's own API (a producer thread). */
    void produce(int i, Instant runAt) throws Exception;

    /**
     * Creates schedules {@code first..first+runAts.size()-1}, each due at its {@code runAts} entry, as one batch
     * through the engine's own API when it has a bulk call (a host handing over what its inbox gathered); by default
     * one {@link #produce} per schedule.
     */
    default void produceAll(int first, java.util.List<Instant> runAts) throws Exception {
        for (int k = 0; k < runAts.size(); k++) {
            produce(first + k, runAts.get(k));
        }
    }

    /** SQL (on this engine's schema) counting the schedules not finished yet. */
    String remainingSql();

    void stop() throws Exception;

    /** Checks the database after the run: {@code n} schedules done, nothing else; adds what it found. */
    void verify(int n, Result result) throws Exception;

    /** Closes every pool and scheduler of this engine; idempotent. */
    @Override
    void close();
}
