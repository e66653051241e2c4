package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.http.testing.EngineSchedules;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.VariantDraft;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The publishing engine with the Mastodon channel against the fake instance, on the in-memory storage. */
class MastodonEngineEndToEndTest {
    private static final byte[] LOGO = "\u0089PNG-luxaris-logo".getBytes(StandardCharsets.ISO_8859_1);

    private final Principal owner = Principal.of("owner");
    private final SettableClock clock = SettableClock.at(Instant.now());
    private final List<LuxarisEvent> seen = new CopyOnWriteArrayList<>();
    private final MediaSource library = ref -> ref.ref().equals("logo.png")
            ? MediaContent.of("image/png", LOGO)
            : MediaSource.none().open(ref);

    @AutoClose
    private final FakeMastodon fake = new FakeMastodon().limits(1000, 23);

    @AutoClose
    private final Luxaris luxaris = Luxaris.builder()
            .channel(Fixtures.channel().callTimeout(Duration.ofSeconds(2)).build())
            .clock(clock)
            .mediaSource(library)
            .listener(seen::add)
            .build();

    private final ChannelConnection account = luxaris.channels()
            .connect(
                    owner,
                    ConnectionRequest.of("mastodon", "@alice@mastodon.example", fake.credentials())
                            .withProperties(Fixtures.properties(fake)));

    private Schedule schedule(VariantDraft variant, Duration in) {
        return EngineSchedules.schedule(
                luxaris, owner, "launch", variant, account.id(), clock.instant().plus(in));
    }

    @Test
    void aScheduledThreadWithAnImage_isPublishedOnceAtItsTime_andTheOutcomeIsStored() throws Exception {
        String media = fake.nextMediaId();
        String longer = "Luxaris 2.1 is out https://example.com/r/2.1 " + "and it is long. ".repeat(40);
        Schedule schedule = schedule(
                VariantDraft.of("mastodon", longer.strip())
                        .withConnection(account.id())
                        .withThread(List.of("Changelog: https://example.com/changes", "Thanks to everyone!"))
                        .withMedia(List.of(MediaRef.image("logo.png", "The Luxaris logo")))
                        .withMetadata(MastodonPostOptions.defaults()
                                .withLanguage("en")
                                .toMetadata()),
                Duration.ofMinutes(5));
        fake.takeAll(); // the instance read when the variant was checked

        clock.advance(Duration.ofMinutes(4));
        assertThat(luxaris.publishing().runDue().total()).isZero();
        assertThat(fake.takeAll()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(luxaris.publishing().runDue().total()).isZero();

        List<RecordedRequest> requests = fake.takeApiCalls();
        assertThat(requests)
                .extracting(FakeMastodon::route)
                .containsExactly(
                        "POST /api/v2/media",
                        "POST /api/v1/statuses",
                        "POST /api/v1/statuses",
                        "POST /api/v1/statuses");
        assertThat(FakeMastodon.multipart(requests.get(0)).get("file").bytes()).isEqualTo(LOGO);
        assertThat(FakeMastodon.multipart(requests.get(0)).get("description").text())
                .isEqualTo("The Luxaris logo");
        RecordedRequest first = requests.get(1);
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeMastodon.TOKEN);
        assertThat(first.getHeaders().get("Idempotency-Key")).isEqualTo(schedule.id() + "-1");
        assertThat(FakeMastodon.json(first).toString())
                .isEqualTo("{\"status\":\"" + longer.strip() + "\",\"visibility\":\"public\",\"language\":\"en\","
                        + "\"media_ids\":[\"" + media + "\"]}");
        List<String> ids = new java.util.ArrayList<>();
        fake.statuses().forEach(s -> ids.add(0, s.path("id").asText())); // oldest first
        assertThat(FakeMastodon.json(requests.get(2)).path("in_reply_to_id").asText())
                .isEqualTo(ids.get(0));
        assertThat(FakeMastodon.json(requests.get(3)).path("in_reply_to_id").asText())
                .isEqualTo(ids.get(1));
        assertThat(FakeMastodon.json(requests.get(3)).path("visibility").asText())
                .isEqualTo("unlisted");

        Schedule done = luxaris.schedules().get(owner, schedule.id());
        assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(done.externalPostId()).contains(ids.get(0));
        assertThat(done.checkpoint())
                .containsEntry("mastodon.part.0", ids.get(0))
                .containsEntry("mastodon.part.2", ids.get(2));
        assertThat(luxaris.schedules().events(owner, schedule.id()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.status()).isEqualTo(PublishEventStatus.SUCCESS);
                    assertThat(event.externalPostId()).contains(ids.get(0));
                    assertThat(event.externalUrl()).contains("https://mastodon.example/@alice/" + ids.get(0));
                    assertThat(event.rawResponse())
                            .hasValueSatisfying(
                                    raw -> assertThat(raw).contains(ids.get(0)).doesNotContain(FakeMastodon.TOKEN));
                });
        assertThat(luxaris.posts().get(owner, done.postId()).post().status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(seen).filteredOn(LuxarisEvent.Published.class::isInstance).hasSize(1);
        assertThat(luxaris.channels().get(owner, account.id()).properties())
                .containsEntry(MastodonInstance.PROPERTY_MAX_CHARACTERS, "1000");
    }

