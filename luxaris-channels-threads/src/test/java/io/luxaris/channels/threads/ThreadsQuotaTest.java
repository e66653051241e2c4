package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** 250 API posts per 24 hours: the quota endpoint is read before publishing; a full quota defers the post. */
class ThreadsQuotaTest {
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-11-24T10:00:00Z"));

    @AutoClose
    private final FakeThreads fake = new FakeThreads().clock(clock);

    private final Credentials credentials = fake.credentials();

    private PublishOutcome publish(PublishRequest request) {
        try (ChannelPublisher publisher = Fixtures.publisher(Fixtures.channel(fake))) {
            return publisher.publish(request, new Fixtures.Context(credentials, clock, MediaSource.none()));
        }
    }

    private PublishRequest request(String text) {
        return Fixtures.request(Fixtures.variant(text, List.of(), List.of(), clock.instant()));
    }

    @Test
    void aUsedUpQuota_isRateLimited_untilTheOldestPostOfTheWindowLeavesIt() throws Exception {
        fake.quotaUsedElsewhere(249, 0);
        fake.addPost("The oldest of the day", clock.instant().minus(Duration.ofHours(20)), null);
        fake.addPost("A recent one", clock.instant().minus(Duration.ofHours(1)), null);
        String container = fake.nextContainerId();

        PublishOutcome outcome = publish(request("One too many"));

        Instant expected = Instant.parse("2026-11-24T14:01:00Z"); // 20 hours ago + 24 hours + a minute
        assertThat(Outcomes.failed(outcome, FailureKind.RATE_LIMITED, "publishing_quota"))
                .satisfies(f -> {
                    assertThat(f.retryAt()).contains(expected);
                    assertThat(f.safeMessage()).contains("251 of 250").contains(expected.toString());
                    assertThat(f.checkpoint()).containsEntry("threads.container.0", container);
                });
        assertThat(fake.routes())
                .containsExactly(
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "GET /v1.0/{user}/threads_publishing_limit",
                        "GET /v1.0/{user}/threads");
        assertThat(fake.posts()).hasSize(2);
    }

    @Test
    void aUsedUpQuotaWithNothingToSee_isRateLimitedForAWholeWindow() {
        fake.quotaUsedElsewhere(250, 0);

        PublishOutcome outcome = publish(request("Nothing visible"));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.retryAt())
                .contains(clock.instant().plus(Duration.ofDays(1))));
    }

    @Test
    void aQuotaWithRoom_publishes() {
        fake.quotaUsedElsewhere(249, 0);

        assertThat(publish(request("The last one today"))).isInstanceOf(PublishOutcome.Published.class);
    }

    @Test
    void aQuotaEndpointThatFails_doesNotStopThePost() {
        fake.script("GET /v1.0/{user}/threads_publishing_limit", FakeThreads.serviceUnavailable());

        assertThat(publish(request("Quota unknown"))).isInstanceOf(PublishOutcome.Published.class);
    }

    @Test
    void thePublishingLimitRefusedByThreadsPublish_isRateLimited_andTheContainerKept() {
        fake.script(
                "GET /v1.0/{user}/threads_publishing_limit",
                FakeThreads.json(200, "{\"data\":[{\"quota_usage\":3,\"config\":{\"quota_total\":250}}]}"));
        fake.quotaUsedElsewhere(250, 0);

        PublishOutcome outcome = publish(request("Refused at publish"));

        assertThat(Outcomes.failed(outcome, FailureKind.RATE_LIMITED, "publishing_limit"))
                .satisfies(f -> {
                    assertThat(f.checkpoint()).containsKey("threads.container.0");
                });
    }

    @Test
    void theQuota_isReadOncePerAttempt_notPerPart() throws Exception {
        publish(Fixtures.request(Fixtures.variant("One", List.of("Two", "Three"), List.of(), clock.instant())));

        assertThat(fake.routes())
                .filteredOn("GET /v1.0/{user}/threads_publishing_limit"::equals)
                .hasSize(1);
    }
}
