package io.luxaris.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.http.testing.ChannelEngine;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.VariantDraft;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class XAuthTest {
    @AutoClose
    private final FakeX fake = new FakeX();

    @AutoClose
    private final ChannelPublisher publisher = Fixtures.channel(fake).build().createPublisher(Fixtures.environment());

    private PublishOutcome publish(Fixtures.Context context) {
        return publisher.publish(
                Fixtures.request(
                        Fixtures.variant("Fresh token"),
                        Fixtures.connection(Map.of(XChannel.PROPERTY_USERNAME, FakeX.USERNAME))),
                context);
    }

    @Test
    void expiredAccessToken_isRefreshedBeforePosting_andTheRotatedPairIsSavedBeforeItIsUsed() throws Exception {
        var requestsBeforeSave = new AtomicInteger(-1);
        var context = new Fixtures.Context(fake.expiredCredentials(Instant.now()))
                .onSave(c -> requestsBeforeSave.set(fake.requestCount()));

        PublishOutcome outcome = publish(context);

        RecordedRequest token = fake.take();
        assertThat(token.getMethod()).isEqualTo("POST");
        assertThat(token.getUrl().encodedPath()).isEqualTo("/2/oauth2/token");
        assertThat(token.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(token.getHeaders().get("Authorization")).isNull();
        assertThat(FakeX.form(token))
                .containsExactly(
                        Map.entry("grant_type", "refresh_token"),
                        Map.entry("refresh_token", "refresh-0"),
                        Map.entry("client_id", FakeX.CLIENT_ID));
        RecordedRequest post = fake.take();
        assertThat(post.getUrl().encodedPath()).isEqualTo("/2/tweets");
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        assertThat(requestsBeforeSave)
                .as("saved after the token call, before the post")
                .hasValue(1);
        assertThat(context.saved()).singleElement().satisfies(saved -> {
            assertThat(saved.accessToken()).contains("access-1");
            assertThat(saved.refreshToken()).contains("refresh-1");
            assertThat(saved.expiresAt()).hasValueSatisfying(at -> assertThat(at)
                    .isBetween(Instant.now().plusSeconds(7100), Instant.now().plusSeconds(7300)));
            assertThat(saved.get(Credentials.SCOPE))
                    .contains("tweet.read tweet.write users.read offline.access media.write");
        });
        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(outcome.toString()).doesNotContain("access-1").doesNotContain("refresh-1");
    }

    @Test
    void unauthorizedAnswer_refreshesOnce_andRepeatsTheCallWithTheNewToken() throws Exception {
        fake.credentials(Instant.now());
        var context = new Fixtures.Context(
                Credentials.oauth2("revoked-access", "refresh-0", Instant.now().plus(Duration.ofHours(1))));

        PublishOutcome outcome = publish(context);

        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests)
                .extracting(FakeX::route)
                .containsExactly("POST /2/tweets", "POST /2/oauth2/token", "POST /2/tweets");
        assertThat(requests.get(0).getHeaders().get("Authorization")).isEqualTo("Bearer revoked-access");
        assertThat(requests.get(2).getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        assertThat(FakeX.body(requests.get(2))).isEqualTo(FakeX.body(requests.get(0)));
        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(context.saved()).hasSize(1);
    }

    @Test
    void unauthorizedAgainAfterTheRefresh_isAuthExpired_withoutAThirdPost() throws Exception {
        var context = new Fixtures.Context(fake.credentials(Instant.now()));
        fake.script("POST /2/tweets", FakeX.unauthorized(), FakeX.unauthorized());

        PublishOutcome outcome = publish(context);

        Outcomes.failed(outcome, FailureKind.AUTH_EXPIRED, "unauthorized");
        assertThat(fake.takeAll())
                .extracting(FakeX::route)
                .containsExactly("POST /2/tweets", "POST /2/oauth2/token", "POST /2/tweets");
    }

    @Test
    void tokenRotation_oldRefreshTokenIsRejectedAfterUse_andTheConnectionKeepsWorking() throws Exception {
        var clock = SettableClock.at(Instant.now());
        try (var engine = ChannelEngine.start(
                Fixtures.channel(fake).build(),
                clock,
                ConnectionRequest.of("x", "@exampledev", fake.credentials(clock.instant())))) {
            var schedules = new ArrayList<io.luxaris.domain.Schedule>();
            for (int round = 0; round < 3; round++) {
                schedules.add(engine.scheduleInAMinute("round " + round, VariantDraft.of("x", "Round " + round)));
                assertThat(engine.runDueInAMinute().published()).isEqualTo(1);
                if (round == 1) {
                    assertThat(fake.acceptsRefreshToken("refresh-0"))
                            .as("X rotates: the used refresh token is dead")
                            .isFalse();
                    assertThat(rawRefresh("refresh-0"))
                            .contains("400")
                            .contains("invalid_request")
                            .contains("Value passed for the token was invalid.");
                }
                clock.advance(Duration.ofHours(3)); // the access token (2 h) expires before the next round
            }

            List<RecordedRequest> requests = fake.takeAll();
            List<String> tokenCalls = requests.stream()
                    .filter(r -> FakeX.route(r).equals("POST /2/oauth2/token"))
                    .map(r -> FakeX.form(r).get("refresh_token"))
                    .toList();
            assertThat(tokenCalls).containsExactly("refresh-0", "refresh-0", "refresh-1");
            assertThat(requests.stream()
                            .filter(r -> FakeX.route(r).equals("POST /2/tweets"))
                            .map(r -> r.getHeaders().get("Authorization")))
                    .containsExactly("Bearer access-0", "Bearer access-1", "Bearer access-2");
            assertThat(engine.connection().status()).isEqualTo(ConnectionStatus.CONNECTED);
            for (var schedule : schedules) {
                assertThat(engine.schedule(schedule.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
            }
        }
    }

    /** Spends a refresh token directly against the fake, as a stale second copy of it would be spent. */
    private String rawRefresh(String refreshToken) throws Exception {
        var client = new OkHttpClient();
        try (var response = client.newCall(new Request.Builder()
                        .url(fake.url() + "2/oauth2/token")
                        .post(new FormBody.Builder()
                                .add("grant_type", "refresh_token")
                                .add("refresh_token", refreshToken)
                                .add("client_id", FakeX.CLIENT_ID)
                                .build())
                        .build())
                .execute()) {
            return response.code() + " " + response.body().string();
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Test
    void invalidGrant_isAuthRevoked_andNothingIsPosted() throws Exception {
        fake.script(
                "POST /2/oauth2/token",
                FakeX.json(
                        400,
                        "{ \"error\": \"invalid_grant\", \"error_description\": \"Value passed for the token was"
                                + " invalid.\" }"));

        PublishOutcome outcome = publish(new Fixtures.Context(fake.expiredCredentials(Instant.now())));

        assertThat(Outcomes.failed(outcome, FailureKind.AUTH_REVOKED, "refresh_invalid_grant"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("reconnect").doesNotContain("refresh-0");
                });
        assertThat(fake.takeAll()).extracting(FakeX::route).containsExactly("POST /2/oauth2/token");
    }

    @Test
    void revokedGrant_throughTheEngine_failsTheScheduleAndMarksTheConnectionForReconnect() {
        fake.script("POST /2/oauth2/token", FakeX.json(400, "{ \"error\": \"invalid_request\" }"));
        var result = throughTheEngine();

        assertThat(result.schedule()).isEqualTo(ScheduleStatus.FAILED);
        assertThat(result.connection()).isEqualTo(ConnectionStatus.ERROR);
    }

    @Test
    void transientRefreshFailure_throughTheEngine_isRetriedLater_andNeverDisconnects() {
        fake.script("POST /2/oauth2/token", FakeX.serviceUnavailable());
        var result = throughTheEngine();

        assertThat(result.schedule()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(result.connection()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(result.errorCode()).contains("refresh_http_503");
    }

    private record EngineResult(
            ScheduleStatus schedule, ConnectionStatus connection, java.util.Optional<String> errorCode) {}

    private EngineResult throughTheEngine() {
        var clock = SettableClock.at(Instant.now());
        try (var engine = ChannelEngine.start(
                Fixtures.channel(fake).build(),
                clock,
                ConnectionRequest.of("x", "@exampledev", fake.expiredCredentials(clock.instant())))) {
            var schedule = engine.scheduleInAMinute("hi", VariantDraft.of("x", "Hello"));
            engine.runDueInAMinute();
            var stored = engine.schedule(schedule.id());
            return new EngineResult(stored.status(), engine.connection().status(), stored.errorCode());
        }
    }

    @Test
    void refreshThatTimesOut_isTransient_neverRevoked() {
        fake.script(
                "POST /2/oauth2/token",
                new MockResponse.Builder()
                        .code(200)
                        .headersDelay(3, TimeUnit.SECONDS)
                        .body("{}")
                        .build());
        try (ChannelPublisher slow = Fixtures.channel(fake)
                .readTimeout(Duration.ofMillis(500))
                .build()
                .createPublisher(Fixtures.environment())) {
            RefreshResult result = slow.refresh(new Fixtures.Context(fake.expiredCredentials(Instant.now())));

            assertThat(result).isInstanceOfSatisfying(RefreshResult.TransientFailure.class, t -> assertThat(t.code())
                    .isEqualTo("refresh_timeout"));
        }
    }

    @Test
    void tokenRotatedMeanwhileByAnotherWorker_isAdopted_withoutSpendingTheRefreshToken() throws Exception {
        var context = new Fixtures.Context(fake.expiredCredentials(Instant.now()));
        context.storeElsewhere(fake.credentials(Instant.now()));

        PublishOutcome outcome = publish(context);

        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).extracting(FakeX::route).containsExactly("POST /2/tweets");
        assertThat(requests.get(0).getHeaders().get("Authorization")).isEqualTo("Bearer access-0");
        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(fake.acceptsRefreshToken("refresh-0")).isTrue();
    }

    @Test
    void concurrentRefreshesOfOneConnection_spendTheRefreshTokenOnce() throws Exception {
        var context = new Fixtures.Context(fake.expiredCredentials(Instant.now()));
        var executor = Executors.newFixedThreadPool(4);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<PublishOutcome>>();
            for (int i = 0; i < 4; i++) {
                Callable<PublishOutcome> task = () -> {
                    start.await();
                    return publish(context);
                };
                futures.add(executor.submit(task));
            }
            start.countDown();
            for (Future<PublishOutcome> future : futures) {
                assertThat(future.get(10, TimeUnit.SECONDS)).isInstanceOf(PublishOutcome.Published.class);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(fake.takeAll())
                .extracting(FakeX::route)
                .filteredOn("POST /2/oauth2/token"::equals)
                .hasSize(1);
    }

    @Test
    void rotatedPairThatCannotBeSaved_isNotUsed_andTheAttemptIsRetryable() throws Exception {
        var context = new Fixtures.Context(fake.expiredCredentials(Instant.now())).onSave(c -> {
            throw new IllegalStateException("database down");
        });

        PublishOutcome outcome = publish(context);

        Outcomes.failed(outcome, FailureKind.RETRYABLE, "credentials_not_saved");
        assertThat(fake.takeAll()).extracting(FakeX::route).containsExactly("POST /2/oauth2/token");
    }

    @Test
    void engineRefreshHook_refreshesAndSavesThePair() {
        var context = new Fixtures.Context(fake.expiredCredentials(Instant.now()));

        RefreshResult result = publisher.refresh(context);

        assertThat(result).isInstanceOf(RefreshResult.Refreshed.class);
        assertThat(context.credentials().accessToken()).contains("access-1");
        assertThat(context.saved()).hasSize(1);
    }

    @Test
    void expiredTokenWithoutRefreshToken_isAuthExpired_withoutCallingX() {
        var context = new Fixtures.Context(Credentials.of(Map.of(
                Credentials.ACCESS_TOKEN,
                "access-0",
                Credentials.EXPIRES_AT,
                Instant.now().minusSeconds(5).toString())));

        PublishOutcome outcome = publish(context);

        Outcomes.failed(outcome, FailureKind.AUTH_EXPIRED, "token_expired");
        assertThat(publisher.refresh(context)).isInstanceOf(RefreshResult.Unsupported.class);
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void confidentialClient_authenticatesTheRefreshWithBasicAuth() throws Exception {
        try (ChannelPublisher confidential = Fixtures.channel(fake)
                .oauth2Client(FakeX.CLIENT_ID, "client-secret-value")
                .build()
                .createPublisher(Fixtures.environment())) {
            confidential.refresh(new Fixtures.Context(fake.expiredCredentials(Instant.now())));
        }

        RecordedRequest token = fake.take();
        assertThat(token.getHeaders().get("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (FakeX.CLIENT_ID + ":client-secret-value").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void clientIdStoredWithTheConnection_isUsedWhenTheChannelHasNone() throws Exception {
        try (ChannelPublisher discovered =
                XChannel.builder().baseUrl(fake.url()).build().createPublisher(Fixtures.environment())) {
            RefreshResult result = discovered.refresh(new Fixtures.Context(
                    fake.expiredCredentials(Instant.now()).with(XCredentials.CLIENT_ID, "stored-client-id")));
            assertThat(result).isInstanceOf(RefreshResult.Refreshed.class);
        }

        assertThat(FakeX.form(fake.take())).containsEntry("client_id", "stored-client-id");
    }
}
