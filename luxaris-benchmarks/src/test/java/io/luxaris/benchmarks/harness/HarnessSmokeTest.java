package io.luxaris.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every harness scenario (burn-down, steady, burst, scale) for every engine at a tiny size against the local PostgreSQL: each schedule is called
 * exactly once per engine, nothing is left in the database, the figures are there, and the schemas are gone
 * afterwards. Nothing is timed here. Without PostgreSQL the tests are skipped with a loud message, unless {@code
 * luxaris.requireDatabases} (system property) or {@code LUXARIS_REQUIRE_DATABASES} (environment) is {@code true}:
 * then they fail.
 */
class HarnessSmokeTest {
    private static final String PREFIX =
            "luxbench_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";

    private static boolean available;

    @BeforeAll
    static void requirePostgres() {
        Pg pg = Pg.fromEnvironment("smoke");
        try (Connection c = pg.connect("aux-probe", null)) {
            available = c.isValid(3);
        } catch (SQLException e) {
            String message = "LUXARIS DATABASE MISSING: PostgreSQL at " + pg.where() + " is not reachable ("
                    + e.getMessage() + "); see DEVELOPERS.md.";
            boolean required = Boolean.getBoolean("luxaris.requireDatabases")
                    || "true".equalsIgnoreCase(System.getenv("LUXARIS_REQUIRE_DATABASES"));
            if (required) {
                fail(message + " (luxaris.requireDatabases is set, so this is a failure)", e);
            }
            System.err.println("*** " + message + " Skipping; set luxaris.requireDatabases=true to fail instead.");
        }
    }

    private static void assumePostgres() {
        Assumptions.assumeTrue(
                available,
                "LUXARIS DATABASE MISSING: PostgreSQL is not reachable; see DEVELOPERS.md. Skipped; set"
                        + " luxaris.requireDatabases=true to fail instead.");
    }