    @Test
    void aThreadFailingAtPartTwo_isRetriedByTheEngine_fromPartTwo() throws Exception {
        fake.scriptAfter("POST /api/v1/statuses", 1, FakeMastodon.raceCondition());
        Schedule schedule = schedule(
                VariantDraft.of("mastodon", "Part 1/3").withThread(List.of("Part 2/3", "Part 3/3")),
                Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        assertThat(luxaris.publishing().runDue().retried()).isEqualTo(1);
        Schedule retrying = luxaris.schedules().get(owner, schedule.id());
        assertThat(retrying.status()).isEqualTo(ScheduleStatus.PENDING);
        String first = retrying.checkpoint().get("mastodon.part.0");
        assertThat(first).isNotNull();
        clock.set(retrying.nextAttemptAt());
        assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);

        List<RecordedRequest> posts = fake.takeApiCalls();
        assertThat(posts).hasSize(4);
        assertThat(FakeMastodon.json(posts.get(2)).path("status").asText()).isEqualTo("Part 2/3");
        assertThat(FakeMastodon.json(posts.get(2)).path("in_reply_to_id").asText())
                .isEqualTo(first);
        assertThat(posts.get(2).getHeaders().get("Idempotency-Key")).isEqualTo(schedule.id() + "-2.1");
        assertThat(fake.statuses()).hasSize(3);
        List<PublishEvent> events = luxaris.schedules().events(owner, schedule.id());
        assertThat(events)
                .extracting(PublishEvent::status)
                .containsExactly(PublishEventStatus.RETRIED, PublishEventStatus.SUCCESS);
        assertThat(events.get(0).errorMessage())
                .hasValueSatisfying(m -> assertThat(m).startsWith("part 2 of 3"));
        assertThat(events.get(1).externalPostId()).contains(first);
    }

    @Test
    void aRateLimit_isRetriedNoEarlierThanTheIsoResetTheInstanceNamed() {
        Instant reset = clock.instant().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        fake.script("POST /api/v1/statuses", FakeMastodon.tooManyRequests(reset.toString()));
        Schedule schedule = schedule(VariantDraft.of("mastodon", "Throttled"), Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        luxaris.publishing().runDue();

        Schedule retrying = luxaris.schedules().get(owner, schedule.id());
        assertThat(retrying.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(retrying.errorCode()).contains("rate_limited");
        assertThat(retrying.nextAttemptAt()).isAfterOrEqualTo(reset);
    }

    @Test
    void aRevokedToken_failsTheSchedule_andMarksTheConnectionForReconnecting() {
        Schedule schedule = schedule(VariantDraft.of("mastodon", "After the revoke"), Duration.ofMinutes(1));
        fake.revokeAll();

        clock.advance(Duration.ofMinutes(1));
        luxaris.publishing().runDue();

        Schedule failed = luxaris.schedules().get(owner, schedule.id());
        assertThat(failed.status()).isEqualTo(ScheduleStatus.FAILED);
        assertThat(failed.errorCode()).contains("invalid_token");
        var health = luxaris.channels().health(owner, account.id());
        assertThat(health.status()).isEqualTo(io.luxaris.domain.ConnectionStatus.ERROR);
        assertThat(health.needsReauthorization()).isTrue();
        assertThat(fake.statuses()).isEmpty();
    }

    @Test
    void aStatusWhoseAnswerNeverCame_isLookedUp_andRecordedAsPublished_notPostedAgain() throws Exception {
        fake.hangNextStatus(Duration.ofSeconds(4), true);
        Schedule schedule = schedule(VariantDraft.of("mastodon", "Is it there?"), Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        luxaris.publishing().runDue();

        Schedule done = luxaris.schedules().get(owner, schedule.id());
        String id = fake.statuses().get(0).path("id").asText();
        assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(done.externalPostId()).contains(id);
        assertThat(fake.statuses()).hasSize(1);
        assertThat(fake.takeApiCalls())
                .extracting(FakeMastodon::route)
                .containsExactly("POST /api/v1/statuses", "GET /api/v1/accounts/{id}/statuses");
    }
}
