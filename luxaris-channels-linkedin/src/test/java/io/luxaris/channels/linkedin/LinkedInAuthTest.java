package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.http.testing.EngineSchedules;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.VariantDraft;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Tokens while publishing: 401 classes, refresh ahead of expiry and after a 401, and the reauthorization signal. */
class LinkedInAuthTest {
    private final SettableClock clock = SettableClock.at(Fixtures.NOW);

    @AutoClose
    private final FakeLinkedIn linkedIn = new FakeLinkedIn().clock(clock);

    private LinkedInChannel refreshingChannel() {
        return linkedIn.channel()
                .oauthClient(FakeLinkedIn.CLIENT_ID, FakeLinkedIn.CLIENT_SECRET)
                .build();
    }

    private Fixtures.Context context(Credentials credentials) {
        return new Fixtures.Context(credentials, clock, MediaSource.none());
    }

    @Test
    void expiredAccessToken_401_isAuthExpired() {
        Credentials credentials = linkedIn.credentials(Fixtures.NOW);
        linkedIn.expire(credentials.accessToken().orElseThrow());
        PublishOutcome outcome = Fixtures.publish(
                linkedIn.channel().build(), Fixtures.request(Fixtures.variant("x")), context(credentials));
        assertThat(Outcomes.failed(outcome, FailureKind.AUTH_EXPIRED, "linkedin_token_expired"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("EXPIRED_ACCESS_TOKEN");
                    assertThat(f.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                            .contains("65600")
                            .doesNotContain(credentials.accessToken().orElseThrow()));
                });
    }

    @Test
    void revokedAccessToken_401_isAuthRevoked() {
        Credentials credentials = linkedIn.credentials(Fixtures.NOW);
        linkedIn.revoke(credentials.accessToken().orElseThrow());
        PublishOutcome outcome = Fixtures.publish(
                linkedIn.channel().build(), Fixtures.request(Fixtures.variant("x")), context(credentials));
        Outcomes.failed(outcome, FailureKind.AUTH_REVOKED, "linkedin_token_revoked");
    }

    @Test
    void unknownToken_401_isAuthExpired_soTheEngineTriesARefresh() {
        PublishOutcome outcome = Fixtures.publish(
                linkedIn.channel().build(),
                Fixtures.request(Fixtures.variant("x")),
                context(Credentials.bearer("AQX-unknown-token")));
        Outcomes.failed(outcome, FailureKind.AUTH_EXPIRED, "http_401");
    }

    @Test
    void expiredTokenWithoutRefresh_isAuthExpired_withoutARequest() throws Exception {
        Credentials credentials = linkedIn.credentials(Fixtures.NOW.minus(Duration.ofDays(61)));
        PublishOutcome outcome =
                Fixtures.publish(refreshingChannel(), Fixtures.request(Fixtures.variant("x")), context(credentials));
        assertThat(Outcomes.failed(outcome, FailureKind.AUTH_EXPIRED, "linkedin_token_expired"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("authorize again");
                });
        assertThat(linkedIn.takeAll()).isEmpty();
    }

