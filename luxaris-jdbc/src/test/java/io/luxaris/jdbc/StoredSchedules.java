package io.luxaris.jdbc;

import io.luxaris.domain.ScheduleId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The schedule rows of a test database as stored, read with plain SQL (not through Luxaris). */
final class StoredSchedules {
    private StoredSchedules() {}

    /** One stored schedule: status, error fields and lease owner. */
    record Row(
            ScheduleId id,
            String status,
            Optional<String> errorCode,
            Optional<String> errorMessage,
            Optional<String> leaseOwner) {
        boolean active() {
            return status.equals("pending") || status.equals("queued") || status.equals("processing");
        }

        @Override
        public String toString() {
            return id + " " + status + errorCode.map(c -> " " + c).orElse("")
                    + leaseOwner.map(o -> " lease " + o).orElse("");
        }
    }

    /** Every schedule row, by id. */
    static Map<ScheduleId, Row> read(TestDatabase db) {
        var rows = new LinkedHashMap<ScheduleId, Row>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, status, error_code, error_message, lease_owner FROM "
                        + db.qualified("schedule") + " ORDER BY id")) {
            while (rs.next()) {
                var id = new ScheduleId(rs.getObject(1, UUID.class));
                rows.put(
                        id,
                        new Row(
                                id,
                                rs.getString(2),
                                Optional.ofNullable(rs.getString(3)),
                                Optional.ofNullable(rs.getString(4)),
                                Optional.ofNullable(rs.getString(5))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The schedules still pending, queued or processing. */
    static Map<ScheduleId, Row> active(TestDatabase db) {
        var out = new LinkedHashMap<ScheduleId, Row>();
        read(db).forEach((id, row) -> {
            if (row.active()) {
                out.put(id, row);
            }
        });
        return out;
    }

    /** For failure messages: how many schedules are still active, by status, and the first few of them. */
    static String activeSummary(TestDatabase db) {
        Map<ScheduleId, Row> active = active(db);
        var byStatus = new java.util.TreeMap<String, Integer>();
        active.values().forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
        return active.size() + " " + byStatus + ", first "
                + active.values().stream().limit(5).map(Row::toString).toList();
    }
}
