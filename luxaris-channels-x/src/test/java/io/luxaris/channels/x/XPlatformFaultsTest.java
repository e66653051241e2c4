package io.luxaris.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.http.testing.PlatformFaults;
import io.luxaris.http.testing.SleepingClock;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the X channel stands up to a misbehaving platform: slow, huge, redirecting answers and echoed tokens. */
class XPlatformFaultsTest {
    private static final MediaSource LIBRARY = ref -> MediaContent.of(
            ref.kind() == io.luxaris.domain.MediaKind.IMAGE ? "image/png" : "video/mp4",
            "fake-media-bytes".getBytes(StandardCharsets.US_ASCII));

    @AutoClose
    private final MockWebServer elsewhere = PlatformFaults.startedServer();

    @AutoClose
    private final FakeX fake = new FakeX();

    private Credentials credentials = fake.credentials(Instant.now());

    @BeforeAll
    static void warmUp() throws IOException {
        PlatformFaults.warmUp();
    }

    private PublishOutcome publish(XChannel.Builder builder, String text, List<MediaRef> media) {
        try (ChannelPublisher publisher = builder.build().createPublisher(Fixtures.environment(LIBRARY))) {
            return publisher.publish(
                    Fixtures.request(
                            Fixtures.variant(text, List.of(), media),
                            Fixtures.connection(Map.of(XChannel.PROPERTY_USERNAME, FakeX.USERNAME))),
                    new Fixtures.Context(credentials, Clock.systemUTC(), LIBRARY));
        }
    }

    private PublishOutcome.Failed postFailsWith(MockResponse response) {
        fake.script("POST /2/tweets", response);
        PublishOutcome outcome = publish(Fixtures.channel(fake).callTimeout(Duration.ofSeconds(3)), "Hello", List.of());
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        return (PublishOutcome.Failed) outcome;
    }

    @Test
    void aPostAnswerTrickledByteByByte_endsAtTheCallTimeout_asUnknown() {
        PublishOutcome.Failed f = postFailsWith(PlatformFaults.trickling(201));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("timeout_after_send");
    }

    @Test
    void aHugePostAnswer_isNotRead_andTheOutcomeIsUnknown() {
        var written = new AtomicLong();

        PublishOutcome.Failed f = postFailsWith(PlatformFaults.huge(201, written));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("response_too_large");
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aRefusalWithAHugeBody_isStillRejected() {
        var written = new AtomicLong();

        PublishOutcome.Failed f = postFailsWith(PlatformFaults.huge(400, written));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("invalid_request");
        assertThat(f.rawResponse())
                .hasValueSatisfying(raw ->
                        assertThat(raw).startsWith("HTTP 400 POST /2/tweets").hasSizeLessThanOrEqualTo(4_096));
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aRedirectedPost_isNotFollowed_andIsUnknown_neverRetried() {
        elsewhere.enqueue(new MockResponse.Builder().code(201).body("{}").build());

        PublishOutcome.Failed f = postFailsWith(PlatformFaults.redirect(307, elsewhere.url("/2/tweets")));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("unexpected_redirect");
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aRedirectedUpload_isNotFollowed_andNothingIsPosted() throws Exception {
        elsewhere.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        fake.script("POST /2/media/upload", PlatformFaults.redirect(302, elsewhere.url("/upload")));

        PublishOutcome outcome = publish(Fixtures.channel(fake), "With a picture", List.of(MediaRef.image("img")));

        Outcomes.failed(outcome, FailureKind.REJECTED, "media_unexpected_redirect");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(fake.takeAll()).extracting(FakeX::route).doesNotContain("POST /2/tweets");
    }

    @Test
    void aTokenEchoedUrlEncodedAndJsonEscaped_isRedactedInTheRawResponse() {
        String token = "AAAA/bearer+token=with/slashes";
        credentials = Credentials.bearer(token);
        String echo = PlatformFaults.echoed(token);

        PublishOutcome.Failed f = postFailsWith(FakeX.problem(
                403, "{\"title\":\"Forbidden\",\"detail\":\"" + echo + "\",\"type\":\"about:blank\",\"status\":403}"));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .contains("the token [REDACTED] (also [REDACTED], [REDACTED], [REDACTED]) is not valid here")
                .doesNotContain("bearer%2Btoken", "bearer+token", "with%2fslashes", "with\\/slashes"));
        assertThat(f.safeMessage()).doesNotContain("bearer%2Btoken", "with\\/slashes", "bearer\\u002Btoken");
    }

    @Test
    void theDryRunPreview_scrubsTheUrlToo() {
        var previews = new ArrayList<XRequestPreview>();
        XChannel channel = XChannel.builder()
                .baseUrl(fake.url() + "?access_token=proxy-secret-123")
                .dryRun(previews::add)
                .build();
        try (ChannelPublisher publisher = channel.createPublisher(Fixtures.environment())) {
            publisher.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(credentials));
        }

        assertThat(previews).isNotEmpty().allSatisfy(p -> assertThat(p.url())
                .doesNotContain("proxy-secret-123")
                .contains("access_token=[REDACTED]"));
    }

    @Test
    void mediaProcessingWaits_goThroughTheHostsClock_notRealTime() {
        String id = fake.nextMediaId();
        fake.script("POST /2/media/upload/{id}/finalize", FakeX.processing(id, "pending", 600));
        fake.script("GET /2/media/upload", FakeX.processing(id, "in_progress", 900), FakeX.succeeded(id));
        var clock = new SleepingClock();
        ChannelEnvironment environment = ChannelEnvironment.of(clock, LIBRARY);
        XChannel channel = XChannel.builder()
                .baseUrl(fake.url())
                .mediaProcessingTimeout(Duration.ofHours(1))
                .build();

        PublishOutcome outcome;
        try (ChannelPublisher publisher = channel.createPublisher(environment)) {
            outcome = publisher.publish(
                    Fixtures.request(
                            Fixtures.variant("Watch this", List.of(), List.of(MediaRef.video("clip"))),
                            Fixtures.connection(Map.of(XChannel.PROPERTY_USERNAME, FakeX.USERNAME))),
                    new Fixtures.Context(credentials, clock, LIBRARY));
        }

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(clock.sleeps()).containsExactly(Duration.ofMinutes(10), Duration.ofMinutes(15));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-24T10:25:00Z"));
    }

    @Test
    void aSleeperGivenOnTheBuilder_isUsedInsteadOfTheEnvironments() {
        String id = fake.nextMediaId();
        fake.script("POST /2/media/upload/{id}/finalize", FakeX.processing(id, "pending", 600));
        fake.script("GET /2/media/upload", FakeX.succeeded(id));
        var recorded = new ArrayList<Duration>();

        PublishOutcome outcome = publish(
                XChannel.builder()
                        .baseUrl(fake.url())
                        .mediaProcessingTimeout(Duration.ofHours(1))
                        .sleeper(recorded::add),
                "Watch this",
                List.of(MediaRef.video("clip")));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(recorded).containsExactly(Duration.ofMinutes(10));
    }
}
