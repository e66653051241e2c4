package io.luxaris.examples.multinode;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.errors.StorageException;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.jdbc.JdbcStorage;
import io.luxaris.jdbc.TinkSecretCipher;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.security.Principal;
import io.luxaris.usecase.CalendarFilter;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Three engine instances share the publishing work of one PostgreSQL database, the way three replicas of a host
 * application would: each has its own {@link JdbcStorage} (its own connection pool), its own {@link Luxaris}
 * instance with a distinct engine instance id, and the same credentials key. The demo schedules {@code --count}
 * posts a moment ahead, starts the three engines, waits until every schedule is settled, prints who published what,
 * and checks on the demo platform's side that every schedule was posted exactly once (exit status 1 otherwise).
 *
 * <pre>
 * java -cp luxaris-examples/target/luxaris-quickstart.jar io.luxaris.examples.multinode.MultiNodeDemo --count 300
 * </pre>
 *
 * <p>Database: {@code --url}/{@code LUXARIS_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}),
 * {@code --user}/{@code LUXARIS_PG_USER} (default {@code postgres}), password from {@code LUXARIS_PG_PASSWORD};
 * tables in schema {@code --schema} (default {@code luxaris_demo}, created when missing).
 */
public final class MultiNodeDemo {
    /** Every schedule was published exactly once. */
    public static final int OK = 0;
    /** A schedule was not published, or more than once, or the run did not settle in time. */
    public static final int NOT_EXACTLY_ONCE = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** The database could not be reached or prepared. */
    public static final int NO_DATABASE = 3;

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static final String USAGE_TEXT =
            """
            Usage: java -cp luxaris-quickstart.jar io.luxaris.examples.multinode.MultiNodeDemo [options]

            Three Luxaris engines (own connection pool each) share the publishing work of one PostgreSQL
            database; every schedule must be published exactly once.

              --count N            schedules to publish (default 300, at most 100000)
              --nodes N            engine instances (default 3, 2..8)
              --accounts N         connected accounts the posts are spread over (default 6)
              --schema NAME        PostgreSQL schema of the tables, created when missing (default luxaris_demo)
              --url JDBC-URL       database (default $LUXARIS_PG_URL, else jdbc:postgresql://127.0.0.1:5432/test)
              --user NAME          database user (default $LUXARIS_PG_USER, else postgres);
                                   the password is read from $LUXARIS_PG_PASSWORD
              --latency-ms N       how long one publish takes on the demo platform (default 20)
              --timeout-seconds N  give up when the schedules are not settled by then (default 120)
              --samples N          sample lines to print (default 6)
              --help               this text

            Exit status: 0 every schedule published exactly once, 1 not so (or not settled in time),
            2 bad options, 3 database unreachable.
            """;

    private MultiNodeDemo() {}

    public static void main(String[] args) {
        // Luxaris, HikariCP and Flyway log at INFO; the demo's own output is what matters here
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(run(args, System.out));
    }

    /** Runs the demo with {@code args}, writing to {@code out}; returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        Options options;
        try {
            options = Options.parse(args, System::getenv);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.println();
            out.print(USAGE_TEXT);
            return USAGE;
        }
        if (options.help) {
            out.print(USAGE_TEXT);
            return OK;
        }
        return new Run(options, out).execute();
    }

    /** The command line, with the environment as fallback. */
    static final class Options {
        int count = 300;
        int nodes = 3;
        int accounts = 6;
        String schema = "luxaris_demo";
        String url;
        String user;
        String password;
        Duration latency = Duration.ofMillis(20);
        Duration timeout = Duration.ofSeconds(120);
        int samples = 6;
        boolean help;

