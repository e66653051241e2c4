package io.luxaris.channels.mastodon;

import io.luxaris.errors.LuxarisException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Mastodon instance refused a call made outside publishing (app registration, code exchange, account lookup,
 * delete), or could not be reached. The message is safe to show: it holds the instance's error and description,
 * never a token or client secret.
 */
public final class MastodonException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final boolean retryable;
    private final transient Optional<Instant> retryAt;

    MastodonException(String error, String message, boolean retryable, Optional<Instant> retryAt) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.retryable = retryable;
        this.retryAt = Objects.requireNonNull(retryAt, "retryAt");
    }

    /**
     * The OAuth error ({@code invalid_client}, {@code invalid_grant}, {@code invalid_scope}...), the failure code
     * ({@code rate_limited}, {@code invalid_token}, {@code http_<status>}), or the transport's ({@code
     * connect_failed}, {@code timeout}, {@code connection_lost}, {@code unexpected_redirect}, {@code
     * response_too_large}).
     */
    public String error() {
        return error;
    }

    /** Whether trying again later may succeed (network trouble, rate limit, instance overloaded). */
    public boolean retryable() {
        return retryable;
    }

    /** When the instance's rate limit resets, when it said. */
    public Optional<Instant> retryAt() {
        return retryAt == null ? Optional.empty() : retryAt;
    }
}
