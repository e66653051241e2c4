package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
    @Test
    void theRequest_isAFormPost_ofTheFieldsInOrder_withBasicClientAuthentication() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("grant_type", "refresh_token");
        fields.put("refresh_token", "rt");
        fields.put("client_id", "app");

        Request request = TokenEndpoint.request(
                HttpUrl.get("https://api.example/oauth2/token"),
                fields,
                Optional.of(new TokenEndpoint.BasicAuth("app", "s3cret")));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Basic YXBwOnMzY3JldA==");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        FormBody form = (FormBody) request.body();
        assertThat(form.size()).isEqualTo(3);
        assertThat(form.name(0)).isEqualTo("grant_type");
        assertThat(form.value(1)).isEqualTo("rt");
        assertThat(new TokenEndpoint.BasicAuth("app", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void aSuccessfulAnswer_givesTheTokens_withLifetimesSentAsNumbersOrStrings() {
        var result = new HttpResult(
                "POST",
                "/oauth2/token",
                200,
                Headers.of(),
                "{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"expires_in\":\"7200\","
                        + "\"refresh_token_expires_in\":31536000,\"scope\":\"a b\"}");

        TokenEndpoint.Answer answer = TokenEndpoint.answer(result).orElseThrow();

        assertThat(answer.accessToken()).isEqualTo("at");
        assertThat(answer.refreshToken()).hasValue("rt");
        assertThat(answer.expiresIn()).hasValue(7200L);
        assertThat(answer.refreshTokenExpiresIn()).hasValue(31_536_000L);
        assertThat(answer.scope()).hasValue("a b");
        assertThat(answer.toString()).doesNotContain("at\"", "rt");
    }

    @Test
    void anErrorAnswer_givesNoTokens_butTheOAuthError() {
        var result = new HttpResult(
                "POST",
                "/oauth2/token",
                400,
                Headers.of(),
                "{\"error\":\"invalid_grant\",\"error_description\":\"Value passed for the token was invalid.\","
                        + "\"access_token\":\"never\"}");

        assertThat(TokenEndpoint.answer(result)).isEmpty();
        assertThat(TokenEndpoint.error(result)).hasValue("invalid_grant");
        assertThat(TokenEndpoint.errorDescription(result)).hasValue("Value passed for the token was invalid.");
    }
}
