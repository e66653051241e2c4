package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.http.testing.EngineSchedules;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Honest outcomes for LinkedIn's error answers and for requests that got none. */
class LinkedInErrorClassificationTest {
    private static final Instant NEXT_UTC_MIDNIGHT = Instant.parse("2026-11-25T00:00:00Z");

    @AutoClose
    private final FakeLinkedIn linkedIn = new FakeLinkedIn();

    private final Credentials credentials = linkedIn.credentials(Fixtures.NOW);
    private final String token = credentials.accessToken().orElseThrow();

    private PublishOutcome.Failed fail(LinkedInChannel channel) {
        PublishOutcome outcome = Fixtures.publish(
                channel, Fixtures.request(Fixtures.variant("Hello (world)")), new Fixtures.Context(credentials));
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        var failed = (PublishOutcome.Failed) outcome;
        assertThat(failed.toString()).doesNotContain(token);
        assertThat(failed.safeMessage()).doesNotContain(token);
        failed.rawResponse()
                .ifPresent(raw -> assertThat(raw).doesNotContain(token).hasSizeLessThanOrEqualTo(4096));
        return failed;
    }

    private PublishOutcome.Failed failWith(MockResponse response) {
        linkedIn.script("POST /rest/posts", response);
        return fail(linkedIn.channel().build());
    }

    @Test
    void sunsetVersion_426_isRejected_withACodeThatNamesTheVersionProblem() throws Exception {
        PublishOutcome.Failed failed = fail(linkedIn.channel().version("202411").build());

        assertThat(linkedIn.take().getHeaders().get("LinkedIn-Version")).isEqualTo("202411");
        assertThat(failed.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(failed.code()).isEqualTo("linkedin_version_sunset");
        assertThat(failed.safeMessage())
                .contains("202411")
                .contains("NONEXISTENT_VERSION")
                .contains("Requested version 202411 is not active")
                .contains(".version(");
        assertThat(failed.rawResponse())
                .hasValueSatisfying(raw -> assertThat(raw).startsWith("HTTP 426"));
        assertThat(linkedIn.posts()).isEmpty();
    }

    @Test
    void dailyThrottle_429_isRateLimitedUntilTheNextUtcMidnight() {
        PublishOutcome.Failed failed = failWith(FakeLinkedIn.dailyThrottle());
        assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failed.code()).isEqualTo("daily_limit");
        assertThat(failed.retryAt()).contains(NEXT_UTC_MIDNIGHT);
        assertThat(failed.safeMessage()).contains("APPLICATION DAY limit");
    }

