package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ScheduleId;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.jdbc.LostCommits.Kind;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.ScriptedChannel.Behavior;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fault 1: a lease the engine no longer tracks is never kept alive. When the engine loses track of schedules it
 * claimed (the acknowledgement of the commit never arrived), its heartbeat must not extend their leases: they expire
 * and are reaped like a dead instance's (queued back to pending, processing to unconfirmed), within the lease
 * duration and a few seconds, while the engine keeps running. A start whose acknowledgement is lost is different:
 * the engine called nothing for it, so it gives those claims back at once.
 */
class LostLeasesTest {
    private static final Duration LEASE = Duration.ofSeconds(2);
    /** Lease expiry, the reaper's next pass, a claim and a publish, with room for a slow machine. */
    private static final Duration SETTLED_WITHIN = LEASE.plusSeconds(10);

    @Test
    void aClaimWhoseCommitWasNotAcknowledged_expiresAndIsPublishedOnce_whileTheEngineRuns() throws Exception {
        // queued when their holder lost track of them: back to pending when the lease expires
        lostCommitComesBack(Kind.CLAIM, ScriptedChannel.create("fake"), false);
    }

    @Test
    void aClaimStraightToProcessingWhoseCommitWasNotAcknowledged_isReapedLookedUpAndPublishedOnce() throws Exception {
        // processing when their holder lost track of them: unconfirmed, then found absent by the reaper's lookup
        lostCommitComesBack(
                Kind.CLAIM,
                ScriptedChannel.builder("fake").withLookupForEveryRequest().build(),
                true);
    }

    @Test
    void aStartWhoseCommitWasNotAcknowledged_isGivenBackByTheEngineThatCalledNothing_andPublishedOnce()
            throws Exception {
        // the start failed before any call was launched: the engine knows nothing was sent and gives the claims back
        // (processing to pending, fenced) instead of leaving them to expire as unconfirmed
        lostCommitComesBack(Kind.START, ScriptedChannel.create("fake"), false);
    }

