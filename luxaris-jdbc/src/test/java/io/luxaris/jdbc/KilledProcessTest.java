package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.ScheduleId;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.usecase.ConnectionRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine in a separate JVM is killed with SIGKILL while it publishes: afterwards nothing was published twice
 * and every schedule is in a terminal state or unconfirmed (waiting for reconciliation), once another instance
 * reaped the dead one's leases and finished the rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledProcessTest {
    private static final int SCHEDULES = 2_000;

    private TestDatabase db;

    @BeforeAll
    void createDatabase() {
        db = TestDatabase.orNull(TestDatabase.Kind.POSTGRESQL);
    }

    @BeforeEach
    void requireDatabase() {
        TestDatabase.assumeAvailable(db, TestDatabase.Kind.POSTGRESQL);
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void anEngineKilledMidPublish_publishesNothingTwice_andLeavesEveryScheduleTerminalOrReclaimable(@TempDir Path dir)
            throws Exception {
        Path keyFile = dir.resolve("keyset.json");
        TinkSecretCipher.writeKeyFile(TinkSecretCipher.generateKeyset(), keyFile);
        var ledger = new Ledger(dir.resolve("ledger.txt"));
        List<ScheduleId> schedules;
        try (JdbcStorage jdbc = db.storage().build();
                Luxaris admin = Luxaris.builder()
                        .storage(jdbc)
                        .secretCipher(TinkSecretCipher.fromKeyFile(keyFile))
                        .channel(ledger.channel(Duration.ZERO))
                        .build()) {
            ChannelConnection account = admin.channels()
                    .connect(Principal.of("alice"), ConnectionRequest.of("fake", "@alice", Credentials.bearer("t0k")));
            Storage storage = jdbc.open(new StorageContext(Clock.systemUTC()));
            Instant now = storage.readOnly(tx -> tx.queue().now());
            schedules = Seeds.dueSchedules(storage, List.of(account), SCHEDULES, now.minusSeconds(1));
        }

        Process child = startEngineProcess(keyFile, dir.resolve("ledger.txt"), dir.resolve("child.log"));
        try {
            // wait until the process is in the middle of publishing: calls recorded, their schedules processing
            String processing = "SELECT count(*) FROM " + db.qualified("schedule")
                    + " WHERE status = 'processing' AND lease_owner = 'killed-process'";
            assertThat(Counts.await(
                            Duration.ofSeconds(60),
                            () -> !child.isAlive()
                                    || (ledger.lines().size() > EngineProcess.HANG_AFTER
                                            && Counts.number(db, processing) > 0)))
                    .isTrue();
            assertThat(child.isAlive())
                    .as("the engine process runs (log: %s)", dir.resolve("child.log"))
                    .isTrue();
            child.destroyForcibly(); // SIGKILL on Unix
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        int postedByChild = ledger.lines().size();
        Map<String, Integer> atKill = Counts.byStatus(db);
        System.out.printf(
                "SIGKILLed the engine process after %d publish calls; schedules then: %s%n", postedByChild, atKill);
        assertThat(atKill.getOrDefault("processing", 0) + atKill.getOrDefault("queued", 0))
                .as("the process died holding claims")
                .isPositive();

        // another instance takes over: it reaps the dead one's expired leases and publishes the rest
        try (JdbcStorage jdbc = db.storage().build();
                Luxaris survivor = Luxaris.builder()
                        .storage(jdbc)
                        .secretCipher(TinkSecretCipher.fromKeyFile(keyFile))
                        .channel(ledger.channel(Duration.ZERO))
                        .engine(Node.busyEngine()
                                .leaseDuration(Duration.ofSeconds(3))
                                .reapInterval(Duration.ofSeconds(1))
                                .build())
                        .instanceId("survivor")
                        .build()) {
            survivor.publishing().start();
            assertThat(Counts.await(Duration.ofSeconds(60), () -> Counts.active(db) == 0))
                    .isTrue();
            survivor.publishing().stop(Duration.ofSeconds(5));
        }

        Map<String, Integer> statuses = Counts.byStatus(db);
        Map<ScheduleId, Integer> posts = ledger.postsBySchedule();
        System.out.printf(
                "after recovery: %s; %d publish calls in all (%d by the killed process), %d schedules posted twice%n",
                statuses,
                ledger.lines().size(),
                postedByChild,
                posts.values().stream().filter(n -> n > 1).count());
        assertThat(posts.values()).as("no schedule is posted twice").allSatisfy(n -> assertThat(n)
                .isEqualTo(1));
        assertThat(statuses.keySet())
                .as("every schedule is terminal or unconfirmed (reclaimable by reconciliation)")
                .isSubsetOf(Set.of("success", "failed", "skipped", "cancelled", "unconfirmed"));
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SCHEDULES);
        var succeeded = Set.copyOf(ids("status = 'success'"));
        var unconfirmed = Set.copyOf(ids("status = 'unconfirmed'"));
        assertThat(succeeded.stream().filter(id -> posts.get(id) == null).count())
                .as("successful schedules without a post")
                .isZero();
        assertThat(posts.keySet().stream()
                        .filter(id -> !succeeded.contains(id) && !unconfirmed.contains(id))
                        .count())
                .as("posts of schedules that are neither successful nor unconfirmed")
                .isZero();
        assertThat(schedules).containsAll(posts.keySet());
        // the unconfirmed ones are those the dead process had started: reaped, never published again. An instance
        // holds at most maxConcurrency calls running and maxConcurrency + a claim batch outcomes its writer has not
        // written yet
        var settings = EngineProcess.settings();
        assertThat(unconfirmed)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(2 * settings.maxConcurrency() + settings.claimBatchSize());
        assertThat(Counts.number(
                        db,
                        "SELECT count(*) FROM " + db.qualified("schedule")
                                + " WHERE status = 'unconfirmed' AND error_code = 'lease_expired'"
                                + " AND lease_owner = 'killed-process'"))
                .isEqualTo(unconfirmed.size());
    }

    private List<ScheduleId> ids(String condition) {
        var out = new java.util.ArrayList<ScheduleId>();
        try (var c = db.connect();
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT id FROM " + db.qualified("schedule") + " WHERE " + condition)) {
            while (rs.next()) {
                out.add(new ScheduleId(rs.getObject(1, java.util.UUID.class)));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private Process startEngineProcess(Path keyFile, Path ledgerFile, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.writeString(log, "");
        var pb = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        classpath,
                        EngineProcess.class.getName(),
                        db.url(),
                        db.name,
                        keyFile.toString(),
                        ledgerFile.toString(),
                        "killed-process")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("CLASSPATH", "");
        Process p = pb.start();
        System.out.println("started engine process " + p.pid() + " (log " + log + ")");
        return p;
    }
}
