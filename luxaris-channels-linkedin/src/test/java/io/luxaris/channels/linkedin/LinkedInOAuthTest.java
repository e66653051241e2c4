package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.Credentials;
import io.luxaris.testkit.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The 3-legged OAuth helpers: authorization URL, code exchange, userinfo, refresh, and reauthorization dates. */
class LinkedInOAuthTest {
    private final SettableClock clock = SettableClock.at(Fixtures.NOW);

    @AutoClose
    private final FakeLinkedIn linkedIn = new FakeLinkedIn().clock(clock);

    @AutoClose
    private final LinkedInOAuth oauth = LinkedInOAuth.builder(
                    FakeLinkedIn.CLIENT_ID, FakeLinkedIn.CLIENT_SECRET, URI.create(FakeLinkedIn.REDIRECT_URI))
            .oauthBaseUrl(linkedIn.url())
            .apiBaseUrl(linkedIn.url())
            .clock(clock)
            .build();

    @Test
    void authorizationRequest_pointsAtLinkedInsPage_withEveryParameterAndTheState() {
        try (var production = LinkedInOAuth.builder("client-1", "secret-1", URI.create(FakeLinkedIn.REDIRECT_URI))
                .build()) {
            LinkedInOAuth.AuthorizationRequest auth = production.authorizationRequest("state-123");
            HttpUrl url = HttpUrl.get(auth.url());
            assertThat(url.scheme()).isEqualTo("https");
            assertThat(url.host()).isEqualTo("www.linkedin.com");
            assertThat(url.encodedPath()).isEqualTo("/oauth/v2/authorization");
            assertThat(url.queryParameter("response_type")).isEqualTo("code");
            assertThat(url.queryParameter("client_id")).isEqualTo("client-1");
            assertThat(url.queryParameter("redirect_uri")).isEqualTo(FakeLinkedIn.REDIRECT_URI);
            assertThat(url.queryParameter("state")).isEqualTo("state-123");
            assertThat(url.queryParameter("scope")).isEqualTo("openid profile w_member_social");
            assertThat(auth.url().toString()).doesNotContain("secret-1");
            assertThat(auth.stateMatches("state-123")).isTrue();
            assertThat(auth.stateMatches("state-124")).isFalse();
            assertThat(auth.stateMatches(null)).isFalse();
        }
    }

    @Test
    void authorizationRequest_withoutAState_getsAFreshRandomOne() {
        var first = oauth.authorizationRequest();
        var second = oauth.authorizationRequest();
        assertThat(first.state()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second.state());
        assertThat(HttpUrl.get(first.url()).queryParameter("state")).isEqualTo(first.state());
    }

