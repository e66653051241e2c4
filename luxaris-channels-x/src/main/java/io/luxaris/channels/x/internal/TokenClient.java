package io.luxaris.channels.x.internal;

import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TokenEndpoint;
import io.luxaris.http.internal.TransportFailure;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/** Calls X's token endpoint ({@code POST /2/oauth2/token}) for the code exchange and for refreshing. */
public final class TokenClient {
    private final PlatformHttp http;
    private final HttpUrl url;

    public TokenClient(PlatformHttp http, HttpUrl baseUrl) {
        this.http = Objects.requireNonNull(http, "http");
        this.url = Settings.url(baseUrl, "2", "oauth2", "token").build();
    }

    /** Exchanges an authorization code (PKCE) for tokens. */
    public HttpResult exchange(
            String code, String redirectUri, String codeVerifier, String clientId, Optional<String> clientSecret)
            throws TransportFailure {
        var fields = new LinkedHashMap<String, String>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", redirectUri);
        fields.put("code_verifier", codeVerifier);
        return post(fields, clientId, clientSecret);
    }

    /** Trades a refresh token for a new pair; X rotates the refresh token on every use. */
    public HttpResult refresh(String refreshToken, String clientId, Optional<String> clientSecret)
            throws TransportFailure {
        var fields = new LinkedHashMap<String, String>();
        fields.put("grant_type", "refresh_token");
        fields.put("refresh_token", refreshToken);
        return post(fields, clientId, clientSecret);
    }

    private HttpResult post(Map<String, String> fields, String clientId, Optional<String> clientSecret)
            throws TransportFailure {
        fields.put("client_id", clientId);
        return http.execute(
                TokenEndpoint.request(
                        url, fields, clientSecret.map(secret -> new TokenEndpoint.BasicAuth(clientId, secret))),
                true);
    }

    /** The tokens of a successful answer, if it has an access token. */
    public static Optional<Grant> grant(HttpResult result, Instant now) {
        return TokenEndpoint.answer(result)
                .map(answer -> new Grant(
                        answer.accessToken(),
                        answer.refreshToken(),
                        answer.expiresIn().map(now::plusSeconds),
                        answer.scope()));
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
