package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationSessionId;
import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.Limits;
import io.luxaris.domain.MediaKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.SuggestionId;
import io.luxaris.domain.TemplateConstraints;
import io.luxaris.domain.TemplateId;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.When;
import io.luxaris.errors.AccessDeniedException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.generation.LengthHint;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.ScriptedGenerator;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.CalendarFilter;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.GenerationRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.PostQuery;
import io.luxaris.usecase.PostUpdate;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.TemplateDraft;
import io.luxaris.usecase.UnconfirmedResolution;
import io.luxaris.usecase.VariantDraft;
import io.luxaris.usecase.VariantUpdate;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Generated bad input for every facade method (posts, variants, templates, schedules, channels and connections,
 * generation, calendar, publishing), on the in-memory storage and on PostgreSQL. Each call mixes valid values
 * with malformed ones (nulls, blanks, NUL and unpaired surrogates, one past every size limit, instants no database
 * holds, tampered cursors, maps that lie about their size, unknown and foreign ids...). Every call must either be
 * accepted or be refused with {@code ValidationException}, {@code NotFoundException}, {@code
 * AccessDeniedException} or a {@code NullPointerException} naming the parameter, never a raw driver or JDK
 * exception; after every refused call the entity counts are what they were. The counts per outcome are printed.
 *
 * <p>Seeded: the seed is printed; replay it with {@code -Dluxaris.badInput.seed=<seed>}; {@code
 * -Dluxaris.badInput.calls=<n>} changes the number of calls per storage (default 2,500). PostgreSQL is skipped
 * loudly when it is not reachable, and fails the test when the databases are required (see DEVELOPERS.md).
 */
