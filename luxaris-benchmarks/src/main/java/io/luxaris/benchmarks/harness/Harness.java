package io.luxaris.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The engine harness: Luxaris, db-scheduler, Quartz and JobRunr on the local PostgreSQL, the same no-op work, one engine at a
 * time. Run {@code java -cp luxaris-benchmarks.jar io.luxaris.benchmarks.harness.Harness help} for the scenarios
 * and options; luxaris-benchmarks/RESULTS.md explains every figure.
 */
public final class Harness {
    static final String USAGE =
            """
            usage: Harness <scenario> [options]

            scenarios
              burn-down   N due schedules written beforehand, then published; schedules/s, commits/schedule, heap
                --engines luxaris,luxaris-x3,db-scheduler,quartz,jobrunr   (luxaris-xK: K Luxaris instances)
                --schedules 100000        --quartz-schedules <schedules>   --timeout 900 (s)
                --warmup-rounds 0         unmeasured runs of the same size first, each on a fresh schema (the
                                          JIT compiles the engine's code; their rates are reported)
              steady      a fixed offered rate of schedules due --lead after creation; lateness p50/p95/p99/max
                --engines luxaris,db-scheduler,quartz,jobrunr   --rate 200   --duration 60 (s)   --lead 2 (s)
                --warmup 10 (s at the same rate before the measured window)   --producers 4
                --batch 1 (schedules a producer hands over at once, through the engine's bulk call if it has one)
                --drain 60 (s after the last due time)
              burst       N schedules on A accounts all due at one instant (--lead after the start of seeding),
                          each call sleeping 150-400 ms; drain time, lateness p50/p99, in flight, threads, heap,
                          per-account order and overlap
                --engines luxaris,db-scheduler,jobrunr   --schedules 100000   --accounts 10000
                --call-ms 150-400   --seed 42   --lead 120 (s)   --timeout 900 (s)
                --layout interleaved (account = i mod A) | grouped (an account's schedules created together)
                (defaults here: --concurrency 2000 --pool 20 --peer-pool 20)
              scale       Luxaris: claim and calendar-week latency with 10,000 and 1,000,000 future schedules
                --rows 10000,1000000   --reps 300   --batch 100   --templates 500   --owners 10
              facts       the JVM and PostgreSQL settings, as a result line
              summary <results.jsonl or folder>...   markdown tables with the ratios

            engine settings (burn-down, steady, burst)
              --concurrency 32    Luxaris maxConcurrency = db-scheduler threads = Quartz threadCount
                                  = JobRunr workerCount
              --claim-batch 100   Luxaris claimBatchSize        --accounts 1000   Luxaris accounts (connections)
              --pool 10           Luxaris pool per instance     --dbs-lower 1.0 --dbs-upper 4.0 --dbs-poll 1s
              --peer-pool <concurrency + 3>   db-scheduler's and JobRunr's pool (Quartz: concurrency + 3)
              --threads auto      platform | virtual (Java 21+) | auto (virtual on 21+): Luxaris' executor,
                                  db-scheduler's executor (virtual: --dbs-upper defaults to 1.0, --dbs-lower
                                  to 0.5, so that at most --concurrency run at once), JobRunr's workers
              --lookup every      every | none: whether Luxaris' no-op channel can look every post up (as X,
                                  Bluesky and Threads can: claimed straight to processing) or none (as
                                  LinkedIn: claimed to queued, then started in a transaction of its own)

            common
              --results FILE      append each result as a JSON line
              --schema-prefix luxbench_   each engine's schema is <prefix><engine>, dropped and created per run
              --keep-schemas      do not drop the schemas afterwards
              --settle 1.1        pause before the commit counter is read at the start (backends report within 1 s)

            PostgreSQL: LUXARIS_PG_URL (jdbc:postgresql://127.0.0.1:5432/test), LUXARIS_PG_USER (postgres),
            LUXARIS_PG_PASSWORD. Run alone: commits are counted for the whole database.
            """;

    private Harness() {}

