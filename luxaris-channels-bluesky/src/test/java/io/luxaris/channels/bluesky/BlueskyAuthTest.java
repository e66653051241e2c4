package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.RefreshResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** App-password sessions: one login, kept and refreshed, saved before use; what each refusal means. */
class BlueskyAuthTest {
    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    @AutoClose
    private final ChannelPublisher publisher = Fixtures.channel(fake).build().createPublisher(Fixtures.environment());

    private static PublishRequest freshConnection(String text) {
        return Fixtures.request(Fixtures.variant(text), Fixtures.connection(FakeBluesky.properties()));
    }

    private static PublishOutcome.Failed failed(PublishOutcome outcome) {
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        return (PublishOutcome.Failed) outcome;
    }

    @Test
    void theFirstPublish_logsInWithTheAppPassword_andSavesTheSessionBeforeUsingIt() throws Exception {
        var requestsWhenSaved = new ArrayList<Integer>();
        var context =
                new Fixtures.Context(FakeBluesky.appPassword()).onSave(c -> requestsWhenSaved.add(fake.requestCount()));

        PublishOutcome outcome = publisher.publish(freshConnection("First post"), context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeBluesky.routes(requests))
                .containsExactly("POST com.atproto.server.createSession", "POST com.atproto.repo.createRecord");
        assertThat(FakeBluesky.json(requests.get(0)).toString())
                .isEqualTo("{\"identifier\":\"alice.example.com\",\"password\":\"abcd-efgh-ijkl-mnop\"}");
        assertThat(requests.get(0).getHeaders().get("Authorization")).isNull();
        // saved once, after the login and before the post went out
        assertThat(requestsWhenSaved).containsExactly(1);
        Credentials saved = context.saved().get(0);
        assertThat(saved.accessToken()).contains("access-jwt-1");
        assertThat(saved.refreshToken()).contains("refresh-jwt-1");
        assertThat(saved.get(BlueskyCredentials.APP_PASSWORD)).contains(FakeBluesky.APP_PASSWORD);
        assertThat(requests.get(1).getHeaders().get("Authorization")).isEqualTo("Bearer access-jwt-1");
        assertThat(context.properties())
                .containsEntry(BlueskyChannel.PROPERTY_DID, FakeBluesky.DID)
                .containsEntry(BlueskyChannel.PROPERTY_HANDLE, FakeBluesky.HANDLE);
    }

    @Test
    void laterPublishes_reuseTheStoredSession_neverLoggingInPerPost() throws Exception {
        var context = new Fixtures.Context(FakeBluesky.appPassword());
        for (int i = 0; i < 5; i++) {
            assertThat(publisher.publish(freshConnection("Post " + i), context))
                    .isInstanceOf(PublishOutcome.Published.class);
        }

        assertThat(fake.logins()).isEqualTo(1);
        assertThat(FakeBluesky.routes(fake.takeAll()))
                .filteredOn(r -> r.endsWith("createRecord"))
                .hasSize(5);
    }

    @Test
    void anExpiredAccessToken_isRefreshed_theRotatedPairSaved_andThePostSentOnceMore() throws Exception {
        Credentials session = fake.session();
        fake.expireAccessTokens();
        var context = new Fixtures.Context(session);

        PublishOutcome outcome = publisher.publish(Fixtures.request(Fixtures.variant("After two hours")), context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeBluesky.routes(requests))
                .containsExactly(
                        "POST com.atproto.repo.createRecord",
                        "POST com.atproto.server.refreshSession",
                        "POST com.atproto.repo.createRecord");
        RecordedRequest refresh = requests.get(1);
        assertThat(refresh.getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + session.refreshToken().get());
        assertThat(refresh.getBodySize()).isZero();
        assertThat(context.saved()).singleElement().satisfies(saved -> {
            assertThat(saved.accessToken()).contains("access-jwt-2");
            assertThat(saved.refreshToken()).contains("refresh-jwt-2");
        });
        assertThat(requests.get(2).getHeaders().get("Authorization")).isEqualTo("Bearer access-jwt-2");
        assertThat(fake.logins()).isZero();
        assertThat(fake.recordCount()).isEqualTo(1);
    }

