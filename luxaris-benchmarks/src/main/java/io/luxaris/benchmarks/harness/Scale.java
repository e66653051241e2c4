package io.luxaris.benchmarks.harness;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.Page;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.internal.engine.DefaultSchedulerEngine;
import io.luxaris.jdbc.JdbcStorage;
import io.luxaris.jdbc.TinkSecretCipher;
import io.luxaris.spi.engine.ClaimedJobs;
import io.luxaris.spi.engine.PublishingOperations;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.storage.ClaimRequest;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.usecase.CalendarEntry;
import io.luxaris.usecase.CalendarFilter;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Luxaris with many future schedules in the table: how long claiming due work and reading a calendar week take
 * with 10,000 and with 1,000,000 pending future schedules.
 *
 * <p>Data: {@code owners} owners with ten accounts each; {@code templates} posts (one variant each) written and
 * scheduled through the facade; then, in SQL, {@code rows - templates} copies of those template rows (a new post,
 * variant and schedule each, every other column copied from the template Luxaris wrote) with run times spread
 * evenly over the next 1 to 364 days, plus {@code batch} copies due a minute ago (what the claims find); then
 * {@code VACUUM ANALYZE} and a {@code CHECKPOINT} (the load's dirty pages written before anything is measured).
 * Measured, each after a few unmeasured rounds:
 *
 * <ul>
 *   <li><b>claim query</b>: one transaction of the storage SPI's {@code queue().claim(...)} of {@code batch} due
 *       schedules (PostgreSQL: one {@code UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING}), commit included;
 *   <li><b>claim cycle</b>: the engine's {@code PublishingOperations.claim(batch, none busy)}: the claim plus loading
 *       every claimed schedule's variant, post and account, in one transaction;
 *   <li><b>calendar week</b>: {@code calendar().week(owner, day, UTC, none)} of one owner, first page (50), for a
 *       week half a year ahead, measured right after the claims (cold: {@code calendarWeekFirstPageCold}) and again
 *       after {@link #CALENDAR_WARMUP} more reads; and the <b>whole week</b> read page by page (500 per page).
 * </ul>
 *
 * After each claim the claimed schedules are put back to pending by a separate, unmeasured update.
 */
final class Scale {
    private static final int ACCOUNTS_PER_OWNER = 10;

    /**
     * Unmeasured first-page reads before the measured ones (at most ten per measured read): a service answering
     * calendar requests runs the read's code compiled; the first few hundred reads of a new JVM mostly measure the
     * JIT (5 ms against 2 ms at 1,000,000 rows). The reads right after loading are reported too, as {@code
     * calendarWeekFirstPageCold}.
     */
    static final int CALENDAR_WARMUP = 2_000;

    private Scale() {}

    static Result run(
            Pg pg,
            String schema,
            int rows,
            int templates,
            int owners,
            int batch,
            int reps,
            Recorder recorder,
            boolean keepSchema)
            throws Exception {
        if (templates > rows) {
            throw new IllegalArgumentException("--templates (" + templates + ") must not exceed --rows (" + rows + ")");
        }
        var r = new Result("scale", "luxaris")
                .put("rows", rows)
                .put("templates", templates)
                .put("owners", owners)
                .put("batch", batch)
                .put("repetitions", reps);
        var cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
        var operations = new AtomicReference<PublishingOperations>();
        pg.recreateSchema(schema);
        JdbcStorage jdbc = null;
        Luxaris luxaris = null;
        try {
            var b = JdbcStorage.builder()
                    .url(pg.url)
                    .user(pg.user)
                    .schema(schema)
                    .maximumPoolSize(4)
                    .poolName(pg.application("luxaris-scale"))
                    .property("ApplicationName", pg.application("luxaris-scale"));
            if (!pg.password.isEmpty()) {
                b.password(pg.password);
            }
            jdbc = b.build();
            luxaris = Luxaris.builder()
                    .storage(jdbc)
                    .secretCipher(cipher)
                    .channel(RecordingChannel.create(Map.of(), recorder, false))
                    .instanceId("scale")
                    // the engine is never started: the harness calls its claim step directly
                    .schedulerEngine(context -> {
                        operations.set(context.operations());
                        return DefaultSchedulerEngine.create(context);
                    })
                    .build();

            long t = System.nanoTime();
            List<Principal> principals = new ArrayList<>();
            List<List<ChannelConnection>> accounts = new ArrayList<>();
            Instant now = Instant.now();
            for (int o = 0; o < owners; o++) {
                Principal owner = Principal.of("owner-" + o);
                principals.add(owner);
                var mine = new ArrayList<ChannelConnection>();
                for (int a = 0; a < ACCOUNTS_PER_OWNER; a++) {
                    mine.add(luxaris.channels()
                            .connect(
                                    owner,
                                    ConnectionRequest.of(
                                            RecordingChannel.KEY, "@o" + o + "a" + a, Credentials.bearer("t"))));
                }
                accounts.add(mine);
            }
            // round-robin over the owners (schedule ids are time-ordered, so copies of consecutive templates, which
            // share a week, belong to every owner alike)
            for (int i = 0; i < templates; i++) {
                Principal owner = principals.get(i % owners);
                ChannelConnection account = accounts.get(i % owners).get((i / owners) % ACCOUNTS_PER_OWNER);
                String text = "Scale post " + i + " https://example.com/p/" + i;
                PostVariant variant = luxaris.posts()
                        .create(
                                owner,
                                PostDraft.of(text)
                                        .withVariant(VariantDraft.of(RecordingChannel.KEY, text)
                                                .withConnection(account.id())))
                        .firstVariant();
                luxaris.schedules()
                        .schedule(
                                owner,
                                ScheduleRequest.at(
                                        variant.id(),
                                        account.id(),
                                        now.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(i))));
            }
            double facadeSeconds = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            copyTemplates(pg, schema, rows - templates, batch);
            double copySeconds = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            pg.execute(schema, "VACUUM (ANALYZE) luxaris_post, luxaris_variant, luxaris_schedule");
            double vacuumSeconds = (System.nanoTime() - t) / 1e9;
            // the load leaves hundreds of MB of dirty pages: written now, not by a checkpoint during the measurements
            // (needs a superuser or the pg_checkpoint role; without it the run goes on and says so)
            t = System.nanoTime();
            boolean checkpointed = checkpoint(pg, schema);
            double checkpointSeconds = (System.nanoTime() - t) / 1e9;
            long pending = pg.number(schema, "SELECT count(*) FROM luxaris_schedule WHERE status = 'pending'");
            long due = pg.number(
                    schema,
                    "SELECT count(*) FROM luxaris_schedule WHERE status = 'pending' AND next_attempt_at <= now()");
            r.put("loadFacadeSeconds", round(facadeSeconds, 2))
                    .put("loadSqlSeconds", round(copySeconds, 2))
                    .put("vacuumAnalyzeSeconds", round(vacuumSeconds, 2))
                    .put("checkpointed", checkpointed)
                    .put("checkpointSeconds", round(checkpointSeconds, 2))
                    .put("pendingRows", pending)
                    .put("dueRows", due)
                    .put(
                            "scheduleTableMb",
                            pg.number(schema, "SELECT pg_total_relation_size('luxaris_schedule')") / (1024 * 1024));
            r.check(pending == rows + batch && due == batch, "the table holds the rows and the due batch");

            Storage storage = jdbc.open(new StorageContext(Clock.systemUTC()));
            var request =
                    new ClaimRequest("scale", batch, Duration.ofMinutes(5), Set.of(ChannelId.forKey("noop")), Set.of());
            PublishingOperations ops = operations.get();
            int warmup = Math.max(5, reps / 10);
            try (Connection reset = pg.connect("aux-reset", schema);
                    Statement rs = reset.createStatement()) {
                String putBack = "UPDATE luxaris_schedule SET status = 'pending', attempt_count = 0,"
                        + " lease_owner = NULL, lease_expires_at = NULL WHERE status = 'queued'";
                long[] claimQuery = measure(
                        warmup,
                        reps,
                        () -> {
                            List<Schedule> claimed =
                                    storage.inTransaction(tx -> tx.queue().claim(request));
                            return claimed.size();
                        },
                        batch,
                        () -> execute(rs, putBack),
                        r,
                        "claim query");
                long[] claimCycle = measure(
                        warmup,
                        reps,
                        () -> {
                            ClaimedJobs claimed = ops.claim(batch, Set.of());
                            return claimed.jobs().size();
                        },
                        batch,
                        () -> execute(rs, putBack),
                        r,
                        "claim cycle");
                put(r, "claimQuery", claimQuery);
                put(r, "claimCycle", claimCycle);
            }

            Principal owner = principals.get(0);
            LocalDate day = LocalDate.ofInstant(now.plus(Duration.ofDays(182)), ZoneOffset.UTC);
            Luxaris lx = luxaris;
            var firstPage = new int[1];
            Work firstPageRead = () -> {
                Page<CalendarEntry> page = lx.calendar().week(owner, day, ZoneOffset.UTC, CalendarFilter.none());
                firstPage[0] = page.items().size();
                return 1;
            };
            // right after loading, with the few rounds of warm-up the claims had: mostly the JIT compiling the read
            long[] coldWeek = measure(warmup, reps, firstPageRead, 1, () -> {}, r, "calendar week (cold)");
            // then as a running service answers it: after CALENDAR_WARMUP more unmeasured reads (at most ten per
            // measured one)
            long[] week =
                    measure(Math.min(CALENDAR_WARMUP, 10 * reps), reps, firstPageRead, 1, () -> {}, r, "calendar week");
            var wholeWeek = new int[2];
            long[] whole = measure(
                    Math.max(2, warmup / 5),
                    Math.max(10, reps / 5),
                    () -> {
                        int entries = 0;
                        int pages = 0;
                        Optional<String> cursor = Optional.empty();
                        do {
                            PageRequest pr =
                                    cursor.map(c -> PageRequest.after(c, 500)).orElse(PageRequest.first(500));
                            Page<CalendarEntry> page = lx.calendar()
                                    .week(
                                            owner,
                                            day,
                                            ZoneOffset.UTC,
                                            CalendarFilter.none().page(pr));
                            entries += page.items().size();
                            pages++;
                            cursor = page.nextCursor();
                        } while (cursor.isPresent());
                        wholeWeek[0] = entries;
                        wholeWeek[1] = pages;
                        return 1;
                    },
                    1,
                    () -> {},
                    r,
                    "whole calendar week");
            put(r, "calendarWeekFirstPageCold", coldWeek);
            put(r, "calendarWeekFirstPage", week);
            put(r, "calendarWholeWeek", whole);
            r.put("calendarFirstPageEntries", firstPage[0])
                    .put("calendarWeekEntries", wholeWeek[0])
                    .put("calendarWeekPages", wholeWeek[1])
                    .put("calendarWeek", day.toString());
            r.check(firstPage[0] == Math.min(50, wholeWeek[0]), "the first page is full (or the whole week)")
                    .check(wholeWeek[0] > 0, "the week has entries");
            return r;
        } finally {
            if (luxaris != null) {
                luxaris.close();
            }
            if (jdbc != null) {
                jdbc.close();
            }
            if (!keepSchema) {
                pg.dropSchemaQuietly(schema);
            }
        }
    }

    private interface Work {
        int run() throws Exception;
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Times {@code work} (expected to return {@code expect}) {@code reps} times after {@code warmup} rounds. */
    private static long[] measure(int warmup, int reps, Work work, int expect, Step after, Result r, String what)
            throws Exception {
        long[] nanos = new long[reps];
        int wrong = 0;
        for (int i = -warmup; i < reps; i++) {
            long t = System.nanoTime();
            int got = work.run();
            long dt = System.nanoTime() - t;
            after.run();
            if (got != expect) {
                wrong++;
            }
            if (i >= 0) {
                nanos[i] = dt;
            }
        }
        r.check(wrong == 0, what + " returned " + expect + " every time");
        Arrays.sort(nanos);
        return nanos;
    }

    private static void put(Result r, String prefix, long[] sortedNanos) {
        r.put(prefix + "MedianMs", round(Recorder.percentile(sortedNanos, 50) / 1e6, 3))
                .put(prefix + "P90Ms", round(Recorder.percentile(sortedNanos, 90) / 1e6, 3))
                .put(prefix + "P99Ms", round(Recorder.percentile(sortedNanos, 99) / 1e6, 3))
                .put(prefix + "MaxMs", round(Recorder.percentile(sortedNanos, 100) / 1e6, 3))
                .put(
                        prefix + "MeanMs",
                        round(Arrays.stream(sortedNanos).average().orElse(Double.NaN) / 1e6, 3));
    }

    private static boolean checkpoint(Pg pg, String schema) {
        try {
            pg.execute(schema, "CHECKPOINT");
            return true;
        } catch (SQLException e) {
            System.out.println("   (no CHECKPOINT after the load: " + e.getMessage() + ")");
            return false;
        }
    }

    private static void execute(Statement s, String sql) throws SQLException {
        s.execute(sql);
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /**
     * Copies the facade-written template rows (post, variant, schedule) {@code copies} times with new ids and run
     * times spread over days 1..364 from now, plus {@code due} copies due a minute ago. Every column not named here
     * is copied from the template as Luxaris wrote it.
     */
    static void copyTemplates(Pg pg, String schema, int copies, int due) throws SQLException {
        try (Connection c = pg.connect("aux-load", schema);
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TEMP TABLE tpl AS SELECT (row_number() OVER (ORDER BY created_at, id)) - 1 AS k, id AS schedule_id,"
                            + " post_id, variant_id FROM luxaris_schedule");
            long templates;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tpl")) {
                rs.next();
                templates = rs.getLong(1);
            }
            s.execute("CREATE TEMP TABLE gen AS SELECT g, g % " + templates + " AS k, gen_random_uuid() AS post_id,"
                    + " gen_random_uuid() AS variant_id, gen_random_uuid() AS schedule_id,"
                    + " CASE WHEN g > " + copies + " THEN date_trunc('milliseconds', now() - interval '1 minute')"
                    + " ELSE date_trunc('milliseconds', now() + interval '1 day' + (g - 1) * (interval '363 days' / "
                    + Math.max(1, copies) + ")) END AS at"
                    + " FROM generate_series(1, " + (copies + due) + ") g");
            var post = new LinkedHashMap<String, String>();
            post.put("id", "gen.post_id");
            s.execute(copy(
                    c,
                    schema,
                    "luxaris_post",
                    "t",
                    post,
                    "FROM gen JOIN tpl USING (k) JOIN luxaris_post t ON t.id = tpl.post_id"));
            var variant = new LinkedHashMap<String, String>();
            variant.put("id", "gen.variant_id");
            variant.put("post_id", "gen.post_id");
            s.execute(copy(
                    c,
                    schema,
                    "luxaris_variant",
                    "t",
                    variant,
                    "FROM gen JOIN tpl USING (k) JOIN luxaris_variant t ON t.id = tpl.variant_id"));
            var schedule = new LinkedHashMap<String, String>();
            schedule.put("id", "gen.schedule_id");
            schedule.put("post_id", "gen.post_id");
            schedule.put("variant_id", "gen.variant_id");
            schedule.put("run_at", "gen.at");
            schedule.put("next_attempt_at", "gen.at");
            s.execute(copy(
                    c,
                    schema,
                    "luxaris_schedule",
                    "t",
                    schedule,
                    "FROM gen JOIN tpl USING (k) JOIN luxaris_schedule t ON t.id = tpl.schedule_id"));
            s.execute("DROP TABLE gen");
            s.execute("DROP TABLE tpl");
        }
    }

    /** {@code INSERT INTO table (every column) SELECT override or alias.column ... from}. */
    private static String copy(
            Connection c, String schema, String table, String alias, Map<String, String> overrides, String from)
            throws SQLException {
        var columns = new ArrayList<String>();
        try (var ps = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        if (columns.isEmpty() || !columns.containsAll(overrides.keySet())) {
            throw new SQLException("unexpected columns of " + table + ": " + columns);
        }
        var select = new ArrayList<String>();
        for (String col : columns) {
            select.add(overrides.getOrDefault(col, alias + "." + col));
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", select)
                + " " + from;
    }
}
