package io.luxaris.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The parts of an OAuth 2.0 token endpoint (RFC 6749 §4.1.3, §6) every platform shares: the form-encoded request
 * and the JSON answer ({@code access_token}, {@code refresh_token}, {@code expires_in}, {@code
 * refresh_token_expires_in}, {@code scope}) or error ({@code error}, {@code error_description}).
 */
public final class TokenEndpoint {
    private TokenEndpoint() {}

    /** Client credentials sent as HTTP Basic authentication (a confidential client). */
    public record BasicAuth(String clientId, String clientSecret) {
        public BasicAuth {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
        }

        String header() {
            return "Basic "
                    + Base64.getEncoder()
                            .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "BasicAuth[clientId=" + clientId + "]";
        }
    }

    /** A form POST of {@code fields} (in their order) to {@code url}, asking for JSON. */
    public static Request request(HttpUrl url, Map<String, String> fields, Optional<BasicAuth> basic) {
        var form = new FormBody.Builder();
        fields.forEach(form::add);
        var request = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .post(form.build());
        basic.ifPresent(b -> request.header("Authorization", b.header()));
        return request.build();
    }

    /**
     * What a successful token answer holds. Lifetimes are in seconds as sent (numbers or numeric strings); {@link
     * #toString()} shows no token.
     */
    public record Answer(
            String accessToken,
            Optional<String> refreshToken,
            Optional<Long> expiresIn,
            Optional<Long> refreshTokenExpiresIn,
            Optional<String> scope) {
        public Answer {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(refreshToken, "refreshToken");
            Objects.requireNonNull(expiresIn, "expiresIn");
            Objects.requireNonNull(refreshTokenExpiresIn, "refreshTokenExpiresIn");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public String toString() {
            return "Answer[refreshToken=" + refreshToken.isPresent() + ", expiresIn=" + expiresIn
                    + ", refreshTokenExpiresIn=" + refreshTokenExpiresIn + ", scope=" + scope + "]";
        }
    }

    /** The tokens of a successful answer; empty when the answer is not a success or has no access token. */
    public static Optional<Answer> answer(HttpResult result) {
        if (!result.isSuccessful()) {
            return Optional.empty();
        }
        JsonNode json = result.json();
        return Json.text(json, "/access_token")
                .map(access -> new Answer(
                        access,
                        Json.text(json, "/refresh_token"),
                        Json.number(json, "/expires_in"),
                        Json.number(json, "/refresh_token_expires_in"),
                        Json.text(json, "/scope")));
    }

    /** The OAuth error code of an answer ({@code invalid_request}, {@code invalid_grant}...). */
    public static Optional<String> error(HttpResult result) {
        return Json.text(result.json(), "/error");
    }

    /** The description that came with an OAuth error. */
    public static Optional<String> errorDescription(HttpResult result) {
        return Json.text(result.json(), "/error_description");
    }
}