    @Test
    void aRefusedRefreshToken_fallsBackToOneLoginWithTheAppPassword() throws Exception {
        Credentials session = fake.session();
        fake.expireAccessTokens();
        fake.revokeRefreshTokens();
        var context = new Fixtures.Context(session);

        PublishOutcome outcome = publisher.publish(Fixtures.request(Fixtures.variant("Ninety days later")), context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(FakeBluesky.routes(fake.takeAll()))
                .containsExactly(
                        "POST com.atproto.repo.createRecord",
                        "POST com.atproto.server.refreshSession",
                        "POST com.atproto.server.createSession",
                        "POST com.atproto.repo.createRecord");
        assertThat(context.saved()).singleElement().satisfies(s -> assertThat(s.accessToken())
                .contains("access-jwt-2"));
    }

    @Test
    void aSessionAnotherWorkerRenewedMeanwhile_isAdopted_withoutRefreshingAgain() throws Exception {
        Credentials stale = fake.session();
        fake.expireAccessTokens();
        Credentials renewedElsewhere = fake.session();
        var context = new Fixtures.Context(stale);
        context.storeElsewhere(renewedElsewhere);

        PublishOutcome outcome = publisher.publish(Fixtures.request(Fixtures.variant("Shared account")), context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeBluesky.routes(requests))
                .containsExactly("POST com.atproto.repo.createRecord", "POST com.atproto.repo.createRecord");
        assertThat(requests.get(1).getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + renewedElsewhere.accessToken().get());
        assertThat(context.saved()).isEmpty();
    }

    @Test
    void aWrongOrRevokedAppPassword_isAuthRevoked_andNothingIsPosted() throws Exception {
        var context = new Fixtures.Context(BlueskyCredentials.appPassword("zzzz-zzzz-zzzz-zzzz"));

        PublishOutcome.Failed f = failed(publisher.publish(freshConnection("Hello"), context));

        assertThat(f.kind()).isEqualTo(FailureKind.AUTH_REVOKED);
        assertThat(f.code()).isEqualTo("invalid_credentials");
        assertThat(f.safeMessage()).contains("Invalid identifier or password").doesNotContain("zzzz-zzzz");
        assertThat(FakeBluesky.routes(fake.takeAll())).containsExactly("POST com.atproto.server.createSession");
        assertThat(context.saved()).isEmpty();
    }

    @Test
    void anAccountAskingForAnEmailCode_isAuthRevoked_withItsOwnCode() {
        fake.failLoginsWith("AuthFactorTokenRequired");

        PublishOutcome.Failed f =
                failed(publisher.publish(freshConnection("Hello"), new Fixtures.Context(FakeBluesky.appPassword())));

        assertThat(f.kind()).isEqualTo(FailureKind.AUTH_REVOKED);
        assertThat(f.code()).isEqualTo("auth_factor_token_required");
    }

    @Test
    void aTakenDownAccount_isAuthRevoked() {
        fake.script(
                "POST com.atproto.server.createSession",
                FakeBluesky.json(
                        200,
                        "{\"did\":\"did:plc:abc123\",\"handle\":\"alice.example.com\",\"accessJwt\":\"a-jwt-1\","
                                + "\"refreshJwt\":\"r-jwt-1\",\"active\":false,\"status\":\"takendown\"}"));
        var context = new Fixtures.Context(FakeBluesky.appPassword());

        PublishOutcome.Failed f = failed(publisher.publish(freshConnection("Hello"), context));

        assertThat(f.kind()).isEqualTo(FailureKind.AUTH_REVOKED);
        assertThat(f.code()).isEqualTo("account_takendown");
        assertThat(context.saved()).isEmpty();
    }

    @Test
    void aThrottledLogin_isRateLimitedUntilTheReset() {
        long reset = Instant.now().plusSeconds(300).getEpochSecond();
        fake.script(
                "POST com.atproto.server.createSession",
                FakeBluesky.rateLimited(reset)
                        .newBuilder()
                        .setHeader("RateLimit-Policy", "30;w=300")
                        .build());

        PublishOutcome.Failed f =
                failed(publisher.publish(freshConnection("Hello"), new Fixtures.Context(FakeBluesky.appPassword())));

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.code()).isEqualTo("login_rate_limited");
        assertThat(f.retryAt()).contains(Instant.ofEpochSecond(reset));
    }

