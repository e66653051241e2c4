package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.testing.PlatformFaults;
import io.luxaris.http.testing.SleepingClock;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the Threads channel stands up to a misbehaving platform: slow, huge, redirecting answers and echoed tokens. */
class ThreadsPlatformFaultsTest {
    private static final String CREATE = "POST /v1.0/{user}/threads";
    private static final String PUBLISH = "POST /v1.0/{user}/threads_publish";

    @AutoClose
    private final MockWebServer elsewhere = PlatformFaults.startedServer();

    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    private Credentials credentials = fake.credentials();

    @BeforeAll
    static void warmUp() throws IOException {
        PlatformFaults.warmUp();
    }

    private PublishOutcome.Failed failsAt(String route, MockResponse response) {
        fake.script(route, response);
        try (ChannelPublisher publisher =
                Fixtures.publisher(Fixtures.channel(fake).callTimeout(Duration.ofSeconds(3)))) {
            PublishOutcome outcome =
                    publisher.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(credentials));
            assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
            return (PublishOutcome.Failed) outcome;
        }
    }

    @Test
    void aPublishAnswerTrickledByteByByte_endsAtTheCallTimeout_asUnknown() {
        PublishOutcome.Failed f = failsAt(PUBLISH, PlatformFaults.trickling(200));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("timeout_after_send");
        assertThat(f.checkpoint()).containsKey("threads.container.0");
    }

    @Test
    void aContainerAnswerTrickled_endsAtTheCallTimeout_asRetryable_aContainerIsNoPost() {
        PublishOutcome.Failed f = failsAt(CREATE, PlatformFaults.trickling(200));

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.code()).isEqualTo("timeout");
    }

    @Test
    void aHugePublishAnswer_isNotRead_andTheOutcomeIsUnknown() {
        var written = new AtomicLong();

        PublishOutcome.Failed f = failsAt(PUBLISH, PlatformFaults.huge(200, written));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("response_too_large");
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aRefusalWithAHugeBody_isStillRejected_byItsStatus() {
        var written = new AtomicLong();

        PublishOutcome.Failed f = failsAt(CREATE, PlatformFaults.huge(400, written));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("http_400");
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .startsWith("HTTP 400 POST /v1.0/" + FakeThreads.USER_ID + "/threads")
                .hasSizeLessThanOrEqualTo(4_096));
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aRedirectedPublish_isNotFollowed_andIsUnknown_neverRepeated() throws Exception {
        elsewhere.enqueue(
                new MockResponse.Builder().code(200).body("{\"id\":\"1\"}").build());

        PublishOutcome.Failed f = failsAt(PUBLISH, PlatformFaults.redirect(307, elsewhere.url("/threads_publish")));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("unexpected_redirect");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(fake.routes()).filteredOn(PUBLISH::equals).hasSize(1);
    }

    @Test
    void aRedirectedContainer_isRejected_theTokenGoesNowhereElse_andNothingIsPublished() throws Exception {
        PublishOutcome.Failed f = failsAt(CREATE, PlatformFaults.redirect(302, elsewhere.url("/v1.0/me/threads")));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("unexpected_redirect");
        assertThat(f.safeMessage()).contains("redirects are not followed");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(fake.routes()).containsExactly(CREATE);
    }

    @Test
    void aTokenEchoedUrlEncodedAndJsonEscaped_isRedactedInTheRawResponse() {
        String token = "THQVJ/long+lived=token/with/slashes";
        credentials = Credentials.of(Map.of(Credentials.ACCESS_TOKEN, token));
        String echo = PlatformFaults.echoed(token);

        PublishOutcome.Failed f = failsAt(
                CREATE,
                FakeThreads.json(
                        400,
                        "{\"error\":{\"message\":\"" + echo.replace("\"", "\\\"") + "\",\"type\":\"OAuthException\","
                                + "\"code\":100}}"));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .contains("[REDACTED]")
                .doesNotContain("long%2Blived", "long+lived", "with%2fslashes", "with\\\\/slashes", "with/slashes"));
        assertThat(f.safeMessage()).doesNotContain("long%2Blived", "long+lived", "with/slashes", "with\\/slashes");
        assertThat(f.toString()).doesNotContain("long+lived");
    }

    @Test
    void theDryRunPreview_scrubsTheUrlToo() {
        var previews = new ArrayList<ThreadsRequestPreview>();
        ThreadsChannel channel = ThreadsChannel.builder()
                .baseUrl(fake.url() + "?access_token=proxy-secret-123")
                .dryRun(previews::add)
                .build();
        try (ChannelPublisher publisher = channel.createPublisher(Fixtures.environment())) {
            publisher.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(credentials));
        }

        assertThat(previews).isNotEmpty().allSatisfy(p -> assertThat(p.url())
                .doesNotContain("proxy-secret-123")
                .doesNotContain(credentials.accessToken().orElseThrow())
                .contains("access_token=[REDACTED]"));
    }

    @Test
    void containerPolls_waitThroughTheHostsClock_notRealTime() {
        fake.inProgressReads(3);
        var clock = new SleepingClock();
        fake.clock(clock);
        credentials = fake.credentials();
        ChannelEnvironment environment = ChannelEnvironment.of(clock, MediaSource.none());
        ThreadsChannel channel = ThreadsChannel.builder()
                .baseUrl(fake.url())
                .pollInterval(Duration.ofSeconds(30))
                .containerTimeout(Duration.ofMinutes(5))
                .build();

        PublishOutcome outcome;
        try (ChannelPublisher publisher = channel.createPublisher(environment)) {
            outcome = publisher.publish(
                    Fixtures.request(
                            Fixtures.variant("Waiting", java.util.List.of(), java.util.List.of(), clock.instant())),
                    new Fixtures.Context(credentials, clock, MediaSource.none()));
        }

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(clock.sleeps())
                .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-24T10:01:30Z"));
    }
}
