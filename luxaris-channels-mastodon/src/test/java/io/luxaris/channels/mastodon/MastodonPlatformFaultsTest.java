package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.http.testing.PlatformFaults;
import io.luxaris.http.testing.SleepingClock;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the Mastodon channel stands up to a misbehaving instance: slow, huge, redirecting answers, echoed tokens. */
class MastodonPlatformFaultsTest {
    @AutoClose
    private final MockWebServer elsewhere = PlatformFaults.startedServer();

    @AutoClose
    private final FakeMastodon fake = new FakeMastodon();

    private Credentials credentials = fake.credentials();

    @BeforeAll
    static void warmUp() throws IOException {
        PlatformFaults.warmUp();
    }

    private PublishOutcome publish(MastodonChannel.Builder builder, String text, List<MediaRef> media) {
        return Fixtures.publish(
                builder.build(),
                Fixtures.request(Fixtures.variant(text, List.of(), media), Fixtures.connection(fake)),
                new Fixtures.Context(credentials));
    }

    private PublishOutcome.Failed statusFailsWith(MockResponse response) {
        fake.script("POST /api/v1/statuses", response);
        PublishOutcome outcome = publish(Fixtures.channel().callTimeout(Duration.ofSeconds(3)), "Hello", List.of());
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        return (PublishOutcome.Failed) outcome;
    }

    @Test
    void aStatusAnswerTrickledByteByByte_endsAtTheCallTimeout_asUnknown() {
        PublishOutcome.Failed f = statusFailsWith(PlatformFaults.trickling(200));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("timeout_after_send");
    }

    @Test
    void aHugeStatusAnswer_isNotRead_andTheOutcomeIsUnknown() {
        var written = new AtomicLong();

        PublishOutcome.Failed f = statusFailsWith(PlatformFaults.huge(200, written));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("response_too_large");
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aRefusalWithAHugeBody_isStillARejection() {
        var written = new AtomicLong();

        PublishOutcome.Failed f = statusFailsWith(PlatformFaults.huge(422, written));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("validation_failed");
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .startsWith("HTTP 422 POST /api/v1/statuses")
                .hasSizeLessThanOrEqualTo(4_096));
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aRedirectedStatus_isNotFollowed_andIsUnknown_neverSentAgain() throws Exception {
        elsewhere.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        PublishOutcome.Failed f = statusFailsWith(PlatformFaults.redirect(307, elsewhere.url("/api/v1/statuses")));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("unexpected_redirect");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(fake.takeApiCalls()).extracting(FakeMastodon::route).containsExactly("POST /api/v1/statuses");
    }

    @Test
    void aRedirectedUpload_isNotFollowed_andNothingIsPosted() throws Exception {
        elsewhere.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        fake.script("POST /api/v2/media", PlatformFaults.redirect(302, elsewhere.url("/upload")));

        PublishOutcome outcome = publish(Fixtures.channel(), "With a picture", List.of(MediaRef.image("img.png")));

        Outcomes.failed(outcome, FailureKind.REJECTED, "media_unexpected_redirect");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(fake.takeAll()).extracting(FakeMastodon::route).doesNotContain("POST /api/v1/statuses");
    }

    @Test
    void aRedirectedInstanceRead_isNotFollowed_andTheDefaultsAreUsed() {
        fake.script("GET /api/v2/instance", PlatformFaults.redirect(301, elsewhere.url("/api/v2/instance")));

        MastodonInstance instance = Fixtures.channel().build().instance(Fixtures.connection(fake));

        assertThat(instance).isEqualTo(MastodonInstance.defaults());
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aHugeInstanceAnswer_isNotRead_andTheDefaultsAreUsed() {
        var written = new AtomicLong();
        fake.script("GET /api/v2/instance", PlatformFaults.huge(200, written));

        MastodonInstance instance = Fixtures.channel().build().instance(Fixtures.connection(fake));

        assertThat(instance).isEqualTo(MastodonInstance.defaults());
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aTokenEchoedUrlEncodedAndJsonEscaped_isRedactedInTheRawResponseAndMessage() {
        String token = "AAAA/bearer+token=with/slashes";
        credentials = fake.credentials(token, "write:statuses");
        String echo = PlatformFaults.echoed(token);

        PublishOutcome.Failed f = statusFailsWith(FakeMastodon.json(422, "{\"error\":\"" + echo + "\"}"));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .contains("the token [REDACTED] (also [REDACTED], [REDACTED], [REDACTED]) is not valid here")
                .doesNotContain("bearer%2Btoken", "bearer+token", "with%2fslashes", "with\\/slashes"));
        assertThat(f.safeMessage()).doesNotContain("bearer%2Btoken", "bearer+token", "with\\/slashes");
        assertThat(f.toString()).doesNotContain("bearer+token");
    }

    @Test
    void mediaProcessingWaits_goThroughTheHostsClock_notRealTime() {
        fake.asyncMedia(2);
        var clock = new SleepingClock();
        MastodonChannel channel = MastodonChannel.builder()
                .allowPlainHttpOnLoopback()
                .mediaPollInterval(Duration.ofSeconds(30))
                .mediaProcessingTimeout(Duration.ofMinutes(10))
                .build();

        PublishOutcome outcome;
        try (ChannelPublisher publisher = channel.createPublisher(Fixtures.environment(Fixtures.LIBRARY, clock))) {
            outcome = publisher.publish(
                    Fixtures.request(
                            Fixtures.variant("Watch this", List.of(), List.of(MediaRef.video("clip.mp4"))),
                            Fixtures.connection(fake)),
                    new Fixtures.Context(credentials, clock, Fixtures.LIBRARY));
        }

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(clock.sleeps())
                .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-24T10:01:30Z"));
    }

    @Test
    void noSecretAppearsInTheOutcomeOfASuccessfulPublish() {
        PublishOutcome outcome = publish(Fixtures.channel(), "Clean", List.of(MediaRef.image("clean.png", "alt")));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(outcome.toString()).doesNotContain(FakeMastodon.TOKEN);
        assertThat(outcome.rawResponse())
                .hasValueSatisfying(raw -> assertThat(raw).doesNotContain(FakeMastodon.TOKEN));
        assertThat(Map.copyOf(outcome.checkpoint()).values()).noneMatch(v -> v.contains(FakeMastodon.TOKEN));
    }
}
