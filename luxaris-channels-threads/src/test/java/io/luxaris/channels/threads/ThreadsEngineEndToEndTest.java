package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
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
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The publishing engine with the Threads channel against the fake Threads server: in-memory storage, a settable
 * clock, image bytes from the host's media source (Meta gets their public URL), a thread, {@code runDue()}.
 */
class ThreadsEngineEndToEndTest {
    private final Principal owner = Principal.of("owner");
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-11-24T09:00:00Z"));
    private final List<LuxarisEvent> seen = new CopyOnWriteArrayList<>();
    private final List<MediaRef> opened = new CopyOnWriteArrayList<>();
    private final MediaSource library = ref -> {
        opened.add(ref);
        if (ref.ref().equals("chart.png")) {
            return MediaContent.of("image/png", Fixtures.PNG);
        }
        return MediaSource.none().open(ref);
    };

    @AutoClose
    private final FakeThreads fake = new FakeThreads().clock(clock);

    private final Credentials credentials = fake.credentials();

    @AutoClose
    private final Luxaris luxaris = Luxaris.builder()
            .channel(ThreadsChannel.builder()
                    .baseUrl(fake.url())
                    .mediaUrls(media -> URI.create("https://cdn.example.com/media/" + media.ref()))
                    .sleeper(clock::advance)
                    .build())
            .clock(clock)
            .mediaSource(library)
            .listener(seen::add)
            .build();

    private final ChannelConnection account =
            luxaris.channels().connect(owner, ConnectionRequest.of("threads", "@luxaris_dev", credentials));

    private Schedule schedule(VariantDraft variant, Duration in) {
        return EngineSchedules.schedule(
                luxaris, owner, "launch", variant, account.id(), clock.instant().plus(in));
    }

