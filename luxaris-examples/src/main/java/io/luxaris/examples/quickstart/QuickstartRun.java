package io.luxaris.examples.quickstart;

import io.luxaris.Luxaris;
import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.Page;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.RecurrenceRule;
import io.luxaris.domain.RecurringSeries;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.examples.outbox.OutboxChannel;
import io.luxaris.examples.quickstart.CalendarTable.ScheduleEvents;
import io.luxaris.examples.quickstart.QuickstartChannels.Account;
import io.luxaris.generation.OfflineGenerator;
import io.luxaris.generation.openai.OpenAiGenerator;
import io.luxaris.jdbc.JdbcStorage;
import io.luxaris.jdbc.TinkSecretCipher;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.usecase.AcceptedSuggestion;
import io.luxaris.usecase.CalendarEntry;
import io.luxaris.usecase.CalendarFilter;
import io.luxaris.usecase.GenerationRequest;
import io.luxaris.usecase.PostDetails;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.SeriesRequest;
import io.luxaris.usecase.SessionDetails;
import io.luxaris.usecase.TemplateDraft;
import io.luxaris.usecase.VariantDraft;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The quickstart's steps, one method each, in the order a host application would call Luxaris: open the storage,
 * build the {@link Luxaris} instance, connect accounts, create a template, generate and accept suggestions,
 * schedule, publish, and read the calendar and the publish events back.
 */
final class QuickstartRun {
    /** The acting user. Luxaris does not manage users: the host passes its own user as a Principal. */
    static final Principal AUTHOR = Principal.of("quickstart-user");

    static final String TEMPLATE_NAME = "Quickstart announcement";
    /** A Mustache body: {{name}} placeholders, and a {{#link}}...{{/link}} section shown only when link is given. */
    static final String TEMPLATE_BODY =
            "{{product}} {{version}}: {{headline}}.{{#link}} More at {{link}}{{/link}} ({{note}})";

    static final String KEYSET_FILE = "luxaris-keyset.json";
    static final String DATABASE_FILE = "luxaris.mv.db";
    static final String OUTBOX_FILE = "outbox.jsonl";

    private static final List<String> HEADLINES = List.of(
            "schedule posts in your own timezone",
            "AI suggestions fitted to every channel",
            "a publishing engine that never posts twice",
            "one calendar for everything that goes out");
    private static final String STEP = " %d. %-12s ";
    private static final String INDENT = " ".repeat(17);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd MMM", Locale.ROOT);

    /** A problem the user can fix, reported without a stack trace. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private final QuickstartOptions options;
    private final QuickstartChannels channels;
    private final Map<String, String> env;
    private final PrintStream out;
    private final Screen screen;
    private final Path dataDir;
    private int step;
    /** Where the discovered outbox channel writes. */
    private Path outboxFile;
    /** Which generator makes the suggestions, for the output. */
    private String generatorName;

    QuickstartRun(
            QuickstartOptions options,
            QuickstartChannels channels,
            Map<String, String> env,
            PrintStream out,
            Screen screen) {
        this.options = options;
        this.channels = channels;
        this.env = env;
        this.out = out;
        this.screen = screen;
        this.dataDir = options.dataDir().toAbsolutePath().normalize();
    }

    /** Runs every step; returns the exit status. */
    int run() throws IOException, InterruptedException {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new Failure("cannot create the data directory " + dataDir + ": " + why(e)
                    + ". Choose another one with --data-dir.");
        }
        boolean existing = Files.exists(dataDir.resolve(DATABASE_FILE));
        out.println("Luxaris quickstart: " + count(options.count(), "post") + " to "
                + String.join(", ", options.channels()) + ", timezone " + options.zone());
        out.println("  data in " + dataDir + (existing ? " (continuing from earlier runs)" : " (new)"));
        out.println();

