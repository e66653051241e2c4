package io.luxaris.internal.engine;

import static io.luxaris.Fixtures.connect;
import static io.luxaris.Fixtures.draft;
import static io.luxaris.Fixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantStatus;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.ScriptedChannel.Behavior;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.CalendarEntry;
import io.luxaris.usecase.CalendarFilter;
import io.luxaris.usecase.ConnectionRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dry run (a channel in dry-run mode builds the request and does not send it) is its own outcome: the schedule
 * ends {@code dry_run}, never {@code failed}; the listener hears {@code DryRun}, never {@code PublishFailed}; the
 * calendar and the run report show it apart; the post is neither published nor failed.
 */
class DryRunTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final SettableClock clock = SettableClock.at(START);
    private final Principal alice = Principal.of("alice");
    private final List<LuxarisEvent> events = new CopyOnWriteArrayList<>();
    private Luxaris luxaris;

    @AfterEach
    void close() {
        if (luxaris != null) {
            luxaris.close();
        }
    }

    private Luxaris luxaris(ChannelProvider channel) {
        luxaris = Luxaris.builder()
                .channel(channel)
                .clock(clock)
                .listener(events::add)
                .build();
        return luxaris;
    }

    @Test
    void aDryRun_endsDryRun_withItsOwnEventAndNotice_neverFailed_andIsNotRetried() {
        var fake = ScriptedChannel.create("fake").willAlways(Behavior.dryRun());
        Luxaris l = luxaris(fake);
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        PostVariant variant = draft(l, alice, "fake", "Hello staging");
        Schedule s = schedule(l, alice, variant, account, START.plusSeconds(60));

        clock.set(START.plusSeconds(60));
        RunReport report = l.publishing().runDue();

        assertThat(report.dryRuns()).isEqualTo(1);
        assertThat(report.published()).isZero();
        assertThat(report.failed()).isZero();
        assertThat(report.total()).isEqualTo(1);
        Schedule done = l.schedules().get(alice, s.id());
        assertThat(done.status()).isEqualTo(ScheduleStatus.DRY_RUN);
        assertThat(done.status().isTerminal()).isTrue();
        assertThat(done.errorCode()).isEmpty();
        assertThat(done.errorMessage()).isEmpty();
        assertThat(done.externalPostId()).isEmpty();
        assertThat(l.schedules().events(alice, s.id())).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(PublishEventStatus.DRY_RUN);
            assertThat(e.rawResponse()).contains("POST https://fake.example/posts Hello staging");
            assertThat(e.failureKind()).isEmpty();
            assertThat(e.errorCode()).isEmpty();
        });
        assertThat(events)
                .map(e -> e.getClass().getSimpleName())
                .containsExactly("Scheduled", "PublishStarted", "DryRun");
        assertThat(events.get(2)).isInstanceOfSatisfying(LuxarisEvent.DryRun.class, d -> {
            assertThat(d.schedule().id()).isEqualTo(s.id());
            assertThat(d.schedule().status()).isEqualTo(ScheduleStatus.DRY_RUN);
            assertThat(d.event().status()).isEqualTo(PublishEventStatus.DRY_RUN);
        });
        assertThat(fake.postsFor(s.id())).isZero();

        clock.advance(Duration.ofDays(1));
        assertThat(l.publishing().runDue().total()).isZero();
        assertThat(fake.callCount()).isEqualTo(1);
    }

    @Test
    void aDryRunOnlyPost_looksNeitherPublishedNorFailed_andCanBeScheduledForRealAfterwards() {
        var fake = ScriptedChannel.create("fake").willAlways(Behavior.dryRun());
        Luxaris l = luxaris(fake);
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        PostVariant variant = draft(l, alice, "fake", "Hello staging");
        schedule(l, alice, variant, account, START.plusSeconds(60));
        clock.set(START.plusSeconds(60));
        l.publishing().runDue();

        var afterDryRun = l.posts().get(alice, variant.postId());
        assertThat(afterDryRun.post().status()).isEqualTo(PostStatus.DRAFT);
        assertThat(afterDryRun.post().publishedAt()).isEmpty();
        assertThat(afterDryRun.firstVariant().status()).isEqualTo(VariantStatus.READY);

        fake.willAlways(Behavior.succeed());
        Schedule real = schedule(l, alice, variant, account, START.plusSeconds(120));
        clock.set(START.plusSeconds(120));
        assertThat(l.publishing().runDue().published()).isEqualTo(1);
        assertThat(l.schedules().get(alice, real.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(l.posts().get(alice, variant.postId()).post().status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void theCalendar_showsDryRunsByTheirOwnStatus_notAmongTheFailures() {
        var fake = ScriptedChannel.create("fake");
        Luxaris l = luxaris(fake);
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        Schedule dry = schedule(l, alice, draft(l, alice, "fake", "dry"), account, START.plusSeconds(60));
        Schedule failed = schedule(l, alice, draft(l, alice, "fake", "refused"), account, START.plusSeconds(61));
        fake.willAnswer(r -> r.variant().content().equals("dry")
                ? Behavior.dryRun()
                : Behavior.fail(FailureKind.REJECTED, "refused"));
        clock.set(START.plusSeconds(61));
        RunReport report = l.publishing().runDue();
        assertThat(report.dryRuns()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);

        var day = START.atZone(ZoneOffset.UTC).toLocalDate();
        List<CalendarEntry> dryRuns = l.calendar()
                .week(alice, day, ZoneOffset.UTC, CalendarFilter.none().scheduleStatus(ScheduleStatus.DRY_RUN))
                .items();
        List<CalendarEntry> failures = l.calendar()
                .week(alice, day, ZoneOffset.UTC, CalendarFilter.none().scheduleStatus(ScheduleStatus.FAILED))
                .items();
        assertThat(dryRuns).extracting(e -> e.schedule().id()).containsExactly(dry.id());
        assertThat(failures).extracting(e -> e.schedule().id()).containsExactly(failed.id());
        assertThat(events)
                .filteredOn(LuxarisEvent.PublishFailed.class::isInstance)
                .hasSize(1);
        assertThat(events).filteredOn(LuxarisEvent.DryRun.class::isInstance).hasSize(1);
    }

    @Test
    void aPreviewThatCarriesTheToken_isStoredAndAnnouncedWithoutIt() {
        String token = "secret-token-of-alice";
        ChannelProvider leaky = new ChannelProvider() {
            @Override
            public String key() {
                return "leaky";
            }

            @Override
            public ChannelDescriptor descriptor() {
                return ChannelDescriptor.of("Leaky", ChannelLimits.builder(100).build());
            }

            @Override
            public ChannelPublisher createPublisher(ChannelEnvironment environment) {
                return (request, context) -> PublishOutcome.dryRun("POST https://leaky.example/posts Authorization: "
                        + context.credentials().accessToken().orElse("") + " "
                        + request.variant().content());
            }
        };
        Luxaris l = luxaris(leaky);
        ChannelConnection account =
                l.channels().connect(alice, ConnectionRequest.of("leaky", "@alice", Credentials.bearer(token)));
        Schedule s = schedule(l, alice, draft(l, alice, "leaky", "hi"), account, START.plusSeconds(60));
        clock.set(START.plusSeconds(60));
        assertThat(l.publishing().runDue().dryRuns()).isEqualTo(1);

        String stored = l.schedules().events(alice, s.id()).get(0).rawResponse().orElseThrow();
        assertThat(stored)
                .startsWith("POST https://leaky.example/posts Authorization: ")
                .doesNotContain(token);
        assertThat(events)
                .filteredOn(LuxarisEvent.DryRun.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(e.toString()).doesNotContain(token));
    }
}