        static Options parse(String[] args, Function<String, String> env) {
            var o = new Options();
            o.url = envOr(env, "LUXARIS_PG_URL", DEFAULT_URL);
            o.user = envOr(env, "LUXARIS_PG_USER", "postgres");
            o.password = envOr(env, "LUXARIS_PG_PASSWORD", "");
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (name.equals("--help") || name.equals("-h")) {
                    o.help = true;
                    continue;
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--count" -> o.count = number(name, value, 1, 100_000);
                    case "--nodes" -> o.nodes = number(name, value, 2, 8);
                    case "--accounts" -> o.accounts = number(name, value, 1, 100);
                    case "--schema" -> {
                        if (!value.matches("[a-z_][a-z0-9_]{0,62}")) {
                            throw new IllegalArgumentException(
                                    "--schema must be lower-case letters, digits and '_' but was '" + value + "'");
                        }
                        o.schema = value;
                    }
                    case "--url" -> {
                        if (!value.startsWith("jdbc:postgresql:")) {
                            throw new IllegalArgumentException("--url must be a jdbc:postgresql: URL");
                        }
                        o.url = value;
                    }
                    case "--user" -> o.user = value;
                    case "--latency-ms" -> o.latency = Duration.ofMillis(number(name, value, 0, 10_000));
                    case "--timeout-seconds" -> o.timeout = Duration.ofSeconds(number(name, value, 1, 3_600));
                    case "--samples" -> o.samples = number(name, value, 0, 1_000);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return o;
        }

        private static String envOr(Function<String, String> env, String key, String fallback) {
            String value = env.apply(key);
            return value == null || value.isBlank() ? fallback : value;
        }

        private static int number(String name, String value, int min, int max) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number but was '" + value + "'", e);
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be within " + min + ".." + max + " but was " + n);
            }
            return n;
        }
    }

    /** One engine instance of the demo. */
    private record Node(
            String name, String instanceId, JdbcStorage storage, Luxaris luxaris, AtomicInteger published) {}

    private static final class Run {
        private final Options options;
        private final PrintStream out;
        private final String runId = UUID.randomUUID().toString().substring(0, 8);
        private final Ledger ledger = new Ledger();
        private final Map<ScheduleId, String> labels = new ConcurrentHashMap<>();
        private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

        Run(Options options, PrintStream out) {
            this.options = options;
            this.out = out;
        }

        int execute() {
            var cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset()); // one key for every node
            EngineSettings engine = EngineSettings.builder()
                    .maxConcurrency(8)
                    .perConnectionConcurrency(8)
                    .claimBatchSize(8)
                    .leaseDuration(Duration.ofSeconds(30))
                    .maxIdleSleep(Duration.ofSeconds(1))
                    .build();
            var nodes = new ArrayList<Node>();
            try {
                for (int i = 1; i <= options.nodes; i++) {
                    String name = "node-" + i;
                    JdbcStorage storage;
                    try {
                        var builder = JdbcStorage.builder()
                                .url(options.url)
                                .user(options.user)
                                .schema(options.schema)
                                .poolName(name)
                                .maximumPoolSize(4)
                                .minimumIdle(1)
                                .connectionTimeout(Duration.ofSeconds(5))
                                .property("ApplicationName", "luxaris-demo-" + name);
                        if (!options.password.isEmpty()) {
                            builder.password(options.password);
                        }
                        storage = builder.build(); // the first one creates the schema and tables
                    } catch (StorageException e) {
                        out.println("cannot use PostgreSQL: " + e.getMessage());
                        out.println("start it (see DEVELOPERS.md) or point --url / LUXARIS_PG_URL at one.");
                        return NO_DATABASE;
                    }
                    if (i == 1) {
                        out.printf(
                                "Luxaris multi-node demo: %d engines on %s (run %s)%n",
                                options.nodes, storage.description(), runId);
                    }
                    nodes.add(node(name, storage, cipher, engine));
                }
                return publishAndCheck(nodes);
            } finally {
                for (Node n : nodes) {
                    try {
                        n.luxaris().close();
                    } finally {
                        n.storage().close();
                    }
                }
            }
        }

        private Node node(String name, JdbcStorage storage, TinkSecretCipher cipher, EngineSettings engine) {
            var published = new AtomicInteger();
            String instanceId = name + "-" + runId;
            try {
                Luxaris luxaris = Luxaris.builder()
                        .storage(storage)
                        .secretCipher(cipher)
                        .channel(new CountingChannel(name, ledger, options.latency))
                        .engine(engine)
                        .instanceId(instanceId)
                        .listener(event -> {
                            if (event instanceof LuxarisEvent.Published p
                                    && labels.containsKey(p.schedule().id())) {
                                published.incrementAndGet();
                            } else if (event instanceof LuxarisEvent.PublishFailed
                                    || event instanceof LuxarisEvent.Unconfirmed
                                    || event instanceof LuxarisEvent.Skipped
                                    || event instanceof LuxarisEvent.RetryScheduled) {
                                problems.add(name + ": " + event);
                            }
                        })
                        .build();
                return new Node(name, instanceId, storage, luxaris, published);
            } catch (RuntimeException e) {
                storage.close();
                throw e;
            }
        }

        private int publishAndCheck(List<Node> nodes) {
            Luxaris first = nodes.get(0).luxaris();
            Principal author = Principal.of("demo-author-" + runId);
            var accounts = new ArrayList<ChannelConnection>();
            for (int a = 1; a <= options.accounts; a++) {
                accounts.add(first.channels()
                        .connect(
                                author,
                                ConnectionRequest.of(
                                        CountingChannel.KEY,
                                        "@demo-" + a,
                                        Credentials.bearer("demo-token-" + runId + "-" + a))));
            }
            Instant from = Instant.now().minusSeconds(60);
            long t0 = System.nanoTime();
            var schedules = new ArrayList<ScheduleId>(options.count);
            for (int i = 1; i <= options.count; i++) {
                ChannelConnection account = accounts.get((i - 1) % accounts.size());
                var post = first.posts()
                        .create(
                                author,
                                PostDraft.of("Demo post " + i)
                                        .withVariant(VariantDraft.of(
                                                CountingChannel.KEY, "Demo post " + i + " of run " + runId)));
                var schedule = first.schedules()
                        .schedule(
                                author,
                                ScheduleRequest.at(
                                        post.firstVariant().id(),
                                        account.id(),
                                        Instant.now().plusSeconds(1)));
                schedules.add(schedule.id());
                labels.put(schedule.id(), "post " + i + " on " + account.displayName());
            }
            out.printf(
                    "created %d posts on %d accounts, each scheduled 1 s ahead (%.1f s)%n",
                    options.count, options.accounts, seconds(t0));

            long t1 = System.nanoTime();
            nodes.forEach(n -> n.luxaris().publishing().start());
            out.println("started "
                    + nodes.stream()
                            .map(n -> n.name() + " (engine " + n.instanceId() + ")")
                            .collect(Collectors.joining(", ")));
            boolean settled = awaitSettled(first, author, from, nodes, t1);
            double publishSeconds = seconds(t1);
            nodes.forEach(n -> n.luxaris().publishing().stop(Duration.ofSeconds(5)));

            Map<ScheduleStatus, Integer> statuses = new EnumMap<>(ScheduleStatus.class);
            for (ScheduleId id : schedules) {
                statuses.merge(first.schedules().get(author, id).status(), 1, Integer::sum);
            }
            var verdict = ledger.verify(schedules);
            Map<String, Integer> perNode = new LinkedHashMap<>();
            Map<String, Integer> onPlatform = ledger.perNode();
            nodes.forEach(n -> perNode.put(n.name(), onPlatform.getOrDefault(n.name(), 0)));

            out.printf(
                    "%s in %.1f s: %s%n",
                    settled ? "all " + options.count + " schedules settled" : "NOT SETTLED",
                    publishSeconds,
                    statuses.entrySet().stream()
                            .map(e -> e.getKey().wireName() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")));
            out.println("published per node: "
                    + perNode.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")));
            printSamples();
            if (verdict.otherPosts() > 0) {
                out.printf(
                        "(also published %d schedules left over by an earlier run in schema %s)%n",
                        verdict.otherPosts(), options.schema);
            }

            var failures = new ArrayList<String>();
            if (!settled) {
                failures.add("not every schedule was settled within " + options.timeout.toSeconds() + " s");
            }
            if (statuses.getOrDefault(ScheduleStatus.SUCCESS, 0) != options.count) {
                failures.add("not every schedule is success: " + statuses);
            }
            if (!verdict.exactlyOnce()) {
                failures.add(verdict.never().size() + " schedules were never posted (" + first(verdict.never())
                        + "), " + verdict.moreThanOnce().size() + " more than once ("
                        + first(verdict.moreThanOnce()) + ")");
            }
            for (Node n : nodes) {
                if (n.published().get() != perNode.get(n.name())) {
                    failures.add(n.name() + " reported " + n.published().get() + " Published events but posted "
                            + perNode.get(n.name()));
                }
            }
            synchronized (problems) {
                problems.stream().limit(5).forEach(p -> failures.add("unexpected event on " + p));
            }
            if (failures.isEmpty()) {
                out.printf(
                        "exactly once: each of the %d schedules was posted once (%d posts in all, none twice)%n",
                        verdict.expected(), verdict.once());
                return OK;
            }
            failures.forEach(f -> out.println("FAILED: " + f));
            return NOT_EXACTLY_ONCE;
        }

        /** Polls the calendar until none of this run's schedules is active any more. */
        private boolean awaitSettled(Luxaris luxaris, Principal author, Instant from, List<Node> nodes, long t0) {
            Instant to = Instant.now().plus(1, ChronoUnit.HOURS);
            var active = CalendarFilter.none()
                    .scheduleStatus(ScheduleStatus.PENDING, ScheduleStatus.QUEUED, ScheduleStatus.PROCESSING)
                    .page(PageRequest.first(1));
            long deadline = System.nanoTime() + options.timeout.toNanos();
            long nextProgress = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (luxaris.calendar().between(author, from, to, active).items().isEmpty()) {
                    return true;
                }
                if (System.nanoTime() >= nextProgress) {
                    out.printf(
                            "  %4.1f s: %s%n",
                            seconds(t0),
                            nodes.stream()
                                    .map(n -> n.name() + " " + n.published().get())
                                    .collect(Collectors.joining(", ")));
                    nextProgress += 1_000_000_000L;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }

        private void printSamples() {
            List<Ledger.Entry> ours = ledger.entries().stream()
                    .filter(e -> labels.containsKey(e.schedule()))
                    .toList();
            if (options.samples == 0 || ours.isEmpty()) {
                return;
            }
            // evenly spread over the run, so that the interleaving of the nodes shows
            var picked = new TreeMap<Integer, Ledger.Entry>();
            int n = Math.min(options.samples, ours.size());
            for (int k = 0; k < n; k++) {
                int index = n == 1 ? 0 : (int) ((long) k * (ours.size() - 1) / (n - 1));
                picked.put(index, ours.get(index));
            }
            picked.values()
                    .forEach(e -> out.printf(
                            "  %s published %s at %s (%s)%n",
                            e.node(), e.schedule(), e.at().truncatedTo(ChronoUnit.MILLIS), labels.get(e.schedule())));
        }

        private static String first(List<ScheduleId> ids) {
            return ids.stream().limit(3).map(Objects::toString).collect(Collectors.joining(", "))
                    + (ids.size() > 3 ? ", ..." : "");
        }

        private static double seconds(long since) {
            return (System.nanoTime() - since) / 1e9;
        }
    }
}
