package io.luxaris.examples.quickstart;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The quickstart's command line.
 *
 * @param dataDir where the H2 database, the encryption keyset and the outbox file live
 * @param zone the author's timezone: schedules are given as a local date-time in it
 * @param count posts per run (each with one variant per channel)
 * @param channels the channels to post to, in the order given
 * @param mode whether X and LinkedIn post for real
 * @param delay how far ahead the first post is scheduled
 * @param timeout how long to wait for the engine before giving up
 * @param help whether only the usage was asked for
 */
record QuickstartOptions(
        Path dataDir,
        ZoneId zone,
        int count,
        List<String> channels,
        Mode mode,
        Duration delay,
        Duration timeout,
        boolean help) {
    static final List<String> ALL_CHANNELS = List.of("x", "linkedin", "bluesky", "mastodon", "threads", "outbox");
    /** Without {@code --channels}; the others (Bluesky, Mastodon and Threads, always a dry run here) are asked for by name. */
    static final List<String> DEFAULT_CHANNELS = List.of("x", "linkedin", "outbox");

    static final Path DEFAULT_DATA_DIR = Path.of("luxaris-quickstart-data");
    static final int MAX_COUNT = 20;

    /** How X and LinkedIn publish. */
    enum Mode {
        /** For real when the channel's credentials are in the environment, else a dry run. */
        AUTO,
        /** For real; missing credentials are an error. */
        REAL,
        /** Never for real: requests are built and logged, not sent. */
        DRY_RUN
    }

    static final String USAGE =
            """
            Usage: java -jar luxaris-quickstart.jar [options]

            Connects accounts, creates a template, generates suggestions, schedules one post per channel a few
            seconds ahead, publishes them with the engine and prints the week's calendar. Run it again to continue
            on the same data.

            Options:
              --data-dir <dir>       database, keyset and outbox file (default: ./luxaris-quickstart-data)
              --zone <zone>          your IANA timezone, e.g. Europe/Berlin (default: the system's)
              --count <n>            posts per run, 1..20 (default: 2)
              --channels <list>      comma-separated subset of x,linkedin,bluesky,mastodon,threads,outbox
                                     (default: x,linkedin,outbox)
              --real                 X and LinkedIn post for real; their credentials must be set
              --dry-run              X and LinkedIn never send anything, even with credentials set
              --delay <seconds>      first post this many seconds ahead, 1..300 (default: 3)
              --timeout <seconds>    give up waiting for the engine after this long, 5..600 (default: 60)
              -h, --help             this help

            Without --real or --dry-run, X and LinkedIn post for real only when their credentials are set:
              X          X_ACCESS_TOKEN (an OAuth 2.0 user token), optional X_USERNAME for post links
              LinkedIn   LINKEDIN_ACCESS_TOKEN and LINKEDIN_AUTHOR_URN (urn:li:person:... or urn:li:organization:...)
              Bluesky    always a dry run here (luxaris-channels-bluesky/README.md shows how to connect an account)
              Mastodon   always a dry run here (requests built for https://mastodon.social, never sent)
              Threads    always a dry run here (requests built for graph.threads.net, never sent)
            The outbox channel appends each post to <data-dir>/outbox.jsonl (or LUXARIS_OUTBOX_FILE).
            Suggestions come from the offline generator, or from OpenAI (or a compatible server) when
            OPENAI_API_KEY or OPENAI_BASE_URL is set (OPENAI_MODEL names the model).

            Exit status: 0 done, 1 failed or timed out, 2 bad options.
            """;

    /** Wrong command line: the message says what, the caller prints the usage and exits with 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static QuickstartOptions defaults() {
        return new QuickstartOptions(
                DEFAULT_DATA_DIR,
                ZoneId.systemDefault(),
                2,
                DEFAULT_CHANNELS,
                Mode.AUTO,
                Duration.ofSeconds(3),
                Duration.ofSeconds(60),
                false);
    }

    /** Parses {@code --name value} and {@code --name=value}. */
    static QuickstartOptions parse(String... args) throws UsageException {
        QuickstartOptions o = defaults();
        Path dataDir = o.dataDir;
        ZoneId zone = o.zone;
        int count = o.count;
        List<String> channels = o.channels;
        Mode mode = null;
        Duration delay = o.delay;
        Duration timeout = o.timeout;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> {
                    return new QuickstartOptions(dataDir, zone, count, channels, Mode.AUTO, delay, timeout, true);
                }
                case "--real", "--dry-run" -> {
                    if (inline != null) {
                        throw new UsageException(name + " takes no value");
                    }
                    Mode chosen = name.equals("--real") ? Mode.REAL : Mode.DRY_RUN;
                    if (mode != null && mode != chosen) {
                        throw new UsageException("--real and --dry-run exclude each other");
                    }
                    mode = chosen;
                }
                case "--data-dir", "--zone", "--count", "--channels", "--delay", "--timeout" -> {
                    String value;
                    if (inline != null) {
                        value = inline;
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        value = args[++i];
                    } else {
                        throw new UsageException(name + " needs a value");
                    }
                    if (value.isBlank()) {
                        throw new UsageException(name + " needs a value");
                    }
                    switch (name) {
                        case "--data-dir" -> dataDir = Path.of(value);
                        case "--zone" -> zone = zone(value);
                        case "--count" -> count = number(name, value, 1, MAX_COUNT);
                        case "--channels" -> channels = channels(value);
                        case "--delay" -> delay = Duration.ofSeconds(number(name, value, 1, 300));
                        case "--timeout" -> timeout = Duration.ofSeconds(number(name, value, 5, 600));
                        default -> throw new IllegalStateException(name);
                    }
                }
                default ->
                    throw new UsageException(
                            arg.startsWith("-") ? "unknown option " + name : "unexpected argument '" + arg + "'");
            }
        }
        return new QuickstartOptions(
                dataDir, zone, count, channels, mode == null ? Mode.AUTO : mode, delay, timeout, false);
    }

    private static ZoneId zone(String value) throws UsageException {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new UsageException("--zone: '" + value + "' is not a timezone (try Europe/Berlin or UTC)");
        }
    }

    private static int number(String name, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a number from " + min + " to " + max + " but was '" + value + "'");
    }

    private static List<String> channels(String value) throws UsageException {
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String key = part.strip().toLowerCase(java.util.Locale.ROOT);
            if (!ALL_CHANNELS.contains(key)) {
                throw new UsageException(
                        "--channels: '" + part.strip() + "' is not one of " + String.join(",", ALL_CHANNELS));
            }
            chosen.add(key);
        }
        return List.copyOf(new ArrayList<>(chosen));
    }
}
