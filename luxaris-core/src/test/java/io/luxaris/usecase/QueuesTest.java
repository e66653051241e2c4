package io.luxaris.usecase;

import static io.luxaris.usecase.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.QueueId;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.When;
import io.luxaris.domain.rules.DstGapPolicy;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.AccessDeniedException;
import io.luxaris.spi.security.Principal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queues with weekly time slots on the in-memory store: slot assignment, DST, limits, reorder, shuffle, calendar. */
class QueuesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Thursday 2026-03-26, 11:00 in Berlin (CET, UTC+1); clocks spring forward on Sunday 2026-03-29. */
    private static final Instant THURSDAY = Instant.parse("2026-03-26T10:00:00Z");

    private final Principal alice = Principal.of("alice");
    private final Principal bob = Principal.of("bob");
    private final List<Luxaris> opened = new ArrayList<>();
    private Luxaris luxaris;
    private ConnectionId account;

    @AfterEach
    void close() {
        opened.forEach(Luxaris::close);
    }

    private void start(Instant now, SchedulingRules rules) {
        luxaris = Luxaris.builder()
                .channel(TestChannel.of("test"))
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .rules(rules)
                .build();
        opened.add(luxaris);
        account = luxaris.channels()
                .connect(alice, ConnectionRequest.of("test", "@alice", Credentials.bearer("tok")))
                .id();
    }

    private void start(Instant now) {
        start(now, SchedulingRules.defaults());
    }

    private VariantId variant(String text) {
        return luxaris.posts()
                .create(alice, PostDraft.of(text).withVariant(VariantDraft.of("test", text)))
                .firstVariant()
                .id();
    }

    private PostingQueue queue(LocalTime... times) {
        return luxaris.queues().create(alice, QueueDraft.of("main", account, "Europe/Berlin", times));
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private List<Instant> queuedTimes(QueueId queue) {
        return luxaris.queues().queued(alice, queue, 100).stream()
                .map(QueueSlot::at)
                .toList();
    }

    // ---- assignment

    @Test
    void enqueue_takesTheNextFreeSlotsInOrder() {
        start(THURSDAY);
        PostingQueue q = queue(LocalTime.of(9, 0), LocalTime.of(17, 0));

        Schedule first = luxaris.schedules().enqueue(alice, variant("one"), q.id());
        Schedule second = luxaris.queues().enqueue(alice, variant("two"), q.id());

        assertThat(first.runAt()).isEqualTo(berlin("2026-03-26T17:00"));
        assertThat(second.runAt()).isEqualTo(berlin("2026-03-27T09:00"));
        assertThat(first.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(first.connectionId()).isEqualTo(account);
        assertThat(first.timezone()).isEqualTo(BERLIN);
        assertThat(luxaris.queues().queued(alice, q.id(), 10))
                .extracting(s -> s.schedule().get())
                .containsExactly(first.id(), second.id());
        assertThat(luxaris.queues().preview(alice, q.id(), 2))
                .extracting(QueueSlot::localTime)
                .extracting(t -> t.toLocalDateTime().toString())
                .containsExactly("2026-03-27T17:00", "2026-03-28T09:00");
    }

    @Test
    void enqueue_respectsDaysExcludedDatesAndTheDailyMaximum() {
        start(THURSDAY);
        PostingQueue q = luxaris.queues()
                .create(
                        alice,
                        QueueDraft.of(
                                        "weekdays",
                                        account,
                                        "Europe/Berlin",
                                        LocalTime.of(12, 0),
                                        LocalTime.of(14, 0),
                                        LocalTime.of(16, 0))
                                .days(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                                .excluding(LocalDate.of(2026, 3, 27))
                                .maxPerDay(2));

        // Thu 26th: 12:00 and 14:00 (the daily maximum is 2); Fri 27th excluded; weekend off; Mon 30th
        assertThat(luxaris.queues().preview(alice, q.id(), 5))
                .extracting(QueueSlot::at)
                .containsExactly(
                        berlin("2026-03-26T12:00"),
                        berlin("2026-03-26T14:00"),
                        berlin("2026-03-26T16:00"),
                        berlin("2026-03-30T12:00"),
                        berlin("2026-03-30T14:00"));
        luxaris.queues().enqueue(alice, variant("a"), q.id());
        luxaris.queues().enqueue(alice, variant("b"), q.id());
        Schedule third = luxaris.queues().enqueue(alice, variant("c"), q.id());

        assertThat(third.runAt()).isEqualTo(berlin("2026-03-30T12:00"));
        assertThat(luxaris.queues().preview(alice, q.id(), 1))
                .extracting(QueueSlot::at)
                .containsExactly(berlin("2026-03-30T14:00"));
    }

    @Test
    void aSlotTimeInTheSpringForwardGapIsSkippedThatDay() {
        start(Instant.parse("2026-03-28T12:00:00Z"));
        PostingQueue q = queue(LocalTime.of(2, 30));

        Schedule s = luxaris.queues().enqueue(alice, variant("gap"), q.id());

        // 2026-03-29 02:30 does not exist in Berlin (02:00 -> 03:00): the next slot is on the 30th, in summer time
        assertThat(s.runAt()).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void aSlotTimeInTheSpringForwardGapShiftsForwardWhenTheRulesSaySo() {
        start(
                Instant.parse("2026-03-28T12:00:00Z"),
                SchedulingRules.builder()
                        .dstGapPolicy(DstGapPolicy.SHIFT_FORWARD)
                        .build());
        PostingQueue q = queue(LocalTime.of(2, 30), LocalTime.of(3, 30));

        Schedule shifted = luxaris.queues().enqueue(alice, variant("a"), q.id());
        Schedule next = luxaris.queues().enqueue(alice, variant("b"), q.id());

        // 02:30 becomes 03:30 CEST (01:30Z), which is also the 03:30 slot: one slot, not two
        assertThat(shifted.runAt()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(next.runAt()).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void aSlotTimeInTheFallBackOverlapIsItsFirstOccurrence() {
        start(Instant.parse("2026-10-24T12:00:00Z"));
        PostingQueue q = queue(LocalTime.of(2, 30));

        Schedule overlap = luxaris.queues().enqueue(alice, variant("a"), q.id());
        Schedule after = luxaris.queues().enqueue(alice, variant("b"), q.id());

        // 2026-10-25 02:30 happens twice in Berlin (03:00 CEST -> 02:00 CET): the first one, in summer time
        assertThat(overlap.runAt()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(after.runAt()).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void aQueueIsFullWhenNoSlotIsLeftWithinTheHorizon() {
        start(THURSDAY, SchedulingRules.builder().maxFutureDays(2).build());
        PostingQueue q = queue(LocalTime.of(9, 0));
        luxaris.queues().enqueue(alice, variant("a"), q.id()); // Fri 09:00
        luxaris.queues().enqueue(alice, variant("b"), q.id()); // Sat 09:00

        rejected(() -> luxaris.queues().enqueue(alice, variant("c"), q.id()), "queue", "full");
        assertThat(luxaris.queues().preview(alice, q.id(), 5)).isEmpty();
    }

    @Test
    void enqueue_passesOverSlotsThatBreakTheRateLimits() {
        start(
                THURSDAY,
                SchedulingRules.builder()
                        .minGapPerConnection(Duration.ofHours(1))
                        .build());
        PostingQueue q = queue(LocalTime.of(17, 0), LocalTime.of(18, 0));
        luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(
                                variant("by hand"), account, LocalDateTime.parse("2026-03-26T17:30"), BERLIN));

        Schedule queued = luxaris.queues().enqueue(alice, variant("queued"), q.id());

        assertThat(queued.runAt()).isEqualTo(berlin("2026-03-27T17:00"));
    }

    @Test
    void cancellingOrReschedulingAQueuedPostFreesItsSlot() {
        start(THURSDAY);
        PostingQueue q = queue(LocalTime.of(17, 0));
        Schedule a = luxaris.queues().enqueue(alice, variant("a"), q.id());
        Schedule b = luxaris.queues().enqueue(alice, variant("b"), q.id());

        luxaris.schedules().cancel(alice, a.id());
        Schedule c = luxaris.queues().enqueue(alice, variant("c"), q.id());
        assertThat(c.runAt()).isEqualTo(a.runAt());

        luxaris.schedules().reschedule(alice, b.id(), When.instant(berlin("2026-04-10T08:00")));
        Schedule d = luxaris.queues().enqueue(alice, variant("d"), q.id());
        assertThat(d.runAt()).isEqualTo(b.runAt());
        assertThat(queuedTimes(q.id())).containsExactly(c.runAt(), d.runAt());
    }

    @Test
    void aVariantPublishesThroughItsOwnConnectionWhenTheQueueHasIt() {
        start(THURSDAY);
        ConnectionId second = secondConnection();
        PostingQueue q = queueOverBoth(second, LocalTime.of(17, 0));
        VariantId targeted = luxaris.posts()
                .create(
                        alice,
                        PostDraft.of("x")
                                .withVariant(VariantDraft.of("test", "x").withConnection(second)))
                .firstVariant()
                .id();

        assertThat(luxaris.queues().enqueue(alice, targeted, q.id()).connectionId())
                .isEqualTo(second);
        rejected(() -> luxaris.queues().enqueue(alice, variant("no target"), q.id()), "connection", "not_in_queue");
    }

    // ---- reorder, shuffle, share next

    @Test
    void move_toAFreeSlotOrSwappingWithAnother() {
        start(THURSDAY);
        PostingQueue q = queue(LocalTime.of(17, 0));
        Schedule a = luxaris.queues().enqueue(alice, variant("a"), q.id()); // 26th
        Schedule b = luxaris.queues().enqueue(alice, variant("b"), q.id()); // 27th

        luxaris.queues().move(alice, q.id(), a.id(), berlin("2026-03-29T17:00"));
        assertThat(luxaris.schedules().get(alice, a.id()).runAt()).isEqualTo(berlin("2026-03-29T17:00"));
        assertThat(luxaris.queues().preview(alice, q.id(), 1))
                .extracting(QueueSlot::at)
                .containsExactly(berlin("2026-03-26T17:00"));

        List<QueueSlot> swapped = luxaris.queues().move(alice, q.id(), b.id(), berlin("2026-03-29T17:00"));
        assertThat(swapped).hasSize(2);
        assertThat(luxaris.schedules().get(alice, b.id()).runAt()).isEqualTo(berlin("2026-03-29T17:00"));
        assertThat(luxaris.schedules().get(alice, a.id()).runAt()).isEqualTo(berlin("2026-03-27T17:00"));

        rejected(() -> luxaris.queues().move(alice, q.id(), a.id(), berlin("2026-03-29T18:00")), "slot", "not_a_slot");
        rejected(() -> luxaris.queues().move(alice, q.id(), a.id(), null), "slot", "required");
    }

    @Test
    void move_refusesADayThatIsFull() {
        start(THURSDAY);
        PostingQueue q = luxaris.queues()
                .create(
                        alice,
                        QueueDraft.of("q", account, "Europe/Berlin", LocalTime.of(16, 0), LocalTime.of(17, 0))
                                .maxPerDay(1));
        Schedule a = luxaris.queues().enqueue(alice, variant("a"), q.id()); // 26th 16:00
        luxaris.queues().enqueue(alice, variant("b"), q.id()); // 27th 16:00

        rejected(() -> luxaris.queues().move(alice, q.id(), a.id(), berlin("2026-03-27T17:00")), "slot", "max_per_day");
        luxaris.queues().move(alice, q.id(), a.id(), berlin("2026-03-26T17:00")); // same day: fine
        assertThat(luxaris.schedules().get(alice, a.id()).runAt()).isEqualTo(berlin("2026-03-26T17:00"));
    }

    @Test
    void shuffle_permutesTheQueuedPostsOverTheirSlots_reproduciblyWithASeed() {
        start(THURSDAY);
        PostingQueue q = queue(LocalTime.of(17, 0));
        List<Schedule> queued = IntStream.range(0, 8)
                .mapToObj(i -> luxaris.queues().enqueue(alice, variant("p" + i), q.id()))
                .toList();
        List<Instant> slots = queued.stream().map(Schedule::runAt).toList();

        List<QueueSlot> shuffled = luxaris.queues().shuffle(alice, q.id(), OptionalLong.of(42));

        assertThat(shuffled).extracting(QueueSlot::at).containsExactlyElementsOf(slots);
        var expected = new ArrayList<>(queued.stream().map(Schedule::id).toList());
        Collections.shuffle(expected, new java.util.Random(42));
        assertThat(shuffled).extracting(s -> s.schedule().get()).containsExactlyElementsOf(expected);
        for (QueueSlot slot : shuffled) {
            assertThat(luxaris.schedules().get(alice, slot.schedule().get()).runAt())
                    .isEqualTo(slot.at());
        }
        assertThat(luxaris.queues().shuffle(alice, q.id(), OptionalLong.empty()))
                .extracting(QueueSlot::at)
                .containsExactlyElementsOf(slots);
    }

    @Test
    void shareNext_takesTheFirstSlotAndPushesTheOthersBackOneSlot() {
        start(THURSDAY);
        PostingQueue q = queue(LocalTime.of(17, 0));
        Schedule a = luxaris.queues().enqueue(alice, variant("a"), q.id()); // 26th
        Schedule b = luxaris.queues().enqueue(alice, variant("b"), q.id()); // 27th
        luxaris.queues().move(alice, q.id(), b.id(), berlin("2026-03-29T17:00")); // 27th, 28th free now
        Schedule c = luxaris.queues().enqueue(alice, variant("c"), q.id()); // 27th

        Schedule urgent = luxaris.queues().shareNext(alice, variant("urgent"), q.id());

        assertThat(urgent.runAt()).isEqualTo(berlin("2026-03-26T17:00"));
        assertThat(luxaris.schedules().get(alice, a.id()).runAt()).isEqualTo(berlin("2026-03-27T17:00"));
        assertThat(luxaris.schedules().get(alice, c.id()).runAt()).isEqualTo(berlin("2026-03-28T17:00"));
        // the push stopped at the first free slot: b keeps its slot
        assertThat(luxaris.schedules().get(alice, b.id()).runAt()).isEqualTo(berlin("2026-03-29T17:00"));
    }

    // ---- rate limits on reordering

    private static final SchedulingRules ONE_HOUR_GAP =
            SchedulingRules.builder().minGapPerConnection(Duration.ofHours(1)).build();

    private Schedule byHand(String localDateTime) {
        return luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(variant("by hand"), account, LocalDateTime.parse(localDateTime), BERLIN));
    }

    @Test
    void move_isRefusedWhenTheNewSlotBreaksTheRateLimits_andNothingMoves() {
        start(THURSDAY, ONE_HOUR_GAP);
        PostingQueue q = queue(LocalTime.of(17, 0));
        Schedule a = luxaris.queues().enqueue(alice, variant("a"), q.id()); // 26th
        Schedule b = luxaris.queues().enqueue(alice, variant("b"), q.id()); // 27th
        byHand("2026-03-28T17:30");

        rejected(() -> luxaris.queues().move(alice, q.id(), a.id(), berlin("2026-03-28T17:00")), "slot", "min_gap");
        assertThat(luxaris.schedules().get(alice, a.id()).runAt()).isEqualTo(berlin("2026-03-26T17:00"));
        assertThat(queuedTimes(q.id())).containsExactly(berlin("2026-03-26T17:00"), berlin("2026-03-27T17:00"));

        // moving within the limits still works, and a schedule does not collide with its own old time
        luxaris.queues().move(alice, q.id(), a.id(), berlin("2026-03-27T17:00"));
        assertThat(luxaris.schedules().get(alice, a.id()).runAt()).isEqualTo(berlin("2026-03-27T17:00"));
    }

    @Test
    void shareNext_isRefusedWhenPushingThePostsBackBreaksTheRateLimits_andNothingIsWritten() {
        start(THURSDAY, ONE_HOUR_GAP);
        PostingQueue q = queue(LocalTime.of(17, 0));
        Schedule a = luxaris.queues().enqueue(alice, variant("a"), q.id()); // 26th
        byHand("2026-03-27T17:30");
        var urgent = luxaris.posts()
                .create(alice, PostDraft.of("urgent").withVariant(VariantDraft.of("test", "urgent")))
                .firstVariant();

        rejected(() -> luxaris.queues().shareNext(alice, urgent.id(), q.id()), "queue", "min_gap");
        assertThat(luxaris.schedules().get(alice, a.id()).runAt()).isEqualTo(berlin("2026-03-26T17:00"));
        assertThat(queuedTimes(q.id())).containsExactly(berlin("2026-03-26T17:00"));
        assertThat(luxaris.schedules().listForPost(alice, urgent.postId())).isEmpty();
    }

    private ConnectionId secondConnection() {
        return luxaris.channels()
                .connect(alice, ConnectionRequest.of("test", "@second", Credentials.bearer("tok2")))
                .id();
    }

    /** A queue over the account and {@code second}, with these daily slots in Berlin. */
    private PostingQueue queueOverBoth(ConnectionId second, LocalTime... times) {
        return luxaris.queues()
                .create(
                        alice,
                        QueueDraft.of("both", account, "Europe/Berlin", times).connections(account, second));
    }

    @Test
    void move_refusesASwapWhoseOtherHalfBreaksTheRateLimits() {
        start(THURSDAY, ONE_HOUR_GAP);
        ConnectionId second = secondConnection();
        PostingQueue q = queueOverBoth(second, LocalTime.of(17, 0));
        luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(
                                targeted("by hand", second), second, LocalDateTime.parse("2026-03-26T17:30"), BERLIN));
        Schedule x = luxaris.queues().enqueue(alice, targeted("x", second), q.id()); // 27th: the 26th breaks the gap
        Schedule m = luxaris.queues().enqueue(alice, targeted("m", account), q.id()); // 26th
        assertThat(x.runAt()).isEqualTo(berlin("2026-03-27T17:00"));
        assertThat(m.runAt()).isEqualTo(berlin("2026-03-26T17:00"));

        rejected(() -> luxaris.queues().move(alice, q.id(), m.id(), berlin("2026-03-27T17:00")), "slot", "min_gap");
        assertThat(luxaris.schedules().get(alice, m.id()).runAt()).isEqualTo(berlin("2026-03-26T17:00"));
        assertThat(luxaris.schedules().get(alice, x.id()).runAt()).isEqualTo(berlin("2026-03-27T17:00"));
    }

    @Test
    void shuffle_keepsTheRateLimitsOfEveryConnection_drawingAnotherOrderWhenOneBreaksThem() {
        start(THURSDAY, ONE_HOUR_GAP);
        ConnectionId second = secondConnection();
        PostingQueue q = queueOverBoth(second, LocalTime.of(17, 0), LocalTime.of(17, 30));
        var queued = new ArrayList<Schedule>();
        for (int day = 0; day < 3; day++) {
            queued.add(luxaris.queues().enqueue(alice, targeted("a" + day, account), q.id()));
            queued.add(luxaris.queues().enqueue(alice, targeted("b" + day, second), q.id()));
        }
        // each day: the first connection at 17:00, the second at 17:30 (the same one twice would be 30 min apart)
        assertThat(queued).extracting(Schedule::runAt).doesNotHaveDuplicates();
        // a seed whose first draw puts one connection's posts into both slots of a day
        long seed = 0;
        while (keepsTheGap(firstDraw(queued, seed))) {
            seed++;
        }

        List<QueueSlot> shuffled = luxaris.queues().shuffle(alice, q.id(), OptionalLong.of(seed));

        List<Schedule> order = shuffled.stream()
                .map(s -> luxaris.schedules().get(alice, s.schedule().get()))
                .toList();
        assertThat(order)
                .extracting(Schedule::runAt)
                .containsExactlyElementsOf(queued.stream().map(Schedule::runAt).toList());
        assertThat(keepsTheGap(order))
                .as("every day holds one post of each connection")
                .isTrue();
        assertThat(order)
                .extracting(Schedule::id)
                .isNotEqualTo(queued.stream().map(Schedule::id).toList());
    }

    private VariantId targeted(String text, ConnectionId connection) {
        return luxaris.posts()
                .create(
                        alice,
                        PostDraft.of(text)
                                .withVariant(VariantDraft.of("test", text).withConnection(connection)))
                .firstVariant()
                .id();
    }

    /** The order the queue's first draw with the seed gives (queued: in slot order). */
    private static List<Schedule> firstDraw(List<Schedule> queued, long seed) {
        var copy = new ArrayList<>(queued);
        Collections.shuffle(copy, new java.util.Random(seed));
        return copy;
    }

    /** Two posts a day (17:00, 17:30): the gap holds when each day's pair is on two connections. */
    private static boolean keepsTheGap(List<Schedule> inSlotOrder) {
        for (int i = 0; i + 1 < inSlotOrder.size(); i += 2) {
            if (inSlotOrder.get(i).connectionId().equals(inSlotOrder.get(i + 1).connectionId())) {
                return false;
            }
        }
        return true;
    }

    // ---- calendar

    @Test
    void calendar_showsTheFreeSlotsOfTheQueuesInARange() {
        start(THURSDAY);
        PostingQueue q = queue(LocalTime.of(17, 0));
        luxaris.queues().enqueue(alice, variant("a"), q.id());

        List<QueueSlot> free = luxaris.calendar().freeSlots(alice, THURSDAY, berlin("2026-03-29T00:00"));

        assertThat(free)
                .extracting(QueueSlot::at)
                .containsExactly(berlin("2026-03-27T17:00"), berlin("2026-03-28T17:00"));
        assertThat(free).allSatisfy(s -> assertThat(s.isFree()).isTrue());
        assertThat(luxaris.calendar().freeSlots(bob, THURSDAY, berlin("2026-03-29T00:00")))
                .isEmpty();
        assertThat(luxaris.calendar()
                        .between(alice, THURSDAY, berlin("2026-03-29T00:00"), CalendarFilter.none())
                        .items())
                .hasSize(1);
        rejected(() -> luxaris.calendar().freeSlots(alice, THURSDAY, THURSDAY), "to", "range");
        rejected(
                () -> luxaris.calendar().freeSlots(alice, THURSDAY, THURSDAY.plus(java.time.Duration.ofDays(367))),
                "to",
                "range");
        rejected(() -> luxaris.calendar().freeSlots(alice, null, THURSDAY), "from", "required");
    }

    // ---- lifecycle and access

    @Test
    void updateAndDelete_keepTheQueuedPostsWhereTheyAre() {
        start(THURSDAY);
        PostingQueue q = queue(LocalTime.of(17, 0));
        Schedule a = luxaris.queues().enqueue(alice, variant("a"), q.id());

        PostingQueue changed = luxaris.queues()
                .update(alice, q.id(), QueueDraft.of("renamed", account, "America/New_York", LocalTime.of(8, 0)));
        assertThat(changed.name()).isEqualTo("renamed");
        assertThat(changed.version()).isEqualTo(q.version() + 1);
        assertThat(luxaris.queues().get(alice, q.id()).zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(luxaris.queues().list(alice)).extracting(PostingQueue::name).containsExactly("renamed");

        assertThat(luxaris.queues().delete(alice, q.id())).isTrue();
        assertThat(luxaris.queues().delete(alice, q.id())).isFalse();
        assertThat(luxaris.schedules().get(alice, a.id()).status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(luxaris.queues().list(alice)).isEmpty();
    }

    @Test
    void anotherPrincipalCannotUseOrSeeTheQueue() {
        start(THURSDAY);
        PostingQueue q = queue(LocalTime.of(17, 0));
        VariantId bobs = luxaris.posts()
                .create(bob, PostDraft.of("b").withVariant(VariantDraft.of("test", "b")))
                .firstVariant()
                .id();

        assertThatThrownBy(() -> luxaris.queues().enqueue(bob, bobs, q.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> luxaris.queues().get(bob, q.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> luxaris.queues().shuffle(bob, q.id(), OptionalLong.of(1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> luxaris.queues().create(bob, QueueDraft.of("x", account, "UTC", LocalTime.NOON)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(luxaris.queues().list(bob)).isEmpty();
    }

    // ---- validation and limits

    @Test
    void create_validatesEverySetting() {
        start(THURSDAY);
        LocalTime nine = LocalTime.of(9, 0);
        QueueDraft ok = QueueDraft.of("q", account, "Europe/Berlin", nine);
        rejected(() -> luxaris.queues().create(alice, ok.maxPerDay(0)), "maxPerDay", "range");
        rejected(() -> luxaris.queues().create(alice, ok.maxPerDay(PostingQueue.MAX_SLOTS + 1)), "maxPerDay", "range");
        rejected(
                () -> luxaris.queues().create(alice, QueueDraft.of("q", account, "Mars/Base", nine)),
                "zone",
                "invalid");
        rejected(() -> luxaris.queues().create(alice, QueueDraft.of("q", account, "+02:00", nine)), "zone", "invalid");
        rejected(() -> luxaris.queues().create(alice, QueueDraft.of("q", account, " ", nine)), "zone", "required");
        rejected(() -> luxaris.queues().create(alice, QueueDraft.of("q", account, "UTC")), "slotTimes", "required");
        rejected(
                () -> luxaris.queues().create(alice, QueueDraft.of("q", account, "UTC", nine, nine)),
                "slotTimes",
                "duplicate");
        rejected(
                () -> luxaris.queues().create(alice, QueueDraft.of("q", account, "UTC", LocalTime.of(9, 0, 30))),
                "slotTimes",
                "precision");
        rejected(
                () -> luxaris.queues().create(alice, QueueDraft.of("q", account, "UTC", nine, null)),
                "slotTimes",
                "required");
        rejected(() -> luxaris.queues().create(alice, ok.days(new DayOfWeek[0])), "days", "required");
        rejected(() -> luxaris.queues().create(alice, QueueDraft.of(" ", account, "UTC", nine)), "name", "required");
        rejected(
                () -> luxaris.queues()
                        .create(alice, QueueDraft.of("n".repeat(PostingQueue.NAME + 1), account, "UTC", nine)),
                "name",
                "max_length");
        rejected(
                () -> luxaris.queues().create(alice, QueueDraft.of("q", null, "UTC", nine)), "connections", "required");
        rejected(() -> luxaris.queues().create(alice, ok.connections(account, account)), "connections", "duplicate");
        rejected(
                () -> luxaris.queues().create(alice, ok.excluding(LocalDate.of(1900, 1, 1))), "excludedDates", "range");
        rejected(() -> luxaris.queues().create(alice, null), "draft", "required");
        assertThat(luxaris.queues().list(alice)).isEmpty();
    }

    @Test
    void create_enforcesTheSizeLimits() {
        start(THURSDAY);
        LocalTime[] most = IntStream.range(0, PostingQueue.MAX_SLOTS)
                .mapToObj(i -> LocalTime.of(i / 2, (i % 2) * 30))
                .toArray(LocalTime[]::new);
        assertThat(luxaris.queues()
                        .create(alice, QueueDraft.of("most", account, "UTC", most))
                        .slotTimes())
                .hasSize(PostingQueue.MAX_SLOTS);
        LocalTime[] tooMany = IntStream.range(0, PostingQueue.MAX_SLOTS + 1)
                .mapToObj(i -> LocalTime.of(i / 3, (i % 3) * 20))
                .toArray(LocalTime[]::new);
        rejected(
                () -> luxaris.queues().create(alice, QueueDraft.of("many", account, "UTC", tooMany)),
                "slotTimes",
                "too_many");

        LocalDate[] dates = IntStream.range(0, PostingQueue.MAX_EXCLUDED_DATES + 1)
                .mapToObj(i -> LocalDate.of(2027, 1, 1).plusDays(i))
                .toArray(LocalDate[]::new);
        QueueDraft ok = QueueDraft.of("q", account, "UTC", LocalTime.NOON);
        rejected(() -> luxaris.queues().create(alice, ok.excluding(dates)), "excludedDates", "too_many");
        assertThat(luxaris.queues()
                        .create(alice, ok.excluding(java.util.Arrays.copyOf(dates, PostingQueue.MAX_EXCLUDED_DATES)))
                        .excludedDates())
                .hasSize(PostingQueue.MAX_EXCLUDED_DATES);

        ConnectionId[] connections = new ConnectionId[PostingQueue.MAX_CONNECTIONS + 1];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = luxaris.channels()
                    .connect(alice, ConnectionRequest.of("test", "@c" + i, Credentials.bearer("t" + i)))
                    .id();
        }
        rejected(() -> luxaris.queues().create(alice, ok.connections(connections)), "connections", "too_many");
        assertThat(luxaris.queues()
                        .create(
                                alice,
                                ok.connections(java.util.Arrays.copyOf(connections, PostingQueue.MAX_CONNECTIONS)))
                        .connections())
                .hasSize(PostingQueue.MAX_CONNECTIONS);
    }

    @Test
    void previewAndListing_areBounded() {
        start(THURSDAY);
        PostingQueue q = queue(LocalTime.of(17, 0));
        assertThat(luxaris.queues().preview(alice, q.id(), Queues.MAX_PREVIEW)).hasSize(Queues.MAX_PREVIEW);
        rejected(() -> luxaris.queues().preview(alice, q.id(), 0), "count", "range");
        rejected(() -> luxaris.queues().preview(alice, q.id(), Queues.MAX_PREVIEW + 1), "count", "range");
        rejected(() -> luxaris.queues().queued(alice, q.id(), Queues.MAX_PREVIEW + 1), "count", "range");
        rejected(() -> luxaris.queues().enqueue(alice, null, q.id()), "variant", "required");
        rejected(() -> luxaris.queues().enqueue(alice, variant("x"), null), "queue", "required");
        assertThat(Set.copyOf(luxaris.queues().preview(alice, q.id(), Queues.MAX_PREVIEW)))
                .hasSize(Queues.MAX_PREVIEW);
    }
}
