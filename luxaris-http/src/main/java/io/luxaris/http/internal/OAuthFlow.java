package io.luxaris.http.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The parts of the OAuth 2.0 authorization code flow (RFC 6749 §4.1, PKCE RFC 7636) the adapters' OAuth helpers
 * share: random {@code state} values, PKCE verifiers and S256 challenges, and the checks of a redirect URI and of
 * requested scopes. The token endpoint itself is {@link TokenEndpoint}.
 */
public final class OAuthFlow {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private OAuthFlow() {}

    /** A new unguessable {@code state} (24 random bytes, Base64url without padding: 32 characters). */
    public static String newState() {
        return random(24);
    }

    /** A new random PKCE code verifier (32 random bytes: 43 characters). */
    public static String newCodeVerifier() {
        return random(32);
    }

    /** The S256 PKCE challenge of a verifier: Base64url(SHA-256(verifier)) without padding. */
    public static String codeChallenge(String codeVerifier) {
        requireVerifier(codeVerifier);
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** {@code codeVerifier}, when it is a valid PKCE verifier (RFC 7636 §4.1). */
    public static String requireVerifier(String codeVerifier) {
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        if (!VERIFIER.matcher(codeVerifier).matches()) {
            throw new IllegalArgumentException(
                    "codeVerifier must be 43..128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636)");
        }
        return codeVerifier;
    }

    /** {@code redirectUri}, when it is an absolute http(s) URL. */
    public static URI redirectUri(URI redirectUri) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (!redirectUri.isAbsolute()
                || !("https".equals(redirectUri.getScheme()) || "http".equals(redirectUri.getScheme()))) {
            throw new IllegalArgumentException(
                    "redirectUri must be an absolute http(s) URL but was '" + redirectUri + "'");
        }
        return redirectUri;
    }

    /**
     * A copy of {@code scopes}, when it is not empty and every scope is a non-blank word without a space or any of
     * the characters in {@code separators} (how the platform joins them).
     */
    public static List<String> scopes(List<String> scopes, String separators) {
        Objects.requireNonNull(scopes, "scopes");
        if (scopes.isEmpty()
                || scopes.stream()
                        .anyMatch(s -> s == null
                                || s.isBlank()
                                || s.contains(" ")
                                || s.chars().anyMatch(c -> separators.indexOf(c) >= 0))) {
            throw new IllegalArgumentException("scopes must be non-blank words but were " + scopes);
        }
        return List.copyOf(scopes);
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
