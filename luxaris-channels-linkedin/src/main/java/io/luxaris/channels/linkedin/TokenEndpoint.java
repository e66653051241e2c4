package io.luxaris.channels.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * LinkedIn's token endpoint ({@code POST /oauth/v2/accessToken}, form encoded, client id and secret in the body):
 * code exchange and refresh (platform-apis.md §2.5).
 */
final class TokenEndpoint {
    private final LinkedInHttp http;

    TokenEndpoint(LinkedInHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Exchanges an authorization code; never repeated by the HTTP client (a code works once). */
    HttpResult exchange(String code, String redirectUri, String clientId, String clientSecret) throws TransportFailure {
        var form = new FormBody.Builder()
                .add("grant_type", "authorization_code")
                .add("code", code)
                .add("redirect_uri", redirectUri)
                .add("client_id", clientId)
                .add("client_secret", clientSecret)
                .build();
        return http.execute(post(form), true);
    }

    /** Refreshes with a refresh token (LinkedIn does not rotate it, so repeating is harmless). */
    HttpResult refresh(String refreshToken, String clientId, String clientSecret) throws TransportFailure {
        var form = new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("refresh_token", refreshToken)
                .add("client_id", clientId)
                .add("client_secret", clientSecret)
                .build();
        return http.execute(post(form), false);
    }

    private Request post(FormBody form) {
        return new Request.Builder()
                .url(http.settings().tokenUrl())
                .header("Accept", "application/json")
                .post(form)
                .build();
    }

    /**
     * The tokens of a successful answer. {@code previousRefreshExpiry} is kept when LinkedIn does not say how long
     * the (unrotated) refresh token lives: a refresh never extends the refresh token's 365 days.
     *
     * @return empty when the answer has no access token
     */
    static Optional<LinkedInOAuth.Tokens> parse(
            HttpResult result,
            Instant now,
            Optional<String> previousRefreshToken,
            Optional<Instant> previousRefreshExpiry) {
        JsonNode body = result.json();
        Optional<String> access = Json.text(body, "access_token");
        if (access.isEmpty()) {
            return Optional.empty();
        }
        Duration lifetime = seconds(body, "expires_in").orElse(LinkedInOAuth.ACCESS_TOKEN_LIFETIME);
        Optional<String> refresh = Json.text(body, "refresh_token").or(() -> previousRefreshToken);
        Optional<Instant> refreshExpiry = seconds(body, "refresh_token_expires_in")
                .map(now::plus)
                .or(() -> refresh.isPresent() ? previousRefreshExpiry : Optional.empty());
        List<String> scopes = Json.text(body, "scope")
                .map(s -> Arrays.stream(s.split("[,\\s]+"))
                        .filter(x -> !x.isBlank())
                        .toList())
                .orElse(List.of());
        return Optional.of(new LinkedInOAuth.Tokens(access.get(), now.plus(lifetime), refresh, refreshExpiry, scopes));
    }

    private static Optional<Duration> seconds(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value.canConvertToLong() && value.asLong() > 0) {
            return Optional.of(Duration.ofSeconds(value.asLong()));
        }
        if (value.isTextual()) {
            try {
                long parsed = Long.parseLong(value.asText().trim());
                return parsed > 0 ? Optional.of(Duration.ofSeconds(parsed)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
