package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.ScheduleId;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.ConnectionHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault 4: one connection whose stored credentials cannot be decrypted (corrupted, or sealed with a key this
 * instance does not have) fails only its own schedules: the connection goes to {@code error} with an event saying
 * why, its schedules fail, the other connections' schedules claimed in the same batch go out, and {@code health}
 * answers with a status instead of throwing.
 */
class UndecryptableCredentialsTest {
    private static final List<String> TOKENS =
            List.of("alice-secret-token-1234", "bob-secret-token-5678", "carol-secret-token-9012");

    @Test
    void anUndecryptableCredential_failsOnlyItsOwnSchedules_andHealthAnswersWithAStatus() throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            var channel = ScriptedChannel.create("fake");
            try (Instance node = Instance.on(db, "node-1")
                    .channel(channel)
                    .engine(Instance.shortLease(Duration.ofSeconds(2))
                            .claimBatchSize(50)
                            .maxConcurrency(50)
                            .perConnectionConcurrency(50)
                            .build())
                    .build()) {
                ChannelConnection alice = node.connect("alice", "fake", TOKENS.get(0));
                ChannelConnection bob = node.connect("bob", "fake", TOKENS.get(1));
                ChannelConnection carol = node.connect("carol", "fake", TOKENS.get(2));
                // round-robin: every third schedule is carol's; all 15 are claimed in one batch
                List<ScheduleId> ids = node.due(List.of(alice, bob, carol), 15);
                var carols = new ArrayList<ScheduleId>();
                var others = new ArrayList<ScheduleId>();
                for (int i = 0; i < ids.size(); i++) {
                    (i % 3 == 2 ? carols : others).add(ids.get(i));
                }
                // flip the last byte of carol's sealed credentials: the AEAD tag no longer authenticates
                db.execute("UPDATE " + db.qualified("connection")
                        + " SET credentials = set_byte(credentials, length(credentials) - 1,"
                        + " get_byte(credentials, length(credentials) - 1) # 255) WHERE id = '" + carol.id() + "'");

                ConnectionHealth before = node.luxaris.channels().health(Principal.of("carol"), carol.id());
                assertThat(before.needsReauthorization()).isTrue();
                assertThat(before.reason())
                        .hasValueSatisfying(r -> assertThat(r).containsIgnoringCase("credential"));

                node.luxaris.publishing().start();
                boolean settled = Counts.await(Duration.ofSeconds(20), () -> Counts.active(db) == 0);

                var rows = StoredSchedules.read(db);
                System.out.printf(
                        "after the run: %s; carol's schedules: %s%n",
                        Counts.byStatus(db), carols.stream().map(rows::get).toList());
                for (ScheduleId id : others) {
                    assertThat(rows.get(id).status())
                            .as("status of %s, on a healthy connection (%s)", id, StoredSchedules.activeSummary(db))
                            .isEqualTo("success");
                    assertThat(channel.postsFor(id)).as("posts of %s", id).isEqualTo(1);
                }
                assertThat(settled)
                        .as("nothing stays queued or processing: %s", StoredSchedules.activeSummary(db))
                        .isTrue();
                for (ScheduleId id : carols) {
                    assertThat(rows.get(id).status())
                            .as("status of carol's %s", id)
                            .isEqualTo("failed");
                    assertThat(rows.get(id).errorCode()).as("reason of %s", id).isPresent();
                    assertThat(channel.callsFor(id)).as("calls for %s", id).isZero();
                }
                assertThat(node.events(LuxarisEvent.PublishFailed.class))
                        .extracting(f -> f.schedule().id())
                        .containsExactlyInAnyOrderElementsOf(carols);

                ChannelConnection carolAfter = node.luxaris.channels().get(Principal.of("carol"), carol.id());
                assertThat(carolAfter.status()).isEqualTo(ConnectionStatus.ERROR);
                assertThat(carolAfter.statusReason())
                        .hasValueSatisfying(r -> assertThat(r).containsIgnoringCase("credential"));
                assertThat(node.events(LuxarisEvent.ConnectionNeedsReauthorization.class))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.connection().id()).isEqualTo(carol.id());
                            assertThat(e.reason()).containsIgnoringCase("credential");
                        });
                assertThat(node.luxaris
                                .channels()
                                .get(Principal.of("alice"), alice.id())
                                .status())
                        .isEqualTo(ConnectionStatus.CONNECTED);
                assertThat(node.luxaris
                                .channels()
                                .get(Principal.of("bob"), bob.id())
                                .status())
                        .isEqualTo(ConnectionStatus.CONNECTED);

                ConnectionHealth after = node.luxaris.channels().health(Principal.of("carol"), carol.id());
                assertThat(after.status()).isEqualTo(ConnectionStatus.ERROR);
                assertThat(after.needsReauthorization()).isTrue();

                // no secret anywhere the host or a person sees
                for (String token : TOKENS) {
                    assertThat(node.events)
                            .allSatisfy(e -> assertThat(e.toString()).doesNotContain(token));
                    assertThat(rows.values())
                            .allSatisfy(
                                    r -> assertThat(r.errorMessage().orElse("")).doesNotContain(token));
                    assertThat(carolAfter.statusReason().orElse("")).doesNotContain(token);
                }

                // what health asks for works: reconnecting replaces the credentials that cannot be decrypted
                var reconnected = node.luxaris
                        .channels()
                        .reconnect(Principal.of("carol"), carol.id(), io.luxaris.domain.Credentials.bearer("tok-new"));
                assertThat(reconnected.status()).isEqualTo(ConnectionStatus.CONNECTED);
                assertThat(node.luxaris
                                .channels()
                                .health(Principal.of("carol"), carol.id())
                                .status())
                        .isEqualTo(ConnectionStatus.CONNECTED);
            }
        }
    }
}
