package io.luxaris.jdbc.internal;

import io.luxaris.errors.ConflictException;
import io.luxaris.jdbc.Dialect;
import io.luxaris.spi.storage.IdempotencyRecord;
import io.luxaris.spi.storage.IdempotencyRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Idempotency keys: a claim inserts the key unless it exists ({@code ON CONFLICT DO NOTHING}, {@code INSERT
 * IGNORE}, or {@code MERGE ... WHEN NOT MATCHED}); a concurrent uncommitted claim of one key makes
 * the insert wait on the key's unique index until that transaction ends, and the read that follows (read committed)
 * sees the winner's row with its result.
 */
final class IdempotencyRepo implements IdempotencyRepository {
    private static final String COLUMNS = "scope, idem_key, operation, fingerprint, result_ids, created_at, expires_at";

    private final JdbcTransaction tx;

    IdempotencyRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord claim) {
        tx.writable();
        String table = tx.t.idempotency;
        tx.sql("drop an expired idempotency key", () -> tx.handle
                .createUpdate(
                        "DELETE FROM " + table + " WHERE scope = :scope AND idem_key = :key AND expires_at <= :now")
                .bind("scope", claim.scope())
                .bind("key", claim.key())
                .bind("now", tx.d.instant(claim.createdAt()))
                .execute());
        String values = "(:scope, :key, :operation, :fingerprint, :result, :created, :expires)";
        String insert =
                switch (tx.d.dialect()) {
                    case POSTGRESQL ->
                        "INSERT INTO " + table + " (" + COLUMNS + ") VALUES " + values
                                + " ON CONFLICT (scope, idem_key) DO NOTHING";
                    // the values are checked by IdempotencyRecord: IGNORE only skips the duplicate key
                    case MARIADB -> "INSERT IGNORE INTO " + table + " (" + COLUMNS + ") VALUES " + values;
                    case H2 ->
                        "MERGE INTO " + table + " t USING (VALUES " + values + ") AS s(" + COLUMNS
                                + ") ON t.scope = s.scope AND t.idem_key = s.idem_key WHEN NOT MATCHED THEN INSERT ("
                                + COLUMNS + ") VALUES (s.scope, s.idem_key, s.operation, s.fingerprint, s.result_ids,"
                                + " s.created_at, s.expires_at)";
                };
        int inserted = tx.sql("claim an idempotency key", () -> tx.handle
                .createUpdate(insert)
                .bind("scope", claim.scope())
                .bind("key", claim.key())
                .bind("operation", claim.operation())
                .bind("fingerprint", claim.fingerprint())
                .bind("result", claim.result())
                .bind("created", tx.d.instant(claim.createdAt()))
                .bind("expires", tx.d.instant(claim.expiresAt()))
                .execute());
        if (inserted == 1) {
            return Optional.empty();
        }
        Optional<IdempotencyRecord> existing = find(claim.scope(), claim.key());
        if (existing.isEmpty()) {
            // the holder purged it between our insert and read: the caller retries the call
            throw new ConflictException("an idempotency key was claimed and released concurrently; retry");
        }
        return existing;
    }

    @Override
    public void complete(String scope, String key, String result) {
        tx.writable();
        int n = tx.sql("store the result of an idempotency key", () -> tx.handle
                .createUpdate("UPDATE " + tx.t.idempotency
                        + " SET result_ids = :result WHERE scope = :scope AND idem_key = :key")
                .bind("result", result)
                .bind("scope", scope)
                .bind("key", key)
                .execute());
        if (n == 0) {
            throw new IllegalStateException("idempotency key was not claimed in this transaction");
        }
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        tx.writable();
        String table = tx.t.idempotency;
        String sql = tx.d.is(Dialect.MARIADB)
                ? "DELETE FROM " + table + " WHERE expires_at <= :now ORDER BY expires_at LIMIT :limit"
                : "DELETE FROM " + table + " WHERE (scope, idem_key) IN (SELECT scope, idem_key FROM " + table
                        + " WHERE expires_at <= :now ORDER BY expires_at LIMIT :limit)";
        return tx.sql("purge expired idempotency keys", () -> tx.handle
                .createUpdate(sql)
                .bind("now", tx.d.instant(now))
                .bind("limit", limit)
                .execute());
    }

    private Optional<IdempotencyRecord> find(String scope, String key) {
        return tx.first(
                "read an idempotency key",
                tx.handle
                        .createQuery("SELECT " + COLUMNS + " FROM " + tx.t.idempotency
                                + " WHERE scope = :scope AND idem_key = :key")
                        .bind("scope", scope)
                        .bind("key", key),
                mapper());
    }

    private RowMapper<IdempotencyRecord> mapper() {
        return (rs, ctx) -> new IdempotencyRecord(
                rs.getString("scope"),
                rs.getString("idem_key"),
                rs.getString("operation"),
                rs.getString("fingerprint"),
                rs.getString("result_ids"),
                tx.d.instant(rs, "created_at"),
                tx.d.instant(rs, "expires_at"));
    }
}
