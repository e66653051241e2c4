package io.luxaris.jdbc;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The SQL databases Luxaris stores in. Detected from the connection; override with the builder. */
public enum Dialect {
    /** PostgreSQL 12 or later: the production database; jsonb, partial indexes, one-statement claims. */
    POSTGRESQL,
    /** MariaDB 10.6 or later (and MySQL 8, untested): SKIP LOCKED claims at READ COMMITTED. */
    MARIADB,
    /** H2 2.x, file or in-memory: the embedded default; optimistic claims. */
    H2;

    /** The dialect of a database product name ({@code DatabaseMetaData.getDatabaseProductName()}). */
    public static Optional<Dialect> fromProductName(@Nullable String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return Optional.of(POSTGRESQL);
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return Optional.of(MARIADB);
        }
        if (name.equals("h2") || name.startsWith("h2 ")) {
            return Optional.of(H2);
        }
        return Optional.empty();
    }

    /** The dialect a JDBC URL names ({@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:}, {@code jdbc:h2:}). */
    public static Optional<Dialect> fromUrl(@Nullable String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return Optional.of(MARIADB);
        }
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of(H2);
        }
        return Optional.empty();
    }
}
