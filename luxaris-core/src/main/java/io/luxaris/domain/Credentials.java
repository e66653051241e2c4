package io.luxaris.domain;

import io.luxaris.util.Args;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Secret values of a channel connection (tokens, token secrets, expiry). Encrypted at rest by the configured {@code
 * SecretCipher}; handed decrypted to the channel publisher only. {@link #toString()} never shows a value.
 *
 * <p>Well-known keys are constants here; a channel may define more.
 *
 * @param values the secret values by key, in insertion order
 */
public record Credentials(Map<String, String> values) {
    /** The access token (OAuth 2.0 bearer token or OAuth 1.0a token). */
    public static final String ACCESS_TOKEN = "access_token";
    /** The OAuth 2.0 refresh token. */
    public static final String REFRESH_TOKEN = "refresh_token";
    /** ISO-8601 instant at which the access token expires. */
    public static final String EXPIRES_AT = "expires_at";
    /** ISO-8601 instant at which the refresh token expires. */
    public static final String REFRESH_EXPIRES_AT = "refresh_expires_at";

    /** The OAuth 1.0a token secret. */
    public static final String TOKEN_SECRET = "token_secret";
    /** The scopes granted, as the platform lists them (not a secret). */
    public static final String SCOPE = "scope";

    /**
     * Copies the values, keeping their order.
     *
     * @param values the secret values by key, in insertion order
     */
    public Credentials {
        values = Args.orderedCopy(values, "values");
    }

    /**
     * Credentials with these values.
     *
     * @param values the secret values by key
     * @return the credentials
     */
    public static Credentials of(Map<String, String> values) {
        return new Credentials(values);
    }

    /**
     * An access token alone (no refresh, no expiry).
     *
     * @param accessToken the token
     * @return the credentials
     */
    public static Credentials bearer(String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        return new Credentials(Map.of(ACCESS_TOKEN, accessToken));
    }

    /**
     * An OAuth 2.0 token pair with the access token's expiry.
     *
     * @param accessToken the access token
     * @param refreshToken the refresh token
     * @param expiresAt when the access token expires
     * @return the credentials
     */
    public static Credentials oauth2(String accessToken, String refreshToken, Instant expiresAt) {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        var map = new LinkedHashMap<String, String>();
        map.put(ACCESS_TOKEN, accessToken);
        map.put(REFRESH_TOKEN, refreshToken);
        map.put(EXPIRES_AT, expiresAt.toString());
        return new Credentials(map);
    }

    /**
     * One value.
     *
     * @param key its key, such as {@link #ACCESS_TOKEN}
     * @return the value, or empty when it is missing or empty
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    /** {@return the access token, when set} */
    public Optional<String> accessToken() {
        return get(ACCESS_TOKEN);
    }

    /** {@return the refresh token, when set} */
    public Optional<String> refreshToken() {
        return get(REFRESH_TOKEN);
    }

    /** {@return when the access token expires, when set and readable} */
    public Optional<Instant> expiresAt() {
        return instant(EXPIRES_AT);
    }

    /** {@return when the refresh token expires, when set and readable} */
    public Optional<Instant> refreshExpiresAt() {
        return instant(REFRESH_EXPIRES_AT);
    }

    /** {@return whether there is no value at all} */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * These credentials with one value set.
     *
     * @param key the key
     * @param value the value, replacing any earlier one
     * @return the changed copy
     */
    public Credentials with(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        var map = new LinkedHashMap<>(values);
        map.put(key, value);
        return new Credentials(map);
    }

    /**
     * These credentials without one value.
     *
     * @param key the key to remove
     * @return the changed copy
     */
    public Credentials without(String key) {
        var map = new LinkedHashMap<>(values);
        map.remove(key);
        return new Credentials(map);
    }

    /**
     * The credentials to store when {@code newer} replaces these: every value of {@code newer} wins, except that a
     * missing or empty refresh token (and its expiry) never wipes the stored one. A rotated refresh token is never
     * lost, never overwritten with an empty one.
     *
     * @param newer the credentials a reconnect or a refresh obtained
     * @return the credentials to store
     */
    public Credentials replacedBy(Credentials newer) {
        Objects.requireNonNull(newer, "newer");
        var map = new LinkedHashMap<>(newer.values);
        if (newer.refreshToken().isEmpty() && refreshToken().isPresent()) {
            map.put(REFRESH_TOKEN, values.get(REFRESH_TOKEN));
            if (values.containsKey(REFRESH_EXPIRES_AT) && !newer.values.containsKey(REFRESH_EXPIRES_AT)) {
                map.put(REFRESH_EXPIRES_AT, values.get(REFRESH_EXPIRES_AT));
            }
        }
        return new Credentials(map);
    }

    /**
     * Every secret value, for scrubbing them out of messages and raw responses.
     *
     * @return the values of at least 4 characters, expiry times and scopes excepted
     */
    public Collection<String> secretValues() {
        // a loop, not a stream: every publish attempt asks (its text is scrubbed of these)
        var secrets = new ArrayList<String>(values.size());
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (!key.equals(EXPIRES_AT)
                    && !key.equals(REFRESH_EXPIRES_AT)
                    && !key.equals(SCOPE)
                    && e.getValue().length() >= 4) {
                secrets.add(e.getValue());
            }
        }
        return Collections.unmodifiableList(secrets);
    }

    private Optional<Instant> instant(String key) {
        return get(key).flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** Shows the keys only. */
    @Override
    public String toString() {
        return "Credentials" + values.keySet() + " (values redacted)";
    }
}
