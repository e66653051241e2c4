package io.luxaris.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.ScheduleId;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class XErrorClassificationTest {
    @AutoClose
    private final FakeX fake = new FakeX();

    @AutoClose
    private final ChannelPublisher publisher =
            Fixtures.channel(fake).readTimeout(Duration.ofSeconds(1)).build().createPublisher(Fixtures.environment());

    private Credentials credentials = fake.credentials(Instant.now());

    private PublishOutcome.Failed failWith(MockResponse response) {
        fake.script("POST /2/tweets", response);
        return failed(
                publisher.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(credentials)));
    }

    private static PublishOutcome.Failed failed(PublishOutcome outcome) {
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        return (PublishOutcome.Failed) outcome;
    }

    @Test
    void tooManyRequests_isRateLimited_untilTheResetTime() {
        long reset = Instant.now().plusSeconds(600).getEpochSecond();

        PublishOutcome.Failed f = failWith(FakeX.tooManyRequests(reset));

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.code()).isEqualTo("rate_limited");
        assertThat(f.retryAt()).contains(Instant.ofEpochSecond(reset));
        assertThat(f.safeMessage()).contains("resets at " + Instant.ofEpochSecond(reset));
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .startsWith("HTTP 429 POST /2/tweets")
                .contains("x-rate-limit-reset: " + reset)
                .contains("Too Many Requests"));
    }

    @Test
    void exhaustedDailyUserLimit_isRateLimited_untilThe24HourReset() {
        long window = Instant.now().plusSeconds(300).getEpochSecond();
        long daily = Instant.now().plusSeconds(40_000).getEpochSecond();

        PublishOutcome.Failed f = failWith(FakeX.tooManyRequests(window)
                .newBuilder()
                .setHeader("x-rate-limit-remaining", "42")
                .setHeader("x-user-limit-24hour-limit", "2400")
                .setHeader("x-user-limit-24hour-remaining", "0")
                .setHeader("x-user-limit-24hour-reset", Long.toString(daily))
                .setHeader("x-app-limit-24hour-remaining", "9000")
                .setHeader("x-app-limit-24hour-reset", Long.toString(daily + 10))
                .build());

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.code()).isEqualTo("daily_user_limit");
        assertThat(f.retryAt()).contains(Instant.ofEpochSecond(daily));
    }

    @Test
    void exhaustedDailyAppLimit_isRateLimited_untilTheAppsReset() {
        long daily = Instant.now().plusSeconds(20_000).getEpochSecond();

        PublishOutcome.Failed f = failWith(FakeX.tooManyRequests(Instant.now().getEpochSecond())
                .newBuilder()
                .setHeader("x-rate-limit-remaining", "10")
                .setHeader("x-app-limit-24hour-remaining", "0")
                .setHeader("x-app-limit-24hour-reset", Long.toString(daily))
                .build());

        assertThat(f.code()).isEqualTo("daily_app_limit");
        assertThat(f.retryAt()).contains(Instant.ofEpochSecond(daily));
    }

    @Test
    void tooManyRequestsWithoutResetHeaders_leavesTheRetryTimeToTheEngine() {
        PublishOutcome.Failed f = failWith(
                FakeX.problem(429, "{ \"title\": \"Too Many Requests\", \"type\": \"about:blank\", \"status\": 429 }"));

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.retryAt()).isEmpty();
    }

    @Test
    void usageCap_isNotRetried() {
        PublishOutcome.Failed f = failWith(FakeX.usageCapped());

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("usage_capped");
        assertThat(f.safeMessage()).contains("Monthly").contains("Product");
        assertThat(f.retryAt()).isEmpty();
    }

    @Test
    void duplicateContent_isRejectedWithItsOwnCode() {
        PublishOutcome.Failed f = failWith(FakeX.duplicateContent());

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("duplicate_content");
        assertThat(f.safeMessage()).contains("You are not allowed to create a Tweet with duplicate content.");
    }

    @Test
    void legacyDuplicateErrorCode_isDuplicateContentToo() {
        PublishOutcome.Failed f =
                failWith(FakeX.json(403, "{\"errors\":[{\"code\":187,\"message\":\"Status is a duplicate.\"}]}"));

        assertThat(f.code()).isEqualTo("duplicate_content");
    }

    @Test
    void replyNotAllowed_isRejected() {
        PublishOutcome.Failed f = failWith(FakeX.replyNotAllowed());

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("reply_not_allowed");
    }

    @Test
    void otherForbidden_isRejectedAsForbidden() {
        PublishOutcome.Failed f = failWith(FakeX.problem(
                403,
                "{ \"title\": \"Forbidden\", \"type\": \"about:blank\", \"status\": 403,"
                        + " \"detail\": \"You are not permitted to perform this action.\" }"));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("forbidden");
        assertThat(f.safeMessage()).contains("You are not permitted to perform this action.");
    }

    @Test
    void invalidRequest_isRejected_withTheFieldMessage() {
        PublishOutcome.Failed f = failWith(FakeX.invalidRequest());

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("invalid_request");
        assertThat(f.safeMessage())
                .isEqualTo("the post: X rejected the request as invalid: text: Your Tweet text is 281 characters,"
                        + " however the limit is 280.");
    }

    @Test
    void unauthorizedWithoutARefreshToken_isAuthExpired() {
        credentials = Credentials.bearer("access-0");

        PublishOutcome.Failed f = failWith(FakeX.unauthorized());

        assertThat(f.kind()).isEqualTo(FailureKind.AUTH_EXPIRED);
        assertThat(f.code()).isEqualTo("unauthorized");
    }

    @Test
    void serverErrors_areRetryable() {
        assertThat(failWith(FakeX.serviceUnavailable()))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE))
                .satisfies(f -> assertThat(f.code()).isEqualTo("http_503"));
        assertThat(failWith(FakeX.json(500, "{\"title\":\"Internal Server Error\"}")))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE))
                .satisfies(f -> assertThat(f.code()).isEqualTo("http_500"));
    }

    @Test
    void replyTargetGone_isRejectedAsNotFound() {
        PublishOutcome.Failed f = failWith(FakeX.problem(
                404,
                "{ \"title\": \"Not Found Error\", \"type\": \"https://api.x.com/2/problems/resource-not-found\","
                        + " \"detail\": \"Could not find tweet with in_reply_to_tweet_id\", \"status\": 404 }"));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("not_found");
    }

    @Test
    void connectFailureBeforeTheRequestWasWritten_isRetryable() throws Exception {
        var closed = new MockWebServer();
        closed.start();
        String url = closed.url("/").toString();
        closed.close();
        try (ChannelPublisher unreachable = Fixtures.channel(fake)
                .baseUrl(url)
                .connectTimeout(Duration.ofSeconds(1))
                .build()
                .createPublisher(Fixtures.environment())) {
            PublishOutcome.Failed f = failed(unreachable.publish(
                    Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(credentials)));

            assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(f.code()).isEqualTo("connect_failed");
        }
    }

    @Test
    void hangAfterTheRequestWasSent_isUnknown_andSentOnlyOnce() throws Exception {
        fake.hangNextPost(Duration.ofSeconds(3), false);

        PublishOutcome.Failed f = failed(
                publisher.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(credentials)));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("timeout_after_send");
        assertThat(f.safeMessage()).contains("may or may not be on X");
        assertThat(fake.takeAll()).extracting(FakeX::route).containsExactly("POST /2/tweets");
    }

    @Test
    void connectionDroppedAfterTheRequestWasSent_isUnknown_andSentOnce() throws Exception {
        fake.script(
                "POST /2/tweets",
                new MockResponse.Builder()
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build());

        PublishOutcome.Failed f = failed(
                publisher.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(credentials)));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("connection_lost_after_send");
        assertThat(fake.takeAll()).extracting(FakeX::route).containsExactly("POST /2/tweets");
    }

    @Test
    void createdWithoutAnId_isUnknown() {
        PublishOutcome.Failed f = failWith(FakeX.json(201, "{\"errors\":[{\"title\":\"odd\"}]}"));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("unreadable_response");
    }

    @Test
    void rawResponse_isTruncated_andHoldsNoSecret() {
        String echo = "{\"title\":\"Invalid Request\",\"detail\":\"token access-0 refresh-0 was odd\",\"pad\":\""
                + "x".repeat(6_000) + "\"}";

        PublishOutcome.Failed f = failWith(FakeX.problem(400, echo));

        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .hasSizeLessThanOrEqualTo(4_096)
                .endsWith("…[truncated]")
                .doesNotContain("access-0")
                .doesNotContain("refresh-0")
                .contains("[REDACTED]"));
        assertThat(f.safeMessage()).doesNotContain("access-0").doesNotContain("refresh-0");
        assertThat(f.toString()).doesNotContain("access-0");
    }

    @Test
    void duplicateOnALaterAttempt_whenThisScheduleAlreadyPostedIt_isPublished() throws Exception {
        String existing = fake.addToTimeline("Hello again", null);
        fake.script("POST /2/tweets", FakeX.duplicateContent());
        var request = new PublishRequest(
                ScheduleId.random(), 2, Fixtures.variant("Hello again"), Fixtures.connection(), Map.of());

        PublishOutcome outcome = publisher.publish(request, new Fixtures.Context(credentials));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo(existing);
            assertThat(p.url()).contains("https://x.com/exampledev/status/" + existing);
        });
        assertThat(fake.takeAll())
                .extracting(FakeX::route)
                .containsExactly("POST /2/tweets", "GET /2/users/me", "GET /2/users/{id}/tweets");
    }

    @Test
    void duplicateOnTheFirstAttempt_isRejected_evenWhenTheTextIsOnX() throws Exception {
        fake.addToTimeline("Hello", null);

        PublishOutcome.Failed f = failWith(FakeX.duplicateContent());

        assertThat(f.code()).isEqualTo("duplicate_content");
        assertThat(fake.takeAll()).extracting(FakeX::route).containsExactly("POST /2/tweets");
    }

    @Test
    void everyFailure_keepsItsMessageSafeAndShort() {
        for (MockResponse response : List.of(
                FakeX.duplicateContent(),
                FakeX.invalidRequest(),
                FakeX.usageCapped(),
                FakeX.serviceUnavailable(),
                FakeX.tooManyRequests(1))) {
            PublishOutcome.Failed f = failWith(response);
            assertThat(f.safeMessage())
                    .isNotBlank()
                    .hasSizeLessThanOrEqualTo(1_000)
                    .doesNotContain("access-0");
            assertThat(f.code()).matches("[a-z0-9_]+");
        }
    }
}
