package io.luxaris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.errors.AccessDeniedException;
import io.luxaris.errors.ValidationException;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.CalendarFilter;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDetails;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The foundation's acceptance scenario, written only against the public API. */
class HostProgramAcceptanceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final SettableClock clock = SettableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedChannel fake =
            ScriptedChannel.builder("fake").maxTextLength(280).build();
    private final Luxaris luxaris = Luxaris.builder().channel(fake).clock(clock).build();
    private final Principal alice = Principal.of("alice");
    private final Principal mallory = Principal.of("mallory");

    @AfterEach
    void close() {
        luxaris.close();
    }

    @Test
    void aHostProgramDraftsSchedulesCancelsAndReadsTheCalendar_andAStrangerIsDeniedEachStep() {
        ChannelConnection account = luxaris.channels()
                .connect(alice, ConnectionRequest.of("fake", "@alice", Credentials.bearer("secret-token-1")));
        PostDetails draft =
                luxaris.posts().create(alice, PostDraft.of("Launch day").withTags("launch"));

        assertThatThrownBy(() ->
                        luxaris.posts().addVariant(alice, draft.post().id(), VariantDraft.of("fake", "x".repeat(281))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> {
                            assertThat(v.field()).isEqualTo("content");
                            assertThat(v.rule()).isEqualTo("content_length");
                            assertThat(v.message()).contains("281").contains("280");
                        }));

        var variant = luxaris.posts().addVariant(alice, draft.post().id(), VariantDraft.of("fake", "We launch today!"));
        LocalDate tomorrow = LocalDate.of(2026, 11, 25);
        Schedule schedule = luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(variant.id(), account.id(), tomorrow.atTime(LocalTime.of(9, 0)), BERLIN));

        assertThat(schedule.runAt()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(luxaris.schedules().get(alice, schedule.id()).runAt())
                .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(luxaris.posts().get(alice, draft.post().id()).post().status())
                .isEqualTo(PostStatus.SCHEDULED);

        var week = luxaris.calendar().week(alice, tomorrow, BERLIN, CalendarFilter.none());
        assertThat(week.items()).singleElement().satisfies(e -> {
            assertThat(e.schedule().id()).isEqualTo(schedule.id());
            assertThat(e.localTime().toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(e.channel().key()).isEqualTo("fake");
        });

        // a stranger is denied every step on alice's data
        assertThatThrownBy(() -> luxaris.posts().get(mallory, draft.post().id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(
                        () -> luxaris.posts().addVariant(mallory, draft.post().id(), VariantDraft.of("fake", "hi")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> luxaris.channels().get(mallory, account.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> luxaris.schedules().get(mallory, schedule.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> luxaris.schedules().cancel(mallory, schedule.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> luxaris.schedules()
                        .schedule(
                                mallory,
                                ScheduleRequest.at(
                                        variant.id(), account.id(), tomorrow.atTime(LocalTime.of(10, 0)), BERLIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(luxaris.calendar()
                        .week(mallory, tomorrow, BERLIN, CalendarFilter.none())
                        .items())
                .isEmpty();
        assertThat(luxaris.posts()
                        .list(mallory, io.luxaris.usecase.PostQuery.all())
                        .items())
                .isEmpty();

        Schedule cancelled = luxaris.schedules().cancel(alice, schedule.id());
        assertThat(cancelled.status()).isEqualTo(ScheduleStatus.CANCELLED);
        assertThat(luxaris.posts().get(alice, draft.post().id()).post().status())
                .isEqualTo(PostStatus.DRAFT);
    }
}
