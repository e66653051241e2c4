package io.luxaris.jdbc.internal;

import io.luxaris.jdbc.Dialect;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.jspecify.annotations.Nullable;

/**
 * How values travel to and from one database: UUIDs (native on PostgreSQL and H2, {@code BINARY(16)} on
 * MariaDB), instants (UTC, microsecond precision: {@code timestamptz}, {@code TIMESTAMP WITH TIME ZONE}, or UTC
 * {@code DATETIME(6)}), JSON parameters and the database clock.
 */
final class SqlDialect {
    private final Dialect dialect;

    SqlDialect(Dialect dialect) {
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    boolean is(Dialect d) {
        return dialect == d;
    }

    /** The SQL expression of the database's current time. */
    String now() {
        return switch (dialect) {
            case POSTGRESQL -> "now()";
            case MARIADB -> "UTC_TIMESTAMP(6)";
            case H2 -> "CURRENT_TIMESTAMP(6)";
        };
    }

    /** The SQL of a JSON parameter named {@code name}. */
    String json(String name) {
        return switch (dialect) {
            case POSTGRESQL -> "CAST(:" + name + " AS jsonb)";
            case MARIADB -> ":" + name;
            case H2 -> ":" + name + " FORMAT JSON";
        };
    }

    /** The row-locking suffix of a claim select: {@code FOR UPDATE SKIP LOCKED} where it is used. */
    String skipLocked() {
        return dialect == Dialect.H2 ? "" : " FOR UPDATE SKIP LOCKED";
    }

    Argument uuid(@Nullable UUID value) {
        if (dialect == Dialect.MARIADB) {
            if (value == null) {
                return (i, ps, ctx) -> ps.setNull(i, Types.BINARY);
            }
            byte[] bytes = ByteBuffer.allocate(16)
                    .putLong(value.getMostSignificantBits())
                    .putLong(value.getLeastSignificantBits())
                    .array();
            return (i, ps, ctx) -> ps.setBytes(i, bytes);
        }
        if (value == null) {
            return (i, ps, ctx) -> ps.setNull(i, Types.OTHER);
        }
        return (i, ps, ctx) -> ps.setObject(i, value);
    }

    Argument uuid(Optional<UUID> value) {
        return uuid(value.orElse(null));
    }

    Argument instant(@Nullable Instant value) {
        if (value == null) {
            int type = dialect == Dialect.MARIADB ? Types.TIMESTAMP : Types.TIMESTAMP_WITH_TIMEZONE;
            return (i, ps, ctx) -> ps.setNull(i, type);
        }
        Instant micros = value.truncatedTo(ChronoUnit.MICROS);
        if (dialect == Dialect.MARIADB) {
            LocalDateTime utc = LocalDateTime.ofInstant(micros, ZoneOffset.UTC);
            return (i, ps, ctx) -> ps.setObject(i, utc);
        }
        OffsetDateTime utc = micros.atOffset(ZoneOffset.UTC);
        return (i, ps, ctx) -> ps.setObject(i, utc);
    }

    Argument instant(Optional<Instant> value) {
        return instant(value.orElse(null));
    }

    Argument bytes(byte[] value) {
        return (i, ps, ctx) -> ps.setBytes(i, value);
    }

    UUID uuid(ResultSet rs, String column) throws SQLException {
        UUID value = optionalUuid(rs, column);
        if (value == null) {
            throw new SQLException("column " + column + " is null");
        }
        return value;
    }

    @Nullable
    UUID optionalUuid(ResultSet rs, String column) throws SQLException {
        if (dialect == Dialect.MARIADB) {
            byte[] bytes = rs.getBytes(column);
            if (bytes == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return new UUID(b.getLong(), b.getLong());
        }
        return rs.getObject(column, UUID.class);
    }

    Instant instant(ResultSet rs, String column) throws SQLException {
        Instant value = optionalInstant(rs, column);
        if (value == null) {
            throw new SQLException("column " + column + " is null");
        }
        return value;
    }

    @Nullable
    Instant optionalInstant(ResultSet rs, String column) throws SQLException {
        if (dialect == Dialect.MARIADB) {
            LocalDateTime t = rs.getObject(column, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
