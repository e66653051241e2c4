package io.luxaris.spi.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored idempotency key: who used it (the scope), for which operation and request (a fingerprint, never the
 * request itself), what the call created (an encoded list of ids) and until when it is kept.
 *
 * @param scope whose key it is (the acting principal's id); at most {@value #MAX_SCOPE} characters
 * @param key the caller's key; at most {@value #MAX_KEY} characters
 * @param operation the creating call, such as {@code schedules.schedule}; at most {@value #MAX_OPERATION} characters
 * @param fingerprint a hash of the operation and the request (hex, {@value #FINGERPRINT_LENGTH} characters)
 * @param result what the first call created, encoded by the use case; empty while the claiming transaction runs
 * @param createdAt when the key was first used
 * @param expiresAt from when the key may be purged and reused
 */
public record IdempotencyRecord(
        String scope,
        String key,
        String operation,
        String fingerprint,
        String result,
        Instant createdAt,
        Instant expiresAt) {
    /** The longest scope. */
    public static final int MAX_SCOPE = 200;

    /** The longest key. */
    public static final int MAX_KEY = 255;

    /** The longest operation name. */
    public static final int MAX_OPERATION = 64;

    /** The length of a fingerprint. */
    public static final int FINGERPRINT_LENGTH = 64;

    /**
     * Checks the components.
     *
     * @param scope whose key it is
     * @param key the caller's key
     * @param operation the creating call
     * @param fingerprint the request's hash
     * @param result the encoded result
     * @param createdAt when the key was first used
     * @param expiresAt from when it may be purged
     * @throws IllegalArgumentException when a text is empty or too long, or it expires before it was created
     */
    public IdempotencyRecord {
        check("scope", scope, MAX_SCOPE);
        check("key", key, MAX_KEY);
        check("operation", operation, MAX_OPERATION);
        check("fingerprint", fingerprint, FINGERPRINT_LENGTH);
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (expiresAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("expiresAt is before createdAt");
        }
    }

    /**
     * The record with a result.
     *
     * @param value the encoded result
     * @return a copy holding it
     */
    public IdempotencyRecord withResult(String value) {
        return new IdempotencyRecord(scope, key, operation, fingerprint, value, createdAt, expiresAt);
    }

    private static void check(String name, String value, int max) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(name + " must have 1 to " + max + " characters");
        }
    }
}