    @Test
    void tokenAboutToExpire_isRefreshedFirst_savedBeforeUse_withTheRefreshTokenAndItsExpiryUnchanged()
            throws Exception {
        String stale = linkedIn.newAccessToken();
        Instant refreshExpiry = Fixtures.NOW.plus(Duration.ofDays(300));
        Credentials credentials =
                linkedIn.refreshableCredentials(stale, Fixtures.NOW.plus(Duration.ofMinutes(2)), refreshExpiry);
        var context = context(credentials);

        PublishOutcome outcome =
                Fixtures.publish(refreshingChannel(), Fixtures.request(Fixtures.variant("Fresh")), context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        var token = linkedIn.take();
        assertThat(token.getUrl().encodedPath()).isEqualTo("/oauth/v2/accessToken");
        assertThat(FakeLinkedIn.form(token))
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", credentials.refreshToken().orElseThrow())
                .containsEntry("client_id", FakeLinkedIn.CLIENT_ID)
                .containsEntry("client_secret", FakeLinkedIn.CLIENT_SECRET);
        assertThat(context.saved()).singleElement().satisfies(saved -> {
            assertThat(saved.accessToken()).isPresent().isNotEqualTo(credentials.accessToken());
            assertThat(saved.expiresAt()).contains(Fixtures.NOW.plusSeconds(5183999));
            assertThat(saved.refreshToken()).isEqualTo(credentials.refreshToken());
            assertThat(saved.refreshExpiresAt()).contains(refreshExpiry);
        });
        var post = linkedIn.take();
        assertThat(post.getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + context.saved().get(0).accessToken().orElseThrow());
    }

    @Test
    void tokenAboutToExpire_alreadyRefreshedByAnotherNode_isReplacedByTheStoredOne_withoutARefresh() throws Exception {
        Credentials old = linkedIn.refreshableCredentials(
                linkedIn.newAccessToken(),
                Fixtures.NOW.plus(Duration.ofMinutes(2)),
                Fixtures.NOW.plus(Duration.ofDays(300)));
        var context = context(old);
        String fresh = linkedIn.newAccessToken();
        context.storedElsewhere(old.with(Credentials.ACCESS_TOKEN, fresh)
                .with(
                        Credentials.EXPIRES_AT,
                        Fixtures.NOW.plus(Duration.ofDays(60)).toString()));

        PublishOutcome outcome =
                Fixtures.publish(refreshingChannel(), Fixtures.request(Fixtures.variant("x")), context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        var requests = linkedIn.takeAll();
        assertThat(requests).extracting(FakeLinkedIn::route).containsExactly("POST /rest/posts");
        assertThat(requests.get(0).getHeaders().get("Authorization")).isEqualTo("Bearer " + fresh);
        assertThat(context.saved()).isEmpty();
    }

    @Test
    void tokenAboutToExpire_withoutAnOAuthClient_isUsedAsLongAsItLasts() throws Exception {
        Credentials credentials = linkedIn.refreshableCredentials(
                linkedIn.newAccessToken(),
                Fixtures.NOW.plus(Duration.ofMinutes(2)),
                Fixtures.NOW.plus(Duration.ofDays(300)));
        var context = context(credentials);
        PublishOutcome outcome =
                Fixtures.publish(linkedIn.channel().build(), Fixtures.request(Fixtures.variant("x")), context);
        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(context.saved()).isEmpty();
        assertThat(linkedIn.takeAll()).extracting(FakeLinkedIn::route).containsExactly("POST /rest/posts");
    }

    @Test
    void refreshAfterA401_usesTheRefreshToken_andSavesTheNewAccessToken() {
        String revokedEarly = linkedIn.newAccessToken();
        linkedIn.expire(revokedEarly);
        Credentials credentials = linkedIn.refreshableCredentials(
                revokedEarly, Fixtures.NOW.plus(Duration.ofDays(30)), Fixtures.NOW.plus(Duration.ofDays(300)));
        var context = context(credentials);
        try (ChannelPublisher publisher = refreshingChannel().createPublisher(Fixtures.environment())) {
            var request = Fixtures.request(Fixtures.variant("x"));
            assertThat(publisher.publish(request, context))
                    .isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.kind())
                            .isEqualTo(FailureKind.AUTH_EXPIRED));

            assertThat(publisher.refresh(context)).isInstanceOf(RefreshResult.Refreshed.class);
            assertThat(context.credentials().accessToken()).isPresent().isNotEqualTo(credentials.accessToken());
            assertThat(publisher.publish(request, context)).isInstanceOf(PublishOutcome.Published.class);
        }
    }

    @Test
    void refresh_whenAnotherNodeAlreadyRefreshed_usesTheStoredTokenWithoutCallingLinkedIn() throws Exception {
        Credentials old = linkedIn.refreshableCredentials(
                linkedIn.newAccessToken(),
                Fixtures.NOW.plus(Duration.ofDays(1)),
                Fixtures.NOW.plus(Duration.ofDays(300)));
        var context = context(old);
        Credentials rotated = old.with(Credentials.ACCESS_TOKEN, linkedIn.newAccessToken())
                .with(
                        Credentials.EXPIRES_AT,
                        Fixtures.NOW.plus(Duration.ofDays(60)).toString());
        context.storedElsewhere(rotated);
        try (ChannelPublisher publisher = refreshingChannel().createPublisher(Fixtures.environment())) {
            assertThat(publisher.refresh(context)).isInstanceOf(RefreshResult.Refreshed.class);
        }
        assertThat(context.credentials()).isEqualTo(rotated);
        assertThat(linkedIn.takeAll()).isEmpty();
    }

