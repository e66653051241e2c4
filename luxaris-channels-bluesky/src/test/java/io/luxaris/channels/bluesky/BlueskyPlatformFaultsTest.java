package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.http.testing.PlatformFaults;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the Bluesky channel stands up to a misbehaving PDS: slow, huge, redirecting answers and echoed tokens. */
class BlueskyPlatformFaultsTest {
    private static final MediaSource LIBRARY = Fixtures.library(Map.of("logo.png", Fixtures.png(400, 300, 512)));

    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    @AutoClose
    private final MockWebServer elsewhere = PlatformFaults.startedServer();

    @BeforeAll
    static void warmUp() throws IOException {
        PlatformFaults.warmUp();
    }

    private PublishOutcome publish(PublishRequest request, Credentials credentials) {
        try (ChannelPublisher publisher = Fixtures.channel(fake)
                .callTimeout(Duration.ofSeconds(3))
                .build()
                .createPublisher(Fixtures.environment(LIBRARY))) {
            return publisher.publish(request, new Fixtures.Context(credentials, Clock.systemUTC(), LIBRARY));
        }
    }

    private PublishOutcome.Failed postFailsWith(MockResponse response) {
        fake.script("POST com.atproto.repo.createRecord", response);
        PublishOutcome outcome = publish(Fixtures.request(Fixtures.variant("Hello")), fake.session());
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        return (PublishOutcome.Failed) outcome;
    }

    @Test
    void aPostAnswerTrickledByteByByte_endsAtTheCallTimeout_asUnknown() {
        PublishOutcome.Failed f = postFailsWith(PlatformFaults.trickling(200));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("timeout_after_send");
    }

    @Test
    void aHugePostAnswer_isNotRead_andTheOutcomeIsUnknown_thenSettledByTheRecordKey() {
        var written = new AtomicLong();
        PublishRequest request = Fixtures.request(Fixtures.variant("Hello"));
        fake.script("POST com.atproto.repo.createRecord", PlatformFaults.huge(200, written));
        Credentials session = fake.session();

        PublishOutcome outcome = publish(request, session);

        Outcomes.failed(outcome, FailureKind.UNKNOWN, "response_too_large");
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
        // nothing was created behind the huge answer: the key is free, so a new attempt is safe
        try (ChannelPublisher publisher = Fixtures.channel(fake).build().createPublisher(Fixtures.environment())) {
            assertThat(publisher.lookup(request, new Fixtures.Context(session)))
                    .isInstanceOf(LookupResult.Absent.class);
        }
    }

    @Test
    void aRefusalWithAHugeBody_isStillRejected() {
        var written = new AtomicLong();

        PublishOutcome.Failed f = postFailsWith(PlatformFaults.huge(400, written));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .startsWith("HTTP 400 POST /xrpc/com.atproto.repo.createRecord")
                .hasSizeLessThanOrEqualTo(4_096));
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aRedirectedPost_isNotFollowed_andIsUnknown_neverRetried() {
        elsewhere.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        PublishOutcome.Failed f =
                postFailsWith(PlatformFaults.redirect(307, elsewhere.url("/xrpc/com.atproto.repo.createRecord")));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("unexpected_redirect");
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aRedirectedUpload_isNotFollowed_noByteGoesElsewhere_andNothingIsPosted() throws Exception {
        elsewhere.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        fake.script("POST com.atproto.repo.uploadBlob", PlatformFaults.redirect(302, elsewhere.url("/upload")));

        PublishOutcome outcome = publish(
                Fixtures.request(Fixtures.variant("With a picture", List.of(), List.of(MediaRef.image("logo.png")))),
                fake.session());

        Outcomes.failed(outcome, FailureKind.REJECTED, "media_unexpected_redirect");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(FakeBluesky.routes(fake.takeAll())).doesNotContain("POST com.atproto.repo.createRecord");
    }

    @Test
    void aRedirectedLogin_neverTakesTheAppPasswordElsewhere() {
        elsewhere.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        fake.script(
                "POST com.atproto.server.createSession",
                PlatformFaults.redirect(307, elsewhere.url("/xrpc/com.atproto.server.createSession")));

        PublishOutcome outcome = publish(
                Fixtures.request(Fixtures.variant("Hello"), Fixtures.connection(FakeBluesky.properties())),
                FakeBluesky.appPassword());

        Outcomes.failed(outcome, FailureKind.REJECTED, "login_unexpected_redirect");
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aTokenEchoedUrlEncodedAndJsonEscaped_isRedactedInTheRawResponse_evenAfterItWasRotatedAway() {
        String token = "eyJhbGciOiJIUzI1NiJ9/acc+ess=token";
        fake.script(
                "POST com.atproto.repo.createRecord",
                FakeBluesky.json(
                        400, "{\"error\":\"InvalidToken\",\"message\":\"" + PlatformFaults.echoed(token) + "\"}"),
                FakeBluesky.json(
                        400, "{\"error\":\"InvalidToken\",\"message\":\"" + PlatformFaults.echoed(token) + "\"}"));
        // the refused token is refreshed (rotated away) before the second refusal echoes it again
        Credentials credentials = fake.session().with(Credentials.ACCESS_TOKEN, token);

        PublishOutcome outcome = publish(Fixtures.request(Fixtures.variant("Hello")), credentials);

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.AUTH_EXPIRED);
            assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                    .contains("the token [REDACTED] (also [REDACTED], [REDACTED], [REDACTED]) is not valid here")
                    .doesNotContain("acc%2Bess", "acc+ess", "acc\\u002Bess", "9\\/acc"));
            assertThat(f.safeMessage()).doesNotContain("acc%2Bess", "acc+ess", "9\\/acc");
        });
    }
}
