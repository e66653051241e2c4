package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The container is the checkpoint: a later attempt (fresh publisher, as on another node or after a restart) reads
 * the recorded container's status and publishes it, finds its post, or replaces it; it never creates a second post.
 */
class ThreadsContainerRetryTest {
    private final SettableClock clock = SettableClock.at(Instant.now());

    @AutoClose
    private final FakeThreads fake = new FakeThreads().clock(clock);

    private final Credentials credentials = fake.credentials();
    private final List<Duration> waits = new ArrayList<>();

    private PublishOutcome publish(PublishRequest request) {
        return publish(request, new Fixtures.Context(credentials, clock, io.luxaris.spi.channel.MediaSource.none()));
    }

    private PublishOutcome publish(PublishRequest request, Fixtures.Context context) {
        try (ChannelPublisher publisher = Fixtures.publisher(Fixtures.channel(fake, waits))) {
            return publisher.publish(request, context);
        }
    }

    /** A first attempt that created its container and then failed at threads_publish with a 503. */
    private PublishOutcome.Failed failedAtPublish(PublishRequest request) {
        fake.script("POST /v1.0/{user}/threads_publish", FakeThreads.serviceUnavailable());
        PublishOutcome outcome = publish(request);
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        return (PublishOutcome.Failed) outcome;
    }

    @Test
    void aRetryWithAFinishedContainer_publishesThatContainer_andCreatesNoOther() throws Exception {
        PublishRequest first = Fixtures.request(Fixtures.variant("Second time lucky"));
        String container = fake.nextContainerId();
        PublishOutcome.Failed failed = failedAtPublish(first);
        assertThat(failed.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(failed.code()).isEqualTo("http_503");
        assertThat(failed.checkpoint()).containsExactly(Map.entry("threads.container.0", container));
        fake.takeAll();

        PublishOutcome outcome = publish(Fixtures.retry(first, failed.checkpoint()));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(fake.routes())
                .containsExactly(
                        "GET /v1.0/{container}",
                        "GET /v1.0/{user}/threads_publishing_limit",
                        "POST /v1.0/{user}/threads_publish",
                        "GET /v1.0/{media}");
        assertThat(fake.containers()).hasSize(1);
        assertThat(fake.posts()).hasSize(1);
    }

    @Test
    void aRetryWithAPublishedContainer_findsItsPost_andNeverPublishesItAgain() throws Exception {
        PublishRequest first = Fixtures.request(Fixtures.variant("Did it go out?"));
        String container = fake.nextContainerId();
        PublishOutcome.Failed failed = failedAtPublish(first);
        String published = fake.publishBehindTheScenes(container);
        fake.addPost("Something else entirely", clock.instant(), null);
        fake.takeAll();

        PublishOutcome outcome = publish(Fixtures.retry(first, failed.checkpoint()));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo(published);
            assertThat(p.checkpoint()).containsExactly(Map.entry("threads.part.0", published));
        });
        assertThat(fake.routes())
                .containsExactly("GET /v1.0/{container}", "GET /v1.0/{user}/threads", "GET /v1.0/{media}");
        assertThat(fake.republished()).isZero();
        assertThat(fake.posts()).hasSize(2);
    }

    @Test
    void aPublishedContainerWhosePostCannotBeFound_isUnknown_andNotPublishedAgain() throws Exception {
        PublishRequest first = Fixtures.request(Fixtures.variant("Lost in the list"));
        String container = fake.nextContainerId();
        PublishOutcome.Failed failed = failedAtPublish(first);
        fake.hidePost(fake.publishBehindTheScenes(container));

        PublishOutcome outcome = publish(Fixtures.retry(first, failed.checkpoint()));

        assertThat(Outcomes.failed(outcome, FailureKind.UNKNOWN, "published_not_found"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("is published").contains("not published again");
                });
        assertThat(fake.republished()).isZero();
        assertThat(fake.containers()).hasSize(1);
    }

    @Test
    void aContainerThatExpiredBeforeTheRetry_isReplacedByANewOne() throws Exception {
        PublishRequest first = Fixtures.request(Fixtures.variant("A day late"));
        String old = fake.nextContainerId();
        PublishOutcome.Failed failed = failedAtPublish(first);
        clock.advance(Duration.ofHours(25));
        fake.takeAll();

        PublishOutcome outcome = publish(Fixtures.retry(first, failed.checkpoint()));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(fake.container(old).status).isEqualTo("EXPIRED");
        assertThat(fake.routes())
                .containsExactly(
                        "GET /v1.0/{container}",
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "GET /v1.0/{user}/threads_publishing_limit",
                        "POST /v1.0/{user}/threads_publish",
                        "GET /v1.0/{media}");
        assertThat(fake.posts()).hasSize(1);
    }

    @Test
    void aRecordedContainerThreadsNoLongerKnows_isReplacedByANewOne() throws Exception {
        PublishRequest request = Fixtures.retry(
                Fixtures.request(Fixtures.variant("Gone")), Map.of("threads.container.0", "17889615691929999"));

        PublishOutcome outcome = publish(request);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(fake.routes()).startsWith("GET /v1.0/{media}", "POST /v1.0/{user}/threads");
        assertThat(fake.posts()).hasSize(1);
    }

    @Test
    void theContainerRecordedOnTheConnection_isUsed_whenTheCheckpointWasLost() throws Exception {
        PublishRequest first = Fixtures.request(Fixtures.variant("The process died"));
        String container = fake.nextContainerId();
        var context = new Fixtures.Context(credentials, clock, io.luxaris.spi.channel.MediaSource.none());
        fake.script("POST /v1.0/{user}/threads_publish", FakeThreads.serviceUnavailable());
        publish(first, context); // records the container on the connection, then fails at the 503
        fake.takeAll();
        var reloaded = Fixtures.connection(Map.of(
                ThreadsChannel.PROPERTY_USER_ID,
                FakeThreads.USER_ID,
                ThreadsChannel.PROPERTY_PENDING_CONTAINER,
                context.properties().get(ThreadsChannel.PROPERTY_PENDING_CONTAINER)));
        assertThat(reloaded.property(ThreadsChannel.PROPERTY_PENDING_CONTAINER))
                .contains(first.scheduleId() + " 0 " + container);

        // the next attempt knows nothing but the connection (no checkpoint: the outcome was never written)
        PublishOutcome outcome =
                publish(new PublishRequest(first.scheduleId(), 2, first.variant(), reloaded, Map.of()), context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(fake.routes()).startsWith("GET /v1.0/{container}").doesNotContain("POST /v1.0/{user}/threads");
        assertThat(fake.containers()).extracting(c -> c.id).containsExactly(container);
        assertThat(fake.posts()).hasSize(1);
    }

    @Test
    void aPendingContainerOfAnotherSchedule_isIgnored() throws Exception {
        var connection = Fixtures.connection(Map.of(
                ThreadsChannel.PROPERTY_USER_ID,
                FakeThreads.USER_ID,
                ThreadsChannel.PROPERTY_PENDING_CONTAINER,
                "01936f6e-8a9c-7d2e-9b1a-0c4d5e6f7a8b 0 17889615691929999"));

        PublishOutcome outcome = publish(Fixtures.request(Fixtures.variant("Mine"), connection));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(fake.routes()).first().isEqualTo("POST /v1.0/{user}/threads");
    }
}
