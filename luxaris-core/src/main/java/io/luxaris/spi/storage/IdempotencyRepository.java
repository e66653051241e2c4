package io.luxaris.spi.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys of creating calls, unique per scope and key. A use case claims the key first, in the
 * transaction that creates, and stores the result in the same transaction: of two instances racing with one key,
 * exactly one creates and the other reads its result.
 */
public interface IdempotencyRepository {
    /**
     * Claims a key: inserts {@code claim} unless the scope already holds a live record with this key. A record that
     * expired at or before {@code claim.createdAt()} is replaced. When another transaction holds an uncommitted claim
     * of the key, waits for it to end (committed: its record is returned; rolled back: this claim succeeds).
     *
     * @param claim the record to insert, with an empty result
     * @return the existing live record (with its result), or empty when {@code claim} was inserted
     */
    Optional<IdempotencyRecord> claim(IdempotencyRecord claim);

    /**
     * Stores the result of a key claimed in this transaction.
     *
     * @param scope whose key it is
     * @param key the key
     * @param result the encoded result
     * @throws IllegalStateException when no such key exists
     */
    void complete(String scope, String key, String result);

    /**
     * Deletes records that expired at or before {@code now}.
     *
     * @param now the current time
     * @param limit the most records to delete
     * @return how many were deleted
     */
    int purgeExpired(Instant now, int limit);
}