    @AfterAll
    static void schemasAreGone() throws SQLException {
        if (!available) {
            return;
        }
        try (Connection c = Pg.fromEnvironment("smoke").connect("aux-probe", null);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE '" + PREFIX + "%'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "the harness drops every schema it created");
        }
    }

    private static List<Result> run(String... args) throws Exception {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--schema-prefix";
        all[args.length + 1] = PREFIX;
        // the commit counts are not checked here: no need to wait for the statistics to settle
        all[args.length + 2] = "--settle";
        all[args.length + 3] = "0";
        return Harness.run(all);
    }

    private static void assertValid(Result r) {
        assertTrue(r.ok(), () -> r.scenario() + " / " + r.engine() + " failed its checks: " + r.failures());
    }

    @Test
    void burnDown_withWarmUpRounds_measuresTheRunAfterThemAndReportsTheirRates() throws Exception {
        assumePostgres();
        List<Result> results = run(
                "burn-down",
                "--engines",
                "luxaris,db-scheduler",
                "--schedules",
                "100",
                "--accounts",
                "10",
                "--concurrency",
                "8",
                "--warmup-rounds",
                "2",
                "--timeout",
                "60");
        assertEquals(
                List.of("luxaris", "db-scheduler"),
                results.stream().map(Result::engine).toList());
        for (Result r : results) {
            assertValid(r);
            assertEquals(100, r.longValue("called"), r.engine() + ": the measured run's own schedules, called once");
            assertEquals(0, r.longValue("duplicateCalls"));
            assertEquals(2, r.longValue("warmupRounds"));
            var rates = (List<?>) r.get("warmupSchedulesPerSecond");
            assertEquals(2, rates.size(), r.engine() + ": a rate per warm-up round");
            assertTrue(rates.stream().allMatch(x -> ((Number) x).longValue() > 0), () -> "rates " + rates);
        }
    }

    @Test
    void burnDown_everyEnginePublishesEveryScheduleExactlyOnce() throws Exception {
        assumePostgres();
        List<Result> results = run(
                "burn-down",
                "--engines",
                "luxaris,luxaris-x3,db-scheduler,quartz,jobrunr",
                "--schedules",
                "200",
                "--accounts",
                "20",
                "--concurrency",
                "8",
                "--timeout",
                "60");
        assertEquals(
                List.of("luxaris", "luxaris-x3", "db-scheduler", "quartz", "jobrunr"),
                results.stream().map(Result::engine).toList());
        for (Result r : results) {
            assertValid(r);
            assertEquals(200, r.longValue("schedules"));
            assertEquals(200, r.longValue("called"), r.engine() + ": every schedule called");
            assertEquals(0, r.longValue("missing"));
            assertEquals(0, r.longValue("duplicateCalls"), r.engine() + ": no schedule called twice");
            assertEquals(0, r.longValue("unknownCalls"));
            assertEquals(0, r.longValue("remaining"));
            assertTrue(r.longValue("schedulesPerSecond") > 0);
            assertTrue(r.longValue("commits") > 0, r.engine() + ": the database counted commits");
            assertTrue(r.number("peakHeapMb").orElse(0.0) > 0);
        }
        for (Result r : results.subList(0, 2)) {
            assertEquals(Map.of("success", 200L), r.get("schedulesByStatus"));
            assertEquals(200, r.longValue("publishEvents"));
            var perInstance = (Map<?, ?>) r.get("publishedPerInstance");
            assertEquals(r.engine().equals("luxaris") ? 1 : 3, perInstance.size());
            assertEquals(
                    200,
                    perInstance.values().stream()
                            .mapToInt(v -> ((Number) v).intValue())
                            .sum());
        }
    }

    @Test
    void steadyState_everyEngineCallsEveryProducedScheduleOnce_atOrAfterItsTime() throws Exception {
        assumePostgres();
        List<Result> results = run(
                "steady",
                "--engines",
                "luxaris,db-scheduler,quartz,jobrunr",
                "--rate",
                "40",
                "--warmup",
                "0.5",
                "--duration",
                "2",
                "--lead",
                "0.5",
                "--producers",
                "2",
                "--drain",
                "20",
                "--accounts",
                "20",
                "--concurrency",
                "8",
                "--dbs-poll",
                "200ms");
        assertEquals(
                List.of("luxaris", "db-scheduler", "quartz", "jobrunr"),
                results.stream().map(Result::engine).toList());
        for (Result r : results) {
            assertValid(r);
            // 40/s for 0.5 s warm-up and 2 s is 100; producers starved of CPU (a loaded build machine) stop at the
            // end of the window with fewer, which is not what this smoke test is about
            long produced = r.longValue("produced");
            assertTrue(produced > 0 && produced <= 100, r.engine() + ": at most 40/s for 2.5 s, got " + produced);
            assertTrue(r.longValue("measured") <= Math.min(80, produced), r.engine() + ": the 2 s after the warm-up");
            assertEquals(produced, r.longValue("called"), r.engine() + ": every produced schedule called");
            assertEquals(0, r.longValue("duplicateCalls"));
            assertEquals(false, r.get("fellBehind"), r.engine() + ": kept up with 40/s");
            assertEquals(0, r.longValue("unfinishedAfterDrain"));
            double p50 = r.number("latenessP50Ms").orElseThrow();
            double p99 = r.number("latenessP99Ms").orElseThrow();
            double max = r.number("latenessMaxMs").orElseThrow();
            assertTrue(p50 <= p99 && p99 <= max, r.engine() + ": percentiles in order");
            // JobRunr queues a job at the poll that finds it due within the next poll interval (5 s)
            double earliest = r.engine().equals("jobrunr") ? -5_005.0 : -5.0;
            assertTrue(r.number("latenessMinMs").orElseThrow() >= earliest, r.engine() + ": not called early");
        }
    }

    @Test
    void steadyState_withBatchedProducers_luxarisTakesEachBatchInOneScheduleAllCall() throws Exception {
        assumePostgres();
        List<Result> results = run(
                "steady",
                "--engines",
                "luxaris",
                "--rate",
                "40",
                "--batch",
                "8",
                "--warmup",
                "0.5",
                "--duration",
                "2",
                "--lead",
                "0.5",
                "--producers",
                "2",
                "--drain",
                "20",
                "--accounts",
                "20",
                "--concurrency",
                "8");
        Result r = results.get(0);
        assertValid(r);
        assertEquals(8L, r.longValue("producerBatch"));
        long produced = r.longValue("produced");
        assertTrue(produced > 0 && produced <= 100, "at most 40/s for 2.5 s, handed over 8 at a time: " + produced);
        assertEquals(produced, r.longValue("called"), "every produced schedule called");
        assertEquals(0, r.longValue("duplicateCalls"));
        assertEquals(0, r.longValue("unfinishedAfterDrain"));
        assertTrue(r.number("latenessMinMs").orElseThrow() >= -5.0, "not called early");
    }

    @Test
    void burst_everyEngineDrainsTheBurst_luxarisKeepsEachAccountInOrderAndApart() throws Exception {
        assumePostgres();
        List<Result> results = run(
                "burst",
                "--engines",
                "luxaris,db-scheduler,jobrunr",
                "--schedules",
                "120",
                "--accounts",
                "12",
                "--call-ms",
                "2-8",
                "--concurrency",
                "6",
                "--pool",
                "4",
                "--peer-pool",
                "4",
                "--lead",
                "3",
                "--timeout",
                "60");
        assertEquals(
                List.of("luxaris", "db-scheduler", "jobrunr"),
                results.stream().map(Result::engine).toList());
        for (Result r : results) {
            assertValid(r);
            assertEquals(120, r.longValue("called"), r.engine() + ": every schedule called");
            assertEquals(0, r.longValue("duplicateCalls"), r.engine() + ": no schedule called twice");
            assertEquals(0, r.longValue("remaining"));
            assertEquals(0, r.longValue("interruptedCalls"), r.engine() + ": every call ran to its end");
            double p50 = r.number("latenessP50Ms").orElseThrow();
            double p99 = r.number("latenessP99Ms").orElseThrow();
            assertTrue(p50 <= p99, r.engine() + ": percentiles in order");
            assertTrue(
                    r.number("drainSeconds").orElseThrow()
                            >= r.number("lowerBoundDrainSeconds").orElseThrow(),
                    r.engine() + ": no faster than the work allows");
            assertTrue(r.longValue("maxInFlight") >= 1);
            assertTrue(r.longValue("peakPlatformThreads") > 0);
            assertTrue(r.number("peakHeapMb").orElse(0.0) > 0);
            assertTrue(r.values().containsKey("outOfOrder") && r.values().containsKey("overlapping"));
        }
        Result luxaris = results.get(0);
        assertEquals(true, luxaris.get("perAccountSerialisationClaimed"));
        assertEquals(0, luxaris.longValue("outOfOrder"), "luxaris: each account's calls in creation order");
        assertEquals(0, luxaris.longValue("overlapping"), "luxaris: one call per account at a time");
        assertTrue(luxaris.longValue("maxInFlight") <= 6, "luxaris: at most maxConcurrency calls in flight");
        assertTrue(results.get(1).longValue("maxInFlight") <= 6, "db-scheduler: at most its threads in flight");
    }

    @Test
    void burst_seededByParallelWriters_luxarisStillCallsEachAccountInCreationOrder() throws Exception {
        assumePostgres();
        // 2,000 schedules are written in four chunks at once: an account's schedules lie in every chunk, so the
        // check holds only if schedule i's id sorts before schedule i + 1's whichever chunk commits first
        List<Result> results = run(
                "burst",
                "--engines",
                "luxaris",
                "--schedules",
                "2000",
                "--accounts",
                "200",
                "--call-ms",
                "1-2",
                "--concurrency",
                "50",
                "--pool",
                "4",
                "--lead",
                "4",
                "--timeout",
                "60");
        Result luxaris = results.get(0);
        assertValid(luxaris);
        assertEquals(2000, luxaris.longValue("called"));
        assertEquals(0, luxaris.longValue("outOfOrder"), "each account's calls in creation order");
        assertEquals(0, luxaris.longValue("overlapping"), "one call per account at a time");
    }

    @Test
    void scale_claimsAndCalendarWeekWork_onTheLoadedTable() throws Exception {
        assumePostgres();
        List<Result> results =
                run("scale", "--rows", "2000", "--reps", "10", "--batch", "20", "--templates", "60", "--owners", "3");
        assertEquals(1, results.size());
        Result r = results.get(0);
        assertValid(r);
        assertEquals(2020, r.longValue("pendingRows"));
        assertEquals(20, r.longValue("dueRows"));
        assertEquals(Boolean.TRUE, r.get("checkpointed"), "the load's dirty pages are written before measuring");
        assertTrue(r.longValue("calendarWeekEntries") > 0);
        for (String key : List.of(
                "claimQuery",
                "claimCycle",
                "calendarWeekFirstPage",
                "calendarWeekFirstPageCold",
                "calendarWholeWeek")) {
            double median = r.number(key + "MedianMs").orElseThrow();
            double p99 = r.number(key + "P99Ms").orElseThrow();
            assertTrue(median > 0 && median <= p99, key + ": median " + median + " p99 " + p99);
        }
    }

    @Test
    void summary_readsTheResultLinesBack() {
        var line = new Result("burn-down", "luxaris")
                .put("schedules", 10)
                .put("schedulesPerSecond", 1000)
                .put("commitsPerSchedule", 0.1)
                .put("peakHeapMb", 50.0);
        var peer = new Result("burn-down", "db-scheduler")
                .put("schedules", 10)
                .put("schedulesPerSecond", 500)
                .check(false, "a failed check");
        var back = List.of(Result.fromJson(line.toJson()), Result.fromJson(peer.toJson()));
        assertTrue(back.get(0).ok());
        assertEquals(List.of("a failed check"), back.get(1).failures());
        String tables = Summary.tables(back);
        assertTrue(tables.contains("| db-scheduler (FAILED) | – | 10 | 500 |"), tables);
        assertTrue(tables.contains("2.00×"), tables);
    }
}
