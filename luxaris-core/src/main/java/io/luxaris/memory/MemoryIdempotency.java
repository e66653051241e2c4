package io.luxaris.memory;

import io.luxaris.spi.storage.IdempotencyRecord;
import io.luxaris.spi.storage.IdempotencyRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Idempotency keys of the in-memory store; the one-writer lock makes claims race-free. */
final class MemoryIdempotency implements IdempotencyRepository {
    private final MemoryTransaction tx;

    MemoryIdempotency(MemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord claim) {
        tx.writable();
        Map<List<String>, IdempotencyRecord> keys = tx.db().idempotency;
        List<String> id = List.of(claim.scope(), claim.key());
        IdempotencyRecord existing = keys.get(id);
        if (existing != null && existing.expiresAt().isAfter(claim.createdAt())) {
            return Optional.of(existing);
        }
        put(id, claim);
        return Optional.empty();
    }

    @Override
    public void complete(String scope, String key, String result) {
        tx.writable();
        List<String> id = List.of(scope, key);
        IdempotencyRecord existing = tx.db().idempotency.get(id);
        if (existing == null) {
            throw new IllegalStateException("idempotency key was not claimed in this transaction");
        }
        put(id, existing.withResult(result));
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        tx.writable();
        var expired = new ArrayList<List<String>>();
        for (var e : tx.db().idempotency.entrySet()) {
            if (expired.size() >= limit) {
                break;
            }
            if (!e.getValue().expiresAt().isAfter(now)) {
                expired.add(e.getKey());
            }
        }
        for (List<String> id : expired) {
            IdempotencyRecord old = tx.db().idempotency.remove(id);
            tx.undo(() -> tx.db().idempotency.put(id, old));
        }
        return expired.size();
    }

    private void put(List<String> id, IdempotencyRecord value) {
        Map<List<String>, IdempotencyRecord> keys = tx.db().idempotency;
        IdempotencyRecord old = keys.put(id, value);
        tx.undo(() -> {
            if (old == null) {
                keys.remove(id);
            } else {
                keys.put(id, old);
            }
        });
    }
}
