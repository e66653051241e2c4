package io.luxaris.channels.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.Credentials;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class XOAuth2Test {
    private static final URI CALLBACK = URI.create("https://app.example/callback/x");
    // RFC 7636 appendix B
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @AutoClose
    private final FakeX fake = new FakeX();

    @AutoClose
    private final XOAuth2 oauth = XOAuth2.builder(FakeX.CLIENT_ID, CALLBACK)
            .baseUrl(fake.url())
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .build();

    @Test
    void codeChallenge_isTheRfc7636S256Value() {
        assertThat(XOAuth2.codeChallenge(VERIFIER)).isEqualTo(CHALLENGE);
    }

    @Test
    void authorizationUrl_carriesClientRedirectScopesStateAndS256Challenge() {
        XOAuth2.AuthorizationRequest request = oauth.authorizationRequest("state-123", VERIFIER);

        HttpUrl url = HttpUrl.get(request.url());
        assertThat(url.scheme() + "://" + url.host() + url.encodedPath()).isEqualTo("https://x.com/i/oauth2/authorize");
        assertThat(url.queryParameter("response_type")).isEqualTo("code");
        assertThat(url.queryParameter("client_id")).isEqualTo(FakeX.CLIENT_ID);
        assertThat(url.queryParameter("redirect_uri")).isEqualTo(CALLBACK.toString());
        assertThat(url.queryParameter("scope"))
                .isEqualTo("tweet.read tweet.write users.read offline.access media.write");
        assertThat(url.encodedQuery()).contains("scope=tweet.read%20tweet.write%20users.read%20offline.access");
        assertThat(url.queryParameter("state")).isEqualTo("state-123");
        assertThat(url.queryParameter("code_challenge")).isEqualTo(CHALLENGE);
        assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
        assertThat(request.toString()).doesNotContain(VERIFIER);
    }

    @Test
    void newAuthorizationRequests_haveFreshStateAndVerifier() {
        XOAuth2.AuthorizationRequest one = oauth.authorizationRequest();
        XOAuth2.AuthorizationRequest two = oauth.authorizationRequest();

        assertThat(one.codeVerifier()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(two.codeVerifier());
        assertThat(one.state()).isNotEqualTo(two.state());
        assertThat(one.stateMatches(one.state())).isTrue();
        assertThat(one.stateMatches(two.state())).isFalse();
        assertThat(one.stateMatches(null)).isFalse();
        assertThat(HttpUrl.get(one.url()).queryParameter("code_challenge"))
                .isEqualTo(XOAuth2.codeChallenge(one.codeVerifier()));
    }

    @Test
    void exchange_tradesTheCodeAndVerifierForTokens() throws Exception {
        fake.issueCode("auth-code-1", VERIFIER);

        XOAuth2.Tokens tokens = oauth.exchange("auth-code-1", VERIFIER);

        RecordedRequest request = fake.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/2/oauth2/token");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(FakeX.form(request))
                .containsExactly(
                        Map.entry("grant_type", "authorization_code"),
                        Map.entry("code", "auth-code-1"),
                        Map.entry("redirect_uri", CALLBACK.toString()),
                        Map.entry("code_verifier", VERIFIER),
                        Map.entry("client_id", FakeX.CLIENT_ID));
        assertThat(tokens.accessToken()).isEqualTo("access-1");
        assertThat(tokens.refreshToken()).contains("refresh-1");
        assertThat(tokens.expiresAt()).contains(now.plusSeconds(7200));
        assertThat(tokens.scopes()).contains("offline.access", "media.write");
        assertThat(tokens.toString()).doesNotContain("access-1").doesNotContain("refresh-1");
        Credentials credentials = tokens.toCredentials();
        assertThat(credentials.accessToken()).contains("access-1");
        assertThat(credentials.refreshToken()).contains("refresh-1");
        assertThat(credentials.expiresAt()).contains(now.plusSeconds(7200));
    }

    @Test
    void exchange_withAWrongVerifier_isRefusedWithXsError() {
        fake.issueCode("auth-code-2", VERIFIER);

        assertThatThrownBy(() -> oauth.exchange("auth-code-2", "x".repeat(43)))
                .isInstanceOfSatisfying(XAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_request");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage())
                            .contains("HTTP 400")
                            .contains("Value passed for the authorization code was invalid.");
                });
    }

    @Test
    void confidentialClient_exchangesWithBasicAuthentication() throws Exception {
        fake.issueCode("auth-code-3", VERIFIER);
        try (XOAuth2 confidential = XOAuth2.builder(FakeX.CLIENT_ID, CALLBACK)
                .clientSecret("s3cret")
                .baseUrl(fake.url())
                .build()) {
            confidential.exchange("auth-code-3", VERIFIER);
        }

        assertThat(fake.take().getHeaders().get("Authorization")).startsWith("Basic ");
    }

    @Test
    void account_readsTheUserBehindTheToken_forTheConnectionProperties() throws Exception {
        fake.issueCode("auth-code-4", VERIFIER);
        XOAuth2.Tokens tokens = oauth.exchange("auth-code-4", VERIFIER);

        XOAuth2.Account account = oauth.account(tokens.accessToken());

        assertThat(account).isEqualTo(new XOAuth2.Account(FakeX.USER_ID, FakeX.USERNAME, "Example Dev"));
        assertThat(account.toConnectionProperties())
                .containsEntry(XChannel.PROPERTY_USER_ID, FakeX.USER_ID)
                .containsEntry(XChannel.PROPERTY_USERNAME, FakeX.USERNAME);
        fake.take();
        RecordedRequest me = fake.take();
        assertThat(me.getUrl().encodedPath()).isEqualTo("/2/users/me");
        assertThat(me.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void account_withAnUnknownToken_isRefused() {
        assertThatThrownBy(() -> oauth.account("unknown-token")).isInstanceOfSatisfying(XAuthException.class, e -> {
            assertThat(e.error()).isEqualTo("http_401");
            assertThat(e.getMessage()).doesNotContain("unknown-token");
        });
    }

    @Test
    void builder_refusesBadSettings_namingThem() {
        assertThatThrownBy(() -> XOAuth2.builder(" ", CALLBACK)).hasMessageContaining("clientId");
        assertThatThrownBy(() -> XOAuth2.builder("id", URI.create("/relative"))).hasMessageContaining("redirectUri");
        assertThatThrownBy(() -> oauth.authorizationRequest("state", "short")).hasMessageContaining("codeVerifier");
        assertThatThrownBy(() -> XOAuth2.builder("id", CALLBACK).baseUrl("ftp://nope"))
                .hasMessageContaining("baseUrl");
    }
}