    @Test
    void scopes_canBeChosen_forPostingAsAnOrganization() {
        try (var org = LinkedInOAuth.builder("c", "s", URI.create(FakeLinkedIn.REDIRECT_URI))
                .scopes(List.of("openid", "profile", "w_organization_social"))
                .build()) {
            assertThat(HttpUrl.get(org.authorizationRequest("s1").url()).queryParameter("scope"))
                    .isEqualTo("openid profile w_organization_social");
        }
        assertThatThrownBy(() -> LinkedInOAuth.builder("c", "s", URI.create(FakeLinkedIn.REDIRECT_URI))
                        .scopes(List.of("a b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkedInOAuth.builder("c", "s", URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redirectUri");
    }

    @Test
    void exchange_postsTheFormToTheTokenEndpoint_andRecordsTheSixtyDayExpiry() throws Exception {
        String code = linkedIn.issueCode();

        LinkedInOAuth.Tokens tokens = oauth.exchange(code);

        RecordedRequest request = linkedIn.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/oauth/v2/accessToken");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(FakeLinkedIn.form(request))
                .containsExactly(
                        Map.entry("grant_type", "authorization_code"),
                        Map.entry("code", code),
                        Map.entry("redirect_uri", FakeLinkedIn.REDIRECT_URI),
                        Map.entry("client_id", FakeLinkedIn.CLIENT_ID),
                        Map.entry("client_secret", FakeLinkedIn.CLIENT_SECRET));
        assertThat(tokens.expiresAt()).isEqualTo(Fixtures.NOW.plusSeconds(5183999));
        assertThat(tokens.refreshable()).isFalse();
        assertThat(tokens.scopes()).containsExactly("openid", "profile", "w_member_social");

        Credentials credentials = tokens.toCredentials();
        assertThat(credentials.accessToken()).contains(tokens.accessToken());
        assertThat(credentials.expiresAt()).contains(Fixtures.NOW.plusSeconds(5183999));
        assertThat(credentials.refreshToken()).isEmpty();
        assertThat(credentials.get(Credentials.SCOPE)).contains("openid,profile,w_member_social");
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken());
    }

    @Test
    void exchange_forAPartnerApp_recordsTheRefreshTokenAndItsYear() {
        linkedIn.partnerApp();
        LinkedInOAuth.Tokens tokens = oauth.exchange(linkedIn.issueCode());

        assertThat(tokens.refreshable()).isTrue();
        assertThat(tokens.refreshExpiresAt()).contains(Fixtures.NOW.plus(Duration.ofDays(365)));
        Credentials credentials = tokens.toCredentials();
        assertThat(credentials.refreshToken()).isPresent();
        assertThat(credentials.refreshExpiresAt()).contains(Fixtures.NOW.plus(Duration.ofDays(365)));
        assertThat(tokens.toString()).doesNotContain(credentials.refreshToken().orElseThrow());
    }

    @Test
    void exchange_ofAnInvalidCode_throwsLinkedInsError_withoutTheCodeOrTheSecret() {
        assertThatThrownBy(() -> oauth.exchange("AQT-forged-code"))
                .isInstanceOfSatisfying(LinkedInException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_request");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage())
                            .contains("authorization code")
                            .doesNotContain("AQT-forged-code")
                            .doesNotContain(FakeLinkedIn.CLIENT_SECRET);
                });
    }

    @Test
    void exchange_whenLinkedInCannotBeReached_isRetryable() throws Exception {
        String url = linkedIn.url();
        linkedIn.close();
        try (var offline = LinkedInOAuth.builder("c", "s", URI.create(FakeLinkedIn.REDIRECT_URI))
                .oauthBaseUrl(url)
                .build()) {
            assertThatThrownBy(() -> offline.exchange("code")).isInstanceOfSatisfying(LinkedInException.class, e -> {
                assertThat(e.code()).isEqualTo("connect_failed");
                assertThat(e.retryable()).isTrue();
            });
        }
    }

    @Test
    void member_readsUserinfo_andNamesTheAuthorUrn() throws Exception {
        String token = linkedIn.newAccessToken();

        LinkedInOAuth.Member member = oauth.member(token);

        RecordedRequest request = linkedIn.take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/userinfo");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
        assertThat(member.id()).isEqualTo(FakeLinkedIn.PERSON_ID);
        assertThat(member.name()).contains("Example User");
        assertThat(member.personUrn()).isEqualTo("urn:li:person:abc123XYZ");
        assertThat(member.displayName()).isEqualTo("Example User");
        assertThat(member.toConnectionProperties())
                .containsExactly(Map.entry(LinkedInChannel.PROPERTY_AUTHOR_URN, "urn:li:person:abc123XYZ"));
    }

    @Test
    void member_withARevokedToken_throwsWithoutTheToken() {
        String token = linkedIn.newAccessToken();
        linkedIn.revoke(token);
        assertThatThrownBy(() -> oauth.member(token)).isInstanceOfSatisfying(LinkedInException.class, e -> {
            assertThat(e.code()).isEqualTo("revoked_access_token");
            assertThat(e.getMessage()).doesNotContain(token);
        });
    }

