package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Long-lived tokens: refreshed ahead of their 60 days ({@code th_refresh_token}) and saved before use; an expired one
 * cannot be refreshed; a refused token is auth expired, and the engine's refresh then says revoked.
 */
class ThreadsAuthTest {
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-11-24T10:00:00Z"));

    @AutoClose
    private final FakeThreads fake = new FakeThreads().clock(clock);

    @AutoClose
    private final ChannelPublisher publisher = Fixtures.publisher(Fixtures.channel(fake));

    private Fixtures.Context context(Credentials credentials) {
        return new Fixtures.Context(credentials, clock, MediaSource.none());
    }

    private PublishOutcome publish(Fixtures.Context context) {
        return publisher.publish(
                Fixtures.request(Fixtures.variant("Authenticated", List.of(), List.of(), clock.instant())), context);
    }

    @Test
    void aTokenExpiringWithinThirtyDays_isRefreshed_andSavedBeforeItIsUsed() throws Exception {
        Credentials old = fake.credentials(Duration.ofDays(40)); // expires in about 20 days
        String oldToken = old.accessToken().orElseThrow();
        var requestsWhenSaved = new ArrayList<Integer>();
        var context = context(old).onSave(c -> requestsWhenSaved.add(fake.requestCount()));

        PublishOutcome outcome = publish(context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(context.saved()).singleElement().satisfies(saved -> {
            assertThat(saved.accessToken()).isPresent().isNotEqualTo(old.accessToken());
            assertThat(saved.expiresAt()).contains(clock.instant().plusSeconds(FakeThreads.LONG_LIVED_SECONDS));
        });
        String newToken = context.saved().get(0).accessToken().orElseThrow();
        assertThat(requestsWhenSaved).containsExactly(1);
        List<RecordedRequest> requests = fake.takeAll();
        RecordedRequest refresh = requests.get(0);
        assertThat(refresh.getMethod()).isEqualTo("GET");
        assertThat(refresh.getUrl().encodedPath()).isEqualTo("/refresh_access_token");
        assertThat(refresh.getUrl().queryParameter("grant_type")).isEqualTo("th_refresh_token");
        assertThat(refresh.getUrl().queryParameter("access_token")).isEqualTo(oldToken);
        assertThat(FakeThreads.form(requests.get(1))).containsEntry("access_token", newToken);
        assertThat(requests.subList(1, requests.size()))
                .allSatisfy(r -> assertThat(FakeThreads.params(r)).containsEntry("access_token", newToken));
    }

    @Test
    void aTokenFarFromItsExpiry_isNotRefreshed() throws Exception {
        var context = context(fake.credentials(Duration.ofDays(10)));

        publish(context);

        assertThat(context.saved()).isEmpty();
        assertThat(fake.routes()).doesNotContain("GET /refresh_access_token");
    }

    @Test
    void theRefreshMargin_isConfigurable() throws Exception {
        var context = context(fake.credentials(Duration.ofDays(10))); // 50 days left
        try (ChannelPublisher eager = Fixtures.publisher(Fixtures.channel(fake).refreshAhead(Duration.ofDays(55)))) {
            eager.publish(Fixtures.request(Fixtures.variant("Eager", List.of(), List.of(), clock.instant())), context);
        }

        assertThat(context.saved()).hasSize(1);
    }

    @Test
    void anExpiredToken_failsAsAuthExpired_withoutARequest_andCannotBeRefreshed() {
        var context = context(fake.credentials(Duration.ofDays(61)));

        PublishOutcome outcome = publish(context);

        assertThat(Outcomes.failed(outcome, FailureKind.AUTH_EXPIRED, "token_expired"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("reconnect");
                });
        assertThat(publisher.refresh(context))
                .isInstanceOfSatisfying(
                        RefreshResult.Revoked.class, r -> assertThat(r.code()).isEqualTo("token_expired"));
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void aRefusedRefresh_whileTheTokenIsStillValid_publishesWithTheTokenAsItIs() throws Exception {
        Credentials old = fake.credentials(Duration.ofDays(40));
        fake.script(
                "GET /refresh_access_token",
                FakeThreads.invalidParameter(
                        "The access token can only be refreshed once it is at least 24 hours old"));
        var context = context(old);

        PublishOutcome outcome = publish(context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(context.saved()).isEmpty();
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeThreads.form(requests.get(1)))
                .containsEntry("access_token", old.accessToken().orElseThrow());
    }

    @Test
    void aRefreshedTokenThatCannotBeSaved_isNotUsed() throws Exception {
        Credentials old = fake.credentials(Duration.ofDays(40));
        var context = context(old).onSave(c -> {
            throw new IllegalStateException("database down");
        });

        PublishOutcome outcome = publish(context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(fake.route(requests.get(0))).isEqualTo("GET /refresh_access_token");
        assertThat(requests.subList(1, requests.size())).allSatisfy(r -> assertThat(FakeThreads.params(r))
                .containsEntry("access_token", old.accessToken().orElseThrow()));
    }

    @Test
    void aTokenRefreshedElsewhereMeanwhile_isAdopted_withoutRefreshingAgain() throws Exception {
        Credentials old = fake.credentials(Duration.ofDays(40));
        Credentials fresh = fake.credentials(Duration.ofDays(1));
        var context = context(old);
        context.storeElsewhere(fresh);

        PublishOutcome outcome = publish(context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).extracting(fake::route).doesNotContain("GET /refresh_access_token");
        assertThat(FakeThreads.form(requests.get(0)))
                .containsEntry("access_token", fresh.accessToken().orElseThrow());
    }

    @Test
    void aTokenThreadsRefuses_isAuthExpired_andTheEnginesRefreshThenSaysRevoked() {
        var context = context(Credentials.of(Map.of(
                Credentials.ACCESS_TOKEN,
                "THQVJnot-a-token-threads-knows",
                Credentials.EXPIRES_AT,
                clock.instant().plus(Duration.ofDays(50)).toString())));

        PublishOutcome outcome = publish(context);

        Outcomes.failed(outcome, FailureKind.AUTH_EXPIRED, "invalid_token");
        assertThat(publisher.refresh(context))
                .isInstanceOfSatisfying(
                        RefreshResult.Revoked.class, r -> assertThat(r.code()).isEqualTo("refresh_invalid_token"));
        assertThat(context.saved()).isEmpty();
    }

    @Test
    void theEnginesRefresh_ofAValidToken_savesAFreshOne() {
        var context = context(fake.credentials(Duration.ofDays(5)));

        RefreshResult result = publisher.refresh(context);

        assertThat(result).isInstanceOf(RefreshResult.Refreshed.class);
        assertThat(context.saved()).hasSize(1);
        assertThat(fake.accepts(context.credentials().accessToken().orElseThrow()))
                .isTrue();
    }

    @Test
    void aRefreshThatCannotReachThreads_isTransient() throws Exception {
        var closed = new MockWebServer();
        closed.start();
        String url = closed.url("/").toString();
        closed.close();
        try (ChannelPublisher unreachable =
                Fixtures.publisher(Fixtures.channel(fake).baseUrl(url).connectTimeout(Duration.ofSeconds(1)))) {
            RefreshResult result = unreachable.refresh(context(fake.credentials(Duration.ofDays(5))));

            assertThat(result).isInstanceOfSatisfying(RefreshResult.TransientFailure.class, t -> assertThat(t.code())
                    .isEqualTo("refresh_connect_failed"));
        }
    }

    @Test
    void credentialsWithoutAnAccessToken_areRevoked() {
        PublishOutcome outcome = publish(context(Credentials.of(Map.of("scope", "threads_basic"))));

        Outcomes.failed(outcome, FailureKind.AUTH_REVOKED, "missing_access_token");
    }

    @Test
    void aRevokedAppPermission_isAuthRevoked() {
        fake.script(
                "POST /v1.0/{user}/threads",
                FakeThreads.graphError(
                        400,
                        "Error validating access token: The user has not authorized application 1234567890123456.",
                        190,
                        458,
                        null));

        PublishOutcome outcome = publish(context(fake.credentials()));

        Outcomes.failed(outcome, FailureKind.AUTH_REVOKED, "token_revoked");
    }
}
