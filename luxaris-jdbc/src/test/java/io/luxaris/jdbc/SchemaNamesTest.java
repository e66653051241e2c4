package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Schema names that would build and then break every statement (reserved words: Luxaris names its tables
 * {@code schema.table} unquoted), and system schemas, are refused when the builder is given them.
 */
class SchemaNamesTest {
    private static boolean refused(String schema) {
        try {
            JdbcStorage.builder().schema(schema);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Test
    void reservedWords_andSystemSchemas_areRefused_withTheReason() {
        for (String word : List.of("select", "user", "order", "table", "group", "from", "key")) {
            assertThatThrownBy(() -> JdbcStorage.builder().schema(word))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("schema '" + word + "'")
                    .hasMessageContaining("reserved word");
        }
        for (String system :
                List.of("pg_catalog", "information_schema", "mysql", "performance_schema", "sys", "pg_toast", "pg_x")) {
            assertThatThrownBy(() -> JdbcStorage.builder().schema(system))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("schema '" + system + "'")
                    .hasMessageMatching(".*(system schema|reserves names starting with pg_).*");
        }
        // H2's INFORMATION_SCHEMA (upper case) does not even match the pattern
        assertThat(refused("INFORMATION_SCHEMA")).isTrue();
        for (String fine : List.of("luxaris", "app_data", "social", "posts", "luxaris_t_1")) {
            assertThat(refused(fine)).as(fine).isFalse();
        }
    }

    /**
     * Keywords (from {@code keywordsSql} and {@code more}) that are a syntax error as a schema: in {@code SELECT ...
     * FROM schema.table} on PostgreSQL and H2; in {@code CREATE DATABASE schema} on MariaDB (only parsed, by
     * PREPARE: MariaDB takes keywords before a dot, but a host creating the database by hand cannot).
     */
    private static Set<String> brokenAsSchema(TestDatabase db, String keywordsSql, List<String> more)
            throws SQLException {
        var candidates = new TreeSet<String>(more);
        var broken = new TreeSet<String>();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            if (keywordsSql != null) {
                try (ResultSet rs = s.executeQuery(keywordsSql)) {
                    while (rs.next()) {
                        candidates.add(rs.getString(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
            for (String word : candidates) {
                if (!word.matches("[a-z_][a-z0-9_]{0,62}")) {
                    continue;
                }
                try {
                    if (db.kind == TestDatabase.Kind.MARIADB) {
                        s.execute("PREPARE luxaris_probe FROM 'CREATE DATABASE " + word + "'");
                        s.execute("DEALLOCATE PREPARE luxaris_probe");
                    } else {
                        s.executeQuery("SELECT * FROM " + word + ".luxaris_post")
                                .close();
                    }
                } catch (SQLException e) {
                    if (isSyntaxError(db.kind, e)) {
                        broken.add(word);
                    }
                }
            }
        }
        return broken;
    }

    private static boolean isSyntaxError(TestDatabase.Kind kind, SQLException e) {
        return switch (kind) {
            case POSTGRESQL -> "42601".equals(e.getSQLState());
            case MARIADB -> e.getErrorCode() == 1064;
            case H2 -> e.getErrorCode() == 42000 || e.getErrorCode() == 42001;
        };
    }

    private static void everyBrokenWordIsRefused(TestDatabase.Kind kind, String keywordsSql) throws SQLException {
        TestDatabase db = TestDatabase.orNull(kind);
        TestDatabase.assumeAvailable(db, kind);
        try (db) {
            // H2 lists no keywords: try PostgreSQL's and MariaDB's best-known ones and a few of its own
            List<String> more = new ArrayList<>(List.of(
                    "select",
                    "user",
                    "order",
                    "table",
                    "rownum",
                    "minus",
                    "qualify",
                    "top",
                    "value",
                    "year",
                    "day",
                    "hour",
                    "minute",
                    "second",
                    "month",
                    "interval",
                    "limit",
                    "offset",
                    "key",
                    "if",
                    "regexp"));
            Set<String> broken = brokenAsSchema(db, keywordsSql, more);
            assertThat(broken).as("the database refuses some keywords").isNotEmpty();
            assertThat(broken.stream().filter(w -> !refused(w)).toList())
                    .as("keywords %s refuses as a schema but the builder accepts", kind)
                    .isEmpty();
        }
    }

    @Test
    void everyKeywordPostgresRefusesAsASchema_isRefusedByTheBuilder() throws SQLException {
        everyBrokenWordIsRefused(TestDatabase.Kind.POSTGRESQL, "SELECT word FROM pg_get_keywords()");
    }

    @Test
    void everyKeywordMariaDbRefusesAsASchema_isRefusedByTheBuilder() throws SQLException {
        everyBrokenWordIsRefused(TestDatabase.Kind.MARIADB, "SELECT word FROM information_schema.keywords");
    }

    @Test
    void everyKeywordH2RefusesAsASchema_isRefusedByTheBuilder() throws SQLException {
        everyBrokenWordIsRefused(TestDatabase.Kind.H2, null);
    }
}