class BadInputSuiteTest {
    private static final int CALLS = Integer.getInteger("luxaris.badInput.calls", 2_500);
    private static final Long SEED = Long.getLong("luxaris.badInput.seed");
    /** A NullPointerException's message that names a parameter ("draft", "values key"), not a JVM description. */
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\[\\] ]{0,40}");

    @Test
    void inMemoryStorage_refusesBadInputCleanly() {
        run("in-memory", InMemoryStorage.create(), null);
    }

    @Test
    void postgres_refusesBadInputCleanly() {
        TestDatabase db = TestDatabase.orNull(TestDatabase.Kind.POSTGRESQL);
        TestDatabase.assumeAvailable(db, TestDatabase.Kind.POSTGRESQL);
        try (db;
                JdbcStorage storage = db.storage().build()) {
            run("PostgreSQL", storage, db);
        }
    }

    private static void run(String name, StorageProvider storage, TestDatabase db) {
        long seed = SEED != null ? SEED : new SplittableRandom().nextLong();
        System.out.println("BadInputSuiteTest on " + name + ": seed " + seed + " (replay with -Dluxaris.badInput.seed="
                + seed + ")");
        var run = new Run(storage, db, seed);
        try {
            run.execute(CALLS);
        } finally {
            run.close();
        }
        System.out.println("BadInputSuiteTest on " + name + ": " + run.calls + " calls of " + run.ops.size()
                + " facade methods; outcomes " + run.outcomes);
        assertThat(run.failures)
                .as("%s, seed %d (replay with -Dluxaris.badInput.seed=%d): calls that failed badly", name, seed, seed)
                .isEmpty();
        assertThat(run.calls).isGreaterThanOrEqualTo(2_000);
        assertThat(run.opsCalled).as("every facade method was called").containsAll(run.ops.keySet());
    }

    /** One run on one storage. */
    private static final class Run implements AutoCloseable {
        final SplittableRandom random;
        final TestDatabase db;
        final SettableClock clock = SettableClock.at("2026-11-24T10:00:00Z");
        final Luxaris luxaris;
        final Principal alice = Principal.of("alice");
        final Principal bob = Principal.of("bob");
        final Map<String, Consumer<Run>> ops = new LinkedHashMap<>();
        final Set<String> opsCalled = new HashSet<>();
        final Map<String, Integer> outcomes = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        final Connection sql;
        int calls;

        // fixtures: alice's (usable) and bob's (foreign to alice)
        final ChannelConnection aConn;
        final ChannelConnection bConn;
        final PostVariant aVariant;
        final PostVariant bVariant;
        final Schedule aSchedule;
        final Schedule bSchedule;
        final PostTemplate aTemplate;
        final PostTemplate bTemplate;
        final GenerationSession aSession;
        final GenerationSuggestion aSuggestion;
        final GenerationSession bSession;
        final GenerationSuggestion bSuggestion;

        Run(StorageProvider storage, TestDatabase db, long seed) {
            this.random = new SplittableRandom(seed);
            this.db = db;
            try {
                this.sql = db == null ? null : db.connect();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to " + db, e);
            }
            var builder = Luxaris.builder()
                    .storage(storage)
                    .channel(ScriptedChannel.builder("fake").maxTextLength(500).build())
                    .generator(ScriptedGenerator.create("scripted"))
                    .clock(clock);
            if (db != null) {
                builder.secretCipher(TinkSecretCipher.of(TinkSecretCipher.generateKeyset()));
            }
            luxaris = builder.build();
            aConn = luxaris.channels()
                    .connect(alice, ConnectionRequest.of("fake", "@alice", Credentials.bearer("token-alice-1234")));
            bConn = luxaris.channels()
                    .connect(bob, ConnectionRequest.of("fake", "@bob", Credentials.bearer("token-bob-1234")));
            aVariant = luxaris.posts()
                    .create(alice, PostDraft.of("alice").withVariant(VariantDraft.of("fake", "hello from alice")))
                    .firstVariant();
            bVariant = luxaris.posts()
                    .create(bob, PostDraft.of("bob").withVariant(VariantDraft.of("fake", "hello from bob")))
                    .firstVariant();
            Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
            aSchedule = luxaris.schedules().schedule(alice, ScheduleRequest.at(aVariant.id(), aConn.id(), tomorrow));
            bSchedule = luxaris.schedules().schedule(bob, ScheduleRequest.at(bVariant.id(), bConn.id(), tomorrow));
            aTemplate = luxaris.templates().create(alice, TemplateDraft.of("welcome", "Hello {{name}}"));
            bTemplate = luxaris.templates().create(bob, TemplateDraft.of("welcome", "Hi {{name}}"));
            var a = luxaris.generation().generate(alice, GenerationRequest.of("launch", "fake"));
            aSession = a.session();
            aSuggestion = a.suggestions().get(0);
            var b = luxaris.generation().generate(bob, GenerationRequest.of("launch", "fake"));
            bSession = b.session();
            bSuggestion = b.suggestions().get(0);
            defineOps();
        }

        void execute(int n) {
            List<String> names = new ArrayList<>(ops.keySet());
            Map<String, Long> before = counts();
            for (int i = 0; i < n; i++) {
                String op = names.get(i % names.size());
                opsCalled.add(op);
                calls++;
                String outcome;
                Throwable failure = null;
                try {
                    ops.get(op).accept(this);
                    outcome = "accepted";
                } catch (ValidationException | NotFoundException | AccessDeniedException e) {
                    outcome = e.getClass().getSimpleName();
                } catch (NullPointerException e) {
                    if (e.getMessage() != null
                            && PARAMETER.matcher(e.getMessage()).matches()) {
                        outcome = "NullPointerException naming the parameter";
                    } else {
                        outcome = "failure";
                        failure = e;
                    }
                } catch (RuntimeException | Error e) {
                    outcome = "failure";
                    failure = e;
                }
                outcomes.merge(outcome, 1, Integer::sum);
                Map<String, Long> after = counts();
                if (failure != null) {
                    fail(
                            i,
                            op,
                            failure.toString() + " at "
                                    + Arrays.asList(failure.getStackTrace())
                                            .subList(0, Math.min(4, failure.getStackTrace().length)));
                } else if (!outcome.equals("accepted") && !after.equals(before)) {
                    fail(i, op, "refused with " + outcome + " but the counts changed from " + before + " to " + after);
                }
                before = after;
            }
        }

        private void fail(int call, String op, String what) {
            if (failures.size() < 30) {
                failures.add("call " + call + " " + op + ": " + what);
            }
        }

        // ---------------------------------------------------------------- entity counts

        Map<String, Long> counts() {
            return db != null ? sqlCounts() : facadeCounts();
        }

        private Map<String, Long> sqlCounts() {
            var tables = List.of(
                    "post",
                    "post_tag",
                    "variant",
                    "schedule",
                    "publish_event",
                    "template",
                    "connection",
                    "generation_session",
                    "generation_suggestion");
            var sql = new StringBuilder("SELECT ");
            for (int i = 0; i < tables.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append("(SELECT count(*) FROM ")
                        .append(db.qualified(tables.get(i)))
                        .append(")");
            }
            var counts = new LinkedHashMap<String, Long>();
            try (Statement s = this.sql.createStatement();
                    ResultSet rs = s.executeQuery(sql.toString())) {
                rs.next();
                for (int i = 0; i < tables.size(); i++) {
                    counts.put(tables.get(i), rs.getLong(i + 1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return counts;
        }

        private Map<String, Long> facadeCounts() {
            var counts = new LinkedHashMap<String, Long>();
            for (Principal p : List.of(alice, bob)) {
                long posts = 0, variants = 0, schedules = 0, events = 0, sessions = 0, suggestions = 0;
                Optional<String> cursor = Optional.empty();
                do {
                    var page = luxaris.posts().list(p, PostQuery.all().withPage(new PageRequest(cursor, 500)));
                    for (Post post : page.items()) {
                        posts++;
                        variants += luxaris.posts().get(p, post.id()).variants().size();
                        for (Schedule s : luxaris.schedules().listForPost(p, post.id())) {
                            schedules++;
                            events += luxaris.schedules().events(p, s.id()).size();
                        }
                    }
                    cursor = page.nextCursor();
                } while (cursor.isPresent());
                for (GenerationSession s : luxaris.generation().list(p, 500)) {
                    sessions++;
                    suggestions +=
                            luxaris.generation().get(p, s.id()).suggestions().size();
                }
                String who = p.id() + ".";
                counts.put(who + "posts", posts);
                counts.put(who + "variants", variants);
                counts.put(who + "schedules", schedules);
                counts.put(who + "events", events);
                counts.put(who + "templates", (long) luxaris.templates().list(p).size());
                counts.put(
                        who + "connections", (long) luxaris.channels().list(p).size());
                counts.put(who + "sessions", sessions);
                counts.put(who + "suggestions", suggestions);
            }
            return counts;
        }

        // ---------------------------------------------------------------- values

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        private <T> T oneOf(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        @SafeVarargs
        private <T> T oneOf(Supplier<T>... values) {
            return values[random.nextInt(values.length)].get();
        }

        /** Mostly a malformed text, sometimes {@code valid}. */
        String text(String valid) {
            if (chance(25)) {
                return valid;
            }
            return oneOf(
                    () -> null,
                    () -> "",
                    () -> " \t\n ",
                    () -> "nul\u0000inside",
                    () -> "\u0000",
                    () -> "high \uD83D alone",
                    () -> "\uDE00 low alone",
                    () -> "ends high \uD83D",
                    () -> "x"
                            .repeat(oneOf(List.of(
                                    Limits.TAG + 1,
                                    Limits.TEMPLATE_NAME + 1,
                                    Limits.DISPLAY_NAME + 1,
                                    Limits.TITLE + 1,
                                    501,
                                    Limits.TEMPLATE_DESCRIPTION + 1,
                                    Limits.METADATA_VALUE + 1,
                                    Limits.PROMPT + 1,
                                    Limits.TEMPLATE_VALUE + 1,
                                    Limits.CREDENTIAL_VALUE + 1,
                                    Limits.TEMPLATE_BODY + 1,
                                    Limits.VARIANT_CONTENT + 1))),
                    () -> "'; DROP TABLE luxaris_post; --",
                    () -> "{{#unclosed}} {{",
                    () -> "emoji \uD83D\uDE00 ok",
                    () -> "\u202E right-to-left \u200B");
        }

        /** A text refused everywhere: null, blank, NUL, an unpaired surrogate, or longer than any limit. */
        String invalidText() {
            return oneOf(List.of("", " ", "a\u0000", "\uD800", "x".repeat(Limits.VARIANT_CONTENT + 1)));
        }

        Optional<String> optionalText(String valid) {
            return chance(20) ? null : chance(20) ? Optional.empty() : Optional.ofNullable(text(valid));
        }

        /** A map that says it has one entry and iterates {@code n}. */
        static Map<String, String> lyingMap(int n) {
            return new AbstractMap<>() {
                @Override
                public int size() {
                    return 1;
                }

                @Override
                public Set<Entry<String, String>> entrySet() {
                    return new AbstractSet<>() {
                        @Override
                        public int size() {
                            return 1;
                        }

                        @Override
                        public Iterator<Entry<String, String>> iterator() {
                            return new Iterator<>() {
                                int i;

                                @Override
                                public boolean hasNext() {
                                    return i < n;
                                }

                                @Override
                                public Entry<String, String> next() {
                                    i++;
                                    return Map.entry("k" + i, "v");
                                }
                            };
                        }
                    };
                }
            };
        }

        Map<String, String> map(Map<String, String> valid) {
            if (chance(25)) {
                return valid;
            }
            return oneOf(
                    () -> null,
                    () -> {
                        var m = new HashMap<String, String>();
                        m.put(null, "v");
                        return m;
                    },
                    () -> {
                        var m = new HashMap<String, String>();
                        m.put("k", null);
                        return m;
                    },
                    () -> {
                        var m = new HashMap<String, String>();
                        for (int i = 0; i <= Limits.METADATA_ENTRIES; i++) {
                            m.put("k" + i, "v");
                        }
                        return m;
                    },
                    () -> Map.of("k".repeat(Limits.METADATA_KEY + 1), "v"),
                    () -> Map.of(" ", "v"),
                    () -> Map.of("k", "v".repeat(Limits.TEMPLATE_VALUE + 1)),
                    () -> Map.of("nul\u0000key", "v"),
                    () -> Map.of("k", "\uD800"),
                    () -> lyingMap(Limits.METADATA_ENTRIES + 10),
                    () -> {
                        var m = new HashMap<String, String>();
                        m.put("name", text("Ada"));
                        return m;
                    });
        }

        List<String> list(List<String> valid) {
            if (chance(25)) {
                return valid;
            }
            return oneOf(
                    () -> null,
                    () -> Arrays.asList("ok", null),
                    () -> {
                        var l = new ArrayList<String>();
                        for (int i = 0; i <= Limits.TAGS; i++) {
                            l.add("t" + i);
                        }
                        return l;
                    },
                    () -> List.of("fine", " "),
                    () -> Arrays.asList(text("ok"), text("ok")));
        }

        Instant instant(Instant valid) {
            if (chance(25)) {
                return valid;
            }
            return oneOf(List.of(
                    Instant.MIN,
                    Instant.MAX,
                    Instant.EPOCH.minusNanos(1),
                    Instant.parse("-4713-11-24T00:00:00Z"),
                    Instant.parse("+10000-01-01T00:00:00Z"),
                    Limits.LATEST_INSTANT.plusNanos(1),
                    clock.instant().minus(Duration.ofDays(1)),
                    clock.instant().plus(Duration.ofDays(10_000)),
                    clock.instant()));
        }

        Instant nullableInstant(Instant valid) {
            return chance(10) ? null : instant(valid);
        }

        When when() {
            return oneOf(
                    () -> null,
                    () -> When.instant(instant(clock.instant().plus(Duration.ofHours(3)))),
                    () -> When.local(
                            oneOf(List.of(
                                    LocalDateTime.MIN,
                                    LocalDateTime.MAX,
                                    LocalDateTime.of(2027, 3, 28, 2, 30), // DST gap in Berlin
                                    LocalDateTime.of(2026, 11, 25, 9, 0))),
                            zone()),
                    () -> When.local(null, ZoneId.of("UTC")),
                    () -> When.instant(Instant.MAX, null));
        }

        ZoneId zone() {
            return oneOf(List.of(
                    ZoneId.of("Europe/Berlin"), ZoneOffset.MAX, ZoneOffset.MIN, ZoneId.of("Pacific/Kiritimati")));
        }

        int number(int valid) {
            return chance(25) ? valid : oneOf(List.of(-1, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, 11, 501, 100_000));
        }

        String cursor() {
            String id = UUID.randomUUID().toString();
            return oneOf(List.of(
                    "%%% not base64",
                    encode(Long.MAX_VALUE + ":999999999:" + id),
                    encode("0:" + Long.MAX_VALUE + ":" + id),
                    encode("0:-5:" + id),
                    encode("-31557014167219200:0:" + id),
                    encode("-210866803200:0:" + id),
                    encode("253402300800:0:" + id),
                    encode("1:2:not-a-uuid"),
                    encode("1:2"),
                    encode("1764000000:0:" + id)));
        }

        private static String encode(String raw) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        PageRequest page() {
            return chance(25)
                    ? PageRequest.first()
                    : new PageRequest(chance(70) ? Optional.of(cursor()) : Optional.empty(), number(50));
        }

        Credentials credentials() {
            return oneOf(
                    () -> null,
                    () -> Credentials.bearer(text("token-1234")),
                    () -> Credentials.of(map(Map.of("access_token", "token-1234"))),
                    () -> Credentials.bearer("token-1234")
                            .with(
                                    Credentials.EXPIRES_AT,
                                    instant(clock.instant().plus(Duration.ofDays(1)))
                                            .toString()),
                    () -> Credentials.bearer("token-1234")
                            .with(Credentials.REFRESH_EXPIRES_AT, "-4713-11-24T00:00:00Z"),
                    () -> Credentials.of(lyingMap(Limits.CREDENTIAL_ENTRIES + 5)),
                    () -> Credentials.of(Map.of()));
        }

        List<MediaRef> media() {
            return oneOf(
                    () -> null,
                    () -> Arrays.asList(MediaRef.image("img-1"), null),
                    () -> List.of(new MediaRef(MediaKind.IMAGE, text("img-1"), optionalText("alt"))),
                    () -> {
                        var l = new ArrayList<MediaRef>();
                        for (int i = 0; i <= Limits.MEDIA; i++) {
                            l.add(MediaRef.image("img-" + i));
                        }
                        return l;
                    },
                    () -> List.of(new MediaRef(null, "img", Optional.empty())));
        }

        VariantDraft variantDraft() {
            return new VariantDraft(
                    chance(70) ? "fake" : text("fake"),
                    chance(50) ? Optional.empty() : Optional.ofNullable(connectionId()),
                    text("content"),
                    list(List.of()),
                    chance(50) ? List.of() : media(),
                    optionalText("calm"),
                    map(Map.of()));
        }

        TemplateDraft templateDraft() {
            return new TemplateDraft(
                    text("promo " + random.nextInt(1_000_000)),
                    optionalText("a description"),
                    text("Hello {{name}}"),
                    chance(50) ? Optional.empty() : optionalText("fake"),
                    chance(50)
                            ? TemplateConstraints.none()
                            : new TemplateConstraints(
                                    chance(50) ? OptionalInt.empty() : OptionalInt.of(number(100)),
                                    optionalText("calm"),
                                    list(List.of("calm"))),
                    OptionalLong.empty());
        }

        // ids: null, unknown, foreign (bob's), or alice's own
        <T> T pick(T own, T foreign, Supplier<T> unknown) {
            int dice = random.nextInt(10);
            return dice == 0 ? null : dice < 3 ? unknown.get() : dice < 5 ? foreign : own;
        }

        /** An id that is never alice's own: for calls that would change or end her fixtures. */
        <T> T notOwn(T foreign, Supplier<T> unknown) {
            int dice = random.nextInt(10);
            return dice == 0 ? null : dice < 5 ? unknown.get() : foreign;
        }

        PostId postId() {
            return pick(aVariant.postId(), bVariant.postId(), PostId::random);
        }

        VariantId variantId() {
            return pick(aVariant.id(), bVariant.id(), VariantId::random);
        }

        ScheduleId scheduleId() {
            return pick(aSchedule.id(), bSchedule.id(), ScheduleId::random);
        }

        ConnectionId connectionId() {
            return pick(aConn.id(), bConn.id(), ConnectionId::random);
        }

        TemplateId templateId() {
            return pick(aTemplate.id(), bTemplate.id(), TemplateId::random);
        }

        GenerationSessionId sessionId() {
            return pick(aSession.id(), bSession.id(), GenerationSessionId::random);
        }

        Principal principal() {
            return chance(5) ? null : alice;
        }

        // ---------------------------------------------------------------- every facade method

        private void op(String name, Consumer<Run> call) {
            ops.put(name, call);
        }

        private void defineOps() {
            // posts and variants
            op("posts.create", r -> luxaris.posts()
                    .create(
                            principal(),
                            new PostDraft(
                                    optionalText("title"),
                                    text("base"),
                                    list(List.of("tag")),
                                    map(Map.of()),
                                    chance(50)
                                            ? List.of()
                                            : Arrays.asList(variantDraft(), chance(20) ? null : variantDraft()))));
            op("posts.get", r -> luxaris.posts().get(principal(), postId()));
            op("posts.update", r -> luxaris.posts()
                    .update(
                            principal(),
                            postId(),
                            new PostUpdate(optionalText("title"), text("base"), list(List.of()), map(Map.of()), null)));
            op("posts.archive", r -> luxaris.posts().archive(principal(), notOwn(bVariant.postId(), PostId::random)));
            op("posts.list", r -> luxaris.posts()
                    .list(
                            principal(),
                            new PostQuery(
                                    chance(70)
                                            ? Set.of(PostStatus.DRAFT)
                                            : new HashSet<>(Arrays.asList(PostStatus.SCHEDULED, null)),
                                    optionalText("tag"),
                                    page())));
            op("posts.addVariant", r -> luxaris.posts().addVariant(principal(), postId(), variantDraft()));
            op("posts.variant", r -> luxaris.posts().variant(principal(), variantId()));
            op("posts.updateVariant", r -> luxaris.posts()
                    .updateVariant(
                            principal(),
                            variantId(),
                            new VariantUpdate(
                                    text("content"),
                                    list(List.of()),
                                    chance(50) ? List.of() : media(),
                                    optionalText("calm"),
                                    chance(50) ? Optional.empty() : Optional.ofNullable(connectionId()),
                                    map(Map.of()),
                                    OptionalLong.empty())));
            op("posts.deleteVariant", r -> luxaris.posts()
                    .deleteVariant(principal(), notOwn(bVariant.id(), VariantId::random)));
            op("posts.check", r -> luxaris.posts().check(principal(), variantDraft()));

            // templates
            op("templates.create", r -> luxaris.templates().create(principal(), templateDraft()));
            op("templates.update", r -> luxaris.templates().update(principal(), templateId(), templateDraft()));
            op("templates.get", r -> luxaris.templates().get(principal(), templateId()));
            op("templates.list", r -> luxaris.templates().list(principal()));
            op("templates.delete", r -> luxaris.templates()
                    .delete(principal(), notOwn(bTemplate.id(), TemplateId::random)));
            op("templates.placeholders", r -> luxaris.templates().placeholders(principal(), templateId()));
            op("templates.render", r -> luxaris.templates()
                    .render(principal(), templateId(), map(Map.of("name", "Ada"))));

            // schedules
            op("schedules.schedule", r -> luxaris.schedules()
                    .schedule(
                            principal(),
                            new ScheduleRequest(
                                    variantId(), chance(20) ? null : Optional.ofNullable(connectionId()), when())));
            op("schedules.reschedule", r -> luxaris.schedules().reschedule(principal(), scheduleId(), when()));
            op("schedules.changeConnection", r -> luxaris.schedules()
                    .changeConnection(principal(), scheduleId(), connectionId()));
            op("schedules.cancel", r -> luxaris.schedules()
                    .cancel(principal(), notOwn(bSchedule.id(), ScheduleId::random)));
            op("schedules.get", r -> luxaris.schedules().get(principal(), scheduleId()));
            op("schedules.listForPost", r -> luxaris.schedules().listForPost(principal(), postId()));
            op("schedules.events", r -> luxaris.schedules().events(principal(), scheduleId()));
            op("schedules.resolveUnconfirmed", r -> {
                if (chance(50)) {
                    // alice's own schedule is pending: only resolutions refused before its status is read
                    luxaris.schedules()
                            .resolveUnconfirmed(
                                    principal(),
                                    aSchedule.id(),
                                    oneOf(
                                            () -> null,
                                            () -> UnconfirmedResolution.published(invalidText(), null),
                                            () -> UnconfirmedResolution.published(
                                                    "1",
                                                    oneOf(List.of(
                                                            "u\u0000", "\uDC00", "x".repeat(Limits.EXTERNAL_REF + 1)))),
                                            () -> UnconfirmedResolution.republishAt(null)));
                } else {
                    luxaris.schedules()
                            .resolveUnconfirmed(
                                    principal(),
                                    notOwn(bSchedule.id(), ScheduleId::random),
                                    oneOf(
                                            () -> null,
                                            () -> UnconfirmedResolution.published(text("1"), text("https://x")),
                                            () -> UnconfirmedResolution.republishAt(when()),
                                            UnconfirmedResolution::cancel));
                }
            });
            op("schedules.reconcile", r -> luxaris.schedules()
                    .reconcile(principal(), notOwn(bSchedule.id(), ScheduleId::random)));

            // channels and connections
            op("channels.catalog", r -> luxaris.channels().catalog(principal()));
            op("channels.limits", r -> luxaris.channels()
                    .limits(principal(), text("fake"), chance(20) ? null : Optional.ofNullable(connectionId())));
            op("channels.measure", r -> luxaris.channels()
                    .measure(
                            principal(),
                            chance(70) ? "fake" : text("fake"),
                            chance(10) ? "y".repeat(640_000) : text("hello")));
            op("channels.connect", r -> luxaris.channels()
                    .connect(
                            principal(),
                            new ConnectionRequest(
                                    chance(70) ? "fake" : text("fake"), text("@carol"), credentials(), map(Map.of()))));
            op("channels.reconnect", r -> luxaris.channels().reconnect(principal(), connectionId(), credentials()));
            op("channels.rename", r -> luxaris.channels()
                    .rename(principal(), connectionId(), text("@alice"), map(Map.of())));
            op("channels.list", r -> luxaris.channels().list(principal()));
            op("channels.get", r -> luxaris.channels().get(principal(), connectionId()));
            op("channels.revoke", r -> luxaris.channels()
                    .revoke(principal(), notOwn(bConn.id(), ConnectionId::random)));
            op("channels.health", r -> luxaris.channels().health(principal(), connectionId()));

            // generation
            op("generation.generate", r -> luxaris.generation()
                    .generate(
                            principal(),
                            new GenerationRequest(
                                    text("launch"),
                                    chance(50) ? Optional.empty() : Optional.ofNullable(templateId()),
                                    map(Map.of("name", "Ada")),
                                    chance(50) ? List.of("fake") : list(List.of("fake")),
                                    optionalText("calm"),
                                    chance(10) ? null : LengthHint.SHORT,
                                    number(1),
                                    chance(50) ? Optional.empty() : Optional.ofNullable(postId()),
                                    chance(70) ? Optional.empty() : optionalText("scripted"))));
            op("generation.get", r -> luxaris.generation().get(principal(), sessionId()));
            op("generation.list", r -> luxaris.generation().list(principal(), number(10)));
            op("generation.accept", r -> luxaris.generation()
                    .accept(principal(), notOwn(bSuggestion.id(), SuggestionId::random)));
            op("generation.acceptInto", r -> luxaris.generation()
                    .acceptInto(principal(), notOwn(bSuggestion.id(), SuggestionId::random), postId()));
            op("generation.abort", r -> luxaris.generation()
                    .abort(principal(), notOwn(bSession.id(), GenerationSessionId::random)));

            // calendar
            op("calendar.between", r -> luxaris.calendar()
                    .between(
                            principal(),
                            nullableInstant(clock.instant()),
                            nullableInstant(clock.instant().plus(Duration.ofDays(7))),
                            chance(10)
                                    ? null
                                    : new CalendarFilter(
                                            chance(70) ? Set.of() : new HashSet<>(Arrays.asList("fake", text("x"))),
                                            chance(70)
                                                    ? Set.of()
                                                    : new HashSet<>(Arrays.asList(aConn.id(), connectionId())),
                                            optionalText("tag"),
                                            chance(70)
                                                    ? Set.of()
                                                    : new HashSet<>(Arrays.asList(PostStatus.DRAFT, null)),
                                            chance(70)
                                                    ? Set.of()
                                                    : new HashSet<>(Arrays.asList(ScheduleStatus.PENDING, null)),
                                            page())));
            op("calendar.week", r -> luxaris.calendar()
                    .week(
                            principal(),
                            chance(10)
                                    ? null
                                    : oneOf(List.of(
                                            LocalDate.MIN,
                                            LocalDate.MAX,
                                            LocalDate.of(1970, 1, 1),
                                            LocalDate.of(9999, 12, 31),
                                            LocalDate.of(2026, 11, 24))),
                            chance(10) ? null : zone(),
                            chance(10) ? null : CalendarFilter.none().page(page())));

            // publishing: only the call that takes input (starting the engine would publish the fixtures)
            op("publishing.stop", r -> luxaris.publishing()
                    .stop(oneOf(List.of(
                            Duration.ofSeconds(-1), Duration.ofNanos(-1), Duration.ZERO, Duration.ofMillis(1)))));
            op("publishing.status", r -> luxaris.publishing().status());
        }

        @Override
        public void close() {
            luxaris.close();
            if (sql != null) {
                try {
                    sql.close();
                } catch (SQLException e) {
                    // the schema is dropped anyway
                }
            }
        }
    }
}