    @Test
    void refresh_withoutARefreshToken_isUnsupported() {
        try (ChannelPublisher publisher = refreshingChannel().createPublisher(Fixtures.environment())) {
            assertThat(publisher.refresh(context(linkedIn.credentials(Fixtures.NOW))))
                    .isInstanceOf(RefreshResult.Unsupported.class);
        }
    }

    @Test
    void refresh_withoutTheAppsClientSecret_isUnsupported() {
        Credentials credentials = linkedIn.refreshableCredentials(
                "AQX-x", Fixtures.NOW.minusSeconds(1), Fixtures.NOW.plus(Duration.ofDays(300)));
        try (ChannelPublisher publisher = linkedIn.channel().build().createPublisher(Fixtures.environment())) {
            assertThat(publisher.refresh(context(credentials))).isInstanceOf(RefreshResult.Unsupported.class);
        }
    }

    @Test
    void refresh_ofARefreshTokenPastItsYear_isUnsupported_soTheMemberIsAskedToReconnect() throws Exception {
        Credentials credentials =
                linkedIn.refreshableCredentials("AQX-x", Fixtures.NOW.minusSeconds(1), Fixtures.NOW.minusSeconds(10));
        try (ChannelPublisher publisher = refreshingChannel().createPublisher(Fixtures.environment())) {
            assertThat(publisher.refresh(context(credentials))).isInstanceOf(RefreshResult.Unsupported.class);
        }
        assertThat(linkedIn.takeAll()).isEmpty();
    }

    @Test
    void refresh_refusedByLinkedIn_isRevoked_andATransientFailureIsNot() {
        Credentials forged = Credentials.of(Map.of(
                Credentials.ACCESS_TOKEN, "AQX-x",
                Credentials.REFRESH_TOKEN, "li-refresh-forged",
                Credentials.EXPIRES_AT, Fixtures.NOW.minusSeconds(1).toString()));
        try (ChannelPublisher publisher = refreshingChannel().createPublisher(Fixtures.environment())) {
            assertThat(publisher.refresh(context(forged))).isInstanceOfSatisfying(RefreshResult.Revoked.class, r -> {
                assertThat(r.code()).isEqualTo("invalid_request");
                assertThat(r.safeMessage()).doesNotContain("li-refresh-forged");
            });
            linkedIn.script("POST /oauth/v2/accessToken", FakeLinkedIn.serverError(503));
            assertThat(publisher.refresh(context(forged))).isInstanceOf(RefreshResult.TransientFailure.class);
        }
    }

