package io.luxaris.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
