package io.luxaris.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static Result steady(String engine, int rate, int batch, double p99) {
        var r = new Result("steady", engine)
                .put("offeredPerSecond", rate)
                .put("producedPerSecond", rate)
                .put("publishedPerSecond", rate)
                .put("latenessP99Ms", p99);
        return batch == 1 ? r : r.put("producerBatch", batch);
    }

    @Test
    void theSteadyTable_keepsSingleAndBatchedProducersApart_andComparesWithTheSingleOnes() {
        String tables = Summary.tables(List.of(
                steady("luxaris", 1000, 1, 40.0),
                steady("luxaris", 1000, 50, 20.0),
                steady("db-scheduler", 1000, 1, 1000.0)));

        assertThat(tables.lines().filter(l -> l.startsWith("| 1000 |")))
                .containsExactly(
                        "| 1000 | luxaris | 1,000 | 1,000 | – | – | 40.0 | – | – |  |",
                        "| 1000 | luxaris (producers hand over 50 at a time) | 1,000 | 1,000 | – | – | 20.0 | – | – | 2.00× |",
                        "| 1000 | db-scheduler | 1,000 | 1,000 | – | – | 1,000.0 | – | – | 0.04× |");
    }

    private static Result burnDown(String engine, Map<String, Object> settings, int perSecond) {
        return new Result("burn-down", engine)
                .put("settings", settings)
                .put("schedules", 100_000)
                .put("schedulesPerSecond", perSecond);
    }

    /** A burn-down of db-scheduler with lock-and-fetch limits 1.0 and {@code upper}. */
    private static Result dbScheduler(double upper, int perSecond) {
        return burnDown(
                "db-scheduler",
                Map.of("lowerLimitFractionOfThreads", 1.0, "upperLimitFractionOfThreads", upper),
                perSecond);
    }

    @Test
    void theBurnDownTable_hasARowPerEngineAndSetting_andComparesEachEngineAtItsBest() {
        String tables = Summary.tables(List.of(
                burnDown("luxaris", Map.of("claimBatchSize", 100), 8_000),
                burnDown("luxaris", Map.of("claimBatchSize", 500), 10_000),
                dbScheduler(4.0, 9_000),
                dbScheduler(8.0, 8_000),
                burnDown("jobrunr", Map.of(), 250),
                burnDown("luxaris", Map.of("claimBatchSize", 100), 8_400))); // a later run of the same setting wins

        assertThat(tables.lines()
                        .filter(l -> l.startsWith("| luxaris")
                                || l.startsWith("| db-scheduler")
                                || l.startsWith("| jobrunr")))
                .containsExactly(
                        "| luxaris | claim batch 100 | 100,000 | 8,400 | – | – | – | 1.19× |",
                        "| luxaris | claim batch 500 | 100,000 | 10,000 | – | – | – |  |",
                        "| db-scheduler | lock-and-fetch 1.0/4.0 | 100,000 | 9,000 | – | – | – | 1.11× |",
                        "| db-scheduler | lock-and-fetch 1.0/8.0 | 100,000 | 8,000 | – | – | – | 1.25× |",
                        "| jobrunr | – | 100,000 | 250 | – | – | – | 40.00× |");
        assertThat(tables).contains("Each at its best setting above: Luxaris×1 / db-scheduler = 1.11×.");
    }

    @Test
    void warmedUpBurnDowns_haveRowsOfTheirOwn_andAreComparedWithEachOther() {
        String tables = Summary.tables(List.of(
                burnDown("luxaris", Map.of("claimBatchSize", 100), 6_000),
                burnDown("luxaris", Map.of("claimBatchSize", 100), 10_000).put("warmupRounds", 1),
                dbScheduler(4.0, 8_000),
                dbScheduler(4.0, 12_500).put("warmupRounds", 2)));

        assertThat(tables.lines().filter(l -> l.startsWith("| luxaris") || l.startsWith("| db-scheduler")))
                .containsExactly(
                        "| luxaris | claim batch 100 | 100,000 | 6,000 | – | – | – |  |",
                        "| luxaris | claim batch 100, after 1 warm-up round | 100,000 | 10,000 | – | – | – |  |",
                        "| db-scheduler | lock-and-fetch 1.0/4.0 | 100,000 | 8,000 | – | – | – | 0.75× |",
                        "| db-scheduler | lock-and-fetch 1.0/4.0, after 2 warm-up rounds | 100,000 | 12,500 | – | – | – |"
                                + " 0.80× |");
        assertThat(tables)
                .contains("Each at its best setting above: Luxaris×1 / db-scheduler = 0.75×.")
                .contains("After warm-up rounds, each at its best setting above: Luxaris×1 / db-scheduler = 0.80×.");
    }
}
