package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ScheduleId;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.jdbc.LostCommits.Kind;
import io.luxaris.testkit.ScriptedChannel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Fault 6: every outcome that is committed reaches the listener exactly once, after its commit, including an
 * outcome whose commit was not acknowledged (the connection died after the server committed) and that the engine
 * therefore writes again.
 */
class ListenerAfterCommitTest {
    @Test
    void everyCommittedOutcome_reachesTheListenerOnceAfterItsCommit_evenWhenTheCommitWasNotAcknowledged()
            throws Exception {
        try (TestDatabase db = TestDatabase.postgres();
                Connection reader = db.connect()) {
            int n = 200;
            var channel = ScriptedChannel.create("fake");
            var faults = LostCommits.every(Kind.COMPLETE, 3);
            // what the row said when its Published event arrived: committed or not
            var uncommittedAtDelivery = new CopyOnWriteArrayList<String>();
            PreparedStatement status =
                    reader.prepareStatement("SELECT status FROM " + db.qualified("schedule") + " WHERE id = ?");
            try (Instance node = Instance.on(db, "node-1")
                    .channel(channel)
                    .engine(Instance.shortLease(Duration.ofSeconds(5))
                            .claimBatchSize(10)
                            .maxConcurrency(10)
                            .perConnectionConcurrency(10)
                            .build())
                    .storage(faults::around)
                    .listener(event -> {
                        if (event instanceof LuxarisEvent.Published p) {
                            String stored = statusOf(status, p.schedule().id());
                            if (!"success".equals(stored)) {
                                uncommittedAtDelivery.add(p.schedule().id() + " was " + stored);
                            }
                        }
                    })
                    .build()) {
                var accounts = new ArrayList<ChannelConnection>();
                accounts.add(node.connect("alice", "fake", "token-a"));
                accounts.add(node.connect("bob", "fake", "token-b"));
                List<ScheduleId> ids = node.due(accounts, n);

                node.luxaris.publishing().start();
                boolean settled = Counts.await(Duration.ofSeconds(30), () -> Counts.active(db) == 0);
                node.luxaris.publishing().stop(Duration.ofSeconds(5));

                var rows = StoredSchedules.read(db);
                var published = new HashMap<ScheduleId, Integer>();
                node.events(LuxarisEvent.Published.class)
                        .forEach(p -> published.merge(p.schedule().id(), 1, Integer::sum));
                long missing = rows.values().stream()
                        .filter(r -> r.status().equals("success") && !published.containsKey(r.id()))
                        .count();
                System.out.printf(
                        "%d completion commits, %d not acknowledged (%d outcomes in them); %s; %d Published"
                                + " events for %d schedules, %d successes never reported%n",
                        faults.committed(Kind.COMPLETE),
                        faults.lost().size(),
                        faults.lostSchedules(Kind.COMPLETE).size(),
                        Counts.byStatus(db),
                        node.events(LuxarisEvent.Published.class).size(),
                        published.size(),
                        missing);

                assertThat(faults.lostSchedules(Kind.COMPLETE))
                        .as("outcomes whose commit was not acknowledged")
                        .isNotEmpty();
                assertThat(settled).as(StoredSchedules.activeSummary(db)).isTrue();
                assertThat(Counts.byStatus(db)).containsExactly(Map.entry("success", n));
                assertThat(LostLeasesTest.postsBySchedule(channel))
                        .hasSize(n)
                        .allSatisfy((id, posts) ->
                                assertThat(posts).as("posts of %s", id).isEqualTo(1));
                List<ScheduleId> neverReported =
                        ids.stream().filter(id -> !published.containsKey(id)).toList();
                List<ScheduleId> reportedTwice = published.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .toList();
                assertThat(neverReported.size())
                        .as(
                                "committed successes never reported to the listener: %d of %d (%d of them in"
                                        + " commits that were not acknowledged), first %s",
                                neverReported.size(),
                                n,
                                neverReported.stream()
                                        .filter(faults.lostSchedules(Kind.COMPLETE)::contains)
                                        .count(),
                                neverReported.stream().limit(5).toList())
                        .isZero();
                assertThat(reportedTwice)
                        .as("successes reported more than once")
                        .isEmpty();
                assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(uncommittedAtDelivery)
                        .as("Published events delivered before their outcome was committed")
                        .isEmpty();
            }
        }
    }

    private static String statusOf(PreparedStatement status, ScheduleId id) {
        synchronized (status) {
            try {
                status.setObject(1, id.value());
                try (ResultSet rs = status.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "missing";
                }
            } catch (SQLException e) {
                return "unreadable (" + e.getMessage() + ")";
            }
        }
    }
}
