package io.luxaris.channels.x.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.Request;

/** Calls X's token endpoint ({@code POST /2/oauth2/token}) for the code exchange and for refreshing. */
public final class TokenClient {
    private final XHttp http;

    public TokenClient(XHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Exchanges an authorization code (PKCE) for tokens. */
    public HttpResult exchange(
            String code, String redirectUri, String codeVerifier, String clientId, Optional<String> clientSecret)
            throws TransportFailure {
        return post(
                Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", redirectUri,
                        "code_verifier", codeVerifier),
                clientId,
                clientSecret);
    }

    /** Trades a refresh token for a new pair; X rotates the refresh token on every use. */
    public HttpResult refresh(String refreshToken, String clientId, Optional<String> clientSecret)
            throws TransportFailure {
        return post(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), clientId, clientSecret);
    }

    private HttpResult post(Map<String, String> fields, String clientId, Optional<String> clientSecret)
            throws TransportFailure {
        var form = new FormBody.Builder();
        for (String name : new String[] {"grant_type", "code", "refresh_token", "redirect_uri", "code_verifier"}) {
            String value = fields.get(name);
            if (value != null) {
                form.add(name, value);
            }
        }
        form.add("client_id", clientId);
        var request = new Request.Builder()
                .url(http.settings().url("2", "oauth2", "token").build())
                .post(form.build());
        clientSecret.ifPresent(secret -> request.header(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8))));
        return http.execute(request.build(), true);
    }

    /** The tokens of a successful answer, if it has an access token. */
    public static Optional<Grant> grant(HttpResult result, Instant now) {
        if (!result.isSuccessful()) {
            return Optional.empty();
        }
        JsonNode json = result.json();
        return Json.text(json, "/access_token")
                .map(access -> new Grant(
                        access,
                        Json.text(json, "/refresh_token"),
                        Json.number(json, "/expires_in").map(now::plusSeconds),
                        Json.text(json, "/scope")));
    }

    /** The OAuth error code of an unsuccessful answer ({@code invalid_request}, {@code invalid_grant}...). */
    public static Optional<String> error(HttpResult result) {
        return Json.text(result.json(), "/error");
    }

    /** The description X gave with an OAuth error. */
    public static Optional<String> errorDescription(HttpResult result) {
        return Json.text(result.json(), "/error_description");
    }

    /** Tokens from X; {@link #toString()} shows no value. */
    public record Grant(
            String accessToken, Optional<String> refreshToken, Optional<Instant> expiresAt, Optional<String> scope) {
        @Override
        public String toString() {
            return "Grant[refreshToken=" + refreshToken.isPresent() + ", expiresAt=" + expiresAt + ", scope=" + scope
                    + "]";
        }
    }
}
