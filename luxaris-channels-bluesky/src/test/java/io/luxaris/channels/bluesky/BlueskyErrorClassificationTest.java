package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.FailureKind;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every answer to a post, classified: kind and code, and when a rate limit ends. */
class BlueskyErrorClassificationTest {
    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    @AutoClose
    private final ChannelPublisher publisher =
            Fixtures.channel(fake).readTimeout(Duration.ofSeconds(1)).build().createPublisher(Fixtures.environment());

    private final Fixtures.TestClock clock = new Fixtures.TestClock(Fixtures.NOW);

    private PublishOutcome publish(PublishRequest request) {
        return publisher.publish(request, new Fixtures.Context(fake.session(), clock, MediaSource.none()));
    }

    private PublishOutcome.Failed failWith(MockResponse response) {
        fake.script("POST com.atproto.repo.createRecord", response);
        PublishOutcome outcome = publish(Fixtures.request(Fixtures.variant("Hello")));
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        return (PublishOutcome.Failed) outcome;
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(
                        FakeBluesky.invalidRecord("grapheme too big (maximum 300, got 301) at $.record.text"),
                        FailureKind.REJECTED,
                        "invalid_request"),
                Arguments.of(
                        FakeBluesky.error(400, "InvalidSwap", "Record was at bafyrei..."),
                        FailureKind.REJECTED,
                        "invalid_swap"),
                Arguments.of(
                        FakeBluesky.error(400, "AccountTakedown", "Account has been taken down"),
                        FailureKind.AUTH_REVOKED,
                        "account_takedown"),
                Arguments.of(FakeBluesky.error(403, "Forbidden", "Forbidden"), FailureKind.REJECTED, "forbidden"),
                Arguments.of(FakeBluesky.error(404, "NotFound", "Not Found"), FailureKind.REJECTED, "not_found"),
                Arguments.of(
                        FakeBluesky.error(413, "PayloadTooLarge", "request entity too large"),
                        FailureKind.REJECTED,
                        "payload_too_large"),
                Arguments.of(
                        FakeBluesky.error(501, "MethodNotImplemented", "Method Not Implemented"),
                        FailureKind.REJECTED,
                        "not_implemented"),
                Arguments.of(FakeBluesky.internalError(), FailureKind.RETRYABLE, "http_500"),
                Arguments.of(FakeBluesky.badGatewayHtml(), FailureKind.RETRYABLE, "http_502"),
                Arguments.of(
                        FakeBluesky.error(503, "ServiceUnavailable", "Service Unavailable"),
                        FailureKind.RETRYABLE,
                        "http_503"),
                Arguments.of(
                        new MockResponse.Builder()
                                .code(504)
                                .body("upstream timed out")
                                .build(),
                        FailureKind.RETRYABLE,
                        "http_504"),
                Arguments.of(new MockResponse.Builder().code(418).build(), FailureKind.REJECTED, "http_418"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("answers")
    void anAnswerToThePost_isClassified(MockResponse answer, FailureKind kind, String code) {
        PublishOutcome.Failed f = failWith(answer);

        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.safeMessage()).isNotBlank().startsWith("the post: ");
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw).startsWith("HTTP "));
    }

    @Test
    void aRefusedRecord_keepsBlueskysMessage() {
        PublishOutcome.Failed f = failWith(
                FakeBluesky.invalidRecord("Expected string value type (got null) at $.record.embed.images[0].alt"));

        assertThat(f.safeMessage())
                .contains("Invalid app.bsky.feed.post record: Expected string value type (got null) at"
                        + " $.record.embed.images[0].alt");
    }

    @Test
    void tooManyRequests_isRateLimited_untilRateLimitResetInEpochSeconds() {
        long reset = Fixtures.NOW.plusSeconds(1800).getEpochSecond();

        PublishOutcome.Failed f = failWith(FakeBluesky.rateLimited(reset));

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.code()).isEqualTo("rate_limited");
        assertThat(f.retryAt()).contains(Instant.ofEpochSecond(reset));
        assertThat(f.safeMessage())
                .contains("policy 5000;w=3600")
                .contains("resets at " + Instant.ofEpochSecond(reset));
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .contains("ratelimit-reset: " + reset, "ratelimit-remaining: 0", "RateLimitExceeded"));
    }

    @Test
    void tooManyRequests_withOnlyRetryAfter_inSecondsOrAsADate() {
        PublishOutcome.Failed seconds = failWith(FakeBluesky.error(429, "RateLimitExceeded", "Rate Limit Exceeded")
                .newBuilder()
                .setHeader("Retry-After", "120")
                .build());
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Fixtures.NOW.plusSeconds(600).atOffset(ZoneOffset.UTC));
        PublishOutcome.Failed httpDate = failWith(FakeBluesky.error(429, "RateLimitExceeded", "Rate Limit Exceeded")
                .newBuilder()
                .setHeader("Retry-After", date)
                .build());

        assertThat(seconds.retryAt()).contains(Fixtures.NOW.plusSeconds(120));
        assertThat(httpDate.retryAt()).contains(Fixtures.NOW.plusSeconds(600));
    }

    @Test
    void tooManyRequests_withoutAnyHeader_isRateLimited_leavingTheWaitToTheEngine() {
        PublishOutcome.Failed f = failWith(FakeBluesky.error(429, "RateLimitExceeded", "Rate Limit Exceeded"));

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.retryAt()).isEmpty();
        assertThat(f.safeMessage()).contains("no reset time given");
    }

    @Test
    void aTokenStillRefusedAfterARenewal_isAuthExpired_forTheEngineToRefreshOnce() {
        fake.script(
                "POST com.atproto.repo.createRecord",
                FakeBluesky.error(400, "ExpiredToken", "Token has expired"),
                FakeBluesky.error(400, "ExpiredToken", "Token has expired"));

        PublishOutcome outcome = publish(Fixtures.request(Fixtures.variant("Hello")));

        Outcomes.failed(outcome, FailureKind.AUTH_EXPIRED, "expired_token");
    }

    @Test
    void aConnectionRefused_isRetryable_forNothingWasSent() throws Exception {
        var closed = new mockwebserver3.MockWebServer();
        closed.start();
        String url = closed.url("/").toString();
        closed.close();
        try (ChannelPublisher nowhere = BlueskyChannel.builder()
                .pdsUrl(url)
                .connectTimeout(Duration.ofSeconds(1))
                .build()
                .createPublisher(Fixtures.environment())) {
            PublishOutcome outcome =
                    nowhere.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(fake.session()));

            Outcomes.failed(outcome, FailureKind.RETRYABLE, "connect_failed");
        }
    }

    @Test
    void aConnectionDroppedAfterThePostWasSent_isUnknown() {
        PublishOutcome.Failed f = failWith(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("connection_lost_after_send");
        assertThat(f.safeMessage()).contains("may or may not be on Bluesky");
    }

    @Test
    void aSuccessWithoutUriAndCid_isUnknown() {
        PublishOutcome.Failed f = failWith(FakeBluesky.json(200, "{\"validationStatus\":\"valid\"}"));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("unreadable_response");
    }

    @Test
    void aPostThatWouldOverspendTheHourlyWriteBudget_isHeldBack_beforeAnythingIsSent() throws Exception {
        try (ChannelPublisher shared =
                Fixtures.channel(fake).writePointsPerAccount(9, 100).build().createPublisher(Fixtures.environment())) {
            var context = new Fixtures.Context(fake.session(), clock, MediaSource.none());
            // three posts of 3 points fill 9 points an hour; the fourth waits until the first is an hour old
            for (int i = 0; i < 3; i++) {
                assertThat(shared.publish(Fixtures.request(Fixtures.variant("Post " + i)), context))
                        .isInstanceOf(PublishOutcome.Published.class);
                clock.advance(Duration.ofMinutes(10));
            }
            int sent = fake.requestCount();

            PublishOutcome outcome = shared.publish(Fixtures.request(Fixtures.variant("One too many")), context);

            assertThat(Outcomes.failed(outcome, FailureKind.RATE_LIMITED, "write_budget"))
                    .satisfies(f -> {
                        assertThat(f.retryAt()).contains(Fixtures.NOW.plus(Duration.ofHours(1)));
                    });
            assertThat(fake.requestCount()).isEqualTo(sent);

            clock.advance(Duration.ofMinutes(30));
            assertThat(shared.publish(Fixtures.request(Fixtures.variant("Next hour")), context))
                    .isInstanceOf(PublishOutcome.Published.class);
        }
    }

    @Test
    void aThreadLargerThanTheBudgetLeft_isHeldBackWhole_notCutHalfway() throws Exception {
        try (ChannelPublisher shared =
                Fixtures.channel(fake).writePointsPerAccount(9, 100).build().createPublisher(Fixtures.environment())) {
            var context = new Fixtures.Context(fake.session(), clock, MediaSource.none());
            shared.publish(Fixtures.request(Fixtures.variant("One")), context);

            PublishOutcome outcome = shared.publish(
                    Fixtures.request(Fixtures.variant("1/3", List.of("2/3", "3/3"), List.of())), context);

            assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.code())
                    .isEqualTo("write_budget"));
            assertThat(fake.recordCount()).isEqualTo(1);
        }
    }

    @Test
    void aThreadTheRateLimitHeadersHaveNoRoomFor_stopsAfterThePartThatFits_untilTheReset() {
        fake.writePointsLeft(4); // room for one post of 3 points: the answer says 1 is left
        PublishRequest request = Fixtures.request(Fixtures.variant("1/3", List.of("2/3", "3/3"), List.of()));

        PublishOutcome outcome = publish(request);

        assertThat(Outcomes.failed(outcome, FailureKind.RATE_LIMITED, "rate_limit_exhausted"))
                .satisfies(f -> {
                    assertThat(f.retryAt()).isPresent();
                    assertThat(f.checkpoint())
                            .containsKey("bluesky.part.0.uri")
                            .containsEntry("bluesky.failed_part", "1");
                });
        assertThat(fake.recordCount()).isEqualTo(1);
    }
}
