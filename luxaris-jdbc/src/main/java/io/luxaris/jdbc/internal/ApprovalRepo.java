package io.luxaris.jdbc.internal;

import io.luxaris.domain.ApprovalSubject;
import io.luxaris.spi.storage.ApprovalRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The approval requirements on posts and connections ({@code approval_rule}, migration V5). */
final class ApprovalRepo implements ApprovalRepository {
    private final JdbcTransaction tx;

    ApprovalRepo(JdbcTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void require(ApprovalSubject subject, Instant at) {
        tx.writable();
        String columns = " (subject_type, subject_id, created_at) VALUES (:type, :id, :at)";
        String sql =
                switch (tx.d.dialect()) {
                    case POSTGRESQL -> "INSERT INTO " + tx.t.approvalRule + columns + " ON CONFLICT DO NOTHING";
                    case MARIADB -> "INSERT IGNORE INTO " + tx.t.approvalRule + columns;
                    case H2 ->
                        "MERGE INTO " + tx.t.approvalRule + " (subject_type, subject_id, created_at)"
                                + " KEY (subject_type, subject_id) VALUES (:type, :id, :at)";
                };
        tx.sql("require approval for " + subject.kind().wireName() + " " + subject.id(), () -> tx.handle
                .createUpdate(sql)
                .bind("type", subject.kind().wireName())
                .bind("id", tx.d.uuid(subject.id()))
                .bind("at", tx.d.instant(at))
                .execute());
    }

    @Override
    public boolean release(ApprovalSubject subject) {
        tx.writable();
        return tx.sql("release approval for " + subject.kind().wireName() + " " + subject.id(), () -> tx.handle
                        .createUpdate(
                                "DELETE FROM " + tx.t.approvalRule + " WHERE subject_type = :type AND subject_id = :id")
                        .bind("type", subject.kind().wireName())
                        .bind("id", tx.d.uuid(subject.id()))
                        .execute())
                > 0;
    }

    @Override
    public Set<ApprovalSubject> required(Collection<ApprovalSubject> subjects) {
        tx.readable();
        if (subjects.isEmpty()) {
            return Set.of();
        }
        Set<UUID> ids = new HashSet<>();
        subjects.forEach(s -> ids.add(s.id()));
        var found = tx.listIn(
                "find approval requirements",
                "SELECT subject_type, subject_id FROM " + tx.t.approvalRule + " WHERE subject_id IN ",
                ids,
                "",
                (rs, ctx) -> new ApprovalSubject(
                        ApprovalSubject.Kind.fromWireName(rs.getString("subject_type")), tx.d.uuid(rs, "subject_id")));
        var asked = Set.copyOf(subjects);
        var result = new HashSet<ApprovalSubject>();
        for (ApprovalSubject s : found) {
            if (asked.contains(s)) {
                result.add(s);
            }
        }
        return Set.copyOf(result);
    }
}
