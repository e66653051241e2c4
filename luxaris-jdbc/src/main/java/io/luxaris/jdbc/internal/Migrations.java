package io.luxaris.jdbc.internal;

import io.luxaris.errors.StorageException;
import io.luxaris.jdbc.Dialect;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema, as versioned Flyway migrations per dialect under {@code io/luxaris/jdbc/migration/<dialect>} (not
 * under {@code db/migration}, so that a host's own Flyway never picks them up). Re-running is a no-op; the
 * history table is {@code <prefix>schema_history}; a schema that already holds other tables is fine.
 */
public final class Migrations {
    private Migrations() {}

    /** The classpath folder of a dialect's migrations. */
    public static String location(Dialect dialect) {
        return "classpath:io/luxaris/jdbc/migration/" + dialect.name().toLowerCase(Locale.ROOT);
    }

    /** Applies the pending migrations; returns the schema version after. */
    public static String migrate(DataSource dataSource, Dialect dialect, Optional<String> schema, String tablePrefix) {
        try {
            var config = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(location(dialect))
                    .table(tablePrefix + "schema_history")
                    .placeholders(Map.of("prefix", tablePrefix))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .createSchemas(true)
                    .failOnMissingLocations(true);
            // H2 folds unquoted names to upper case, and the statements use them unquoted
            schema.map(s -> dialect == Dialect.H2 ? s.toUpperCase(Locale.ROOT) : s)
                    .ifPresent(s -> config.schemas(s).defaultSchema(s));
            Flyway flyway = config.load();
            MigrateResult result = flyway.migrate();
            return result.targetSchemaVersion != null
                    ? result.targetSchemaVersion
                    : flyway.info().current() == null
                            ? "none"
                            : flyway.info().current().getVersion().getVersion();
        } catch (FlywayException e) {
            throw new StorageException(
                    "migrating the Luxaris schema failed: " + Urls.redact(String.valueOf(e.getMessage())), e, false);
        }
    }
}
