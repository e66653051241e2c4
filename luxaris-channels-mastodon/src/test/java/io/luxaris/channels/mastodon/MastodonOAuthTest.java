package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.PublishOutcome;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Connecting an account: app registration, authorization with PKCE, token exchange, the account, revoking. */
class MastodonOAuthTest {
    private static final URI CALLBACK = URI.create("https://host.example/cb");
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @AutoClose
    private final FakeMastodon fake = new FakeMastodon();

    @AutoClose
    private final MastodonOAuth oauth =
            MastodonOAuth.builder(fake.url()).allowPlainHttpOnLoopback().build();

    private MastodonOAuth.App app() {
        return new MastodonOAuth.App(
                FakeMastodon.CLIENT_ID, FakeMastodon.CLIENT_SECRET, List.of(CALLBACK), MastodonOAuth.DEFAULT_SCOPES);
    }

    @Test
    void registeringTheApp_sendsTheDocumentedRequest_andReturnsItsClient() throws Exception {
        MastodonOAuth.App app = oauth.registerApp(
                "Luxaris",
                List.of(CALLBACK),
                MastodonOAuth.DEFAULT_SCOPES,
                Optional.of(URI.create("https://host.example")));

        RecordedRequest request = fake.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/apps");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(FakeMastodon.json(request).toString())
                .isEqualTo("{\"client_name\":\"Luxaris\",\"redirect_uris\":\"https://host.example/cb\","
                        + "\"scopes\":\"write:statuses write:media profile\",\"website\":\"https://host.example\"}");
        assertThat(app.clientId()).isEqualTo(FakeMastodon.CLIENT_ID);
        assertThat(app.clientSecret()).isEqualTo(FakeMastodon.CLIENT_SECRET);
        assertThat(app.scopes()).containsExactly("write:statuses", "write:media", "profile");
        assertThat(app.toString()).doesNotContain(FakeMastodon.CLIENT_SECRET).contains(FakeMastodon.CLIENT_ID);
    }

    @Test
    void severalRedirectUris_goAsAnArray() throws Exception {
        URI other = URI.create("urn:ietf:wg:oauth:2.0:oob");

        MastodonOAuth.App app =
                oauth.registerApp("Luxaris", List.of(CALLBACK, other), List.of("write"), Optional.empty());

        assertThat(FakeMastodon.json(fake.take()).path("redirect_uris").toString())
                .isEqualTo("[\"https://host.example/cb\",\"urn:ietf:wg:oauth:2.0:oob\"]");
        assertThat(app.redirectUris()).containsExactly(CALLBACK, other);
    }

