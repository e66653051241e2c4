package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.channels.mastodon.internal.Classifier;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.PublishOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okhttp3.Headers;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each answer of a Mastodon instance means for the engine: kind, code and retry time. */
class MastodonErrorClassificationTest {
    @AutoClose
    private final FakeMastodon fake = new FakeMastodon();

    private PublishOutcome.Failed postAnswered(MockResponse answer) {
        fake.script("POST /api/v1/statuses", answer);
        PublishOutcome outcome = Fixtures.publish(
                Fixtures.channel().build(),
                Fixtures.request(Fixtures.variant("Hello fediverse"), Fixtures.connection(fake)),
                new Fixtures.Context(fake.credentials()));
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        return (PublishOutcome.Failed) outcome;
    }

    static Stream<Arguments> statusAnswers() {
        return Stream.of(
                Arguments.of(401, "The access token is invalid", FailureKind.AUTH_REVOKED, "invalid_token"),
                Arguments.of(
                        403,
                        "This action is outside the authorized scopes",
                        FailureKind.AUTH_REVOKED,
                        "insufficient_scope"),
                Arguments.of(403, "Your login is currently disabled", FailureKind.REJECTED, "account_disabled"),
                Arguments.of(
                        403,
                        "Your login is missing a confirmed e-mail address",
                        FailureKind.REJECTED,
                        "account_unconfirmed"),
                Arguments.of(
                        403,
                        "Your login is currently pending approval",
                        FailureKind.REJECTED,
                        "account_pending_approval"),
                Arguments.of(403, "This action is not allowed", FailureKind.REJECTED, "forbidden"),
                Arguments.of(404, "Record not found", FailureKind.REJECTED, "not_found"),
                Arguments.of(422, "Validation failed: Text can't be blank", FailureKind.REJECTED, "blank_status"),
                Arguments.of(
                        422,
                        "Validation failed: Text character limit of 500 exceeded",
                        FailureKind.REJECTED,
                        "too_long"),
                Arguments.of(
                        422,
                        "Validation failed: Visibility is not included in the list",
                        FailureKind.REJECTED,
                        "validation_failed"),
                Arguments.of(400, "param is missing or the value is empty", FailureKind.REJECTED, "invalid_request"),
                Arguments.of(410, "Gone", FailureKind.REJECTED, "gone"),
                Arguments.of(413, "Request Entity Too Large", FailureKind.REJECTED, "payload_too_large"),
                Arguments.of(408, "Request Timeout", FailureKind.RETRYABLE, "http_408"),
                Arguments.of(503, "RaceConditionError", FailureKind.RETRYABLE, "http_503"),
                // a gateway that gives up (or a crash after the insert) does not prove the status is absent
                Arguments.of(500, "We're sorry, but something went wrong", FailureKind.UNKNOWN, "http_500"),
                Arguments.of(502, "Bad Gateway", FailureKind.UNKNOWN, "http_502"),
                Arguments.of(504, "Gateway Timeout", FailureKind.UNKNOWN, "http_504"),
                Arguments.of(418, "I'm a teapot", FailureKind.REJECTED, "http_418"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("statusAnswers")
    void anAnswerToTheStatusRequest_isClassified(int status, String error, FailureKind kind, String code) {
        PublishOutcome.Failed f = postAnswered(FakeMastodon.error(status, error));

        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.safeMessage()).contains(error);
        assertThat(f.rawResponse())
                .hasValueSatisfying(raw -> assertThat(raw).startsWith("HTTP " + status + " POST /api/v1/statuses"));
    }

    @Test
    void aRateLimit_isRetriedAtTheIsoTimestampOfXRateLimitReset() {
        PublishOutcome.Failed f = postAnswered(FakeMastodon.tooManyRequests("2026-11-24T10:05:00.000000Z"));

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.code()).isEqualTo("rate_limited");
        assertThat(f.retryAt()).contains(Instant.parse("2026-11-24T10:05:00Z"));
        assertThat(f.safeMessage()).contains("Too many requests", "resets at 2026-11-24T10:05:00Z");
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .contains("x-ratelimit-remaining: 0", "x-ratelimit-reset: 2026-11-24T10:05:00.000000Z"));
    }