    @Test
    void otherThrottle_429_isRateLimitedForAShortBackoff() {
        PublishOutcome.Failed failed = failWith(FakeLinkedIn.throttled());
        assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failed.code()).isEqualTo("throttled");
        assertThat(failed.retryAt()).contains(Fixtures.NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void otherThrottle_429_honoursRetryAfter_andTheConfiguredBackoff() {
        linkedIn.script(
                "POST /rest/posts",
                FakeLinkedIn.throttled()
                        .newBuilder()
                        .setHeader("Retry-After", "30")
                        .build());
        assertThat(fail(linkedIn.channel().build()).retryAt()).contains(Fixtures.NOW.plusSeconds(30));

        linkedIn.script("POST /rest/posts", FakeLinkedIn.throttled());
        assertThat(fail(linkedIn.channel()
                                .throttleBackoff(Duration.ofMinutes(5))
                                .build())
                        .retryAt())
                .contains(Fixtures.NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void validationError_400_isRejected_withTheFieldMessage() {
        PublishOutcome.Failed failed = failWith(FakeLinkedIn.tooLong(8694, "x".repeat(100)));
        assertThat(failed.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(failed.code()).isEqualTo("field_array_size_too_high");
        assertThat(failed.safeMessage())
                .contains("/commentary: Size of array cannot be higher than the maxLength (max 3000)")
                .contains(
                        "ShareCommentary text length (8694 characters) exceeded the maximum allowed (3000 characters)");
    }

    @Test
    void badRequestWithoutDetails_isRejected() {
        PublishOutcome.Failed failed =
                failWith(FakeLinkedIn.json(400, "{ \"status\": 400, \"message\": \"Invalid author\" }"));
        assertThat(failed.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(failed.code()).isEqualTo("bad_request");
        assertThat(failed.safeMessage()).contains("Invalid author");
    }

    @Test
    void accessDenied_403_isRejected_asAPermissionProblem() {
        PublishOutcome.Failed failed = failWith(FakeLinkedIn.accessDenied());
        assertThat(failed.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(failed.code()).isEqualTo("access_denied");
        assertThat(failed.safeMessage())
                .contains("denied permission")
                .contains("Not enough permissions to access: POST /posts")
                .contains("w_member_social");
    }

    @Test
    void duplicatePost_422_isRejected() {
        PublishOutcome.Failed failed = failWith(FakeLinkedIn.json(
                422,
                "{ \"status\": 422, \"code\": \"DUPLICATE_POST\", \"message\": \"Content is a duplicate of"
                        + " urn:li:share:7431329065766260736\" }"));
        assertThat(failed.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(failed.code()).isEqualTo("duplicate_post");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serverErrors_areRetryable(int status) {
        PublishOutcome.Failed failed = failWith(FakeLinkedIn.serverError(status));
        assertThat(failed.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(failed.code()).isEqualTo("http_" + status);
    }

    @Test
    void gatewayTimeout_504_onThePostRequest_isUnknown_becauseThePostMayExist() {
        PublishOutcome.Failed failed = failWith(FakeLinkedIn.serverError(504));
        assertThat(failed.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(failed.code()).isEqualTo("http_504");
    }

    @Test
    void connectFailureBeforeSending_isRetryable() throws Exception {
        String url = linkedIn.url();
        linkedIn.close();
        PublishOutcome.Failed failed = fail(LinkedInChannel.builder()
                .baseUrl(url)
                .connectTimeout(Duration.ofSeconds(1))
                .build());
        assertThat(failed.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(failed.code()).isEqualTo("connect_failed");
        assertThat(failed.safeMessage()).contains("could not connect");
    }

    @Test
    void timeoutAfterThePostRequestWasSent_isUnknown_neverRetryable() throws Exception {
        linkedIn.script(
                "POST /rest/posts",
                new MockResponse.Builder()
                        .code(201)
                        .setHeader("x-restli-id", "urn:li:share:7262000000000000777")
                        .headersDelay(2, TimeUnit.SECONDS)
                        .build());
        PublishOutcome.Failed failed =
                fail(linkedIn.channel().readTimeout(Duration.ofSeconds(1)).build());

        assertThat(linkedIn.take().getUrl().encodedPath()).isEqualTo("/rest/posts");
        assertThat(failed.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(failed.code()).isEqualTo("timeout");
        assertThat(failed.safeMessage()).contains("may have been created");
        assertThat(linkedIn.takeAll()).as("the post request is never repeated").isEmpty();
    }

    @Test
    void connectionDroppedAfterThePostRequestWasSent_isUnknown() throws Exception {
        linkedIn.script(
                "POST /rest/posts",
                new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket())
                        .build());
        PublishOutcome.Failed failed = fail(linkedIn.channel().build());
        assertThat(failed.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(failed.code()).isEqualTo("connection_lost");
        assertThat(linkedIn.takeAll()).hasSize(1);
    }

    @Test
    void rawResponse_isTruncatedAndSecretFree() {
        String echo = "{ \"status\": 500, \"message\": \"boom\", \"debug\": \"Authorization: Bearer " + token
                + "\", \"access_token\": \"" + token + "\", \"pad\": \"" + "x".repeat(10_000) + "\" }";
        PublishOutcome.Failed failed = failWith(FakeLinkedIn.json(500, echo));
        assertThat(failed.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                .hasSizeLessThanOrEqualTo(4096)
                .endsWith("…[truncated]")
                .contains("[REDACTED]")
                .doesNotContain(token));
    }

    @Test
    void safeMessages_neverQuoteTheToken_evenWhenLinkedInEchoesIt() {
        PublishOutcome.Failed failed = failWith(FakeLinkedIn.json(
                403, "{ \"status\": 403, \"code\": \"ACCESS_DENIED\", \"message\": \"token " + token + " denied\" }"));
        assertThat(failed.safeMessage()).contains("[REDACTED]").doesNotContain(token);
    }

    @Test
    void engine_onTheDailyLimit_putsTheScheduleBackUntilAfterMidnightUtc() {
        var clock = SettableClock.at(Fixtures.NOW);
        try (Luxaris luxaris = Luxaris.builder()
                .channel(linkedIn.channel().build())
                .clock(clock)
                .build()) {
            var owner = Principal.of("owner");
            var schedule = schedule(luxaris, owner, clock, "Throttled");
            linkedIn.script("POST /rest/posts", FakeLinkedIn.dailyThrottle());

            luxaris.publishing().runDue();

            var pending = luxaris.schedules().get(owner, schedule.id());
            assertThat(pending.status()).isEqualTo(ScheduleStatus.PENDING);
            assertThat(pending.errorCode()).contains("daily_limit");
            assertThat(pending.nextAttemptAt()).isAfterOrEqualTo(NEXT_UTC_MIDNIGHT);

            clock.set(pending.nextAttemptAt());
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
            assertThat(linkedIn.posts()).hasSize(1);
        }
    }

    @Test
    void engine_onATimeoutAfterSending_leavesTheScheduleUnconfirmed_andNeverPostsAgain() throws Exception {
        var clock = SettableClock.at(Fixtures.NOW);
        try (Luxaris luxaris = Luxaris.builder()
                .channel(linkedIn.channel().readTimeout(Duration.ofSeconds(1)).build())
                .clock(clock)
                .build()) {
            var owner = Principal.of("owner");
            var schedule = schedule(luxaris, owner, clock, "Slow");
            linkedIn.script(
                    "POST /rest/posts",
                    new MockResponse.Builder()
                            .code(201)
                            .setHeader("x-restli-id", "urn:li:share:7262000000000000778")
                            .headersDelay(2, TimeUnit.SECONDS)
                            .build());

            luxaris.publishing().runDue();
            clock.advance(Duration.ofHours(2));
            luxaris.publishing().runDue();

            var done = luxaris.schedules().get(owner, schedule.id());
            assertThat(done.status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
            assertThat(done.errorCode()).contains("timeout");
            assertThat(linkedIn.takeAll()).extracting(FakeLinkedIn::route).containsExactly("POST /rest/posts");
        }
    }

    private Schedule schedule(Luxaris luxaris, Principal owner, SettableClock clock, String text) {
        var account = luxaris.channels()
                .connect(
                        owner,
                        ConnectionRequest.of(LinkedInChannel.KEY, "Example User", credentials)
                                .withProperties(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, FakeLinkedIn.AUTHOR)));
        var schedule = EngineSchedules.schedule(
                luxaris,
                owner,
                text,
                VariantDraft.of(LinkedInChannel.KEY, text),
                account.id(),
                clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        return schedule;
    }
}
