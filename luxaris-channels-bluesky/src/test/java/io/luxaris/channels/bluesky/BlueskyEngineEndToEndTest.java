package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.Luxaris;
import io.luxaris.channels.bluesky.internal.Tid;
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
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The publishing engine with the Bluesky channel against the fake PDS, on the in-memory storage. */
class BlueskyEngineEndToEndTest {
    private static final byte[] LOGO = Fixtures.png(1200, 630, 4_096);

    private final Principal owner = Principal.of("owner");
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-11-24T09:55:00Z"));
    private final List<LuxarisEvent> seen = new CopyOnWriteArrayList<>();
    private final MediaSource library = ref -> ref.ref().equals("logo.png")
            ? MediaContent.of("image/png", LOGO)
            : MediaSource.none().open(ref);

    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    @AutoClose
    private final Luxaris luxaris = Luxaris.builder()
            .channel(Fixtures.channel(fake).readTimeout(Duration.ofMillis(700)).build())
            .clock(clock)
            .mediaSource(library)
            .listener(seen::add)
            .build();

    private final ChannelConnection account = luxaris.channels()
            .connect(owner, BlueskyCredentials.connectionRequest("@" + FakeBluesky.HANDLE, FakeBluesky.APP_PASSWORD));

    private Schedule schedule(VariantDraft variant, Duration in) {
        return EngineSchedules.schedule(
                luxaris, owner, "launch", variant, account.id(), clock.instant().plus(in));
    }

    @Test
    void aScheduledThreadWithAnImage_isPublishedOnce_andItsOutcomeAndRequestsAreAsDocumented() throws Exception {
        Schedule schedule = schedule(
                VariantDraft.of("bluesky", "Launch day 🚀 #luxaris https://example.com/release")
                        .withThread(List.of("What's new: threads, images and more.", "Thanks @alice.bsky.social!"))
                        .withMedia(List.of(MediaRef.image("logo.png", "The Luxaris logo"))),
                Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(4));
        assertThat(luxaris.publishing().runDue().total()).isZero();
        assertThat(fake.requestCount()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(luxaris.publishing().runDue().total()).isZero();

        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeBluesky.routes(requests))
                .containsExactly(
                        "POST com.atproto.server.createSession",
                        "POST com.atproto.repo.uploadBlob",
                        "POST com.atproto.repo.createRecord",
                        "POST com.atproto.repo.createRecord",
                        "GET com.atproto.identity.resolveHandle",
                        "POST com.atproto.repo.createRecord");
        assertThat(requests.get(1).getBody().toByteArray()).isEqualTo(LOGO);
        JsonNode first = FakeBluesky.json(requests.get(2)).path("record");
        assertThat(first.path("createdAt").asText()).isEqualTo("2026-11-24T10:00:00.000Z");
        assertThat(first.at("/embed/images/0/alt").asText()).isEqualTo("The Luxaris logo");
        assertThat(first.at("/embed/images/0/aspectRatio").toString()).isEqualTo("{\"width\":1200,\"height\":630}");
        assertThat(first.path("facets")).hasSize(2);
        String root = "at://did:plc:abc123/app.bsky.feed.post/" + Tid.forPart(schedule.id(), 0);
        JsonNode third = FakeBluesky.json(requests.get(5));
        assertThat(third.path("rkey").asText()).isEqualTo(Tid.forPart(schedule.id(), 2));
        assertThat(third.at("/record/reply/root/uri").asText()).isEqualTo(root);
        assertThat(third.at("/record/facets/0/features/0/did").asText()).isEqualTo(FakeBluesky.MENTIONED_DID);

        Schedule done = luxaris.schedules().get(owner, schedule.id());
        assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(done.externalPostId()).contains(root);
        assertThat(done.externalUrl())
                .contains("https://bsky.app/profile/did:plc:abc123/post/" + Tid.forPart(schedule.id(), 0));
        assertThat(luxaris.schedules().events(owner, schedule.id()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.status()).isEqualTo(PublishEventStatus.SUCCESS);
                    assertThat(event.externalPostId()).contains(root);
                    assertThat(event.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                            .startsWith("HTTP 200 POST /xrpc/com.atproto.repo.createRecord")
                            .contains(root)
                            .doesNotContain("access-jwt", FakeBluesky.APP_PASSWORD));
                });
        assertThat(luxaris.posts().get(owner, done.postId()).post().status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(seen).filteredOn(LuxarisEvent.Published.class::isInstance).hasSize(1);
        // the session and the account's DID and handle were stored with the connection
        assertThat(luxaris.channels().get(owner, account.id()).properties())
                .containsEntry(BlueskyChannel.PROPERTY_DID, FakeBluesky.DID)
                .containsEntry(BlueskyChannel.PROPERTY_HANDLE, FakeBluesky.HANDLE);
    }