    @Test
    void anUnknownScope_isRefused_withTheInstancesError() {
        assertThatThrownBy(() ->
                        oauth.registerApp("Luxaris", List.of(CALLBACK), List.of("post:everything"), Optional.empty()))
                .isInstanceOfSatisfying(MastodonException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_scope");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("registering the app", "HTTP 400");
                });
    }

    @Test
    void theAuthorizationUrl_asksForTheAppsScopes_withAStateAndAnS256Challenge() {
        MastodonOAuth.AuthorizationRequest auth = oauth.authorizationRequest(app(), CALLBACK, "state-123", VERIFIER);

        HttpUrl url = HttpUrl.get(auth.url());
        assertThat(url.encodedPath()).isEqualTo("/oauth/authorize");
        assertThat(url.queryParameter("response_type")).isEqualTo("code");
        assertThat(url.queryParameter("client_id")).isEqualTo(FakeMastodon.CLIENT_ID);
        assertThat(url.queryParameter("redirect_uri")).isEqualTo("https://host.example/cb");
        assertThat(url.queryParameter("scope")).isEqualTo("write:statuses write:media profile");
        assertThat(url.queryParameter("state")).isEqualTo("state-123");
        assertThat(url.queryParameter("code_challenge")).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
        assertThat(auth.stateMatches("state-123")).isTrue();
        assertThat(auth.stateMatches("state-124")).isFalse();
        assertThat(auth.toString()).doesNotContain(VERIFIER);
        assertThatThrownBy(() -> oauth.authorizationRequest(app(), URI.create("https://evil.example/cb")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registered redirect URIs");
    }

    @Test
    void theCode_isExchangedForATokenThatDoesNotExpire() throws Exception {
        fake.issueCode("code-1", VERIFIER, CALLBACK.toString());

        MastodonOAuth.Tokens tokens = oauth.exchange(app(), "code-1", VERIFIER, CALLBACK);

        Map<String, String> form = FakeMastodon.form(fake.take());
        assertThat(form)
                .containsExactly(
                        Map.entry("grant_type", "authorization_code"),
                        Map.entry("code", "code-1"),
                        Map.entry("client_id", FakeMastodon.CLIENT_ID),
                        Map.entry("client_secret", FakeMastodon.CLIENT_SECRET),
                        Map.entry("redirect_uri", "https://host.example/cb"),
                        Map.entry("code_verifier", VERIFIER));
        assertThat(tokens.scopes()).containsExactlyInAnyOrder("write:statuses", "write:media", "profile");
        assertThat(tokens.createdAt()).contains(java.time.Instant.ofEpochSecond(1573979017));
        Credentials credentials = tokens.toCredentials();
        assertThat(credentials.accessToken()).contains(tokens.accessToken());
        assertThat(credentials.refreshToken()).isEmpty();
        assertThat(credentials.expiresAt()).isEmpty();
        assertThat(credentials.get(Credentials.SCOPE)).contains("profile write:media write:statuses");
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken());
    }

    @Test
    void aCodeWithTheWrongVerifier_isRefusedAsInvalidGrant_withoutEchoingSecrets() {
        fake.issueCode("code-2", VERIFIER, CALLBACK.toString());

        assertThatThrownBy(() -> oauth.exchange(app(), "code-2", "x".repeat(43), CALLBACK))
                .isInstanceOfSatisfying(MastodonException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain(FakeMastodon.CLIENT_SECRET, "code-2");
                });
    }

    @Test
    void aWrongClientSecret_isRefusedAsInvalidClient() {
        var wrong = new MastodonOAuth.App(
                FakeMastodon.CLIENT_ID, "not-the-secret", List.of(CALLBACK), MastodonOAuth.DEFAULT_SCOPES);
        fake.issueCode("code-3", VERIFIER, CALLBACK.toString());

        assertThatThrownBy(() -> oauth.exchange(wrong, "code-3", VERIFIER, CALLBACK))
                .isInstanceOfSatisfying(MastodonException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_client");
                    assertThat(e.getMessage()).contains("HTTP 401").doesNotContain("not-the-secret");
                });
    }

    @Test
    void theAccount_givesTheConnectionsPropertiesAndHandle() throws Exception {
        MastodonOAuth.Account me = oauth.account(FakeMastodon.TOKEN);

        RecordedRequest request = fake.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/accounts/verify_credentials");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeMastodon.TOKEN);
        assertThat(me.id()).isEqualTo(FakeMastodon.ACCOUNT_ID);
        assertThat(me.handle()).isEqualTo("@alice@" + HttpUrl.get(fake.url()).host());
        assertThat(me.toConnectionProperties())
                .containsExactly(
                        Map.entry(MastodonChannel.PROPERTY_INSTANCE_URL, fake.url()),
                        Map.entry(MastodonChannel.PROPERTY_ACCOUNT_ID, FakeMastodon.ACCOUNT_ID),
                        Map.entry(MastodonChannel.PROPERTY_USERNAME, "alice"));
        assertThat(me.toConnectionProperties(oauth.instance()))
                .containsEntry(MastodonChannel.PROPERTY_INSTANCE_URL, fake.url())
                .containsEntry(MastodonInstance.PROPERTY_MAX_CHARACTERS, "500")
                .containsEntry(MastodonInstance.PROPERTY_DESCRIPTION_LIMIT, "1500");
    }

    @Test
    void aRevokedToken_isRefusedAfterwards_andPublishingNeedsAReconnect() {
        var credentials = fake.credentials();

        oauth.revoke(app(), FakeMastodon.TOKEN);

        assertThatThrownBy(() -> oauth.account(FakeMastodon.TOKEN))
                .isInstanceOfSatisfying(MastodonException.class, e -> {
                    assertThat(e.error()).isEqualTo("http_401");
                    assertThat(e.getMessage()).doesNotContain(FakeMastodon.TOKEN);
                });
        PublishOutcome outcome = Fixtures.publish(
                Fixtures.channel().build(),
                Fixtures.request(Fixtures.variant("after revoke"), Fixtures.connection(fake)),
                new Fixtures.Context(credentials));
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.kind())
                .isEqualTo(FailureKind.AUTH_REVOKED));
    }

    @Test
    void theInstance_tellsWhichScopesToAskFor() {
        MastodonInstance current = oauth.instance();
        fake.kind(FakeMastodon.Kind.V3);
        MastodonInstance old = oauth.instance();

        assertThat(MastodonOAuth.recommendedScopes(current)).isEqualTo(MastodonOAuth.DEFAULT_SCOPES);
        assertThat(MastodonOAuth.recommendedScopes(old)).isEqualTo(MastodonOAuth.LEGACY_SCOPES);
    }

    @Test
    void instanceUrls_arePlainHostsOverHttps() {
        assertThat(MastodonOAuth.builder("mastodon.social").build().instanceUrl())
                .isEqualTo("https://mastodon.social");
        assertThatThrownBy(() -> MastodonOAuth.builder("http://mastodon.social").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instanceUrl: the instance URL must use https");
        assertThatThrownBy(() ->
                        MastodonOAuth.builder("https://mastodon.social/@alice").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a path");
    }

    @Test
    void anInstanceThatCannotBeReached_isARetryableFailure() {
        fake.close();

        assertThatThrownBy(() -> oauth.account(FakeMastodon.TOKEN))
                .isInstanceOfSatisfying(MastodonException.class, e -> {
                    assertThat(e.error()).isEqualTo("connect_failed");
                    assertThat(e.retryable()).isTrue();
                });
    }
}
