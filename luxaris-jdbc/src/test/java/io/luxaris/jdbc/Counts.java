package io.luxaris.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Direct SQL views of a test database's schedules. */
final class Counts {
    private Counts() {}

    /** Schedules by status. */
    static Map<String, Integer> byStatus(TestDatabase db) {
        var map = new LinkedHashMap<String, Integer>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, count(*) FROM " + db.qualified("schedule")
                        + " GROUP BY status ORDER BY status")) {
            while (rs.next()) {
                map.put(rs.getString(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return map;
    }

    /** Schedules still pending, queued or processing. */
    static int active(TestDatabase db) {
        var m = byStatus(db);
        return m.getOrDefault("pending", 0) + m.getOrDefault("queued", 0) + m.getOrDefault("processing", 0);
    }

    /** A single number from SQL. */
    static long number(TestDatabase db, String sql) {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code condition} holds; false after {@code max}. */
    static boolean await(Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
