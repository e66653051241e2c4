package io.luxaris.channels.linkedin.internal;

import io.luxaris.channels.linkedin.LinkedInOAuth;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TokenEndpoint;
import io.luxaris.http.internal.TransportFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * LinkedIn's token endpoint ({@code POST /oauth/v2/accessToken}, form encoded, client id and secret in the body):
 * code exchange and refresh (docs/platforms/linkedin.md §2.5).
 */
public final class TokenClient {
    private final PlatformHttp http;
    private final HttpUrl url;

    public TokenClient(PlatformHttp http, Settings settings) {
        this.http = Objects.requireNonNull(http, "http");
        this.url = settings.tokenUrl();
    }

    /** Exchanges an authorization code; never repeated by the HTTP client (a code works once). */
    public HttpResult exchange(String code, String redirectUri, String clientId, String clientSecret)
            throws TransportFailure {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        return http.execute(post(form, clientId, clientSecret), true);
    }

    /** Refreshes with a refresh token (LinkedIn does not rotate it, so repeating is harmless). */
    public HttpResult refresh(String refreshToken, String clientId, String clientSecret) throws TransportFailure {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return http.execute(post(form, clientId, clientSecret), false);
    }

    private okhttp3.Request post(Map<String, String> form, String clientId, String clientSecret) {
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return TokenEndpoint.request(url, form, Optional.empty());
    }

    /**
     * The tokens of a successful answer. {@code previousRefreshExpiry} is kept when LinkedIn does not say how long
     * the (unrotated) refresh token lives: a refresh never extends the refresh token's 365 days.
     *
     * @return empty when the answer has no access token
     */
    public static Optional<LinkedInOAuth.Tokens> parse(
            HttpResult result,
            Instant now,
            Optional<String> previousRefreshToken,
            Optional<Instant> previousRefreshExpiry) {
        return TokenEndpoint.answer(result).map(answer -> {
            Duration lifetime = positive(answer.expiresIn()).orElse(LinkedInOAuth.ACCESS_TOKEN_LIFETIME);
            Optional<String> refresh = answer.refreshToken().or(() -> previousRefreshToken);
            Optional<Instant> refreshExpiry = positive(answer.refreshTokenExpiresIn())
                    .map(now::plus)
                    .or(() -> refresh.isPresent() ? previousRefreshExpiry : Optional.empty());
            List<String> scopes = answer.scope()
                    .map(s -> Arrays.stream(s.split("[,\\s]+"))
                            .filter(x -> !x.isBlank())
                            .toList())
                    .orElse(List.of());
            return new LinkedInOAuth.Tokens(answer.accessToken(), now.plus(lifetime), refresh, refreshExpiry, scopes);
        });
    }

    private static Optional<Duration> positive(Optional<Long> seconds) {
        return seconds.filter(s -> s > 0).map(Duration::ofSeconds);
    }
}