    @Test
    void loginsBeyondThisProcesssBudget_areNotAttempted_butRateLimitedUntilOneIsFree() throws Exception {
        var clock = new Fixtures.TestClock(Fixtures.NOW);
        try (ChannelPublisher strict =
                Fixtures.channel(fake).loginsPerFiveMinutes(2).build().createPublisher(Fixtures.environment())) {
            // a session that cannot be stored forces a login on every publish
            for (int i = 0; i < 2; i++) {
                var context = new Fixtures.Context(FakeBluesky.appPassword(), clock, MediaSource.none()).onSave(c -> {
                    throw new IllegalStateException("storage down");
                });
                assertThat(failed(strict.publish(freshConnection("Hello"), context))
                                .code())
                        .isEqualTo("credentials_not_saved");
            }
            clock.advance(java.time.Duration.ofMinutes(1));

            PublishOutcome.Failed third = failed(strict.publish(
                    freshConnection("Hello"),
                    new Fixtures.Context(FakeBluesky.appPassword(), clock, MediaSource.none())));

            assertThat(third.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(third.code()).isEqualTo("login_budget");
            assertThat(third.retryAt()).contains(Fixtures.NOW.plus(java.time.Duration.ofMinutes(5)));
        }
        assertThat(fake.logins()).isEqualTo(2);
    }

    @Test
    void aSessionThatCannotBeSaved_isNotUsed() throws Exception {
        var context = new Fixtures.Context(FakeBluesky.appPassword()).onSave(c -> {
            throw new IllegalStateException("storage down");
        });

        PublishOutcome.Failed f = failed(publisher.publish(freshConnection("Hello"), context));

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.code()).isEqualTo("credentials_not_saved");
        assertThat(FakeBluesky.routes(fake.takeAll())).containsExactly("POST com.atproto.server.createSession");
    }

    @Test
    void noSessionAndNoAppPassword_isAuthRevoked_withoutARequest() {
        PublishOutcome.Failed f = failed(publisher.publish(
                freshConnection("Hello"),
                new Fixtures.Context(Credentials.bearer("not-a-bluesky-session")).onSave(c -> {})));

        // a token Bluesky does not know: refused, no refresh token, no app password
        assertThat(f.kind()).isEqualTo(FailureKind.AUTH_REVOKED);
        assertThat(f.code()).isEqualTo("missing_app_password");
    }

    @Test
    void theEnginesRefresh_renewsTheSession_andSavesIt() {
        Credentials session = fake.session();
        fake.expireAccessTokens();
        var context = new Fixtures.Context(session, Clock.systemUTC(), MediaSource.none());

        RefreshResult result = publisher.refresh(context);

        assertThat(result).isInstanceOf(RefreshResult.Refreshed.class);
        assertThat(context.credentials().accessToken()).contains("access-jwt-2");
        assertThat(context.saved()).hasSize(1);
    }

    @Test
    void theEnginesRefresh_ofARevokedSessionWithoutAPassword_isRevoked() {
        Credentials session = fake.session().without(BlueskyCredentials.APP_PASSWORD);
        fake.revokeRefreshTokens();

        RefreshResult result = publisher.refresh(new Fixtures.Context(session));

        assertThat(result).isInstanceOfSatisfying(RefreshResult.Revoked.class, r -> assertThat(r.code())
                .isEqualTo("missing_app_password"));
    }

    @Test
    void aFailingRefresh_isTransient_andKeepsTheConnection() {
        Credentials session = fake.session();
        fake.script(
                "POST com.atproto.server.refreshSession",
                FakeBluesky.error(503, "ServiceUnavailable", "Service Unavailable"));

        RefreshResult result = publisher.refresh(new Fixtures.Context(session));

        assertThat(result).isInstanceOfSatisfying(RefreshResult.TransientFailure.class, t -> assertThat(t.code())
                .isEqualTo("refresh_http_503"));
    }

    @Test
    void theIdentifier_mayAlsoBeKeptInTheCredentials() throws Exception {
        Credentials withIdentifier = FakeBluesky.appPassword().with(BlueskyCredentials.IDENTIFIER, FakeBluesky.HANDLE);

        PublishOutcome outcome = publisher.publish(
                Fixtures.request(Fixtures.variant("Hello"), Fixtures.connection(Map.of())),
                new Fixtures.Context(withIdentifier));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(FakeBluesky.json(fake.take()).path("identifier").asText()).isEqualTo(FakeBluesky.HANDLE);
    }

    @Test
    void anIdentifierWrittenWithAnAt_logsInWithoutIt() throws Exception {
        PublishOutcome outcome = publisher.publish(
                Fixtures.request(
                        Fixtures.variant("Hello"),
                        Fixtures.connection(Map.of(BlueskyChannel.PROPERTY_IDENTIFIER, "@" + FakeBluesky.HANDLE))),
                new Fixtures.Context(FakeBluesky.appPassword()));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(FakeBluesky.json(fake.take()).path("identifier").asText()).isEqualTo(FakeBluesky.HANDLE);
    }
}
