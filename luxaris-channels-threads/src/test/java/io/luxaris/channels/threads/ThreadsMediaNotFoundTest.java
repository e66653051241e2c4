package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Meta's transient "Media Not Found" (code 24, subcode 4279009) right after a container reported FINISHED: wait,
 * check the container (published meanwhile: found, not published again), otherwise make a new one; bounded.
 */
class ThreadsMediaNotFoundTest {
    private final List<Duration> waits = new ArrayList<>();

    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    private final Credentials credentials = fake.credentials();

    @AutoClose
    private final ChannelPublisher publisher = Fixtures.publisher(Fixtures.channel(fake, waits::add));

    private PublishOutcome publish(String text) {
        return publisher.publish(Fixtures.request(Fixtures.variant(text)), new Fixtures.Context(credentials));
    }

    @Test
    void mediaNotFoundOnce_isWaitedOut_andANewContainerIsPublished() throws Exception {
        fake.mediaNotFound(1, false);
        String first = fake.nextContainerId();

        PublishOutcome outcome = publish("Right after FINISHED");

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(fake.routes())
                .containsExactly(
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "GET /v1.0/{user}/threads_publishing_limit",
                        "POST /v1.0/{user}/threads_publish",
                        "GET /v1.0/{container}",
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "POST /v1.0/{user}/threads_publish",
                        "GET /v1.0/{media}");
        assertThat(fake.containers()).hasSize(2);
        assertThat(fake.container(first).status).isEqualTo("FINISHED");
        assertThat(fake.posts()).hasSize(1);
    }

    @Test
    void aContainerThatVanishedWithTheError_isMadeAgain() throws Exception {
        fake.mediaNotFound(1, true);
        String first = fake.nextContainerId();

        PublishOutcome outcome = publish("Vanished");

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(fake.container(first)).isNull();
        assertThat(fake.posts()).hasSize(1);
    }

    @Test
    void aContainerPublishedDespiteTheError_isFound_andNotPublishedAgain() throws Exception {
        fake.mediaNotFound(1, false);
        String first = fake.nextContainerId();
        var published = new ArrayList<String>();
        try (ChannelPublisher sneaky = Fixtures.publisher(Fixtures.channel(fake, d -> {
            // while the publisher waits, Threads turns out to have published the container after all
            published.add(fake.publishBehindTheScenes(first));
        }))) {
            PublishOutcome outcome = sneaky.publish(
                    Fixtures.request(Fixtures.variant("Published anyway")), new Fixtures.Context(credentials));

            assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> assertThat(p.externalId())
                    .isEqualTo(published.get(0)));
        }
        assertThat(fake.containers()).hasSize(1);
        assertThat(fake.posts()).hasSize(1);
        assertThat(fake.republished()).isZero();
    }

    @Test
    void mediaNotFoundEveryTime_givesUpAfterThreeTries_asRetryable_withTheLastContainerKept() throws Exception {
        fake.mediaNotFound(3, false);

        PublishOutcome outcome = publish("Never found");

        assertThat(Outcomes.failed(outcome, FailureKind.RETRYABLE, "media_not_found"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("3 times");
                    assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                            .contains("4279009")
                            .doesNotContain(credentials.accessToken().orElseThrow()));
                    assertThat(f.checkpoint())
                            .containsOnlyKeys("threads.container.0")
                            .containsValue(fake.containers().get(2).id);
                });
        assertThat(fake.routes())
                .filteredOn("POST /v1.0/{user}/threads_publish"::equals)
                .hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(fake.posts()).isEmpty();
    }

    @Test
    void theNumberOfTries_isConfigurable() throws Exception {
        fake.mediaNotFound(5, false);
        try (ChannelPublisher once = Fixtures.publisher(Fixtures.channel(fake).publishTries(1))) {
            PublishOutcome outcome =
                    once.publish(Fixtures.request(Fixtures.variant("Once only")), new Fixtures.Context(credentials));

            assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.code())
                    .isEqualTo("media_not_found"));
        }
        assertThat(fake.routes())
                .filteredOn("POST /v1.0/{user}/threads_publish"::equals)
                .hasSize(1);
    }
}
