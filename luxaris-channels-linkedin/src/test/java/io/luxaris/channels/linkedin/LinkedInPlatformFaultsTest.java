package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.testing.PlatformFaults;
import io.luxaris.spi.channel.PublishOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the LinkedIn channel stands up to a misbehaving platform: slow, huge, redirecting answers and echoed tokens. */
class LinkedInPlatformFaultsTest {
    @AutoClose
    private final MockWebServer elsewhere = PlatformFaults.startedServer();

    @AutoClose
    private final FakeLinkedIn linkedIn = new FakeLinkedIn();

    private Credentials credentials = linkedIn.credentials(Fixtures.NOW);
    private final Fixtures.Media media = new Fixtures.Media();

    @BeforeAll
    static void warmUp() throws IOException {
        PlatformFaults.warmUp();
    }

    private PublishOutcome.Failed failed(List<MediaRef> images) {
        PublishOutcome outcome = Fixtures.publish(
                linkedIn.channel().callTimeout(Duration.ofSeconds(3)).build(),
                Fixtures.request(Fixtures.variant("Launch day", images, Map.of())),
                new Fixtures.Context(credentials, Fixtures.clock(), media));
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        return (PublishOutcome.Failed) outcome;
    }

    private PublishOutcome.Failed postFailsWith(MockResponse response) {
        linkedIn.script("POST /rest/posts", response);
        return failed(List.of());
    }

    @Test
    void aPostAnswerTrickledByteByByte_endsAtTheCallTimeout_asUnknown() {
        PublishOutcome.Failed f = postFailsWith(PlatformFaults.trickling(201));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("timeout");
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
        assertThat(f.code()).isEqualTo("bad_request");
        assertThat(f.rawResponse())
                .hasValueSatisfying(raw ->
                        assertThat(raw).startsWith("HTTP 400 POST /rest/posts").hasSizeLessThanOrEqualTo(4_096));
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aRedirectedPost_isNotFollowed_andIsUnknown_neverRetried() {
        elsewhere.enqueue(new MockResponse.Builder().code(201).build());

        PublishOutcome.Failed f = postFailsWith(PlatformFaults.redirect(308, elsewhere.url("/rest/posts")));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("unexpected_redirect");
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aRedirectedImageUpload_sendsNoByteToTheOtherHost_andThePostIsNotCreated() throws Exception {
        media.png("chart");
        elsewhere.enqueue(new MockResponse.Builder().code(201).build());
        linkedIn.script("PUT /dms-uploads", PlatformFaults.redirect(307, elsewhere.url("/dms-uploads/stolen")));

        PublishOutcome.Failed f = failed(List.of(MediaRef.image("chart")));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("unexpected_redirect");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(linkedIn.takeAll())
                .extracting(FakeLinkedIn::route)
                .containsExactly("POST /rest/images", "PUT /dms-uploads");
        assertThat(linkedIn.posts()).isEmpty();
    }

    @Test
    void aTokenEchoedUrlEncodedAndJsonEscaped_isRedactedInTheRawResponse() {
        String token = "AQX/li+access=token/0123456789";
        credentials = Credentials.of(Map.of(
                Credentials.ACCESS_TOKEN,
                token,
                Credentials.EXPIRES_AT,
                Fixtures.NOW.plus(Duration.ofDays(30)).toString()));

        PublishOutcome.Failed f = postFailsWith(FakeLinkedIn.json(
                403,
                "{\"status\":403,\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\",\"message\":\""
                        + PlatformFaults.echoed(token) + "\"}"));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("access_denied");
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .contains("the token [REDACTED] (also [REDACTED], [REDACTED], [REDACTED]) is not valid here")
                .doesNotContain("li%2Baccess", "li+access", "token%2f0123", "token\\/0123", "li\\u002Baccess"));
        assertThat(f.safeMessage()).doesNotContain("li%2Baccess", "token\\/0123", "li\\u002Baccess");
    }
}
