package io.luxaris.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.RecurrenceRule;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.SeriesStatus;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.SeriesRequest;
import io.luxaris.usecase.SeriesUpdate;
import io.luxaris.usecase.VariantDraft;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine materialises recurring series in its housekeeping and publishes their occurrences. */
class RecurringEngineTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final SettableClock clock = SettableClock.at("2026-03-20T12:00:00Z");
    private final ScriptedChannel fake = ScriptedChannel.create("fake");
    private final Principal alice = Principal.of("alice");

    @Test
    void theEngineMaterialisesAndPublishesEveryOccurrence_withRotatingTexts() {
        try (var luxaris = Luxaris.builder().channel(fake).clock(clock).build()) {
            var account = luxaris.channels()
                    .connect(alice, ConnectionRequest.of("fake", "@a", Credentials.bearer("tok-123456")));
            var post = luxaris.posts()
                    .create(alice, PostDraft.of("tips").withVariant(VariantDraft.of("fake", "Tip of the week")));
            // Mondays and Thursdays at 09:00 Berlin, 6 times, two schedules ahead at most
            var rule = RecurrenceRule.weekly(
                            1,
                            Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                            LocalDate.of(2026, 3, 23),
                            LocalTime.of(9, 0),
                            BERLIN)
                    .endingAfter(6);
            var series = luxaris.recurrences()
                    .create(
                            alice,
                            SeriesRequest.of(post.firstVariant().id(), account.id(), rule)
                                    .withVariations(List.of("Tip A", "Tip B", "Tip C"))
                                    .withHorizon(30, 2));
            assertThat(luxaris.schedules().listForPost(alice, post.post().id())).hasSize(2);

            // an engine run every hour for three weeks (the lateness window skips what is found 2 h late)
            for (int hour = 0; hour < 21 * 24; hour++) {
                clock.advance(Duration.ofHours(1));
                luxaris.publishing().runDue();
            }

            List<Schedule> schedules =
                    luxaris.schedules().listForPost(alice, post.post().id());
            assertThat(schedules)
                    .extracting(s -> s.localRunAt().toLocalDateTime().toString())
                    .containsExactly(
                            "2026-03-23T09:00",
                            "2026-03-26T09:00",
                            "2026-03-30T09:00",
                            "2026-04-02T09:00",
                            "2026-04-06T09:00",
                            "2026-04-09T09:00");
            assertThat(schedules).allSatisfy(s -> assertThat(s.status()).isEqualTo(ScheduleStatus.SUCCESS));
            assertThat(fake.posts())
                    .extracting(ScriptedChannel.Post::content)
                    .containsExactly("Tip A", "Tip B", "Tip C", "Tip A", "Tip B", "Tip C");
            assertThat(luxaris.recurrences().get(alice, series.id()).status()).isEqualTo(SeriesStatus.ENDED);
            assertThat(luxaris.posts().get(alice, post.post().id()).post().status())
                    .isEqualTo(PostStatus.PUBLISHED);
        }
    }

    @Test
    void aChangedRule_leavesPublishedOccurrencesAlone_andTheEnginePublishesTheNewOnes() {
        try (var luxaris = Luxaris.builder().channel(fake).clock(clock).build()) {
            var account = luxaris.channels()
                    .connect(alice, ConnectionRequest.of("fake", "@a", Credentials.bearer("tok-123456")));
            var post = luxaris.posts()
                    .create(alice, PostDraft.of("daily").withVariant(VariantDraft.of("fake", "Good morning")));
            var series = luxaris.recurrences()
                    .create(
                            alice,
                            SeriesRequest.of(
                                    post.firstVariant().id(),
                                    account.id(),
                                    RecurrenceRule.daily(1, LocalDate.of(2026, 3, 21), LocalTime.of(9, 0), BERLIN)));
            clock.set(Instant.parse("2026-03-21T08:30:00Z"));
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
            clock.set(Instant.parse("2026-03-22T08:30:00Z"));
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);

            luxaris.recurrences()
                    .update(
                            alice,
                            series.id(),
                            SeriesUpdate.of(
                                    RecurrenceRule.daily(1, LocalDate.of(2026, 3, 21), LocalTime.of(18, 0), BERLIN)));
            clock.set(Instant.parse("2026-03-22T17:30:00Z"));
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
            clock.set(Instant.parse("2026-03-23T17:30:00Z"));
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);

            assertThat(luxaris.schedules().listForPost(alice, post.post().id()))
                    .filteredOn(s -> s.status() == ScheduleStatus.SUCCESS)
                    .extracting(s -> s.localRunAt().toLocalDateTime().toString())
                    .containsExactly("2026-03-21T09:00", "2026-03-22T09:00", "2026-03-22T18:00", "2026-03-23T18:00");
            assertThat(fake.callCount()).isEqualTo(4);
        }
    }
}
