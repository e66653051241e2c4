package io.luxaris.jdbc.internal;

import java.sql.Array;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a set-wise PostgreSQL statement as one array parameter per column, read back with {@code unnest}:
 * {@code UPDATE t SET ... FROM unnest(:a::uuid[], :b::int[], ...) AS f(a, b, ...) WHERE ...}. One statement for a
 * whole batch instead of one statement per row (what a JDBC batch sends): a single parse, plan and execution on
 * the server. Every column travels as a {@code text[]} and is cast in the SQL; instants are written to the
 * microsecond in ISO-8601 UTC, which PostgreSQL reads as {@code timestamptz}; {@code null} stays NULL.
 *
 * @param <R> the kind of row
 */
final class PgColumns<R> {
    /** The first and last second {@link #utcMicros} prints by hand (years 1 to 9999). */
    private static final long FIRST_FOUR_DIGIT_SECOND =
            LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private static final long LAST_FOUR_DIGIT_SECOND =
            LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private final List<R> rows;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    private record Column(String type, Function<Object, @Nullable String> value) {}

    private PgColumns(List<R> rows) {
        this.rows = rows;
    }

    static <R> PgColumns<R> of(List<R> rows) {
        return new PgColumns<>(rows);
    }

    /** A column of SQL type {@code type} whose text value (or null) is {@code value} of each row. */
    @SuppressWarnings("unchecked")
    PgColumns<R> column(String name, String type, Function<? super R, @Nullable String> value) {
        columns.put(name, new Column(type, r -> value.apply((R) r)));
        return this;
    }

    PgColumns<R> uuid(String name, Function<? super R, UUID> value) {
        return column(name, "uuid", r -> text(value.apply(r)));
    }

    PgColumns<R> instant(String name, Function<? super R, Optional<Instant>> value) {
        return column(name, "timestamptz", r -> value.apply(r)
                .map(PgColumns::utcMicros)
                .orElse(null));
    }

    /**
     * The instant to the microsecond as ISO-8601 text in UTC ({@code 2026-12-06T06:33:48.123456Z}), as PostgreSQL
     * reads a {@code timestamptz}. Printed by hand: {@code Instant.toString()} through its formatter was about 8 % of
     * the engine threads' CPU in the burn-down (five instants per outcome row). Years outside 1..9999 go through
     * {@code Instant.toString()}.
     */
    static String utcMicros(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_SECOND || seconds > LAST_FOUR_DIGIT_SECOND) {
            return instant.truncatedTo(ChronoUnit.MICROS).toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int year = t.getYear();
        char[] c = new char[27];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, instant.getNano() / 1_000, 6);
        c[26] = 'Z';
        return new String(c);
    }

    /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void digits(char[] into, int at, int value, int width) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    PgColumns<R> text(String name, Function<? super R, @Nullable String> value) {
        return column(name, "text", value);
    }

    PgColumns<R> integer(String name, Function<? super R, Long> value) {
        return column(name, "bigint", r -> text(value.apply(r)));
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    /** {@code unnest(:c1::t1[], ...) AS alias(c1, ...)}: the rows as a table. */
    String from(String alias) {
        var args = new ArrayList<String>();
        columns.forEach((name, c) -> args.add("CAST(:" + name + " AS " + c.type() + "[])"));
        return "unnest(" + String.join(", ", args) + ") AS " + alias + "(" + String.join(", ", columns.keySet()) + ")";
    }

    /** Binds each column's array to {@code statement}. */
    <S extends SqlStatement<S>> S bind(S statement) {
        columns.forEach((name, c) -> {
            @Nullable String[] values = new String[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = c.value().apply(rows.get(i));
            }
            statement.bind(name, textArray(values));
        });
        return statement;
    }

    /** Runs {@code sql} (an update {@code ... RETURNING <alias>.id}) with these rows; the ids it returned. */
    Set<UUID> returningIds(JdbcTransaction tx, String action, String sql) {
        return new HashSet<>(tx.sql(action, () -> bind(tx.handle.createQuery(sql))
                .map((rs, ctx) -> tx.d.uuid(rs, "id"))
                .list()));
    }

    private static Argument textArray(@Nullable String[] values) {
        return (i, ps, ctx) -> {
            Array array = ps.getConnection().createArrayOf("text", values);
            ps.setArray(i, array);
        };
    }
}
