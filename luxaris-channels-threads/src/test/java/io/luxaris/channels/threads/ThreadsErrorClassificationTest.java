package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Threads' answers (status, Graph error envelope, throttling headers) and what the engine is told. */
class ThreadsErrorClassificationTest {
    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    private final Credentials credentials = fake.credentials();

    @AutoClose
    private final ChannelPublisher publisher =
            Fixtures.publisher(Fixtures.channel(fake).readTimeout(Duration.ofSeconds(1)));

    private PublishOutcome.Failed failWith(String route, MockResponse response) {
        fake.script(route, response);
        PublishOutcome outcome =
                publisher.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(credentials));
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        return (PublishOutcome.Failed) outcome;
    }

    private static final String CREATE = "POST /v1.0/{user}/threads";
    private static final String PUBLISH = "POST /v1.0/{user}/threads_publish";

    static Stream<Arguments> graphErrors() {
        return Stream.of(
                Arguments.of(
                        FakeThreads.graphError(
                                400, "THREADS_API__LINK_LIMIT_EXCEEDED: at most 5 links", 100, null, null),
                        FailureKind.REJECTED,
                        "link_limit_exceeded"),
                Arguments.of(
                        FakeThreads.graphError(400, "(#4) Application request limit reached", 4, null, null),
                        FailureKind.RATE_LIMITED,
                        "app_rate_limited"),
                Arguments.of(
                        FakeThreads.graphError(400, "(#17) User request limit reached", 17, 2207051, null),
                        FailureKind.RATE_LIMITED,
                        "user_rate_limited"),
                Arguments.of(
                        FakeThreads.graphError(400, "(#32) Page request limit reached", 32, null, null),
                        FailureKind.RATE_LIMITED,
                        "rate_limited"),
                Arguments.of(
                        FakeThreads.graphError(400, "limit of posts in 24 hours", 9, 2207042, null),
                        FailureKind.RATE_LIMITED,
                        "publishing_limit"),
                Arguments.of(
                        FakeThreads.graphError(400, "The user changed the password", 190, 460, null),
                        FailureKind.AUTH_REVOKED,
                        "token_revoked"),
                Arguments.of(FakeThreads.expiredToken(), FailureKind.AUTH_EXPIRED, "invalid_token"),
                Arguments.of(
                        FakeThreads.graphError(
                                403, "(#10) Application does not have permission for this action", 10, null, null),
                        FailureKind.AUTH_REVOKED,
                        "permission_denied"),
                Arguments.of(
                        FakeThreads.graphError(400, "(#200) Requires threads_content_publish", 200, null, null),
                        FailureKind.AUTH_REVOKED,
                        "permission_denied"),
                Arguments.of(FakeThreads.doesNotExist("17841400000000001"), FailureKind.REJECTED, "not_found"),
                Arguments.of(FakeThreads.serviceUnavailable(), FailureKind.RETRYABLE, "http_503"),
                Arguments.of(
                        FakeThreads.graphError(500, "An unexpected error has occurred.", 1, null, null),
                        FailureKind.RETRYABLE,
                        "http_500"),
                Arguments.of(
                        FakeThreads.json(
                                400,
                                "{\"error\":{\"message\":\"Please retry your request later.\",\"type\":\"OAuthException\","
                                        + "\"code\":2,\"is_transient\":true}}"),
                        FailureKind.RETRYABLE,
                        "temporary_error"),
                Arguments.of(
                        FakeThreads.invalidParameter("Param reply_control must be one of {everyone, ...}"),
                        FailureKind.REJECTED,
                        "invalid_parameter"),
                Arguments.of(
                        new MockResponse.Builder()
                                .code(403)
                                .setHeader("Content-Type", "text/html")
                                .body("<html><body>Forbidden by a proxy</body></html>")
                                .build(),
                        FailureKind.REJECTED,
                        "http_403"),
                Arguments.of(new MockResponse.Builder().code(401).build(), FailureKind.AUTH_EXPIRED, "unauthorized"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("graphErrors")
    void aGraphErrorAtContainerCreation_isClassified(MockResponse response, FailureKind kind, String code) {
        PublishOutcome.Failed f = failWith(CREATE, response);

        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.safeMessage()).startsWith("the post: ").hasSizeLessThanOrEqualTo(1_000);
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw).startsWith("HTTP "));
        assertThat(fake.posts()).isEmpty();
    }

    @Test
    void aGraphMessage_isKeptInTheSafeMessage_withItsCodes() {
        PublishOutcome.Failed f = failWith(
                CREATE,
                FakeThreads.graphError(400, "Param text must be at most 500 characters long.", 100, null, "Too long"));

        assertThat(f.safeMessage())
                .isEqualTo("the post: creating the container: Threads rejected the request as invalid: Too long"
                        + " (code 100)");
    }

    @Test
    void tooManyRequests_withRetryAfterSeconds_isRateLimitedUntilThen() {
        Instant before = Instant.now();

        PublishOutcome.Failed f = failWith(
                PUBLISH,
                FakeThreads.json(429, "{\"error\":{\"message\":\"Too many calls\",\"code\":613}}")
                        .newBuilder()
                        .setHeader("Retry-After", "120")
                        .build());

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.code()).isEqualTo("rate_limited");
        assertThat(f.retryAt()).hasValueSatisfying(at -> assertThat(at)
                .isBetween(before.plusSeconds(120), Instant.now().plusSeconds(120)));
        assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw).contains("retry-after: 120"));
    }

    @Test
    void retryAfterAsAnHttpDate_isHonoured() {
        Instant at = Instant.now().plus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.SECONDS);

        PublishOutcome.Failed f = failWith(
                PUBLISH,
                new MockResponse.Builder()
                        .code(429)
                        .setHeader(
                                "Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)))
                        .build());

        assertThat(f.retryAt()).contains(at);
    }

    @Test
    void theBusinessUseCaseUsageHeader_givesTheTimeToRegainAccess() {
        Instant before = Instant.now();

        PublishOutcome.Failed f = failWith(
                CREATE,
                FakeThreads.graphError(400, "(#80002) There have been too many calls", 80002, null, null)
                        .newBuilder()
                        .setHeader(
                                "X-Business-Use-Case-Usage",
                                "{\"17841400000000001\":[{\"type\":\"threads\",\"call_count\":100,"
                                        + "\"total_cputime\":25,\"total_time\":25,"
                                        + "\"estimated_time_to_regain_access\":15}]}")
                        .build());

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.retryAt()).hasValueSatisfying(at -> assertThat(at)
                .isBetween(before.plus(Duration.ofMinutes(15)), Instant.now().plus(Duration.ofMinutes(15))));
    }

    @Test
    void aConnectFailureBeforeAnythingWasSent_isRetryable() throws Exception {
        var closed = new MockWebServer();
        closed.start();
        String url = closed.url("/").toString();
        closed.close();
        try (ChannelPublisher unreachable =
                Fixtures.publisher(Fixtures.channel(fake).baseUrl(url).connectTimeout(Duration.ofSeconds(1)))) {
            PublishOutcome outcome =
                    unreachable.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(credentials));

            Outcomes.failed(outcome, FailureKind.RETRYABLE, "connect_failed");
        }
    }

    @Test
    void aContainerCreationCutOffAfterItWasSent_isRetryable_aContainerIsNoPost() {
        PublishOutcome.Failed f = failWith(
                CREATE,
                new MockResponse.Builder()
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build());

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.code()).isEqualTo("connection_lost");
    }

    @Test
    void aPublishCutOffAfterItWasSent_isUnknown_sentOnce_andKeepsTheContainer() throws Exception {
        String container = fake.nextContainerId();
        fake.afterHandling(PUBLISH, answer -> answer.newBuilder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());

        PublishOutcome outcome =
                publisher.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(credentials));

        assertThat(Outcomes.failed(outcome, FailureKind.UNKNOWN, "connection_lost_after_send"))
                .satisfies(f -> {
                    assertThat(f.safeMessage())
                            .contains("may or may not be on Threads")
                            .contains(container);
                    assertThat(f.checkpoint()).containsEntry("threads.container.0", container);
                });
        assertThat(fake.routes()).filteredOn(PUBLISH::equals).hasSize(1);
        assertThat(fake.posts()).hasSize(1);
    }

    @Test
    void aPublishAnsweredWithoutAnId_isUnknown() {
        PublishOutcome.Failed f = failWith(PUBLISH, FakeThreads.json(200, "{\"success\":true}"));

        assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(f.code()).isEqualTo("unreadable_response");
    }

    @Test
    void everyFailure_keepsItsMessageSafeShortAndItsCodeStable() {
        String token = credentials.accessToken().orElseThrow();
        for (MockResponse response : List.of(
                FakeThreads.serviceUnavailable(),
                FakeThreads.expiredToken(),
                FakeThreads.invalidParameter("bad " + token),
                FakeThreads.graphError(400, "x".repeat(5_000) + token, 100, null, null))) {
            PublishOutcome.Failed f = failWith(CREATE, response);
            assertThat(f.safeMessage())
                    .isNotBlank()
                    .hasSizeLessThanOrEqualTo(1_000)
                    .doesNotContain(token);
            assertThat(f.rawResponse())
                    .hasValueSatisfying(raw ->
                            assertThat(raw).hasSizeLessThanOrEqualTo(4_096).doesNotContain(token));
            assertThat(f.code()).matches("[a-z0-9_]+");
        }
    }
}
