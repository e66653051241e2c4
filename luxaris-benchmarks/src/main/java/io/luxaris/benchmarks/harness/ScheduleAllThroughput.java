package io.luxaris.benchmarks.harness;

import com.zaxxer.hikari.HikariDataSource;
import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostVariant;
import io.luxaris.jdbc.JdbcStorage;
import io.luxaris.jdbc.TinkSecretCipher;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.BulkResult;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.CountBy;
import io.luxaris.usecase.PostDetails;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures {@code posts().createAll} and {@code schedules().scheduleAll} through the facade on PostgreSQL: batches of
 * 1,000 items, one producer thread, after a warm-up; prints posts/s and schedules/s and the time of one grouped
 * count. Usage: {@code java -cp luxaris-benchmarks.jar io.luxaris.benchmarks.harness.ScheduleAllThroughput [batches]}
 * (connection from {@code LUXARIS_PG_URL}, {@code LUXARIS_PG_USER}, {@code LUXARIS_PG_PASSWORD}).
 */
public final class ScheduleAllThroughput {
    private static final int BATCH = 1_000;
    private static final Principal PRODUCER = Principal.of("producer");

    private ScheduleAllThroughput() {}

    /**
     * Runs the measurement.
     *
     * @param args the number of measured batches (default 10)
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Pg pg = Pg.fromEnvironment("bulk");
        String schema = "luxbench_bulk_" + ProcessHandle.current().pid();
        pg.recreateSchema(schema);
        try (HikariDataSource pool = pg.pool("bulk", schema, 4);
                JdbcStorage storage =
                        JdbcStorage.builder().dataSource(pool).schema(schema).build();
                Luxaris luxaris = Luxaris.builder()
                        .storage(storage)
                        .secretCipher(TinkSecretCipher.of(TinkSecretCipher.generateKeyset()))
                        .channel(ScriptedChannel.create("fake"))
                        .build()) {
            var connections = new ArrayList<ChannelConnection>();
            for (int i = 0; i < 10; i++) {
                connections.add(luxaris.channels()
                        .connect(
                                PRODUCER,
                                ConnectionRequest.of("fake", "account-" + i, Credentials.bearer("token-" + i))));
            }
            run(luxaris, connections, 3, "warm-up");
            run(luxaris, connections, batches, "measured");
            Instant from = Instant.now();
            long start = System.nanoTime();
            var counts = luxaris.schedules()
                    .counts(PRODUCER, from, from.plus(Duration.ofDays(60)), CountBy.STATUS, CountBy.CONNECTION);
            System.out.printf(
                    "counts by status and connection over %d schedules: %d groups in %.1f ms%n",
                    counts.stream().mapToLong(c -> c.count()).sum(), counts.size(), (System.nanoTime() - start) / 1e6);
        } finally {
            pg.dropSchemaQuietly(schema);
        }
    }

    private static void run(Luxaris luxaris, List<ChannelConnection> connections, int batches, String label) {
        long postNanos = 0;
        long scheduleNanos = 0;
        int scheduled = 0;
        for (int b = 0; b < batches; b++) {
            var drafts = new ArrayList<PostDraft>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                String text = label + " " + b + "/" + i;
                drafts.add(PostDraft.of(text).withVariant(VariantDraft.of("fake", text)));
            }
            long t0 = System.nanoTime();
            BulkResult<PostDetails> posts = luxaris.posts().createAll(PRODUCER, drafts);
            long t1 = System.nanoTime();
            var requests = new ArrayList<ScheduleRequest>(BATCH);
            Instant base = Instant.now().plus(Duration.ofDays(1));
            List<PostDetails> created = posts.created();
            for (int i = 0; i < created.size(); i++) {
                PostVariant v = created.get(i).firstVariant();
                requests.add(ScheduleRequest.at(
                        v.id(),
                        connections.get(i % connections.size()).id(),
                        base.plus(Duration.ofMinutes(b * (long) BATCH + i))));
            }
            long t2 = System.nanoTime();
            var result = luxaris.schedules().scheduleAll(PRODUCER, requests);
            long t3 = System.nanoTime();
            if (!result.allCreated()) {
                throw new IllegalStateException(
                        "rejected: " + result.rejected().get(0).violations());
            }
            postNanos += t1 - t0;
            scheduleNanos += t3 - t2;
            scheduled += result.created().size();
        }
        System.out.printf(
                "%s: %d batches of %d: createAll %.0f posts/s, scheduleAll %.0f schedules/s (%.1f ms per batch)%n",
                label,
                batches,
                BATCH,
                scheduled / (postNanos / 1e9),
                scheduled / (scheduleNanos / 1e9),
                scheduleNanos / 1e6 / batches);
    }
}
