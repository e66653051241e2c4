package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OAuthFlowTest {
    @Test
    void theS256Challenge_isTheOneOfRfc7636AppendixB() {
        assertThat(OAuthFlow.codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void verifiersAndStates_areRandom_andOfTheRightShape() {
        String verifier = OAuthFlow.newCodeVerifier();

        assertThat(verifier).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(OAuthFlow.requireVerifier(verifier)).isEqualTo(verifier);
        assertThat(OAuthFlow.newCodeVerifier()).isNotEqualTo(verifier);
        assertThat(OAuthFlow.newState()).hasSize(32).isNotEqualTo(OAuthFlow.newState());
        assertThatThrownBy(() -> OAuthFlow.requireVerifier("too-short"))
                .hasMessage("codeVerifier must be 43..128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636)");
        assertThatThrownBy(() -> OAuthFlow.codeChallenge("a".repeat(129))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRedirectUri_mustBeAnAbsoluteHttpUrl() {
        URI uri = URI.create("https://app.example/callback");

        assertThat(OAuthFlow.redirectUri(uri)).isSameAs(uri);
        assertThat(OAuthFlow.redirectUri(URI.create("http://localhost:8080/cb")))
                .isNotNull();
        assertThatThrownBy(() -> OAuthFlow.redirectUri(URI.create("/callback")))
                .hasMessage("redirectUri must be an absolute http(s) URL but was '/callback'");
        assertThatThrownBy(() -> OAuthFlow.redirectUri(URI.create("app://callback")))
                .hasMessage("redirectUri must be an absolute http(s) URL but was 'app://callback'");
    }

    @Test
    void scopes_areNonBlankWords_withoutThePlatformsSeparator() {
        assertThat(OAuthFlow.scopes(List.of("openid", "w_member_social"), ""))
                .containsExactly("openid", "w_member_social");
        assertThat(OAuthFlow.scopes(List.of("a,b"), "")).containsExactly("a,b");
        assertThatThrownBy(() -> OAuthFlow.scopes(List.of("a,b"), ","))
                .hasMessage("scopes must be non-blank words but were [a,b]");
        assertThatThrownBy(() -> OAuthFlow.scopes(List.of("read write"), ""))
                .hasMessage("scopes must be non-blank words but were [read write]");
        assertThatThrownBy(() -> OAuthFlow.scopes(List.of(), ""))
                .hasMessage("scopes must be non-blank words but were []");
        assertThatThrownBy(() -> OAuthFlow.scopes(List.of(" "), "")).isInstanceOf(IllegalArgumentException.class);
    }
}