    @Test
    void engine_onAnExpiredToken_refreshesOnce_andPublishesOnce() throws Exception {
        String expiredEarly = linkedIn.newAccessToken();
        linkedIn.expire(expiredEarly);
        Credentials credentials = linkedIn.refreshableCredentials(
                expiredEarly, Fixtures.NOW.plus(Duration.ofDays(30)), Fixtures.NOW.plus(Duration.ofDays(300)));
        try (Luxaris luxaris =
                Luxaris.builder().channel(refreshingChannel()).clock(clock).build()) {
            var owner = Principal.of("owner");
            var account = connect(luxaris, owner, credentials);
            var schedule = schedule(luxaris, owner, account.id(), "Refreshed on the way");

            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);

            assertThat(luxaris.schedules().get(owner, schedule.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
            assertThat(linkedIn.takeAll())
                    .extracting(FakeLinkedIn::route)
                    .containsExactly("POST /rest/posts", "POST /oauth/v2/accessToken", "POST /rest/posts");
            assertThat(linkedIn.posts()).hasSize(1);
            var health = luxaris.channels().health(owner, account.id());
            assertThat(health.tokenExpiresAt()).contains(clock.instant().plusSeconds(5183999));
            assertThat(health.refreshTokenExpiresAt()).contains(Fixtures.NOW.plus(Duration.ofDays(300)));
        }
    }

    @Test
    void engine_onARevokedToken_failsTheScheduleAndMarksTheConnection() {
        Credentials credentials = linkedIn.credentials(Fixtures.NOW);
        linkedIn.revoke(credentials.accessToken().orElseThrow());
        try (Luxaris luxaris =
                Luxaris.builder().channel(refreshingChannel()).clock(clock).build()) {
            var owner = Principal.of("owner");
            var account = connect(luxaris, owner, credentials);
            var schedule = schedule(luxaris, owner, account.id(), "Nope");
            luxaris.publishing().runDue();
            var done = luxaris.schedules().get(owner, schedule.id());
            assertThat(done.status()).isEqualTo(ScheduleStatus.FAILED);
            assertThat(done.errorCode()).contains("linkedin_token_revoked");
            var health = luxaris.channels().health(owner, account.id());
            assertThat(health.status()).isNotEqualTo(ConnectionStatus.CONNECTED);
            assertThat(health.needsReauthorization()).isTrue();
        }
    }

    @Test
    void connectionHealth_ofAnExchangedSixtyDayToken_saysReauthorizeSoonAWeekBeforeItExpires() {
        try (var oauth = LinkedInOAuth.builder(
                                FakeLinkedIn.CLIENT_ID,
                                FakeLinkedIn.CLIENT_SECRET,
                                URI.create(FakeLinkedIn.REDIRECT_URI))
                        .oauthBaseUrl(linkedIn.url())
                        .apiBaseUrl(linkedIn.url())
                        .clock(clock)
                        .build();
                Luxaris luxaris = Luxaris.builder()
                        .channel(linkedIn.channel().build())
                        .clock(clock)
                        .build()) {
            var tokens = oauth.exchange(linkedIn.issueCode());
            var member = oauth.member(tokens.accessToken());
            var owner = Principal.of("owner");
            var account = luxaris.channels()
                    .connect(
                            owner,
                            ConnectionRequest.of(LinkedInChannel.KEY, member.displayName(), tokens.toCredentials())
                                    .withProperties(member.toConnectionProperties()));
            assertThat(account.property(LinkedInChannel.PROPERTY_AUTHOR_URN)).contains(FakeLinkedIn.AUTHOR);

            clock.advance(Duration.ofDays(52));
            var early = luxaris.channels().health(owner, account.id());
            assertThat(early.refreshable()).isFalse();
            assertThat(early.reauthorizeSoon()).isFalse();

            clock.advance(Duration.ofDays(2));
            var soon = luxaris.channels().health(owner, account.id());
            assertThat(soon.reauthorizeSoon()).isTrue();
            assertThat(soon.needsReauthorization()).isFalse();
            assertThat(LinkedInOAuth.reauthorizeSoon(tokens.toCredentials(), clock.instant()))
                    .isTrue();

            clock.advance(Duration.ofDays(7));
            assertThat(luxaris.channels().health(owner, account.id()).needsReauthorization())
                    .isTrue();
        }
    }

    @Test
    void connectionHealth_ofAPartnerToken_isRefreshable_untilTheRefreshTokensYearEnds() {
        linkedIn.partnerApp();
        try (var oauth = LinkedInOAuth.builder(
                                FakeLinkedIn.CLIENT_ID,
                                FakeLinkedIn.CLIENT_SECRET,
                                URI.create(FakeLinkedIn.REDIRECT_URI))
                        .oauthBaseUrl(linkedIn.url())
                        .clock(clock)
                        .build();
                Luxaris luxaris = Luxaris.builder()
                        .channel(refreshingChannel())
                        .clock(clock)
                        .build()) {
            var tokens = oauth.exchange(linkedIn.issueCode());
            var owner = Principal.of("owner");
            var account = connect(luxaris, owner, tokens.toCredentials());

            clock.advance(Duration.ofDays(59));
            var health = luxaris.channels().health(owner, account.id());
            assertThat(health.refreshable()).isTrue();
            assertThat(health.reauthorizeSoon()).isFalse();

            clock.advance(Duration.ofDays(300));
            assertThat(luxaris.channels().health(owner, account.id()).reauthorizeSoon())
                    .isTrue();
        }
    }

    private static ChannelConnection connect(Luxaris luxaris, Principal owner, Credentials credentials) {
        return luxaris.channels()
                .connect(
                        owner,
                        ConnectionRequest.of(LinkedInChannel.KEY, "Example User", credentials)
                                .withProperties(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, FakeLinkedIn.AUTHOR)));
    }

    private Schedule schedule(Luxaris luxaris, Principal owner, ConnectionId account, String text) {
        var schedule = EngineSchedules.schedule(
                luxaris,
                owner,
                text,
                VariantDraft.of(LinkedInChannel.KEY, text),
                account,
                clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        return schedule;
    }
}
