package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.storage.ClaimRequest;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.ConnectionRequest;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A heartbeat never waits for a schedule row another transaction holds. The engine's outcome writer and its
 * heartbeat both update batches of the same leased rows; a heartbeat that waited for a row the writer held, while the
 * writer waited for a row the heartbeat had already locked, was a deadlock: PostgreSQL aborted one of them after its
 * {@code deadlock_timeout} (the benchmarks met it under load). The heartbeat now skips held rows (they are being
 * written; the next heartbeat extends them if they are still held).
 */
class HeartbeatLockTest {
    private static final ChannelId FAKE = ChannelId.forKey("fake");

    @ParameterizedTest
    @EnumSource(
            value = TestDatabase.Kind.class,
            names = {"POSTGRESQL", "MARIADB"})
    void aHeartbeat_skipsARowAnotherTransactionHolds_insteadOfWaitingForIt(TestDatabase.Kind kind) throws Exception {
        TestDatabase db = TestDatabase.orNull(kind);
        TestDatabase.assumeAvailable(db, kind);
        try (db;
                JdbcStorage jdbc = db.storage().build()) {
            Storage storage = jdbc.open(new StorageContext(Clock.systemUTC()));
            ChannelConnection connection;
            try (Luxaris luxaris = Luxaris.builder()
                    .storage(jdbc)
                    .secretCipher(TinkSecretCipher.of(TinkSecretCipher.generateKeyset()))
                    .channel(ScriptedChannel.create("fake"))
                    .build()) {
                connection = luxaris.channels()
                        .connect(Principal.of("alice"), ConnectionRequest.of("fake", "@a", Credentials.bearer("tok")));
            }
            Instant now = storage.readOnly((Transaction tx) -> tx.queue().now());
            Seeds.dueSchedules(storage, List.of(connection), 2, now.minusSeconds(60));
            List<Schedule> claimed = storage.inTransaction((Transaction tx) ->
                    tx.queue().claim(new ClaimRequest("engine-a", 2, Duration.ofMinutes(1), Set.of(FAKE), Set.of())));
            assertThat(claimed).hasSize(2);
            List<ScheduleId> held = claimed.stream().map(Schedule::id).toList();
            Instant later = now.plus(Duration.ofHours(1));

            try (Connection other = db.connect()) {
                other.setAutoCommit(false);
                try (PreparedStatement lock = other.prepareStatement(
                        "UPDATE " + db.qualified("schedule") + " SET updated_at = updated_at WHERE id = ?")) {
                    bindId(lock, kind, held.get(0).value());
                    assertThat(lock.executeUpdate()).isEqualTo(1); // held until rolled back below
                }
                int extended = assertTimeoutPreemptively(
                        Duration.ofSeconds(20),
                        () -> storage.inTransaction(
                                (Transaction tx) -> tx.queue().heartbeat("engine-a", held, later)),
                        "the heartbeat waited for the row the other transaction holds");
                assertThat(extended).as("only the free row is extended").isEqualTo(1);
                assertThat(leaseOf(storage, held.get(1))).isEqualTo(later);
                assertThat(leaseOf(storage, held.get(0))).isBefore(later);
                other.rollback();
            }
            assertThat(storage.inTransaction((Transaction tx) -> tx.queue().heartbeat("engine-a", held, later)))
                    .as("once the row is free, the next heartbeat extends it")
                    .isEqualTo(2);
            assertThat(leaseOf(storage, held.get(0))).isEqualTo(later);
        }
    }

    private static Instant leaseOf(Storage storage, ScheduleId id) {
        return storage.readOnly((Transaction tx) -> tx.schedules().find(id))
                .orElseThrow()
                .lease()
                .orElseThrow()
                .expiresAt();
    }

    private static void bindId(PreparedStatement statement, TestDatabase.Kind kind, UUID id) throws Exception {
        if (kind == TestDatabase.Kind.MARIADB) {
            statement.setBytes(
                    1,
                    ByteBuffer.allocate(16)
                            .putLong(id.getMostSignificantBits())
                            .putLong(id.getLeastSignificantBits())
                            .array());
        } else {
            statement.setObject(1, id);
        }
    }
}
