package io.luxaris.benchmarks.harness;

import java.util.Comparator;
import java.util.List;

/** The burst scenario's markdown table: one row per run (Java version and threads, then engine). */
final class BurstSummary {
    private BurstSummary() {}

    static void table(List<Result> results, StringBuilder out) {
        var runs = results.stream()
                .filter(r -> r.scenario().equals("burst"))
                .sorted(Comparator.comparing((Result r) -> String.valueOf(r.get("threads")))
                        .thenComparing(r -> String.valueOf(r.get("javaVersion")))
                        .thenComparingInt(r -> Summary.order(r.engine())))
                .toList();
        if (runs.isEmpty()) {
            return;
        }
        out.append("\n### Burst (all due at one instant T; times from T)\n\n")
                .append("| Java | threads | engine | schedules / accounts | in flight (max) | drain s | lower bound s |"
                        + " lateness p50 ms | p99 ms | peak platform threads | peak heap MB |"
                        + " out of order (accounts) | overlapping (accounts) | commits/schedule |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : runs) {
            String java = String.valueOf(r.get("javaVersion"));
            int plus = java.indexOf('+');
            out.append(Summary.row(
                    plus > 0 ? java.substring(0, plus) : java,
                    r.get("threads"),
                    r.engine() + (r.ok() ? "" : " (FAILED)"),
                    Summary.num(r.number("schedules"), 0) + " / " + Summary.num(r.number("accounts"), 0),
                    Summary.num(r.number("concurrency"), 0) + " (" + Summary.num(r.number("maxInFlight"), 0) + ")",
                    Summary.num(r.number("drainSeconds"), 1),
                    Summary.num(r.number("lowerBoundDrainSeconds"), 1),
                    Summary.num(r.number("latenessP50Ms"), 0),
                    Summary.num(r.number("latenessP99Ms"), 0),
                    Summary.num(r.number("peakPlatformThreads"), 0),
                    Summary.num(r.number("peakHeapMb"), 0),
                    Summary.num(r.number("outOfOrder"), 0) + " (" + Summary.num(r.number("accountsOutOfOrder"), 0)
                            + ")",
                    Summary.num(r.number("overlapping"), 0) + " (" + Summary.num(r.number("accountsOverlapping"), 0)
                            + ")",
                    Summary.num(r.number("commitsPerSchedule"), 2)));
        }
    }
}