        SecretCipher cipher = cipher(existing);
        ProgressBar progress = new ProgressBar(out, screen);
        // The storage is the host's to close; closing Luxaris closes only its view of it (hence the order).
        try (JdbcStorage storage = JdbcStorage.embedded(dataDir);
                Luxaris luxaris = build(storage, cipher, progress)) {
            Map<String, ChannelConnection> accounts = connectAccounts(luxaris);
            PostTemplate template = template(luxaris);
            List<Map<String, PostVariant>> posts = generatePosts(luxaris, template);
            List<ScheduleEvents> scheduled = schedule(luxaris, posts, accounts, progress);
            recurring(luxaris, accounts);
            var queueChannel = accounts.entrySet().iterator().next();
            line(
                    "Queue",
                    QuickstartQueue.show(
                            luxaris, AUTHOR, queueChannel.getKey(), queueChannel.getValue(), options.zone()));
            boolean complete = publish(luxaris, progress, scheduled);
            return report(luxaris, scheduled, complete);
        }
    }

    // ------------------------------------------------------------------ 1. storage and encryption

    /**
     * Credentials are encrypted at rest; with a database Luxaris requires a cipher. The quickstart keeps a Tink
     * keyset beside the database (a production host keeps it in a secret manager or KMS instead).
     */
    private SecretCipher cipher(boolean existingDatabase) {
        Path keyset = dataDir.resolve(KEYSET_FILE);
        String note;
        if (Files.exists(keyset)) {
            note = "existing";
        } else if (existingDatabase) {
            throw new Failure("the database in " + dataDir + " was made with the keyset " + KEYSET_FILE
                    + ", which is gone: its stored credentials cannot be decrypted. Restore the file, or start over"
                    + " with another --data-dir.");
        } else {
            note = "new: keep it with the database";
        }
        // created atomically when missing (never replacing one another run created meanwhile)
        TinkSecretCipher cipher = TinkSecretCipher.fromKeyFileCreatingIt(keyset);
        line(
                "Storage",
                "H2 file database, credentials encrypted with the Tink keyset " + KEYSET_FILE + " (" + note + ")");
        return cipher;
    }

    // ------------------------------------------------------------------ 2. the Luxaris instance and its channels

    private Luxaris build(JdbcStorage storage, SecretCipher cipher, ProgressBar progress) {
        Luxaris.Builder builder = Luxaris.builder()
                .storage(storage) // the H2 file database; its schema was migrated when it was built
                .secretCipher(cipher)
                .listener(progress) // lifecycle events drive the progress bar
                // X, LinkedIn, Bluesky, Mastodon and Threads are registered explicitly (X and LinkedIn in dry-run
                // mode unless credentials are set, the others always);
                // discoverPlugins() adds what ServiceLoader finds on the class path: here the outbox channel.
                .discoverPlugins();
        channels.explicitProviders().forEach(builder::channel);
        Optional<OpenAiGenerator> openAi = openAi();
        // the first generator registered becomes the default; without one it is the offline generator
        openAi.ifPresent(builder::generator);

        // A discovered plugin is created by ServiceLoader with its no-arg constructor, so it is configured through
        // system properties or the environment. Point the outbox at the data directory unless the user named a file.
        boolean userChoseFile =
                System.getProperty(OutboxChannel.FILE_SETTING) != null || env.containsKey(OutboxChannel.FILE_SETTING);
        if (!userChoseFile) {
            System.setProperty(
                    OutboxChannel.FILE_SETTING, dataDir.resolve(OUTBOX_FILE).toString());
        }
        Luxaris luxaris;
        Path outbox;
        try {
            outbox = new OutboxChannel().file(); // where the discovered instance writes: same configuration
            luxaris = builder.build();
        } finally {
            if (!userChoseFile) {
                System.clearProperty(OutboxChannel.FILE_SETTING);
            }
        }

        Map<String, Channel> catalog = new LinkedHashMap<>();
        luxaris.channels().catalog(AUTHOR).forEach(c -> catalog.put(c.key(), c));
        var lines = new ArrayList<String>();
        for (Account account : channels.accounts().values()) {
            Channel channel = catalog.get(account.channel());
            String how = account.channel().equals(OutboxChannel.KEY)
                    ? "found by ServiceLoader, " + account.mode() + " " + outbox
                    : account.mode();
            lines.add(String.format(
                    Locale.ROOT, "%-9s %s, %s", account.channel(), channel == null ? "?" : channel.name(), how));
        }
        line("Channels", lines);
        this.outboxFile = outbox;
        this.generatorName = openAi.map(g -> "OpenAI-compatible generator (" + g.server()
                        + g.model().map(m -> ", " + m).orElse("") + ")")
                .orElse("offline generator");
        return luxaris;
    }

    /** OpenAI (or a compatible server) when the environment names one; otherwise the built-in offline generator. */
    private Optional<OpenAiGenerator> openAi() {
        boolean configured = Stream.of(OpenAiGenerator.ENV_API_KEY, OpenAiGenerator.ENV_BASE_URL)
                .anyMatch(name -> env.get(name) != null && !env.get(name).isBlank());
        if (!configured) {
            return Optional.empty();
        }
        OpenAiGenerator generator = OpenAiGenerator.fromEnvironment();
        if (generator.configurationProblem().isPresent()) {
            note("note: not using OpenAI: " + generator.configurationProblem().get());
            return Optional.empty();
        }
        return Optional.of(generator);
    }

    // ------------------------------------------------------------------ 3. accounts

    /**
     * One connection per channel. A rerun finds the connection made before and uses it; credentials given for real
     * replace the stored ones ({@code reconnect}: the connection keeps its id and its schedules).
     */
    private Map<String, ChannelConnection> connectAccounts(Luxaris luxaris) {
        List<ChannelConnection> existing = luxaris.channels().list(AUTHOR);
        var connections = new LinkedHashMap<String, ChannelConnection>();
        var parts = new ArrayList<String>();
        for (Account account : channels.accounts().values()) {
            var request = account.request();
            ChannelId channel = ChannelId.forKey(account.channel());
            Optional<ChannelConnection> found = existing.stream()
                    .filter(c -> c.channelId().equals(channel) && c.status() != ConnectionStatus.REVOKED)
                    .findFirst();
            ChannelConnection connection;
            String how;
            if (found.isEmpty()) {
                connection = luxaris.channels().connect(AUTHOR, request);
                how = "connected";
            } else if (account.fromEnvironment() || found.get().status() != ConnectionStatus.CONNECTED) {
                connection = luxaris.channels().reconnect(AUTHOR, found.get().id(), request.credentials());
                if (!connection.displayName().equals(request.displayName())
                        || !connection.properties().equals(request.properties())) {
                    connection = luxaris.channels()
                            .rename(AUTHOR, connection.id(), request.displayName(), request.properties());
                }
                how = "reused, credentials renewed";
            } else {
                connection = found.get();
                how = "reused";
            }
            connections.put(account.channel(), connection);
            parts.add(account.channel() + " " + connection.displayName() + " (" + how + ")");
        }
        line("Accounts", String.join(", ", parts));
        return connections;
    }

    // ------------------------------------------------------------------ 4. template

    /** The template is made once and found by name on later runs (names are unique per owner). */
    private PostTemplate template(Luxaris luxaris) {
        Optional<PostTemplate> found = luxaris.templates().list(AUTHOR).stream()
                .filter(t -> t.name().equals(TEMPLATE_NAME))
                .findFirst();
        PostTemplate template = found.orElseGet(() -> luxaris.templates()
                .create(
                        AUTHOR,
                        TemplateDraft.of(TEMPLATE_NAME, TEMPLATE_BODY)
                                .withDescription("what the quickstart announces")));
        Set<String> placeholders = new TreeSet<>(luxaris.templates().placeholders(AUTHOR, template.id()));
        line(
                "Template",
                "\"" + template.name() + "\" (" + (found.isPresent() ? "reused" : "created") + "), placeholders: "
                        + String.join(", ", placeholders));
        return template;
    }

    // ------------------------------------------------------------------ 5. suggestions and posts

    /**
     * For each post: a generation session renders the template and asks the generator for two candidates per
     * channel (fitted to each channel's limit); the best of each channel is accepted. The first acceptance creates
     * a draft post, the others add their variant to it. Returns each post's variants by channel.
     */
    private List<Map<String, PostVariant>> generatePosts(Luxaris luxaris, PostTemplate template) {
        List<String> keys = options.channels();
        String startedAt =
                ZonedDateTime.now(options.zone()).format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT));
        var posts = new ArrayList<Map<String, PostVariant>>();
        int suggestions = 0;
        var fallbacks = new LinkedHashSet<String>();
        for (int n = 1; n <= options.count(); n++) {
            String headline = HEADLINES.get((n - 1) % HEADLINES.size());
            Map<String, String> values = Map.of(
                    "product",
                    "Luxaris",
                    "version",
                    "0.1",
                    "headline",
                    headline,
                    // no "link" value: the {{#link}} section is left out
                    "note",
                    "quickstart run at " + startedAt + ", post " + n + " of " + options.count());
            SessionDetails session = luxaris.generation()
                    .generate(
                            AUTHOR,
                            GenerationRequest.of("Announce: " + headline, keys.toArray(String[]::new))
                                    .withTemplate(template.id(), values)
                                    .withCount(2));
            suggestions += session.suggestions().size();

            var variants = new LinkedHashMap<String, PostVariant>();
            PostId post = null;
            for (String key : keys) {
                List<GenerationSuggestion> candidates = session.forChannel(key);
                if (candidates.isEmpty()) {
                    // the generator failed for this channel (the reason is in the session's channelErrors):
                    // ask the offline generator instead, so the quickstart still gets a post
                    fallbacks.add(key + ": " + session.session().channelErrors().getOrDefault(key, "no candidate"));
                    candidates = luxaris.generation()
                            .generate(
                                    AUTHOR,
                                    GenerationRequest.of("Announce: " + headline, key)
                                            .withTemplate(template.id(), values)
                                            .usingGenerator(OfflineGenerator.KEY))
                            .forChannel(key);
                    suggestions += candidates.size();
                }
                GenerationSuggestion best = candidates.stream()
                        .max(Comparator.comparingDouble(s -> s.score().orElse(0)))
                        .orElseThrow(() -> new Failure("no suggestion for " + key));
                AcceptedSuggestion accepted = post == null
                        ? luxaris.generation().accept(AUTHOR, best.id())
                        : luxaris.generation().acceptInto(AUTHOR, best.id(), post);
                post = accepted.post().id();
                variants.put(key, accepted.variant());
            }
            posts.add(variants);
        }
        line(
                "Suggestions",
                generatorName + ": " + count(suggestions, "suggestion") + ", the best per channel accepted into "
                        + count(posts.size(), "post"));
        for (String fallback : fallbacks) {
            note("generation failed for " + fallback + "; used the offline generator");
        }
        return posts;
    }

    // ------------------------------------------------------------------ 6. schedules

    /**
     * Schedules every variant a few seconds ahead, as a local date-time in the author's zone (what a calendar UI
     * would send); Luxaris stores the instant and the zone. Posts are one second apart.
     */
    private List<ScheduleEvents> schedule(
            Luxaris luxaris,
            List<Map<String, PostVariant>> posts,
            Map<String, ChannelConnection> accounts,
            ProgressBar progress) {
        ZonedDateTime now = ZonedDateTime.now(options.zone());
        ZonedDateTime first = now.plus(options.delay()).truncatedTo(ChronoUnit.SECONDS);
        if (first.isBefore(now.plus(options.delay()))) {
            first = first.plusSeconds(1);
        }
        var scheduled = new ArrayList<ScheduleEvents>();
        for (int i = 0; i < posts.size(); i++) {
            var localTime = first.plusSeconds(i).toLocalDateTime();
            for (var variant : posts.get(i).entrySet()) {
                Schedule schedule = luxaris.schedules()
                        .schedule(
                                AUTHOR,
                                ScheduleRequest.at(
                                        variant.getValue().id(),
                                        accounts.get(variant.getKey()).id(),
                                        localTime,
                                        options.zone()));
                progress.track(schedule, variant.getKey());
                scheduled.add(new ScheduleEvents(i + 1, variant.getKey(), schedule, List.of()));
            }
        }
        line(
                "Schedules",
                count(scheduled.size(), "schedule") + " from " + first.format(DAY_TIME) + " " + options.zone() + " (in "
                        + Math.max(1, Duration.between(now, first).toSeconds()) + " s)");
        return scheduled;
    }

    // ------------------------------------------------------------------ 6b. a recurring post

    /**
     * A weekly tip: every Monday at 09:00 in the user's zone, four times, two texts used in turn. Its occurrences
     * become ordinary schedules ahead of time (here all four: they are within the 30-day horizon); the engine's
     * housekeeping makes later ones as they come within it. Lists the next occurrences.
     */
    private void recurring(Luxaris luxaris, Map<String, ChannelConnection> accounts) {
        String channel = accounts.containsKey("outbox")
                ? "outbox"
                : accounts.keySet().iterator().next();
        PostDetails post = luxaris.posts()
                .create(
                        AUTHOR,
                        PostDraft.of("Weekly tip").withVariant(VariantDraft.of(channel, "Weekly tip from Luxaris")));
        LocalDate nextMonday = LocalDate.now(options.zone()).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        RecurrenceRule rule = RecurrenceRule.weekly(
                        1, Set.of(DayOfWeek.MONDAY), nextMonday, LocalTime.of(9, 0), options.zone())
                .endingAfter(4);
        RecurringSeries series = luxaris.recurrences()
                .create(
                        AUTHOR,
                        SeriesRequest.of(
                                        post.firstVariant().id(),
                                        accounts.get(channel).id(),
                                        rule)
                                .withVariations(List.of(
                                        "Tip: schedule in your own timezone, Luxaris keeps 09:00 at 09:00.",
                                        "Tip: a recurring post rotates its texts, one per occurrence.")));
        List<String> next = luxaris.recurrences().nextOccurrences(AUTHOR, series.id(), 4).stream()
                .map(t -> t.format(DAY_TIME))
                .toList();
        var lines = new ArrayList<String>();
        lines.add("a weekly tip to " + channel + ", Mondays 09:00 " + options.zone() + ", 4 times, 2 texts in turn");
        lines.add("next: " + String.join(", ", next));
        if (!channel.equals("outbox")) {
            // only the local outbox may receive the tips on later runs: a real account never gets them unasked
            luxaris.recurrences().cancel(AUTHOR, series.id());
            lines.add("cancelled again (nothing is posted later to " + channel + ")");
        }
        line("Recurring", lines);
    }

    // ------------------------------------------------------------------ 7. publishing

    /**
     * Starts the background engine: it sleeps until the next schedule is due, claims it, calls the channel and
     * records the outcome, which reaches the progress bar as an event. Waits for this run's schedules.
     */
    private boolean publish(Luxaris luxaris, ProgressBar progress, List<ScheduleEvents> scheduled)
            throws InterruptedException {
        progress.start(
                String.format(Locale.ROOT, STEP, ++step, "Publishing"),
                "waiting until "
                        + scheduled
                                .get(0)
                                .schedule()
                                .localRunAt()
                                .format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)));
        luxaris.publishing().start(); // hosts with their own scheduler call publishing().runDue() instead
        boolean complete = progress.await(options.timeout());
        luxaris.publishing().stop(Duration.ofSeconds(5));
        progress.finish(complete);
        return complete;
    }

    // ------------------------------------------------------------------ 8. calendar and events

    private int report(Luxaris luxaris, List<ScheduleEvents> scheduled, boolean complete) throws IOException {
        var outcomes = new ArrayList<ScheduleEvents>();
        Set<ScheduleId> ids = new LinkedHashSet<>();
        for (ScheduleEvents s : scheduled) {
            Schedule now = luxaris.schedules().get(AUTHOR, s.schedule().id());
            outcomes.add(new ScheduleEvents(
                    s.post(), s.channel(), now, luxaris.schedules().events(AUTHOR, now.id())));
            ids.add(now.id());
        }

        LocalDate day = scheduled.get(0).schedule().localRunAt().toLocalDate();
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        out.println();
        out.println("This week in " + options.zone() + " (" + monday.format(DAY) + " to "
                + monday.plusDays(6).format(DAY) + "), * = this run:");
        CalendarTable.calendar(out, week(luxaris, day), ids, screen.maxLine());

        out.println();
        out.println("Publish events of this run:");
        CalendarTable.events(out, outcomes, options.zone(), screen.maxLine());

        long published = countStatus(outcomes, ScheduleStatus.SUCCESS);
        long dryRuns = countStatus(outcomes, ScheduleStatus.DRY_RUN);
        long other = outcomes.size() - published - dryRuns;
        if (dryRuns > 0) {
            dryRunRequests();
        }

        out.println();
        var summary = new StringBuilder();
        summary.append(published).append(" published");
        if (dryRuns > 0) {
            summary.append(", ").append(count(dryRuns, "dry run")).append(" (built and validated, not sent)");
        }
        if (other > 0) {
            summary.append(", ").append(other).append(" not published (see the events)");
        }
        prose("Result: " + summary + ".", "  ");
        if (Files.exists(outboxFile)) {
            long lines;
            try (Stream<String> all = Files.lines(outboxFile)) {
                lines = all.count();
            }
            prose("Outbox: " + outboxFile + " (" + count(lines, "post") + ")", "  ");
        }
        if (channels.anyDryRun()) {
            out.println("To post for real, set the credentials (see --help) or run with --real.");
        }
        if (!complete) {
            prose(
                    "Timed out after " + options.timeout().toSeconds() + " s: schedules without an outcome stay"
                            + " in the database and go out on the next run (or are skipped when too late).",
                    "  ");
            return 1;
        }
        out.println("Run it again to continue with the same data.");
        return other == 0 ? 0 : 1;
    }

    /**
     * What the dry-run channels would have received: the first request each built in this run, as their dry-run sinks
     * got it (the {@code Authorization} header and every token redacted), and how many there were in all.
     */
    private void dryRunRequests() {
        List<QuickstartChannels.Request> all = channels.dryRunRequests();
        if (all.isEmpty()) {
            return;
        }
        out.println();
        prose("Dry-run requests, built and not sent (first per channel, tokens redacted):", "");
        String indent = " ".repeat(11);
        for (String channel : options.channels()) {
            Optional<QuickstartChannels.Request> first =
                    all.stream().filter(r -> r.channel().equals(channel)).findFirst();
            if (first.isEmpty()) {
                continue;
            }
            QuickstartChannels.Request r = first.get();
            out.println(TextTable.cut(
                    String.format(Locale.ROOT, "  %-8s %s %s", r.channel(), r.method(), r.url())
                            + r.authorization()
                                    .map(a -> "  Authorization: " + a)
                                    .orElse(""),
                    screen.maxLine()));
            if (!r.body().isEmpty()) {
                out.println(TextTable.cut(indent + CalendarTable.oneLine(r.body()), screen.maxLine()));
            }
        }
        prose(
                "  (" + count(all.size(), "request") + " in all; to log every one, run java with"
                        + " -Dorg.slf4j.simpleLogger.defaultLogLevel=info)",
                "   ");
    }

    private static long countStatus(List<ScheduleEvents> outcomes, ScheduleStatus status) {
        return outcomes.stream().filter(s -> s.schedule().status() == status).count();
    }

    /** {@code n} and the noun, plural unless n is 1: "1 schedule", "2 schedules", "3 dry runs". */
    static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** Why a directory could not be created, in words: the reason the file system gave, with the path it concerns. */
    static String why(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return "permission denied on " + f.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String reason = f.getReason().isEmpty()
                    ? f.getReason()
                    : Character.toLowerCase(f.getReason().charAt(0))
                            + f.getReason().substring(1);
            return (f.getFile() != null ? f.getFile() + ": " : "") + reason;
        }
        return e.getClass().getSimpleName() + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "");
    }

    /** Every calendar entry of the week containing {@code day}, following the pages. */
    private List<CalendarEntry> week(Luxaris luxaris, LocalDate day) {
        var entries = new ArrayList<CalendarEntry>();
        CalendarFilter filter = CalendarFilter.none().page(PageRequest.first(PageRequest.MAX_LIMIT));
        while (true) {
            Page<CalendarEntry> page = luxaris.calendar().week(AUTHOR, day, options.zone(), filter);
            entries.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                return entries;
            }
            filter = filter.page(PageRequest.after(page.nextCursor().get(), PageRequest.MAX_LIMIT));
        }
    }

    // ------------------------------------------------------------------ output

    /** A numbered step: its name, then the text, continued on indented lines where the screen is too narrow. */
    private void line(String name, String text) {
        line(name, List.of(text));
    }

    private void line(String name, List<String> lines) {
        String first = String.format(Locale.ROOT, STEP, ++step, name);
        boolean firstLine = true;
        for (String text : lines) {
            for (String part : TextTable.wrapped(text, Math.max(20, screen.maxLine() - INDENT.length()), 50)) {
                out.println((firstLine ? first : INDENT) + part);
                firstLine = false;
            }
        }
    }

    /** A paragraph wrapped to the screen, its continuation lines starting with {@code indent}. */
    private void prose(String text, String indent) {
        List<String> parts = TextTable.wrapped(text, screen.maxLine(), 2);
        out.println(parts.get(0));
        if (parts.size() > 1) {
            String rest = text.substring(parts.get(0).length()).strip();
            TextTable.wrapped(rest, screen.maxLine() - indent.length(), 50).forEach(l -> out.println(indent + l));
        }
    }

    /** A note under the current step, indented and wrapped like its text. */
    private void note(String text) {
        for (String part : TextTable.wrapped(text, Math.max(20, screen.maxLine() - INDENT.length()), 50)) {
            out.println(INDENT + part);
        }
    }
}
