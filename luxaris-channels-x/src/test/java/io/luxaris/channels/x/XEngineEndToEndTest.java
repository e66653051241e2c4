package io.luxaris.channels.x;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The publishing engine with the X channel against the fake X server. */
class XEngineEndToEndTest {
    private static final byte[] LOGO = "\u0089PNG-luxaris-logo".getBytes(StandardCharsets.ISO_8859_1);

    private final Principal owner = Principal.of("owner");
    private final SettableClock clock = SettableClock.at(Instant.now());
    private final List<LuxarisEvent> seen = new CopyOnWriteArrayList<>();
    private final MediaSource library = ref -> ref.ref().equals("logo.png")
            ? MediaContent.of("image/png", LOGO)
            : MediaSource.none().open(ref);

    @AutoClose
    private final FakeX fake = new FakeX();

    @AutoClose
    private final Luxaris luxaris = Luxaris.builder()
            .channel(Fixtures.channel(fake).build())
            .clock(clock)
            .mediaSource(library)
            .listener(seen::add)
            .build();

    private final ChannelConnection account = luxaris.channels()
            .connect(owner, ConnectionRequest.of("x", "@exampledev", fake.credentials(clock.instant())));

    private Schedule schedule(VariantDraft variant, Duration in) {
        return EngineSchedules.schedule(
                luxaris, owner, "launch", variant, account.id(), clock.instant().plus(in));
    }

    @Test
    void scheduledPostWithAnImage_isPublishedOnce_andItsEventHoldsTheExternalIdAndUrl() throws Exception {
        String mediaId = fake.nextMediaId();
        Schedule schedule = schedule(
                VariantDraft.of("x", "Launch day! https://example.com/release")
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
        assertThat(requests)
                .extracting(FakeX::route)
                .containsExactly("POST /2/media/upload", "POST /2/media/metadata", "POST /2/tweets", "GET /2/users/me");
        RecordedRequest post = requests.get(2);
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer access-0");
        assertThat(FakeX.json(post).toString())
                .isEqualTo("{\"text\":\"Launch day! https://example.com/release\",\"media\":{\"media_ids\":[\""
                        + mediaId + "\"]}}");
        String id = "1861000000000000001";
        Schedule done = luxaris.schedules().get(owner, schedule.id());
        assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(done.externalPostId()).contains(id);
        assertThat(luxaris.schedules().events(owner, schedule.id()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.status()).isEqualTo(PublishEventStatus.SUCCESS);
                    assertThat(event.externalPostId()).contains(id);
                    assertThat(event.externalUrl()).contains("https://x.com/exampledev/status/" + id);
                    assertThat(event.rawResponse())
                            .hasValueSatisfying(
                                    raw -> assertThat(raw).contains(id).doesNotContain("access-0"));
                });
        assertThat(luxaris.posts().get(owner, done.postId()).post().status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(seen).filteredOn(LuxarisEvent.Published.class::isInstance).hasSize(1);
    }

    @Test
    void threadFailingAtPartTwo_isRetriedByTheEngine_fromPartTwo() throws Exception {
        fake.script("POST /2/tweets", XPublishTest.created(), FakeX.serviceUnavailable());
        Schedule schedule = schedule(
                VariantDraft.of("x", "Part 1/3").withThread(List.of("Part 2/3", "Part 3/3")), Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        assertThat(luxaris.publishing().runDue().retried()).isEqualTo(1);
        Schedule retrying = luxaris.schedules().get(owner, schedule.id());
        assertThat(retrying.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(retrying.checkpoint()).containsEntry("x.part.0", "1700000000000000001");
        clock.set(retrying.nextAttemptAt());
        assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);

        List<RecordedRequest> posts = fake.takeAll().stream()
                .filter(r -> FakeX.route(r).equals("POST /2/tweets"))
                .toList();
        assertThat(posts).hasSize(4);
        assertThat(FakeX.json(posts.get(2)).toString())
                .isEqualTo("{\"text\":\"Part 2/3\",\"reply\":{\"in_reply_to_tweet_id\":\"1700000000000000001\"}}");
        assertThat(FakeX.json(posts.get(3)).path("text").asText()).isEqualTo("Part 3/3");
        List<PublishEvent> events = luxaris.schedules().events(owner, schedule.id());
        assertThat(events)
                .extracting(PublishEvent::status)
                .containsExactly(PublishEventStatus.RETRIED, PublishEventStatus.SUCCESS);
        assertThat(events.get(0).errorMessage())
                .hasValueSatisfying(m -> assertThat(m).startsWith("part 2 of 3"));
        assertThat(events.get(1).externalPostId()).contains("1700000000000000001");
    }

    @Test
    void rateLimited_isRetriedNoEarlierThanXsResetTime() {
        Instant reset = clock.instant().plus(Duration.ofMinutes(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        fake.script("POST /2/tweets", FakeX.tooManyRequests(reset.getEpochSecond()));
        Schedule schedule = schedule(VariantDraft.of("x", "Throttled"), Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        luxaris.publishing().runDue();

        Schedule retrying = luxaris.schedules().get(owner, schedule.id());
        assertThat(retrying.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(retrying.errorCode()).contains("rate_limited");
        assertThat(retrying.nextAttemptAt()).isAfterOrEqualTo(reset);
    }
}
