package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantStatus;
import io.luxaris.jdbc.internal.Migrations;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.ScriptedChannel.Behavior;
import io.luxaris.usecase.ConnectionRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migration 2 makes {@code dry_run} a schedule status of its own, and turns what earlier versions stored for a dry
 * run (a failure with code {@code dry_run}) into what it was, leaving real failures alone.
 */
class DryRunMigrationTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void dryRunsStoredAsFailuresByVersion1_becomeDryRuns_realFailuresStay(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            migrateToVersion1(db);
            laterColumns(db, kind, true);
            ScheduleId dryRun;
            ScheduleId refused;
            // what the engine wrote before dry runs had a status: the channel answered "rejected, dry_run"
            try (JdbcStorage v1 = db.storage().migrate(false).build()) {
                var channel = ScriptedChannel.create("fake")
                        .willAnswer(r -> Behavior.fail(
                                FailureKind.REJECTED,
                                r.variant().content().equals("hello 0") ? "dry_run" : "http_400"));
                try (Luxaris luxaris = Luxaris.builder()
                        .storage(v1)
                        .secretCipher(TinkSecretCipher.of(TinkSecretCipher.generateKeyset()))
                        .channel(channel)
                        .build()) {
                    ChannelConnection account = luxaris.channels()
                            .connect(
                                    Principal.of("alice"),
                                    ConnectionRequest.of("fake", "@alice", Credentials.bearer("t0k")));
                    Storage storage = v1.open(new StorageContext(Clock.systemUTC()));
                    Instant now =
                            storage.readOnly((Transaction tx) -> tx.queue().now());
                    List<ScheduleId> ids = Seeds.dueSchedules(storage, List.of(account), 2, now.minusSeconds(1));
                    assertThat(luxaris.publishing().runDue().failed()).isEqualTo(2);
                    dryRun = ids.get(0);
                    refused = ids.get(1);
                }
            }

            laterColumns(db, kind, false);
            try (JdbcStorage v2 = db.storage().build()) {
                Storage storage = v2.open(new StorageContext(Clock.systemUTC()));
                storage.readOnly((Transaction tx) -> {
                    var dry = tx.schedules().find(dryRun).orElseThrow();
                    assertThat(dry.status()).isEqualTo(ScheduleStatus.DRY_RUN);
                    assertThat(dry.errorCode()).isEmpty();
                    assertThat(tx.publishEvents().listBySchedule(dryRun))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.status()).isEqualTo(PublishEventStatus.DRY_RUN);
                                assertThat(e.failureKind()).isEmpty();
                                assertThat(e.errorCode()).isEmpty();
                            });
                    assertThat(tx.variants().find(dry.variantId()).orElseThrow().status())
                            .isEqualTo(VariantStatus.READY);

                    var failed = tx.schedules().find(refused).orElseThrow();
                    assertThat(failed.status()).isEqualTo(ScheduleStatus.FAILED);
                    assertThat(failed.errorCode()).contains("http_400");
                    assertThat(tx.publishEvents().listBySchedule(refused))
                            .singleElement()
                            .satisfies(e -> assertThat(e.status()).isEqualTo(PublishEventStatus.FAILED));
                    assertThat(tx.variants()
                                    .find(failed.variantId())
                                    .orElseThrow()
                                    .status())
                            .isEqualTo(VariantStatus.FAILED);
                    return null;
                });
            }
        }
    }

    /**
     * Adds (or drops again) the columns later migrations add to the tables today's code writes: the version-1 rows
     * are written by today's repositories, and migration 8 adds the follow-up columns again when the test migrates.
     */
    private static void laterColumns(TestDatabase db, TestDatabase.Kind kind, boolean add) throws Exception {
        String json = kind == TestDatabase.Kind.POSTGRESQL ? "jsonb" : "JSON";
        String uuid =
                switch (kind) {
                    case POSTGRESQL -> "uuid";
                    case MARIADB -> "BINARY(16)";
                    default -> "UUID";
                };
        var columns = List.of(
                List.of("variant", "follow_ups", json),
                List.of("schedule", "follow_up_root", uuid),
                List.of("schedule", "follow_up_parent", uuid),
                List.of("schedule", "follow_up_index", "INT"));
        try (var c = db.connect();
                var st = c.createStatement()) {
            for (List<String> col : columns) {
                st.execute("ALTER TABLE " + db.qualified(col.get(0))
                        + (add
                                ? " ADD COLUMN " + col.get(1) + " " + col.get(2) + " NULL"
                                : " DROP COLUMN " + col.get(1)));
            }
        }
    }

    /** The schema as version 1 left it (what a database made by an earlier Luxaris holds). */
    private static void migrateToVersion1(TestDatabase db) {
        try (JdbcStorage probe = db.storage().migrate(false).build()) {
            var config = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(db.url(), db.user(), db.password())
                    .locations(Migrations.location(probe.dialect()))
                    .table(TestDatabase.PREFIX + "schema_history")
                    .placeholders(Map.of("prefix", TestDatabase.PREFIX))
                    .createSchemas(true)
                    .target("1");
            db.schema().ifPresent(s -> config.schemas(s).defaultSchema(s));
            config.load().migrate();
        }
    }
}
