/**
 * Luxaris storage on PostgreSQL, MariaDB/MySQL and H2: {@link io.luxaris.jdbc.JdbcStorage}, and a Tink cipher for
 * credentials at rest ({@link io.luxaris.jdbc.TinkSecretCipher}).
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.luxaris.jdbc {
    requires transitive io.luxaris;
    requires transitive java.sql;
    requires transitive com.google.crypto.tink;
    requires org.jdbi.v3.core;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static org.jspecify;

    exports io.luxaris.jdbc;

    opens io.luxaris.jdbc.migration.postgresql;
    opens io.luxaris.jdbc.migration.mariadb;
    opens io.luxaris.jdbc.migration.h2;
}
