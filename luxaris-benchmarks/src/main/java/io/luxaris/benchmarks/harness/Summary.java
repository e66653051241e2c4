package io.luxaris.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Markdown tables of results (this run's, or every {@code *.jsonl} of a results folder), with the ratios. */
final class Summary {
    private Summary() {}

    static List<Result> read(List<Path> paths) throws IOException {
        var out = new ArrayList<Result>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".jsonl"))
                            .sorted()
                            .toList()) {
                        out.addAll(read(List.of(f)));
                    }
                }
            } else {
                for (String line : Files.readAllLines(p)) {
                    if (!line.isBlank()) {
                        out.add(Result.fromJson(line));
                    }
                }
            }
        }
        return out;
    }

    static String tables(List<Result> results) {
        var out = new StringBuilder();
        burnDown(results, out);
        steady(results, out);
        BurstSummary.table(results, out);
        scale(results, out);
        var failed = results.stream().filter(r -> !r.ok()).toList();
        if (!failed.isEmpty()) {
            out.append("\nFAILED CHECKS (these figures are not valid):\n");
            failed.forEach(r -> out.append("- ")
                    .append(r.scenario())
                    .append(" / ")
                    .append(r.engine())
                    .append(": ")
                    .append(r.failures())
                    .append('\n'));
        }
        return out.toString();
    }

    /** One Markdown table row: {@code | a | b | c |} and a line break. */
    static String row(Object... cells) {
        var line = new StringBuilder("|");
        for (Object cell : cells) {
            line.append(' ').append(cell).append(" |");
        }
        return line.append('\n').toString();
    }

    static String num(Optional<Double> v, int decimals) {
        return v.map(d -> String.format(Locale.ROOT, "%,." + decimals + "f", d)).orElse("–");
    }

    private static String ratio(Optional<Double> a, Optional<Double> b) {
        if (a.isEmpty() || b.isEmpty() || b.get() == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", a.get() / b.get());
    }

    private static void burnDown(List<Result> results, StringBuilder out) {
        List<Result> runs =
                results.stream().filter(r -> r.scenario().equals("burn-down")).toList();
        if (runs.isEmpty()) {
            return;
        }
        // one row per engine and setting (the suite runs Luxaris and db-scheduler with more than one); the last run
        // of each wins
        var last = new LinkedHashMap<BurnDownRow, Result>();
        for (Result r : runs) {
            last.put(new BurnDownRow(r.engine(), burnDownSetting(r)), r);
        }
        var rows = last.keySet().stream()
                .sorted(Comparator.comparingInt((BurnDownRow k) -> order(k.engine()))
                        .thenComparing(BurnDownRow::engine)
                        .thenComparing(BurnDownRow::setting))
                .toList();
        out.append("\n### Burn-down\n\n")
                .append("| engine | setting | schedules | schedules/s | commits/schedule | peak heap MB |"
                        + " heap after GC MB | best Luxaris×1 / this |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (BurnDownRow k : rows) {
            Result r = last.get(k);
            Optional<Double> rate = r.number("schedulesPerSecond");
            // runs after warm-up rounds are compared with each other, cold runs with cold runs
            Optional<Double> bestLuxaris = best(last, "luxaris", warmedUp(r));
            boolean isBest = k.engine().equals("luxaris") && rate.equals(bestLuxaris);
            out.append(row(
                    k.engine() + (r.ok() ? "" : " (FAILED)"),
                    k.setting().isEmpty() ? "–" : k.setting(),
                    num(r.number("schedules"), 0),
                    num(rate, 0),
                    num(r.number("commitsPerSchedule"), 3),
                    num(r.number("peakHeapMb"), 0),
                    num(r.number("maxHeapAfterGcMb"), 0),
                    isBest ? "" : ratio(bestLuxaris, rate)));
        }
        for (boolean warm : List.of(false, true)) {
            Optional<Double> bestLuxaris = best(last, "luxaris", warm);
            Optional<Double> bestDbScheduler = best(last, "db-scheduler", warm);
            if (bestLuxaris.isPresent() && bestDbScheduler.isPresent()) {
                out.append(warm ? "\nAfter warm-up rounds, each" : "\nEach")
                        .append(" at its best setting above: Luxaris×1 / db-scheduler = ")
                        .append(ratio(bestLuxaris, bestDbScheduler))
                        .append(".\n");
            }
        }
    }

    private record BurnDownRow(String engine, String setting) {}

    /**
     * The setting a burn-down run varies: Luxaris' claim batch, db-scheduler's fetch limits (empty for the rest),
     * and the warm-up rounds before it, if any.
     */
    static String burnDownSetting(Result r) {
        String setting = engineSetting(r);
        if (!warmedUp(r)) {
            return setting;
        }
        long rounds = r.longValue("warmupRounds");
        String warm = "after " + rounds + " warm-up round" + (rounds == 1 ? "" : "s");
        return setting.isEmpty() ? warm : setting + ", " + warm;
    }

    private static boolean warmedUp(Result r) {
        return r.number("warmupRounds").orElse(0.0) > 0;
    }

    private static String engineSetting(Result r) {
        if (!(r.get("settings") instanceof Map<?, ?> settings)) {
            return "";
        }
        if (settings.get("claimBatchSize") != null) {
            return "claim batch " + settings.get("claimBatchSize");
        }
        if (settings.get("upperLimitFractionOfThreads") != null) {
            return "lock-and-fetch " + settings.get("lowerLimitFractionOfThreads") + "/"
                    + settings.get("upperLimitFractionOfThreads");
        }
        return "";
    }

    /** The highest burn-down rate among the rows of {@code engine}, those after warm-up rounds or the cold ones. */
    private static Optional<Double> best(Map<BurnDownRow, Result> last, String engine, boolean warm) {
        return last.entrySet().stream()
                .filter(e -> e.getKey().engine().equals(engine) && warmedUp(e.getValue()) == warm)
                .map(e -> e.getValue().number("schedulesPerSecond"))
                .flatMap(Optional::stream)
                .max(Double::compare);
    }

    private static void steady(List<Result> results, StringBuilder out) {
        var rates = results.stream()
                .filter(r -> r.scenario().equals("steady"))
                .map(r -> r.number("offeredPerSecond").orElse(0.0).intValue())
                .distinct()
                .sorted()
                .toList();
        if (rates.isEmpty()) {
            return;
        }
        out.append("\n### Steady state (lateness = channel call − due, ms)\n\n")
                .append("| offered/s | engine | produced/s | published/s | p50 | p95 | p99 | max | commits/schedule |"
                        + " Luxaris p99 / this p99 |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int rate : rates) {
            List<Result> atRate = results.stream()
                    .filter(r -> r.scenario().equals("steady")
                            && r.number("offeredPerSecond").orElse(0.0).intValue() == rate)
                    .toList();
            Optional<Double> luxarisP99 = lastOf(atRate, "luxaris", 1).flatMap(r -> r.number("latenessP99Ms"));
            // one row per engine and producer batch: Luxaris runs with single and with batched producers
            var rows = atRate.stream()
                    .map(r -> new SteadyRow(r.engine(), producerBatch(r)))
                    .distinct()
                    .sorted(Comparator.comparingInt((SteadyRow k) -> order(k.engine()))
                            .thenComparing(SteadyRow::engine)
                            .thenComparingInt(SteadyRow::batch))
                    .toList();
            for (SteadyRow k : rows) {
                Result r = lastOf(atRate, k.engine(), k.batch()).orElseThrow();
                String behind = Boolean.TRUE.equals(r.get("fellBehind"))
                        ? " (fell behind: " + num(r.number("notCalledWithinDrain"), 0)
                                + " not published within the drain time)"
                        : "";
                String batched = k.batch() > 1 ? " (producers hand over " + k.batch() + " at a time)" : "";
                boolean reference = k.engine().equals("luxaris") && k.batch() == 1;
                out.append(row(
                        rate,
                        k.engine() + batched + (r.ok() ? "" : " (FAILED)") + behind,
                        num(r.number("producedPerSecond"), 0),
                        num(r.number("publishedPerSecond"), 0),
                        num(r.number("latenessP50Ms"), 1),
                        num(r.number("latenessP95Ms"), 1),
                        num(r.number("latenessP99Ms"), 1),
                        num(r.number("latenessMaxMs"), 1),
                        num(r.number("commitsPerSchedule"), 3),
                        reference ? "" : ratio(luxarisP99, r.number("latenessP99Ms"))));
            }
        }
    }

    private record SteadyRow(String engine, int batch) {}

    /** How many schedules the run's producers handed over at a time (1 when the result does not say). */
    static int producerBatch(Result r) {
        return r.number("producerBatch").orElse(1.0).intValue();
    }

    /** The last steady result of {@code engine} with producers handing over {@code batch} at a time. */
    private static Optional<Result> lastOf(List<Result> atRate, String engine, int batch) {
        return atRate.stream()
                .filter(r -> r.engine().equals(engine) && producerBatch(r) == batch)
                .reduce((a, b) -> b); // the last run wins
    }

    private static void scale(List<Result> results, StringBuilder out) {
        var runs = results.stream()
                .filter(r -> r.scenario().equals("scale"))
                .sorted(Comparator.comparingDouble(r -> r.number("rows").orElse(0.0)))
                .toList();
        if (runs.isEmpty()) {
            return;
        }
        String[] keys = {
            "claimQuery", "claimCycle", "calendarWeekFirstPage", "calendarWeekFirstPageCold", "calendarWholeWeek"
        };
        String[] labels = {
            "claim query (batch)",
            "claim cycle (engine step)",
            "calendar week, first page",
            "calendar week, first page, right after loading (cold JVM)",
            "calendar week, all pages"
        };
        out.append("\n### Scale (ms; median / p99)\n\n| measure |");
        runs.forEach(r -> out.append(' ')
                .append(num(r.number("rows"), 0))
                .append(" pending future rows")
                .append(r.ok() ? "" : " (FAILED)")
                .append(" |"));
        boolean ratio = runs.size() >= 2;
        if (ratio) {
            out.append(" largest / smallest (median, p99) |");
        }
        out.append("\n|---|");
        runs.forEach(r -> out.append("---:|"));
        if (ratio) {
            out.append("---:|");
        }
        out.append('\n');
        for (int k = 0; k < keys.length; k++) {
            String key = keys[k];
            out.append("| ").append(labels[k]).append(" |");
            for (Result r : runs) {
                out.append(' ')
                        .append(num(r.number(key + "MedianMs"), 2))
                        .append(" / ")
                        .append(num(r.number(key + "P99Ms"), 2))
                        .append(" |");
            }
            if (ratio) {
                Result small = runs.get(0);
                Result large = runs.get(runs.size() - 1);
                out.append(' ')
                        .append(ratio(large.number(key + "MedianMs"), small.number(key + "MedianMs")))
                        .append(", ")
                        .append(ratio(large.number(key + "P99Ms"), small.number(key + "P99Ms")))
                        .append(" |");
            }
            out.append('\n');
        }
        out.append("| entries in the week (one owner) |");
        runs.forEach(r ->
                out.append(' ').append(num(r.number("calendarWeekEntries"), 0)).append(" |"));
        if (ratio) {
            out.append(" |");
        }
        out.append('\n');
    }

    /** Luxaris first, then its variants, then the peers. */
    static int order(String engine) {
        return switch (engine) {
            case "luxaris" -> 0;
            case "db-scheduler" -> 2;
            case "jobrunr" -> 3;
            default -> engine.startsWith("luxaris") ? 1 : 4;
        };
    }
}