    @Test
    void refresh_keepsTheRefreshToken_andItsOriginalExpiry_becauseLinkedInDoesNotRotateIt() throws Exception {
        linkedIn.partnerApp();
        Credentials first = oauth.exchange(linkedIn.issueCode()).toCredentials();
        linkedIn.takeAll();
        clock.advance(Duration.ofDays(61));

        LinkedInOAuth.Tokens refreshed = oauth.refresh(first);

        assertThat(FakeLinkedIn.form(linkedIn.take()))
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", first.refreshToken().orElseThrow())
                .containsEntry("client_id", FakeLinkedIn.CLIENT_ID)
                .containsEntry("client_secret", FakeLinkedIn.CLIENT_SECRET);
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken().orElseThrow());
        assertThat(refreshed.expiresAt()).isEqualTo(clock.instant().plusSeconds(5183999));
        assertThat(refreshed.refreshToken()).isEqualTo(first.refreshToken());
        assertThat(refreshed.refreshExpiresAt()).isEqualTo(first.refreshExpiresAt());
    }

    @Test
    void refresh_whenLinkedInDoesNotReportTheRefreshLifetime_keepsTheKnownExpiry() {
        linkedIn.partnerApp();
        linkedIn.omitRefreshLifetime();
        Credentials first = oauth.exchange(linkedIn.issueCode()).toCredentials();
        clock.advance(Duration.ofDays(100));

        assertThat(oauth.refresh(first).refreshExpiresAt()).isEqualTo(first.refreshExpiresAt());
        assertThat(oauth.refresh(first.refreshToken().orElseThrow()).refreshExpiresAt())
                .isEmpty();
    }

    @Test
    void refresh_afterTheRefreshTokensYear_isRefused() {
        linkedIn.partnerApp();
        Credentials first = oauth.exchange(linkedIn.issueCode()).toCredentials();
        clock.advance(Duration.ofDays(366));
        assertThatThrownBy(() -> oauth.refresh(first)).isInstanceOfSatisfying(LinkedInException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_request");
            assertThat(e.getMessage()).doesNotContain(first.refreshToken().orElseThrow());
        });
        assertThatThrownBy(() -> oauth.refresh(Credentials.bearer("x-token")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reauthorization_ofASixtyDayToken_isDueWhenTheAccessTokenExpires_withASevenDayWarning() {
        Instant issued = Fixtures.NOW;
        Credentials credentials = Credentials.of(Map.of(
                Credentials.ACCESS_TOKEN,
                "AQX-token",
                Credentials.EXPIRES_AT,
                issued.plusSeconds(5183999).toString()));

        assertThat(LinkedInOAuth.reauthorizeBy(credentials, issued)).contains(issued.plusSeconds(5183999));
        assertThat(LinkedInOAuth.reauthorizeSoon(credentials, issued.plus(Duration.ofDays(52))))
                .isFalse();
        assertThat(LinkedInOAuth.reauthorizeSoon(credentials, issued.plus(Duration.ofDays(54))))
                .isTrue();
        assertThat(LinkedInOAuth.reauthorizeSoon(credentials, issued.plus(Duration.ofDays(61))))
                .isTrue();
        assertThat(LinkedInOAuth.reauthorizeSoon(credentials, issued.plus(Duration.ofDays(40)), Duration.ofDays(30)))
                .isTrue();
    }

    @Test
    void reauthorization_ofARefreshableToken_isDueWhenTheRefreshTokensYearEnds() {
        Instant issued = Fixtures.NOW;
        Credentials credentials = Credentials.of(Map.of(
                Credentials.ACCESS_TOKEN,
                "AQX-token",
                Credentials.EXPIRES_AT,
                issued.plus(Duration.ofDays(60)).toString(),
                Credentials.REFRESH_TOKEN,
                "refresh-token",
                Credentials.REFRESH_EXPIRES_AT,
                issued.plus(Duration.ofDays(365)).toString()));

        assertThat(LinkedInOAuth.reauthorizeBy(credentials, issued)).contains(issued.plus(Duration.ofDays(365)));
        assertThat(LinkedInOAuth.reauthorizeSoon(credentials, issued.plus(Duration.ofDays(59))))
                .isFalse();
        assertThat(LinkedInOAuth.reauthorizeSoon(credentials, issued.plus(Duration.ofDays(357))))
                .isFalse();
        assertThat(LinkedInOAuth.reauthorizeSoon(credentials, issued.plus(Duration.ofDays(359))))
                .isTrue();
        assertThat(LinkedInOAuth.reauthorizeBy(Credentials.bearer("no-expiry"), issued))
                .isEmpty();
        assertThat(LinkedInOAuth.reauthorizeSoon(Credentials.bearer("no-expiry"), issued))
                .isFalse();
    }
}
