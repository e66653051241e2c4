package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.Credentials;
import io.luxaris.testkit.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Connecting an account: authorization URL, code, short-lived token, long-lived token, refresh, the account. */
class ThreadsOAuthTest {
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-11-24T10:00:00Z"));

    @AutoClose
    private final FakeThreads fake = new FakeThreads().clock(clock);

    @AutoClose
    private final ThreadsOAuth oauth = ThreadsOAuth.builder(
                    FakeThreads.APP_ID, FakeThreads.APP_SECRET, URI.create(FakeThreads.REDIRECT_URI))
            .authorizeBaseUrl("https://threads.example.com")
            .graphBaseUrl(fake.url())
            .clock(clock)
            .build();

    @Test
    void theAuthorizationUrl_asksForTheScopesCommaSeparated_withState() {
        ThreadsOAuth.AuthorizationRequest auth = oauth.authorizationRequest("state-123");

        okhttp3.HttpUrl url = okhttp3.HttpUrl.get(auth.url());
        assertThat(url.toString()).startsWith("https://threads.example.com/oauth/authorize?");
        assertThat(url.queryParameterNames())
                .containsExactly("client_id", "redirect_uri", "scope", "response_type", "state");
        assertThat(url.queryParameter("client_id")).isEqualTo(FakeThreads.APP_ID);
        assertThat(url.queryParameter("redirect_uri")).isEqualTo(FakeThreads.REDIRECT_URI);
        assertThat(url.queryParameter("scope"))
                .isEqualTo("threads_basic,threads_content_publish,threads_manage_replies,threads_delete");
        assertThat(url.queryParameter("response_type")).isEqualTo("code");
        assertThat(url.queryParameter("state")).isEqualTo("state-123");
        assertThat(auth.stateMatches("state-123")).isTrue();
        assertThat(auth.stateMatches("state-124")).isFalse();
        assertThat(oauth.authorizationRequest().state()).hasSizeGreaterThan(20).isNotEqualTo("state-123");
    }

    @Test
    void connect_exchangesTheCode_thenTradesTheShortTokenForASixtyDayOne() throws Exception {
        fake.issueCode("AQBx-code");

        ThreadsOAuth.Tokens tokens = oauth.connect("AQBx-code");

        assertThat(tokens.userId()).contains(FakeThreads.USER_ID);
        assertThat(tokens.expiresAt()).isEqualTo(clock.instant().plusSeconds(FakeThreads.LONG_LIVED_SECONDS));
        assertThat(fake.accepts(tokens.accessToken())).isTrue();
        RecordedRequest exchange = fake.take();
        assertThat(exchange.getMethod()).isEqualTo("POST");
        assertThat(exchange.getUrl().encodedPath()).isEqualTo("/oauth/access_token");
        assertThat(FakeThreads.form(exchange))
                .containsExactly(
                        Map.entry("client_id", FakeThreads.APP_ID),
                        Map.entry("client_secret", FakeThreads.APP_SECRET),
                        Map.entry("grant_type", "authorization_code"),
                        Map.entry("redirect_uri", FakeThreads.REDIRECT_URI),
                        Map.entry("code", "AQBx-code"));
        RecordedRequest longLived = fake.take();
        assertThat(longLived.getMethod()).isEqualTo("GET");
        assertThat(longLived.getUrl().encodedPath()).isEqualTo("/access_token");
        assertThat(longLived.getUrl().queryParameter("grant_type")).isEqualTo("th_exchange_token");
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken());
        Credentials credentials = tokens.toCredentials();
        assertThat(credentials.accessToken()).contains(tokens.accessToken());
        assertThat(credentials.expiresAt()).contains(tokens.expiresAt());
    }

    @Test
    void aCodeUsedTwice_isRefused_withMetasCode() {
        fake.issueCode("once");
        oauth.exchange("once");

        assertThatThrownBy(() -> oauth.exchange("once")).isInstanceOfSatisfying(ThreadsException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_parameter");
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("verification code").doesNotContain(FakeThreads.APP_SECRET);
        });
    }

    @Test
    void refresh_givesAFreshSixtyDays_toATokenADayOld() {
        var token = fake.longLivedToken(Duration.ofDays(2));

        ThreadsOAuth.Tokens refreshed = oauth.refresh(token.value());

        assertThat(refreshed.accessToken()).isNotEqualTo(token.value());
        assertThat(refreshed.expiresAt()).isEqualTo(clock.instant().plusSeconds(FakeThreads.LONG_LIVED_SECONDS));
    }

    @Test
    void refresh_ofATokenUnderADayOld_isRefused() {
        var token = fake.longLivedToken(Duration.ofHours(3));

        assertThatThrownBy(() -> oauth.refresh(token.value())).isInstanceOfSatisfying(ThreadsException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("24 hours").doesNotContain(token.value());
        });
    }

    @Test
    void account_readsTheUserIdAndUsername_forTheConnectionProperties() {
        var token = fake.longLivedToken(Duration.ofDays(1));

        ThreadsOAuth.Account account = oauth.account(token.value());

        assertThat(account.id()).isEqualTo(FakeThreads.USER_ID);
        assertThat(account.toConnectionProperties())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ThreadsChannel.PROPERTY_USER_ID, FakeThreads.USER_ID,
                        ThreadsChannel.PROPERTY_USERNAME, FakeThreads.USERNAME));
    }

    @Test
    void anExpiredToken_isRefused_asInvalidToken_withoutTheTokenInTheMessage() {
        var token = fake.longLivedToken(Duration.ofDays(61));

        assertThatThrownBy(() -> oauth.account(token.value())).isInstanceOfSatisfying(ThreadsException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_token");
            assertThat(e.getMessage()).doesNotContain(token.value());
        });
    }

    @Test
    void theBuilder_refusesBadSettings_namingThem() {
        assertThatThrownBy(() -> ThreadsOAuth.builder("", "secret", URI.create("https://a.example/cb")))
                .hasMessageContaining("appId");
        assertThatThrownBy(() -> ThreadsOAuth.builder("id", "secret", URI.create("/relative")))
                .hasMessageContaining("redirectUri");
        assertThatThrownBy(() -> ThreadsOAuth.builder("id", "secret", URI.create("https://a.example/cb"))
                        .scopes(java.util.List.of("threads_basic,threads_delete")))
                .hasMessageContaining("scopes");
        assertThat(oauth.toString()).doesNotContain(FakeThreads.APP_SECRET);
    }
}
