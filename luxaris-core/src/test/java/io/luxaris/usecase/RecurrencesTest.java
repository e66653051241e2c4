package io.luxaris.usecase;

import static io.luxaris.usecase.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.RecurrenceFrequency;
import io.luxaris.domain.RecurrenceRule;
import io.luxaris.domain.RecurringSeries;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.SeriesOccurrence;
import io.luxaris.domain.SeriesStatus;
import io.luxaris.domain.TextMeasure;
import io.luxaris.domain.rules.DstGapPolicy;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.AccessDeniedException;
import io.luxaris.errors.ConflictException;
import io.luxaris.events.LuxarisEvent;
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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Recurring posts through the facade on the in-memory store, with a clock the test moves. */
class RecurrencesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime NINE = LocalTime.of(9, 0);
    /** Friday 20 March 2026, noon UTC; Berlin springs forward on Sunday 29 March (02:00 → 03:00). */
    private static final Instant START = Instant.parse("2026-03-20T12:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final List<LuxarisEvent> events = new CopyOnWriteArrayList<>();
    private final Principal alice = Principal.of("alice");
    private Luxaris luxaris = build(SchedulingRules.defaults(), TextMeasure.codePoints());

    private Luxaris build(SchedulingRules rules, TextMeasure measure) {
        return Luxaris.builder()
                .channel(TestChannel.measuring("test", measure))
                .clock(clock)
                .rules(rules)
                .listener(events::add)
                .build();
    }

    @AfterEach
    void close() {
        luxaris.close();
    }

    private ChannelConnection connection() {
        return luxaris.channels().connect(alice, ConnectionRequest.of("test", "Alice", Credentials.bearer("tok")));
    }

    private PostVariant variant(String text) {
        return luxaris.posts()
                .create(alice, PostDraft.of(text).withVariant(VariantDraft.of("test", text)))
                .firstVariant();
    }

    private RecurringSeries create(RecurrenceRule rule) {
        return luxaris.recurrences()
                .create(
                        alice,
                        SeriesRequest.of(variant("Tip").id(), connection().id(), rule));
    }

    private List<Schedule> schedules(RecurringSeries series) {
        return luxaris.schedules().listForPost(alice, series.postId());
    }

    private static RecurrenceRule dailyFromTomorrow() {
        return RecurrenceRule.daily(1, LocalDate.of(2026, 3, 21), NINE, BERLIN);
    }

    // ---- materialising

    @Test
    void aDailySeries_materialisesTheOccurrencesWithinItsHorizon_at9LocalAcrossTheDstChange() {
        var variant = variant("Tip");
        var series = luxaris.recurrences()
                .create(
                        alice,
                        SeriesRequest.of(variant.id(), connection().id(), dailyFromTomorrow())
                                .withHorizon(14, 30));

        List<Schedule> made = schedules(series);
        assertThat(made).hasSize(14); // 21 March .. 3 April: every day less than 14 days after now
        assertThat(made).allSatisfy(s -> {
            assertThat(s.localRunAt().toLocalTime()).isEqualTo(NINE);
            assertThat(s.status()).isEqualTo(ScheduleStatus.PENDING);
            assertThat(s.variantId()).isEqualTo(variant.id());
        });
        assertThat(made.get(0).runAt()).isEqualTo(Instant.parse("2026-03-21T08:00:00Z"));
        assertThat(made.get(8).runAt()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(series.nextIndex()).isEqualTo(14);
        assertThat(luxaris.recurrences().occurrences(alice, series.id()))
                .extracting(SeriesOccurrence::index)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 14).boxed().toList());
        assertThat(luxaris.posts().get(alice, series.postId()).post().status())
                .isEqualTo(io.luxaris.domain.PostStatus.SCHEDULED);
        assertThat(events)
                .filteredOn(e -> e instanceof LuxarisEvent.SeriesCreated)
                .hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof LuxarisEvent.Scheduled).hasSize(14);
    }

    @Test
    void materialise_addsTheOccurrencesThatCameWithinTheHorizon_andNeverTwice() {
        var series = luxaris.recurrences()
                .create(
                        alice,
                        SeriesRequest.of(variant("Tip").id(), connection().id(), dailyFromTomorrow())
                                .withHorizon(30, 5));
        assertThat(schedules(series)).hasSize(5);

        assertThat(luxaris.recurrences().materialise()).isZero();
        clock.advance(Duration.ofDays(2)); // 21 and 22 March are due now: two places free up
        assertThat(luxaris.recurrences().materialise()).isEqualTo(2);
        assertThat(luxaris.recurrences().materialise()).isZero();

        assertThat(schedules(series))
                .extracting(s -> s.localRunAt().toLocalDate())
                .containsExactlyElementsOf(LocalDate.of(2026, 3, 21)
                        .datesUntil(LocalDate.of(2026, 3, 28))
                        .toList());
    }

    @Test
    void materialise_storesAnOccurrenceThatWouldBreakTheRateLimitsAsSkipped_andGoesOn() {
        luxaris.close();
        luxaris = build(
                SchedulingRules.builder()
                        .minGapPerConnection(Duration.ofHours(1))
                        .build(),
                TextMeasure.codePoints());
        ChannelConnection account = connection();
        var series = luxaris.recurrences()
                .create(
                        alice,
                        SeriesRequest.of(variant("Tip").id(), account.id(), dailyFromTomorrow())
                                .withHorizon(30, 3));
        Schedule byHand = luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(
                                variant("By hand").id(),
                                account.id(),
                                LocalDateTime.parse("2026-03-25T09:20"),
                                BERLIN));
        events.clear();

        clock.advance(Duration.ofDays(2)); // 21 and 22 March are due: the 24th, 25th (too close) and 26th come
        assertThat(luxaris.recurrences().materialise()).isEqualTo(2);

        var byDate = new java.util.TreeMap<LocalDate, Schedule>();
        for (SeriesOccurrence o : luxaris.recurrences().occurrences(alice, series.id())) {
            byDate.put(
                    o.runAt().atZone(BERLIN).toLocalDate(), luxaris.schedules().get(alice, o.scheduleId()));
        }
        assertThat(byDate.keySet())
                .containsExactlyElementsOf(LocalDate.of(2026, 3, 21)
                        .datesUntil(LocalDate.of(2026, 3, 27))
                        .toList());
        Schedule skipped = byDate.get(LocalDate.of(2026, 3, 25));
        assertThat(skipped.status()).isEqualTo(ScheduleStatus.SKIPPED);
        assertThat(skipped.errorCode()).contains("min_gap");
        assertThat(skipped.errorMessage().orElseThrow()).contains(byHand.runAt().toString());
        assertThat(luxaris.schedules().events(alice, skipped.id()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(io.luxaris.domain.PublishEventStatus.CANCELLED);
                    assertThat(e.errorCode()).contains("min_gap");
                });
        assertThat(byDate.get(LocalDate.of(2026, 3, 24)).status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(byDate.get(LocalDate.of(2026, 3, 26)).status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(luxaris.schedules().get(alice, byHand.id()).status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(events)
                .filteredOn(e -> e instanceof LuxarisEvent.Skipped)
                .singleElement()
                .satisfies(e ->
                        assertThat(((LuxarisEvent.Skipped) e).schedule().id()).isEqualTo(skipped.id()));
        assertThat(events).filteredOn(e -> e instanceof LuxarisEvent.Scheduled).hasSize(2);
    }

    @Test
    void aTimeInTheSpringForwardGap_isSkippedUnderReject() {
        var series = create(RecurrenceRule.daily(1, LocalDate.of(2026, 3, 27), LocalTime.of(2, 30), BERLIN)
                .endingAfter(4));

        assertThat(schedules(series))
                .extracting(s -> s.localRunAt().toLocalDateTime())
                .containsExactly(
                        LocalDateTime.of(2026, 3, 27, 2, 30),
                        LocalDateTime.of(2026, 3, 28, 2, 30),
                        LocalDateTime.of(2026, 3, 30, 2, 30));
        assertThat(luxaris.recurrences().get(alice, series.id()).status()).isEqualTo(SeriesStatus.ENDED);
    }

    @Test
    void aTimeInTheSpringForwardGap_movesForwardUnderShiftForward() {
        luxaris.close();
        luxaris = build(
                SchedulingRules.builder()
                        .dstGapPolicy(DstGapPolicy.SHIFT_FORWARD)
                        .build(),
                TextMeasure.codePoints());
        var series = create(RecurrenceRule.daily(1, LocalDate.of(2026, 3, 28), LocalTime.of(2, 30), BERLIN)
                .endingAfter(3));

        assertThat(schedules(series))
                .extracting(s -> s.localRunAt().toLocalDateTime())
                .containsExactly(
                        LocalDateTime.of(2026, 3, 28, 2, 30),
                        LocalDateTime.of(2026, 3, 29, 3, 30),
                        LocalDateTime.of(2026, 3, 30, 2, 30));
    }

    @Test
    void afterKOccurrences_theSeriesEnds() {
        var series = create(RecurrenceRule.weekly(
                        1, Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalDate.of(2026, 3, 21), NINE, BERLIN)
                .endingAfter(3));

        assertThat(series.status()).isEqualTo(SeriesStatus.ENDED);
        assertThat(schedules(series))
                .extracting(s -> s.localRunAt().toLocalDate())
                .containsExactly(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 26), LocalDate.of(2026, 3, 30));
        assertThat(luxaris.recurrences().materialise()).isZero();
        assertThat(luxaris.recurrences().nextOccurrences(alice, series.id(), 5))
                .as("an ended series still lists the occurrences to come")
                .extracting(t -> t.toLocalDate())
                .containsExactly(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 26), LocalDate.of(2026, 3, 30));
    }

    @Test
    void occurrencesAlreadyPast_countTowardsK_butAreNotPublished() {
        var series = create(
                RecurrenceRule.daily(1, LocalDate.of(2026, 3, 18), NINE, BERLIN).endingAfter(4));

        // 18, 19 and 20 March 09:00 are past at noon on 20 March
        assertThat(schedules(series))
                .extracting(s -> s.localRunAt().toLocalDate())
                .containsExactly(LocalDate.of(2026, 3, 21));
    }

    @Test
    void variations_areUsedInTurn_eachAsAReadyCopyOfTheVariant() {
        var base = variant("Base text");
        var series = luxaris.recurrences()
                .create(
                        alice,
                        SeriesRequest.of(
                                        base.id(),
                                        connection().id(),
                                        dailyFromTomorrow().endingAfter(5))
                                .withVariations(List.of("One", "Two", "Three")));

        var contents = new ArrayList<String>();
        for (Schedule s : schedules(series)) {
            PostVariant v = luxaris.posts().get(alice, series.postId()).variants().stream()
                    .filter(x -> x.id().equals(s.variantId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(v.status()).isEqualTo(io.luxaris.domain.VariantStatus.READY);
            assertThat(v.metadata()).containsEntry("luxaris.series", series.id().toString());
            contents.add(v.content());
        }
        assertThat(contents).containsExactly("One", "Two", "Three", "One", "Two");
    }

    // ---- changing and cancelling

    @Test
    void changingTheRule_replacesOnlyFutureNotYetClaimedSchedules() {
        var series = luxaris.recurrences()
                .create(
                        alice,
                        SeriesRequest.of(variant("Tip").id(), connection().id(), dailyFromTomorrow())
                                .withHorizon(7, 30));
        clock.advance(Duration.ofDays(1)); // 21 March 09:00 is due (not claimed: no engine runs)
        events.clear();

        var changed = luxaris.recurrences()
                .update(
                        alice,
                        series.id(),
                        SeriesUpdate.of(RecurrenceRule.daily(2, LocalDate.of(2026, 3, 21), LocalTime.of(18, 0), BERLIN))
                                .withVariations(List.of("Evening tip")));

        assertThat(changed.revision()).isEqualTo(1);
        List<Schedule> all = schedules(series);
        assertThat(all)
                .filteredOn(s -> s.status() == ScheduleStatus.PENDING)
                .extracting(s -> s.localRunAt().toLocalDateTime())
                .containsExactly(
                        LocalDateTime.of(2026, 3, 21, 9, 0), // due before the change: stays
                        LocalDateTime.of(2026, 3, 21, 18, 0),
                        LocalDateTime.of(2026, 3, 23, 18, 0),
                        LocalDateTime.of(2026, 3, 25, 18, 0),
                        LocalDateTime.of(2026, 3, 27, 18, 0));
        assertThat(all).filteredOn(s -> s.status() == ScheduleStatus.CANCELLED).hasSize(6);
        assertThat(events).filteredOn(e -> e instanceof LuxarisEvent.Cancelled).hasSize(6);
        assertThat(events)
                .filteredOn(e -> e instanceof LuxarisEvent.SeriesUpdated)
                .hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof LuxarisEvent.Scheduled).hasSize(4);
        assertThat(luxaris.recurrences().occurrences(alice, series.id()))
                .filteredOn(o -> o.revision() == 1)
                .extracting(SeriesOccurrence::index)
                .containsExactly(0, 1, 2, 3);
    }

    @Test
    void cancellingTheSeries_cancelsFutureSchedules_andMakesNoMore() {
        var series = luxaris.recurrences()
                .create(
                        alice,
                        SeriesRequest.of(variant("Tip").id(), connection().id(), dailyFromTomorrow())
                                .withHorizon(3, 30));
        clock.advance(Duration.ofDays(1));

        var cancelled = luxaris.recurrences().cancel(alice, series.id());

        assertThat(cancelled.status()).isEqualTo(SeriesStatus.CANCELLED);
        assertThat(schedules(series))
                .extracting(Schedule::status)
                .containsExactly(ScheduleStatus.PENDING, ScheduleStatus.CANCELLED, ScheduleStatus.CANCELLED);
        clock.advance(Duration.ofDays(5));
        assertThat(luxaris.recurrences().materialise()).isZero();
        assertThat(luxaris.recurrences().nextOccurrences(alice, series.id(), 5)).isEmpty();
        assertThat(luxaris.recurrences().cancel(alice, series.id())).isEqualTo(cancelled);
        assertThat(events)
                .filteredOn(e -> e instanceof LuxarisEvent.SeriesCancelled)
                .hasSize(1);
        assertThatThrownBy(() -> luxaris.recurrences().update(alice, series.id(), SeriesUpdate.of(dailyFromTomorrow())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void nextOccurrences_listsTheComingTimesInTheRulesZone() {
        var series = create(RecurrenceRule.monthly(1, 31, LocalDate.of(2026, 3, 1), NINE, BERLIN));

        assertThat(luxaris.recurrences().nextOccurrences(alice, series.id(), 3))
                .extracting(ZonedDateTime::toLocalDateTime)
                .containsExactly(
                        LocalDateTime.of(2026, 3, 31, 9, 0),
                        LocalDateTime.of(2026, 4, 30, 9, 0),
                        LocalDateTime.of(2026, 5, 31, 9, 0));
        rejected(() -> luxaris.recurrences().nextOccurrences(alice, series.id(), 0), "max", "range");
        rejected(
                () -> luxaris.recurrences().nextOccurrences(alice, series.id(), Recurrences.MAX_PREVIEW + 1),
                "max",
                "range");
    }

    @Test
    void anotherPrincipal_mayNotMakeASeriesOfAlicesPost() {
        var variant = variant("Tip");
        var connection = connection();

        assertThatThrownBy(() -> luxaris.recurrences()
                        .create(
                                Principal.of("bob"),
                                SeriesRequest.of(variant.id(), connection.id(), dailyFromTomorrow())))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ---- validation

    private void refusedRule(RecurrenceRule rule, String field, String code) {
        var variant = variant("Tip");
        var connection = connection();
        rejected(
                () -> luxaris.recurrences().create(alice, SeriesRequest.of(variant.id(), connection.id(), rule)),
                field,
                code);
    }

    @Test
    void theRule_isValidated() {
        LocalDate start = LocalDate.of(2026, 3, 21);
        refusedRule(RecurrenceRule.daily(0, start, NINE, BERLIN), "rule.interval", "range");
        refusedRule(
                RecurrenceRule.daily(RecurrenceRule.MAX_INTERVAL + 1, start, NINE, BERLIN), "rule.interval", "range");
        refusedRule(RecurrenceRule.weekly(1, Set.of(), start, NINE, BERLIN), "rule.weekdays", "required");
        refusedRule(RecurrenceRule.monthly(1, 0, start, NINE, BERLIN), "rule.dayOfMonth", "range");
        refusedRule(RecurrenceRule.monthly(1, 32, start, NINE, BERLIN), "rule.dayOfMonth", "range");
        refusedRule(
                new RecurrenceRule(
                        RecurrenceFrequency.DAILY,
                        1,
                        Set.of(DayOfWeek.MONDAY),
                        0,
                        start,
                        NINE,
                        BERLIN,
                        OptionalInt.empty(),
                        Optional.empty()),
                "rule.weekdays",
                "not_allowed");
        refusedRule(RecurrenceRule.daily(1, start, NINE, BERLIN).endingAfter(0), "rule.count", "range");
        refusedRule(
                RecurrenceRule.daily(1, start, NINE, BERLIN).endingAfter(RecurrenceRule.MAX_COUNT + 1),
                "rule.count",
                "range");
        refusedRule(
                RecurrenceRule.daily(1, start, NINE, BERLIN).endingOn(start.minusDays(1)),
                "rule.until",
                "before_start");
        refusedRule(
                RecurrenceRule.daily(1, start, NINE, BERLIN).endingOn(LocalDate.of(10_000, 1, 1)),
                "rule.until",
                "range");
        refusedRule(
                new RecurrenceRule(
                        RecurrenceFrequency.DAILY,
                        1,
                        Set.of(),
                        0,
                        start,
                        NINE,
                        BERLIN,
                        OptionalInt.of(3),
                        Optional.of(start.plusDays(9))),
                "rule.until",
                "not_allowed");
        refusedRule(
                RecurrenceRule.daily(1, start.minusDays(Recurrences.MAX_START_DAYS_BACK + 3), NINE, BERLIN),
                "rule.start",
                "range");
        refusedRule(RecurrenceRule.daily(1, start.plusDays(400), NINE, BERLIN), "rule.start", "horizon");
        refusedRule(
                RecurrenceRule.daily(1, LocalDate.of(2026, 3, 1), NINE, BERLIN).endingAfter(5),
                "rule",
                "no_occurrences");
        // the limits themselves are allowed
        assertThat(create(RecurrenceRule.daily(RecurrenceRule.MAX_INTERVAL, start, NINE, BERLIN)
                                .endingAfter(RecurrenceRule.MAX_COUNT))
                        .status())
                .isEqualTo(SeriesStatus.ACTIVE);
        assertThat(luxaris.recurrences().listForPost(alice, variant("x").postId()))
                .isEmpty();
    }

    @Test
    void theRequest_isValidated_andNothingIsStoredWhenRefused() {
        var variant = variant("Tip");
        var connection = connection();
        var ok = SeriesRequest.of(variant.id(), connection.id(), dailyFromTomorrow());
        rejected(
                () -> luxaris.recurrences()
                        .create(alice, new SeriesRequest(null, Optional.of(connection.id()), null, null, 30, 30)),
                "variant",
                "required");
        rejected(
                () -> luxaris.recurrences()
                        .create(
                                alice,
                                new SeriesRequest(variant.id(), Optional.of(connection.id()), null, null, 30, 30)),
                "rule",
                "required");
        rejected(() -> luxaris.recurrences().create(alice, ok.withHorizon(0, 30)), "horizonDays", "range");
        rejected(
                () -> luxaris.recurrences().create(alice, ok.withHorizon(RecurringSeries.MAX_HORIZON_DAYS + 1, 30)),
                "horizonDays",
                "range");
        rejected(() -> luxaris.recurrences().create(alice, ok.withHorizon(30, 0)), "maxAhead", "range");
        rejected(
                () -> luxaris.recurrences().create(alice, ok.withHorizon(30, RecurringSeries.MAX_AHEAD + 1)),
                "maxAhead",
                "range");
        rejected(
                () -> luxaris.recurrences()
                        .create(alice, ok.withVariations(Collections.nCopies(RecurringSeries.MAX_VARIATIONS + 1, "t"))),
                "variations",
                "too_many");
        rejected(
                () -> luxaris.recurrences()
                        .create(
                                alice,
                                ok.withVariations(List.of("ok", "x".repeat(RecurringSeries.MAX_VARIATION_LENGTH + 1)))),
                "variations[1]",
                "max_length");
        rejected(
                () -> luxaris.recurrences().create(alice, ok.withVariations(java.util.Arrays.asList("ok", null))),
                "variations[1]",
                "required");
        rejected(
                () -> luxaris.recurrences().create(alice, ok.withVariations(List.of(" "))),
                "variations[0]",
                "required");
        rejected(
                () -> luxaris.recurrences()
                        .update(alice, create(dailyFromTomorrow()).id(), SeriesUpdate.of(null)),
                "rule",
                "required");

        assertThat(luxaris.recurrences().listForPost(alice, variant.postId())).isEmpty();
        assertThat(luxaris.schedules().listForPost(alice, variant.postId())).isEmpty();
        // the largest request is allowed
        var largest = luxaris.recurrences()
                .create(
                        alice,
                        ok.withHorizon(RecurringSeries.MAX_HORIZON_DAYS, RecurringSeries.MAX_AHEAD)
                                .withVariations(Collections.nCopies(
                                        RecurringSeries.MAX_VARIATIONS,
                                        "v".repeat(RecurringSeries.MAX_VARIATION_LENGTH))));
        assertThat(schedules(largest)).hasSize(RecurringSeries.MAX_AHEAD);
    }

    @Test
    void variations_mustFitTheChannelLikeAVariant() {
        luxaris.close();
        luxaris = build(SchedulingRules.defaults(), text -> text.codePointCount(0, text.length()) * 10);
        var variant = variant("Tip");
        var connection = connection();

        rejected(
                () -> luxaris.recurrences()
                        .create(
                                alice,
                                SeriesRequest.of(variant.id(), connection.id(), dailyFromTomorrow())
                                        .withVariations(List.of("fits", "y".repeat(5_001)))),
                "variations[1].content",
                "content_length");
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