    public static void main(String[] args) throws Exception {
        List<Result> results;
        try {
            results = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.exit(results.stream().allMatch(Result::ok) ? 0 : 1);
    }

    /** Runs a scenario, prints and (with --results) appends its results, and returns them. */
    static List<Result> run(String... args) throws Exception {
        Options o = Options.parse(args);
        if (o.scenario.equals("help") || o.flag("help")) {
            System.out.println(USAGE);
            return List.of();
        }
        if (o.scenario.equals("summary")) {
            if (o.arguments().isEmpty()) {
                throw new IllegalArgumentException("summary needs results files or folders");
            }
            var results = Summary.read(o.arguments().stream().map(Path::of).toList());
            System.out.println(Summary.tables(results));
            return List.of();
        }
        String resultsFile = o.string("results", null);
        String prefix = Pg.checkIdentifier(o.string("schema-prefix", "luxbench_"));
        boolean keep = o.flag("keep-schemas");
        // a backend reports its commits at the latest a second after its last one: wait that long before counting
        Duration settle = o.duration("settle", Duration.ofMillis(1_100));
        Pg pg = Pg.fromEnvironment(
                "h" + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
        var results = new ArrayList<Result>();
        switch (o.scenario) {
            case "burn-down" -> {
                int n = o.integer("schedules", 100_000);
                int quartzN = o.integer("quartz-schedules", n);
                int warmups = o.integer("warmup-rounds", 0);
                Duration timeout = o.duration("timeout", Duration.ofSeconds(900));
                List<String> engines = o.list("engines", "luxaris,luxaris-x3,db-scheduler,quartz");
                EngineConfig config = EngineConfig.from(o, 32, 1_000, 10, null);
                check(o);
                for (String name : engines) {
                    int count = name.equals("quartz") ? quartzN : n;
                    var warmRates = new ArrayList<Long>();
                    for (int w = 1; w <= warmups; w++) { // the same run on a fresh schema: the JIT and the pools warm
                        var warmRecorder = new Recorder(count);
                        Engine warmEngine = engine(name, config, pg, prefix, warmRecorder);
                        announce(
                                "unmeasured warm-up " + w + " of " + warmups + ", " + count + " schedules", warmEngine);
                        Result warm = Scenarios.burnDown(pg, warmEngine, warmRecorder, count, timeout, settle, false);
                        if (!warm.ok()) {
                            throw new IllegalStateException(
                                    "warm-up " + w + " of " + name + " failed: " + warm.failures());
                        }
                        warmRates.add(warm.longValue("schedulesPerSecond"));
                    }
                    var recorder = new Recorder(count);
                    Engine engine = engine(name, config, pg, prefix, recorder);
                    announce("burn-down of " + count + " schedules", engine);
                    Result measured = Scenarios.burnDown(pg, engine, recorder, count, timeout, settle, keep);
                    if (warmups > 0) {
                        measured.put("warmupRounds", warmups).put("warmupSchedulesPerSecond", warmRates);
                    }
                    results.add(report(measured, resultsFile));
                }
            }
            case "steady" -> {
                int rate = o.integer("rate", 200);
                Duration duration = o.duration("duration", Duration.ofSeconds(60));
                Duration warmup = o.duration("warmup", Duration.ofSeconds(10));
                Duration lead = o.duration("lead", Duration.ofSeconds(2));
                int producers = o.integer("producers", 4);
                int batch = o.integer("batch", 1);
                Duration drain = o.duration("drain", Duration.ofSeconds(60));
                List<String> engines = o.list("engines", "luxaris,db-scheduler,quartz");
                EngineConfig config = EngineConfig.from(o, 32, 1_000, 10, null);
                if (rate < 1) {
                    throw new IllegalArgumentException("--rate must be positive");
                }
                if (batch < 1 || batch > 1_000) {
                    throw new IllegalArgumentException("--batch must be between 1 and 1000");
                }
                check(o);
                for (String name : engines) {
                    int total = (int) Math.round(rate * (warmup.toNanos() + duration.toNanos()) / 1e9);
                    var recorder = new Recorder(Math.max(1, total));
                    Engine engine = engine(name, config, pg, prefix, recorder);
                    announce(
                            "steady state of " + rate + "/s for " + warmup.toSeconds() + " s warm-up and "
                                    + duration.toSeconds() + " s",
                            engine);
                    results.add(report(
                            Scenarios.steady(
                                    pg, engine, recorder, rate, warmup, duration, lead, producers, batch, drain, settle,
                                    keep),
                            resultsFile));
                }
            }
            case "burst" -> {
                int n = o.integer("schedules", 100_000);
                String[] call = o.string("call-ms", "150-400").split("-", 2);
                long minMicros = Math.round(Double.parseDouble(call[0]) * 1_000);
                long maxMicros = call.length > 1 ? Math.round(Double.parseDouble(call[1]) * 1_000) : minMicros;
                long seed = o.integer("seed", 42);
                String layout = o.string("layout", "interleaved");
                if (!layout.equals("interleaved") && !layout.equals("grouped")) {
                    throw new IllegalArgumentException("--layout must be interleaved or grouped: " + layout);
                }
                boolean grouped = layout.equals("grouped");
                Duration lead = o.duration("lead", Duration.ofSeconds(120));
                Duration timeout = o.duration("timeout", Duration.ofSeconds(900));
                List<String> engines = o.list("engines", "luxaris,db-scheduler,jobrunr");
                EngineConfig config = EngineConfig.from(o, 2_000, 10_000, 20, 20);
                check(o);
                var settings = new BurstScenario.Settings(
                        n,
                        config.accounts(),
                        minMicros,
                        maxMicros,
                        seed,
                        lead,
                        timeout,
                        config.concurrency(),
                        config.virtualThreads(),
                        grouped);
                for (String name : engines) {
                    if (name.equals("quartz")) {
                        throw new IllegalArgumentException("burst runs luxaris, luxaris-xK, db-scheduler and jobrunr"
                                + " (Quartz' pool is threadCount + 3 connections: too many at this concurrency)");
                    }
                    // the lead must cover setting up (seeding 100,000 takes a minute or more on a busy machine):
                    // when it did not, the run is repeated on a fresh schema with twice the lead, twice at most
                    var attempt = settings;
                    for (int tries = 1; ; tries++) {
                        var recorder = new Recorder(n);
                        Engine engine = engine(name, config, pg, prefix, recorder);
                        if (engine instanceof LuxarisEngine luxaris) {
                            luxaris.accountOf(attempt::accountOf);
                        }
                        announce(
                                "burst of " + n + " schedules on " + config.accounts() + " accounts, calls of "
                                        + o.string("call-ms", "150-400") + " ms, lead "
                                        + attempt.lead().toMillis() + " ms",
                                engine);
                        try {
                            results.add(report(
                                    BurstScenario.run(pg, engine, recorder, attempt.work(), attempt, settle, keep),
                                    resultsFile));
                            break;
                        } catch (BurstScenario.TooLate e) {
                            if (tries == 3) {
                                throw new Scenarios.RunFailed(e.getMessage() + "; raise --lead");
                            }
                            System.out.println(">>> " + e.getMessage() + ": again with twice the lead");
                            attempt = attempt.withLead(attempt.lead().multipliedBy(2));
                        }
                    }
                }
            }
            case "scale" -> {
                List<String> sizes = o.list("rows", "10000,1000000");
                int reps = o.integer("reps", 300);
                int batch = o.integer("batch", 100);
                int templates = o.integer("templates", 500);
                int owners = o.integer("owners", 10);
                check(o);
                for (String size : sizes) {
                    int rows = Integer.parseInt(size.replace("_", ""));
                    System.out.printf(Locale.ROOT, "%n>>> scale: luxaris with %,d future schedules%n", rows);
                    results.add(report(
                            Scale.run(
                                    pg,
                                    prefix + "scale",
                                    rows,
                                    Math.min(templates, rows),
                                    owners,
                                    batch,
                                    reps,
                                    new Recorder(1),
                                    keep),
                            resultsFile));
                }
            }
            case "facts" -> {
                check(o);
                results.add(report(facts(pg), resultsFile));
            }
            default -> throw new IllegalArgumentException("unknown scenario '" + o.scenario + "'");
        }
        if (results.size() > 1) {
            System.out.println(Summary.tables(results));
        }
        return results;
    }

    private static void check(Options o) {
        if (!o.unused().isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) for " + o.scenario + ": " + o.unused());
        }
        if (!o.arguments().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument(s): " + o.arguments());
        }
    }

    /** The engines' settings from the command line. */
    record EngineConfig(
            int concurrency,
            int claimBatch,
            int accounts,
            int pool,
            double lower,
            double upper,
            Duration poll,
            int peerPool,
            boolean virtualThreads,
            boolean lookupEveryRequest) {
        /** With the scenario's defaults; {@code peerPool} null: concurrency + 3. */
        static EngineConfig from(Options o, int concurrency, int accounts, int pool, Integer peerPool) {
            int c = o.integer("concurrency", concurrency);
            boolean virtual = Threads.virtual(o.string("threads", "auto"));
            String lookup = o.string("lookup", "every");
            if (!lookup.equals("every") && !lookup.equals("none")) {
                throw new IllegalArgumentException("--lookup must be every or none but was " + lookup);
            }
            var config = new EngineConfig(
                    c,
                    o.integer("claim-batch", 100),
                    o.integer("accounts", accounts),
                    o.integer("pool", pool),
                    o.decimal("dbs-lower", virtual ? 0.5 : 1.0),
                    o.decimal("dbs-upper", virtual ? 1.0 : 4.0),
                    o.duration("dbs-poll", Duration.ofSeconds(1)),
                    o.integer("peer-pool", peerPool == null ? c + 3 : peerPool),
                    virtual,
                    lookup.equals("every"));
            if (config.concurrency < 1
                    || config.accounts < 1
                    || config.pool < 1
                    || config.claimBatch < 1
                    || config.peerPool < 1) {
                throw new IllegalArgumentException(
                        "--concurrency, --claim-batch, --accounts, --pool and --peer-pool must be positive");
            }
            return config;
        }
    }

    static Engine engine(String name, EngineConfig c, Pg pg, String prefix, Recorder recorder) {
        int concurrency = c.concurrency();
        int claimBatch = c.claimBatch();
        int accounts = c.accounts();
        int pool = c.pool();
        double lower = c.lower();
        double upper = c.upper();
        Duration poll = c.poll();
        if (name.equals("luxaris")) {
            return luxarisExecutor(
                    new LuxarisEngine(pg, prefix + "luxaris", 1, concurrency, claimBatch, accounts, pool, recorder), c);
        }
        if (name.startsWith("luxaris-x")) {
            int instances;
            try {
                instances = Integer.parseInt(name.substring("luxaris-x".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("engine luxaris-xK needs a number K but was " + name);
            }
            if (instances < 1 || instances > 16) {
                throw new IllegalArgumentException("luxaris-xK: K must be within 1..16 but was " + instances);
            }
            return luxarisExecutor(
                    new LuxarisEngine(
                            pg,
                            prefix + "luxaris_x" + instances,
                            instances,
                            concurrency,
                            claimBatch,
                            accounts,
                            pool,
                            recorder),
                    c);
        }
        return switch (name) {
            case "db-scheduler" ->
                new DbSchedulerEngine(pg, prefix + "dbscheduler", concurrency, lower, upper, poll, recorder)
                        .resources(c.peerPool(), c.virtualThreads() ? Threads.virtualPerTask() : null);
            case "quartz" -> new QuartzEngine(pg, prefix + "quartz", concurrency, recorder);
            case "jobrunr" ->
                new JobRunrEngine(pg, prefix + "jobrunr", concurrency, c.peerPool(), c.virtualThreads(), recorder);
            default ->
                throw new IllegalArgumentException(
                        "unknown engine '" + name + "' (luxaris, luxaris-xK, db-scheduler, quartz, jobrunr)");
        };
    }

    /** Luxaris on virtual threads (--threads virtual, or auto on Java 21+): a virtual thread per publish. */
    private static LuxarisEngine luxarisExecutor(LuxarisEngine engine, EngineConfig c) {
        engine.lookupEveryRequest(c.lookupEveryRequest());
        return c.virtualThreads() ? engine.executor(Threads.virtualPerTask()) : engine;
    }

    private static void announce(String what, Engine engine) {
        System.out.printf(
                Locale.ROOT, "%n>>> %s: %s on schema %s %s%n", what, engine.name(), engine.schema(), engine.settings());
    }

    private static Result report(Result r, String file) throws IOException {
        System.out.print(r.describe());
        if (file != null) {
            Path path = Path.of(file);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(
                    path,
                    r.toJson() + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return r;
    }

    static Result facts(Pg pg) throws Exception {
        var r = new Result("facts", "machine");
        var runtime = Runtime.getRuntime();
        r.put("availableProcessors", runtime.availableProcessors())
                .put("maxHeapMb", runtime.maxMemory() / (1024 * 1024))
                .put("javaVersion", System.getProperty("java.runtime.version"))
                .put("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"))
                .put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments())
                .put(
                        "os",
                        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                                + System.getProperty("os.arch"))
                .put("postgresql", pg.where())
                .put("postgresqlSettings", pg.serverFacts());
        return r;
    }
}