    /**
     * 50 due schedules, the acknowledgement of the first commit of {@code kind} lost: within the lease and a few
     * seconds every schedule is published exactly once, the lost ones reported unconfirmed first or not at all.
     */
    private static void lostCommitComesBack(Kind kind, ScriptedChannel channel, boolean unconfirmedFirst)
            throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            var faults = LostCommits.first(kind);
            try (Instance node = Instance.on(db, "node-1")
                    .channel(channel)
                    .engine(Instance.shortLease(LEASE).build())
                    .storage(faults::around)
                    .build()) {
                List<ScheduleId> ids = node.due(List.of(node.connect("alice", "fake", "token-a")), 50);

                node.luxaris.publishing().start();
                // not only inactive: unconfirmed ones are inactive until the reaper's lookup has them published again
                boolean settled =
                        Counts.await(SETTLED_WITHIN, () -> Counts.byStatus(db).equals(Map.of("success", ids.size())));

                List<ScheduleId> lost = faults.lostSchedules(kind);
                assertThat(lost)
                        .as("the %s whose acknowledgement was lost", kind)
                        .isNotEmpty();
                assertThat(settled)
                        .as(
                                "within %s the lost ones come back and go out; by status: %s; still active: %s;"
                                        + " engine: %s",
                                SETTLED_WITHIN,
                                Counts.byStatus(db),
                                StoredSchedules.activeSummary(db),
                                node.luxaris.publishing().status())
                        .isTrue();
                assertThat(postsBySchedule(channel)).hasSize(ids.size()).allSatisfy((id, posts) -> assertThat(posts)
                        .as("posts of %s", id)
                        .isEqualTo(1));
                assertThat(node.events(LuxarisEvent.Published.class)).hasSize(ids.size());
                assertThat(node.events(LuxarisEvent.Unconfirmed.class))
                        .extracting(u -> u.schedule().id())
                        .containsExactlyInAnyOrderElementsOf(unconfirmedFirst ? lost : List.of());
            }
        }
    }

    /**
     * The realistic variant: this instance's database connections are terminated again and again while it
     * publishes 1,000 schedules with a 2 s lease. Whatever the engine loses track of comes back through lease
     * expiry: in the end nothing is queued or processing, every schedule is published or unconfirmed with a reason,
     * and nothing is posted twice.
     */
    @Test
    void backendsTerminatedRepeatedlyDuringARun_leaveNothingQueuedOrProcessing_andNothingPostedTwice()
            throws Exception {
        terminateBackendsRepeatedly(ScriptedChannel.create("fake"));
    }

    /** The same on a channel that can look every post up: its schedules are claimed straight to processing. */
    @Test
    void backendsTerminatedRepeatedly_onAChannelClaimedStraightToProcessing_leaveNothingActive_andNothingPostedTwice()
            throws Exception {
        terminateBackendsRepeatedly(
                ScriptedChannel.builder("fake").withLookupForEveryRequest().build());
    }

    private static void terminateBackendsRepeatedly(ScriptedChannel fake) throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            int n = 1_000;
            var channel = fake.willAlways(Behavior.delay(Duration.ofMillis(2), Behavior.succeed()));
            EngineSettings engine = Instance.shortLease(LEASE)
                    .maxConcurrency(50)
                    .perConnectionConcurrency(50)
                    .claimBatchSize(50)
                    .build();
            try (Instance node = Instance.on(db, "node-1")
                    .channel(channel)
                    .engine(engine)
                    .poolSize(6)
                    .build()) {
                var accounts = new ArrayList<ChannelConnection>();
                for (int i = 0; i < 4; i++) {
                    accounts.add(node.connect("owner-" + i, "fake", "token-" + i));
                }
                List<ScheduleId> ids = node.due(accounts, n);

                node.luxaris.publishing().start();
                int terminated = 0;
                int rounds = 0;
                for (int round = 1; round <= 12; round++) {
                    int threshold = round * 70;
                    if (!Counts.await(
                            Duration.ofSeconds(10), () -> channel.posts().size() >= threshold)) {
                        break; // the engine is stuck or backing off: stop killing, see what is left
                    }
                    terminated += node.terminateBackends();
                    rounds++;
                }
                // settled: the engine holds nothing (no call running or waiting, no outcome left to write) and then
                // nothing is active in the database. The database alone is not enough: a schedule whose lease
                // expired is reaped as unconfirmed while the engine may still hold its outcome, and a late retryable
                // outcome (nothing was sent) puts it back to pending, to be published again
                boolean settled = Counts.await(SETTLED_WITHIN, () -> holdsNothing(node) && Counts.active(db) == 0);

                var rows = StoredSchedules.read(db);
                var posts = postsBySchedule(channel);
                var statuses = Counts.byStatus(db);
                System.out.printf(
                        "terminated %d backends in %d rounds under a running engine; then %s; %d posts, %d"
                                + " schedules posted twice%n",
                        terminated,
                        rounds,
                        statuses,
                        channel.posts().size(),
                        posts.values().stream().filter(c -> c > 1).count());
                assertThat(terminated).as("backends terminated mid-run").isPositive();
                assertThat(posts.values()).as("posts per schedule").allSatisfy(c -> assertThat(c)
                        .isEqualTo(1));
                assertThat(settled)
                        .as(
                                "within %s after the last kill nothing is queued or processing; still active: %s;"
                                        + " engine: %s",
                                SETTLED_WITHIN,
                                StoredSchedules.activeSummary(db),
                                node.luxaris.publishing().status())
                        .isTrue();
                assertThat(statuses.keySet()).isSubsetOf(Set.of("success", "unconfirmed"));
                assertThat(rows.values())
                        .filteredOn(r -> r.status().equals("unconfirmed"))
                        .allSatisfy(r -> assertThat(r.errorCode())
                                .as("reason of %s", r.id())
                                .isPresent());
                assertThat(rows.values())
                        .filteredOn(r -> r.status().equals("success"))
                        .allSatisfy(r -> assertThat(posts.get(r.id()))
                                .as("posts of %s", r.id())
                                .isEqualTo(1));
                assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            }
        }
    }

    private static boolean holdsNothing(Instance node) {
        EngineStatus status = node.luxaris.publishing().status();
        return status.inFlight() == 0 && status.queued() == 0 && status.pendingCompletions() == 0;
    }

    static Map<ScheduleId, Integer> postsBySchedule(ScriptedChannel channel) {
        var posts = new HashMap<ScheduleId, Integer>();
        channel.posts().forEach(p -> posts.merge(p.schedule(), 1, Integer::sum));
        return posts;
    }
}