    @Test
    void aScheduledThreadWithAnImage_isPublishedOnce_andItsOutcomeIsStored() throws Exception {
        fake.inProgressReads(1);
        Schedule schedule = schedule(
                VariantDraft.of("threads", "Q3 is in: https://example.com/q3 🎉")
                        .withMedia(List.of(MediaRef.image("chart.png", "Chart of Q3")))
                        .withThread(List.of("Revenue grew 12%.", "Thanks to everyone who helped!")),
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
                .extracting(fake::route)
                .containsExactly(
                        "GET /v1.0/me",
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "GET /v1.0/{container}",
                        "GET /v1.0/{user}/threads_publishing_limit",
                        "POST /v1.0/{user}/threads_publish",
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "GET /v1.0/{container}",
                        "POST /v1.0/{user}/threads_publish",
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "GET /v1.0/{container}",
                        "POST /v1.0/{user}/threads_publish",
                        "GET /v1.0/{media}");
        List<FakeThreads.Post> posts = fake.posts();
        assertThat(posts).hasSize(3);
        String root = posts.get(2).id();
        assertThat(FakeThreads.form(requests.get(1)))
                .containsEntry("media_type", "IMAGE")
                .containsEntry("image_url", "https://cdn.example.com/media/chart.png")
                .containsEntry("alt_text", "Chart of Q3")
                .containsEntry("text", "Q3 is in: https://example.com/q3 🎉")
                .containsEntry("access_token", credentials.accessToken().orElseThrow());
        assertThat(FakeThreads.form(requests.get(6)))
                .containsEntry("media_type", "TEXT")
                .containsEntry("reply_to_id", root);
        assertThat(FakeThreads.form(requests.get(10)))
                .containsEntry("reply_to_id", posts.get(1).id());
        assertThat(opened).extracting(MediaRef::ref).containsExactly("chart.png");

        Schedule done = luxaris.schedules().get(owner, schedule.id());
        assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(done.externalPostId()).contains(root);
        assertThat(done.checkpoint())
                .containsEntry("threads.part.0", root)
                .containsEntry("threads.part.2", posts.get(0).id());
        assertThat(luxaris.schedules().events(owner, schedule.id()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.status()).isEqualTo(PublishEventStatus.SUCCESS);
                    assertThat(event.externalPostId()).contains(root);
                    assertThat(event.externalUrl()).hasValueSatisfying(url -> assertThat(url)
                            .startsWith("https://www.threads.com/@luxaris_dev/post/"));
                    assertThat(event.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                            .contains(root)
                            .doesNotContain(credentials.accessToken().orElseThrow()));
                });
        assertThat(luxaris.posts().get(owner, done.postId()).post().status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(luxaris.channels().get(owner, account.id()).properties())
                .containsEntry(ThreadsChannel.PROPERTY_USER_ID, FakeThreads.USER_ID)
                .containsEntry(ThreadsChannel.PROPERTY_USERNAME, FakeThreads.USERNAME)
                .containsKey(ThreadsChannel.PROPERTY_PENDING_CONTAINER);
        assertThat(seen).filteredOn(LuxarisEvent.Published.class::isInstance).hasSize(1);
    }

    @Test
    void anUnansweredPublish_isReconciledByTheEngine_throughTheContainer_andNeverPostedTwice() throws Exception {
        fake.afterHandling("POST /v1.0/{user}/threads_publish", answer -> answer.newBuilder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        Schedule schedule = schedule(VariantDraft.of("threads", "Did it go out?"), Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        var report = luxaris.publishing().runDue();

        assertThat(report.published()).isEqualTo(1);
        Schedule done = luxaris.schedules().get(owner, schedule.id());
        assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(done.externalPostId()).contains(fake.posts().get(0).id());
        assertThat(luxaris.schedules().events(owner, schedule.id()))
                .extracting(PublishEvent::status)
                .containsExactly(PublishEventStatus.UNCONFIRMED, PublishEventStatus.SUCCESS);
        assertThat(fake.posts()).hasSize(1);
        assertThat(fake.republished()).isZero();
    }

    @Test
    void aThreadFailingAtPartTwo_isRetriedByTheEngine_fromPartTwo_withItsContainer() throws Exception {
        fake.script("POST /v1.0/{user}/threads_publish", FakeThreads.pass(), FakeThreads.serviceUnavailable());
        Schedule schedule = schedule(
                VariantDraft.of("threads", "Part 1/3").withThread(List.of("Part 2/3", "Part 3/3")),
                Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        assertThat(luxaris.publishing().runDue().retried()).isEqualTo(1);
        Schedule retrying = luxaris.schedules().get(owner, schedule.id());
        assertThat(retrying.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(retrying.checkpoint())
                .containsEntry("threads.part.0", fake.posts().get(0).id())
                .containsEntry("threads.container.1", fake.containers().get(1).id)
                .containsEntry("threads.failed_part", "1");
        clock.set(retrying.nextAttemptAt());
        assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);

        assertThat(fake.posts()).extracting(FakeThreads.Post::text).containsExactly("Part 3/3", "Part 2/3", "Part 1/3");
        assertThat(fake.containers()).hasSize(3);
        List<PublishEvent> events = luxaris.schedules().events(owner, schedule.id());
        assertThat(events)
                .extracting(PublishEvent::status)
                .containsExactly(PublishEventStatus.RETRIED, PublishEventStatus.SUCCESS);
        assertThat(events.get(0).errorMessage())
                .hasValueSatisfying(m -> assertThat(m).startsWith("part 2 of 3"));
    }

    @Test
    void aFullQuota_defersThePost_untilTheWindowHasRoom() {
        fake.quotaUsedElsewhere(249, 0);
        fake.addPost("Posted this morning", clock.instant().minus(Duration.ofHours(3)), null);
        Schedule schedule = schedule(VariantDraft.of("threads", "Over quota"), Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        luxaris.publishing().runDue();

        Schedule retrying = luxaris.schedules().get(owner, schedule.id());
        assertThat(retrying.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(retrying.errorCode()).contains("publishing_quota");
        assertThat(retrying.nextAttemptAt()).isAfterOrEqualTo(Instant.parse("2026-11-25T06:01:00Z"));
        assertThat(fake.posts()).hasSize(1);
        assertThat(Map.copyOf(retrying.checkpoint())).containsKey("threads.container.0");
    }
}
