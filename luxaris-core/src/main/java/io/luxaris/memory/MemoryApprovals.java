package io.luxaris.memory;

import io.luxaris.domain.ApprovalSubject;
import io.luxaris.spi.storage.ApprovalRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The approval requirements of the in-memory store, undone with the transaction. */
final class MemoryApprovals implements ApprovalRepository {
    private final MemoryDatabase db;
    private final MemoryTransaction tx;

    MemoryApprovals(MemoryDatabase db, MemoryTransaction tx) {
        this.db = db;
        this.tx = tx;
    }

    @Override
    public void require(ApprovalSubject subject, Instant at) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        tx.writable();
        if (db.approvals.add(subject)) {
            tx.undo(() -> db.approvals.remove(subject));
        }
    }

    @Override
    public boolean release(ApprovalSubject subject) {
        Objects.requireNonNull(subject, "subject");
        tx.writable();
        boolean removed = db.approvals.remove(subject);
        if (removed) {
            tx.undo(() -> db.approvals.add(subject));
        }
        return removed;
    }

    @Override
    public Set<ApprovalSubject> required(Collection<ApprovalSubject> subjects) {
        tx.readable();
        return subjects.stream().filter(db.approvals::contains).collect(Collectors.toUnmodifiableSet());
    }
}
