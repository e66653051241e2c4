package io.luxaris.internal.engine;

import static io.luxaris.internal.engine.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelId;
import io.luxaris.spi.engine.PublishJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CapacityTest {
    private final Jobs jobs = new Jobs();

    /** Jobs written "channel/account", in claim order. */
    private List<PublishJob> jobs(String... specs) {
        var out = new ArrayList<PublishJob>();
        for (String spec : specs) {
            String[] parts = spec.split("/");
            out.add(jobs.job(parts[0], parts[1]));
        }
        return out;
    }

    private static List<String> names(List<PublishJob> started) {
        return started.stream()
                .map(j -> j.channel().key() + "/" + j.connection().displayName())
                .toList();
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                // max, per connection, per channel (0 = none), claimed jobs, started at once
                Arguments.of(2, 5, 0, List.of("x/a", "x/b", "x/c"), List.of("x/a", "x/b")),
                Arguments.of(10, 1, 0, List.of("x/a", "x/a", "x/b"), List.of("x/a", "x/b")),
                Arguments.of(10, 2, 0, List.of("x/a", "x/a", "x/a"), List.of("x/a", "x/a")),
                Arguments.of(10, 10, 1, List.of("x/a", "x/b", "y/c"), List.of("x/a", "y/c")),
                Arguments.of(10, 10, 2, List.of("x/a", "x/b", "x/c", "y/d"), List.of("x/a", "x/b", "y/d")),
                Arguments.of(3, 1, 2, List.of("x/a", "x/a", "x/b", "x/c", "y/d"), List.of("x/a", "x/b", "y/d")));
    }

    @ParameterizedTest(name = "max {0}, per connection {1}, per channel {2}: {3} -> {4}")
    @MethodSource("limits")
    void takeStartable_respectsTheGlobalPerConnectionAndPerChannelLimits(
            int max, int perConnection, int perChannel, List<String> claimed, List<String> expected) {
        var capacity = new Capacity(
                max, perConnection, perChannel == 0 ? OptionalInt.empty() : OptionalInt.of(perChannel), 1, max);
        List<PublishJob> all = jobs(claimed.toArray(String[]::new));
        assertThat(capacity.enqueue(all, T0)).isEmpty();

        List<PublishJob> started = capacity.takeStartable(T0);

        assertThat(names(started)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(capacity.inFlight()).isEqualTo(expected.size());
        assertThat(capacity.waiting()).isEqualTo(claimed.size() - expected.size());
        assertThat(capacity.takeStartable(T0))
                .as("nothing more fits until a slot is freed")
                .isEmpty();
        assertThat(capacity.canDispatch(T0)).isFalse();
    }

    @Test
    void free_countsSlotsNeitherRunningNorTakenByAWaitingJob() {
        var capacity = new Capacity(4, 1, OptionalInt.empty(), 1, 4);
        assertThat(capacity.free()).isEqualTo(4);
        capacity.enqueue(jobs("x/a", "x/a", "x/b"), T0);
        assertThat(capacity.free()).isEqualTo(1);
        capacity.takeStartable(T0);
        assertThat(capacity.inFlight()).isEqualTo(2);
        assertThat(capacity.waiting()).isEqualTo(1);
        assertThat(capacity.free()).isEqualTo(1);
        capacity.enqueue(jobs("x/c", "x/d", "x/e"), T0);
        assertThat(capacity.free()).as("never negative").isZero();
    }

    @Test
    void anAccountsJobsStartInClaimOrder_oneAtATime() {
        var capacity = new Capacity(10, 1, OptionalInt.empty(), 1, 10);
        List<PublishJob> a = jobs("x/a", "x/a", "x/a");
        capacity.enqueue(a, T0);

        var order = new ArrayList<PublishJob>();
        for (int i = 0; i < 3; i++) {
            List<PublishJob> started = capacity.takeStartable(T0);
            assertThat(started).hasSize(1);
            order.addAll(started);
            capacity.release(started.get(0));
        }

        assertThat(order).containsExactlyElementsOf(a);
        assertThat(capacity.inFlight()).isZero();
        assertThat(capacity.waiting()).isZero();
    }

    @Test
    void busyConnections_areThoseAtTheirLimitWithWhatRunsAndWaits() {
        var capacity = new Capacity(10, 2, OptionalInt.empty(), 1, 10);
        List<PublishJob> claimed = jobs("x/a", "x/b", "x/c", "x/c");
        capacity.enqueue(claimed.subList(0, 1), T0);
        capacity.takeStartable(T0); // a runs
        capacity.enqueue(jobs("x/a"), T0); // a: 1 running + 1 waiting
        capacity.enqueue(claimed.subList(1, 4), T0); // b: 1 waiting, c: 2 waiting

        var busy = capacity.busyConnections(T0);

        assertThat(busy)
                .containsExactlyInAnyOrder(
                        jobs.connection("x", "a").id(),
                        jobs.connection("x", "c").id());
    }

    @Test
    void busyChannels_areThoseAtTheirLimit_onlyWhenAChannelLimitIsSet() {
        var limited = new Capacity(10, 5, OptionalInt.of(2), 1, 10);
        limited.enqueue(jobs("x/a"), T0);
        limited.takeStartable(T0);
        limited.enqueue(jobs("x/b", "y/c"), T0);
        assertThat(limited.busyChannels()).containsExactly(ChannelId.forKey("x"));

        var unlimited = new Capacity(10, 5, OptionalInt.empty(), 1, 10);
        unlimited.enqueue(jobs("x/a", "x/b", "x/c"), T0);
        unlimited.takeStartable(T0);
        assertThat(unlimited.busyChannels()).isEmpty();
    }

    @Test
    void aRateLimitedConnection_isBlockedUntilItsReset_andItsWaitingJobsAreHandedBack() {
        var capacity = new Capacity(10, 1, OptionalInt.empty(), 1, 10);
        List<PublishJob> a = jobs("x/a", "x/a", "x/a");
        List<PublishJob> b = jobs("x/b");
        capacity.enqueue(a, T0);
        capacity.enqueue(b, T0);
        List<PublishJob> running = capacity.takeStartable(T0);
        assertThat(running).containsExactly(a.get(0), b.get(0));
        Instant reset = T0.plusSeconds(900);

        List<PublishJob> handBack = capacity.block(jobs.connection("x", "a").id(), reset);
        capacity.release(a.get(0));

        assertThat(handBack).containsExactly(a.get(1), a.get(2));
        assertThat(capacity.waiting()).isZero();
        var aId = jobs.connection("x", "a").id();
        assertThat(capacity.busyConnections(T0)).contains(aId);
        assertThat(capacity.busyConnections(reset.minusMillis(1))).contains(aId);
        PublishJob late = jobs.job("x", "a");
        assertThat(capacity.enqueue(List.of(late), reset.minusMillis(1)))
                .as("claimed before the reset: handed back")
                .containsExactly(late);

        assertThat(capacity.busyConnections(reset)).doesNotContain(aId);
        assertThat(capacity.enqueue(List.of(late), reset)).isEmpty();
        assertThat(capacity.takeStartable(reset)).containsExactly(late);
    }

    @Test
    void aLaterResetWins_andBlockingAConnectionWithNothingWaitingHandsNothingBack() {
        var capacity = new Capacity(10, 1, OptionalInt.empty(), 1, 10);
        var a = jobs.connection("x", "a").id();
        assertThat(capacity.block(a, T0.plusSeconds(60))).isEmpty();
        assertThat(capacity.block(a, T0.plusSeconds(30))).isEmpty();
        assertThat(capacity.busyConnections(T0.plusSeconds(45))).contains(a);
        assertThat(capacity.busyConnections(T0.plusSeconds(60))).doesNotContain(a);
    }

    @Test
    void aBlockedConnectionsWaitingJob_doesNotStart_butOthersDo() {
        var capacity = new Capacity(10, 1, OptionalInt.empty(), 1, 10);
        List<PublishJob> claimed = jobs("x/a", "x/b");
        capacity.enqueue(claimed, T0);
        capacity.block(jobs.connection("x", "a").id(), T0.plusSeconds(10));
        assertThat(capacity.takeStartable(T0)).containsExactly(claimed.get(1));
    }

    @Test
    void anAbandonedCall_freesItsSlots_butUsesItsChannelsBudget_andTheChannelIsHeldBack() {
        var capacity = new Capacity(4, 1, OptionalInt.empty(), 1, 4);
        List<PublishJob> hanging = jobs("slow/a");
        capacity.enqueue(hanging, T0);
        capacity.takeStartable(T0);
        List<PublishJob> waitingSlow = jobs("slow/b", "slow/c");
        List<PublishJob> fast = jobs("fast/d", "fast/e");
        capacity.enqueue(waitingSlow, T0);
        capacity.enqueue(fast, T0);
        // hold the slow ones back from starting: they wait behind the limit of max
        assertThat(capacity.free()).isZero();

        capacity.abandon(hanging.get(0));

        assertThat(capacity.inFlight()).as("its slot is free").isZero();
        assertThat(capacity.busyChannels()).containsExactly(ChannelId.forKey("slow"));
        assertThat(capacity.takeStalled())
                .as("its waiting jobs are taken as stalled")
                .containsExactlyElementsOf(waitingSlow);
        assertThat(capacity.takeStartable(T0)).as("other channels still start").containsExactlyElementsOf(fast);
        PublishJob claimedLater = jobs.job("slow", "f");
        assertThat(capacity.enqueue(List.of(claimedLater), T0)).containsExactly(claimedLater);

        capacity.abandonedReturned(hanging.get(0));

        assertThat(capacity.busyChannels()).isEmpty();
        assertThat(capacity.enqueue(List.of(claimedLater), T0)).isEmpty();
        assertThat(capacity.takeStartable(T0)).containsExactly(claimedLater);
    }

    @Test
    void aChannelIsHeldBackOnlyWhenItsWholeAbandonedBudgetIsUsed() {
        var capacity = new Capacity(8, 1, OptionalInt.empty(), 2, 8);
        List<PublishJob> hanging = jobs("slow/a", "slow/b");
        capacity.enqueue(hanging, T0);
        capacity.takeStartable(T0);

        capacity.abandon(hanging.get(0));
        assertThat(capacity.busyChannels()).isEmpty();
        PublishJob next = jobs.job("slow", "c");
        capacity.enqueue(List.of(next), T0);
        assertThat(capacity.takeStalled()).isEmpty();
        assertThat(capacity.takeStartable(T0)).containsExactly(next);

        capacity.abandon(hanging.get(1));
        assertThat(capacity.busyChannels()).containsExactly(ChannelId.forKey("slow"));
    }

    @Test
    void canDispatch_tellsWhetherSomeWaitingJobCouldStartNow() {
        var capacity = new Capacity(1, 1, OptionalInt.empty(), 1, 1);
        assertThat(capacity.canDispatch(T0)).as("nothing waits").isFalse();
        List<PublishJob> claimed = jobs("x/a", "x/b");
        capacity.enqueue(claimed, T0);
        assertThat(capacity.canDispatch(T0)).isTrue();
        capacity.takeStartable(T0);
        assertThat(capacity.canDispatch(T0)).as("the global limit is reached").isFalse();

        var perConnection = new Capacity(5, 1, OptionalInt.empty(), 1, 5);
        perConnection.enqueue(jobs("x/a"), T0);
        perConnection.takeStartable(T0);
        perConnection.enqueue(jobs("x/a"), T0);
        assertThat(perConnection.canDispatch(T0))
                .as("its connection is at its limit")
                .isFalse();
    }

    @Test
    void drainWaiting_emptiesTheQueues_andWaitingFencesListWhatWaits() {
        var capacity = new Capacity(1, 1, OptionalInt.of(1), 1, 1);
        List<PublishJob> claimed = jobs("x/a", "x/b", "y/c");
        capacity.enqueue(claimed, T0);
        capacity.takeStartable(T0);
        List<PublishJob> waiting = claimed.subList(1, 3);

        assertThat(capacity.waitingFences())
                .containsExactlyInAnyOrderElementsOf(
                        waiting.stream().map(PublishJob::fence).toList());
        assertThat(capacity.drainWaiting()).containsExactlyInAnyOrderElementsOf(waiting);
        assertThat(capacity.waiting()).isZero();
        assertThat(capacity.waitingFences()).isEmpty();
        assertThat(capacity.busyChannels()).as("what ran still counts").containsExactly(ChannelId.forKey("x"));
    }

    @Test
    void claimableAhead_isABatchBeyondTheFreeSlots_untilTheWaitingJobsFillEverySlot() {
        var capacity = new Capacity(2, 10, OptionalInt.empty(), 1, 2);
        assertThat(capacity.claimableAhead(5)).as("nothing runs or waits").isEqualTo(7);

        assertThat(capacity.enqueue(jobs("x/a", "x/b", "x/c"), T0)).isEmpty();
        capacity.takeStartable(T0);
        assertThat(capacity.claimableAhead(5)).as("two run, one waits").isEqualTo(4);

        assertThat(capacity.enqueue(jobs("x/d"), T0)).isEmpty();
        assertThat(capacity.claimableAhead(5))
                .as("the waiting jobs fill every slot: no claim")
                .isZero();
        assertThat(capacity.free()).isZero();
    }

    @Test
    void returnedCallsFreeTheirSlots_butOnceTheUnwrittenLimitIsReached_nothingStartsUntilOutcomesAreWritten() {
        var capacity = new Capacity(2, 10, OptionalInt.empty(), 1, 3);
        List<PublishJob> claimed = jobs("x/a", "x/b", "x/c", "x/d", "x/e");
        capacity.enqueue(claimed, T0);
        List<PublishJob> first = capacity.takeStartable(T0);
        first.forEach(capacity::returned);
        List<PublishJob> second = capacity.takeStartable(T0);
        assertThat(second).as("two unwritten, under the limit of three").hasSize(2);
        capacity.returned(second.get(0));

        assertThat(capacity.unwritten()).isEqualTo(3);
        assertThat(capacity.inFlight()).isEqualTo(1);
        assertThat(capacity.canDispatch(T0))
                .as("a slot is free, but three outcomes wait")
                .isFalse();
        assertThat(capacity.takeStartable(T0)).isEmpty();

        assertThat(capacity.written(first.get(0).fence())).isTrue();
        assertThat(capacity.written(first.get(0).fence())).as("counted once").isFalse();
        assertThat(capacity.canDispatch(T0)).isTrue();
        assertThat(capacity.takeStartable(T0)).containsExactly(claimed.get(4));
    }
}
