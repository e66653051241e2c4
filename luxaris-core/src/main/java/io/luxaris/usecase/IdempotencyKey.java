package io.luxaris.usecase;

import io.luxaris.errors.ValidationException;

/**
 * A caller's key that makes a creating call safe to repeat (after a timeout, a crash or a retrying queue): the same
 * key with the same request returns the first call's result (the same ids) instead of creating again; the same key
 * with another request fails with a {@link io.luxaris.errors.ConflictException} naming the key. Keys are scoped to the
 * acting principal, shared by every instance on one storage, and kept for the retention configured with {@link
 * io.luxaris.Luxaris.Builder#idempotencyRetention(java.time.Duration)} (24 hours by default).
 *
 * @param value 1 to {@value #MAX_LENGTH} printable ASCII characters (no spaces or control characters)
 */
public record IdempotencyKey(String value) {
    /** The longest key. */
    public static final int MAX_LENGTH = 255;

    /**
     * Checks the value.
     *
     * @param value the key
     * @throws ValidationException on field {@code idempotencyKey}: {@code required} when it is null or empty, {@code
     *     max_length} above {@value #MAX_LENGTH} characters, {@code invalid_character} when it holds anything but
     *     printable ASCII ({@code !} to {@code ~})
     */
    public IdempotencyKey {
        if (value == null || value.isEmpty()) {
            throw ValidationException.of("idempotencyKey", "required", "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw ValidationException.of(
                    "idempotencyKey",
                    "max_length",
                    "is " + value.length() + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '!' || c > '~') {
                throw ValidationException.of(
                        "idempotencyKey",
                        "invalid_character",
                        "may hold printable ASCII only (no spaces or control characters); position " + i);
            }
        }
    }

    /**
     * A key.
     *
     * @param value 1 to {@value #MAX_LENGTH} printable ASCII characters
     * @return the key
     * @throws ValidationException when the value is not a valid key (see the constructor)
     */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