    static Stream<Arguments> resetHeaders() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        return Stream.of(
                Arguments.of(
                        Headers.of("X-RateLimit-Reset", "2026-11-24T10:05:00.000000Z"), now, "2026-11-24T10:05:00Z"),
                Arguments.of(Headers.of("X-RateLimit-Reset", "2026-11-24T12:05:00+02:00"), now, "2026-11-24T10:05:00Z"),
                Arguments.of(Headers.of("X-RateLimit-Reset", "1795514700"), now, "2026-11-24T10:05:00Z"),
                Arguments.of(Headers.of("Retry-After", "120"), now, "2026-11-24T10:02:00Z"),
                Arguments.of(Headers.of("Retry-After", "Tue, 24 Nov 2026 10:03:00 GMT"), now, "2026-11-24T10:03:00Z"),
                Arguments.of(
                        Headers.of("X-RateLimit-Reset", "soon", "Retry-After", "60"), now, "2026-11-24T10:01:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resetHeaders")
    void theResetTime_isReadFromEveryFormItComesIn(Headers headers, Instant now, String expected) {
        assertThat(Classifier.rateLimitReset(headers, now)).contains(Instant.parse(expected));
    }

    @Test
    void aRateLimitWithoutAnyResetHeader_leavesTheRetryTimeToTheEngine() {
        PublishOutcome.Failed f = postAnswered(FakeMastodon.error(429, "Too many requests"));

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.retryAt()).isEmpty();
    }

    @Test
    void aSuccessWithoutAStatusId_isUnknown() {
        PublishOutcome.Failed f = postAnswered(FakeMastodon.json(200, "<html>proxy says hi</html>"));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("unreadable_response");
    }

    @Test
    void anHtmlErrorPage_isClassifiedByItsStatus() {
        PublishOutcome.Failed f = postAnswered(new MockResponse.Builder()
                .code(503)
                .setHeader("Content-Type", "text/html")
                .body("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>")
                .build());

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.code()).isEqualTo("http_503");
    }

    @Test
    void theInstancesOwnRefusalOfATooLongText_isTooLong_whenItsLimitCouldNotBeReadBefore() {
        fake.kind(FakeMastodon.Kind.BROKEN).limits(100, 23);

        PublishOutcome outcome = Fixtures.publish(
                Fixtures.channel().build(),
                Fixtures.request(Fixtures.variant("z".repeat(101)), Fixtures.connection(fake)),
                new Fixtures.Context(fake.credentials()));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "too_long")).satisfies(f -> {
            assertThat(f.safeMessage()).contains("character limit of 100 exceeded");
        });
    }

    @Test
    void aRevokedToken_isRefusedByTheInstance_andMarksTheConnection() {
        var credentials = fake.credentials();
        fake.revokeAll();

        PublishOutcome outcome = Fixtures.publish(
                Fixtures.channel().build(),
                Fixtures.request(Fixtures.variant("Still there?"), Fixtures.connection(fake)),
                new Fixtures.Context(credentials));

        assertThat(Outcomes.failed(outcome, FailureKind.AUTH_REVOKED, "invalid_token"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("reconnect");
                });
    }

    @Test
    void aServerErrorOnAnUpload_isRetryable_becauseNoStatusExistsYet() {
        fake.script("POST /api/v2/media", FakeMastodon.error(500, "We're sorry, but something went wrong"));

        PublishOutcome outcome = Fixtures.publish(
                Fixtures.channel().build(),
                Fixtures.request(
                        Fixtures.variant("Pic", List.of(), List.of(MediaRef.image("p.png"))),
                        Fixtures.connection(fake)),
                new Fixtures.Context(fake.credentials()));

        Outcomes.failed(outcome, FailureKind.RETRYABLE, "media_http_500");
    }

    @Test
    void anInstanceThatCannotBeReached_isRetryable_nothingWasSent() {
        String url = fake.url();
        fake.close();

        PublishOutcome outcome = Fixtures.publish(
                Fixtures.channel().build(),
                Fixtures.request(
                        Fixtures.variant("Anyone?"),
                        Fixtures.connection(Map.of(MastodonChannel.PROPERTY_INSTANCE_URL, url))),
                new Fixtures.Context(fake.credentials()));

        Outcomes.failed(outcome, FailureKind.RETRYABLE, "connect_failed");
    }

    @Test
    void theClassifierNeverPutsASecretIntoTheMessage() {
        String token = FakeMastodon.TOKEN;
        var result = new HttpResult(
                "POST",
                "/api/v1/statuses",
                422,
                Headers.of(),
                "{\"error\":\"Validation failed: token " + token + " is odd\"}");

        PublishOutcome.Failed f = Classifier.classify(result, List.of(token), Instant.now(), true);

        assertThat(f.safeMessage()).doesNotContain(token).contains("[REDACTED]");
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw).doesNotContain(token));
        assertThat(Optional.of(f.toString()))
                .hasValueSatisfying(s -> assertThat(s).doesNotContain(token));
    }
}