    @Test
    void theStoredSession_servesLaterSchedules_withoutAnotherLogin() {
        schedule(VariantDraft.of("bluesky", "One"), Duration.ofMinutes(1));
        schedule(VariantDraft.of("bluesky", "Two"), Duration.ofMinutes(2));
        schedule(VariantDraft.of("bluesky", "Three"), Duration.ofHours(3));

        clock.advance(Duration.ofMinutes(1));
        luxaris.publishing().runDue();
        clock.advance(Duration.ofMinutes(1));
        luxaris.publishing().runDue();
        fake.expireAccessTokens(); // hours later the access token has expired: refreshed, not a new login
        clock.advance(Duration.ofHours(3));
        assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);

        assertThat(fake.logins()).isEqualTo(1);
        assertThat(fake.recordCount()).isEqualTo(3);
    }

    @Test
    void anUnansweredPost_isSettledByTheEnginesLookup_asPublished_andNeverPostedTwice() throws Exception {
        fake.hangNextCreate(2_000, true);
        Schedule schedule = schedule(VariantDraft.of("bluesky", "Slow network"), Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        luxaris.publishing().runDue();

        Schedule done = luxaris.schedules().get(owner, schedule.id());
        assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(done.externalPostId())
                .contains("at://did:plc:abc123/app.bsky.feed.post/" + Tid.forPart(schedule.id(), 0));
        assertThat(FakeBluesky.routes(fake.takeAll()))
                .containsExactly(
                        "POST com.atproto.server.createSession",
                        "POST com.atproto.repo.createRecord",
                        "GET com.atproto.repo.getRecord");
        assertThat(fake.recordCount()).isEqualTo(1);
    }

    @Test
    void aThreadFailingAtPartTwo_isRetriedByTheEngine_fromPartTwo() throws Exception {
        fake.script(
                "POST com.atproto.repo.createRecord",
                FakeBluesky.PASS,
                FakeBluesky.error(503, "ServiceUnavailable", "Service Unavailable"));
        Schedule schedule = schedule(
                VariantDraft.of("bluesky", "Part 1/3").withThread(List.of("Part 2/3", "Part 3/3")),
                Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        assertThat(luxaris.publishing().runDue().retried()).isEqualTo(1);
        Schedule retrying = luxaris.schedules().get(owner, schedule.id());
        assertThat(retrying.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(retrying.checkpoint())
                .containsEntry(
                        "bluesky.part.0.uri",
                        "at://did:plc:abc123/app.bsky.feed.post/" + Tid.forPart(schedule.id(), 0));
        clock.set(retrying.nextAttemptAt());
        assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);

        assertThat(fake.recordCount()).isEqualTo(3);
        List<PublishEvent> events = luxaris.schedules().events(owner, schedule.id());
        assertThat(events)
                .extracting(PublishEvent::status)
                .containsExactly(PublishEventStatus.RETRIED, PublishEventStatus.SUCCESS);
        assertThat(events.get(0).errorMessage())
                .hasValueSatisfying(m -> assertThat(m).startsWith("part 2 of 3"));
    }

    @Test
    void aRateLimitedPost_isRetriedNoEarlierThanBlueskysReset() {
        Instant reset = clock.instant().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        fake.script("POST com.atproto.repo.createRecord", FakeBluesky.rateLimited(reset.getEpochSecond()));
        Schedule schedule = schedule(VariantDraft.of("bluesky", "Throttled"), Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        luxaris.publishing().runDue();

        Schedule retrying = luxaris.schedules().get(owner, schedule.id());
        assertThat(retrying.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(retrying.errorCode()).contains("rate_limited");
        assertThat(retrying.nextAttemptAt()).isAfterOrEqualTo(reset);
    }
}
