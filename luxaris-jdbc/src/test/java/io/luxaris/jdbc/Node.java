package io.luxaris.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.luxaris.Luxaris;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.testkit.ScriptedChannel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One application instance in a test: its own HikariCP pool (application name {@code <id>-<test schema>}, so its
 * server backends can be found and killed), a statement-counting data source over it, a JdbcStorage and a
 * Luxaris with the given channel and engine settings.
 */
final class Node implements AutoCloseable {
    final String id;
    final HikariDataSource pool;
    final CountingDataSource counting;
    final JdbcStorage storage;
    final Luxaris luxaris;
    final AtomicInteger published = new AtomicInteger();
    final AtomicInteger unconfirmed = new AtomicInteger();
    private final TestDatabase db;

    Node(TestDatabase db, String id, SecretCipher cipher, ScriptedChannel channel, EngineSettings engine) {
        this.db = db;
        this.id = id;
        var config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername("postgres");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(2_000);
        config.setPoolName(id);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.addDataSourceProperty("ApplicationName", applicationName());
        pool = new HikariDataSource(config);
        counting = new CountingDataSource(pool);
        var builder = JdbcStorage.builder().dataSource(counting);
        db.schema().ifPresent(builder::schema);
        storage = builder.build();
        luxaris = Luxaris.builder()
                .storage(storage)
                .secretCipher(cipher)
                .channel(channel)
                .engine(engine)
                .instanceId(id)
                .listener(e -> {
                    if (e instanceof LuxarisEvent.Published) {
                        published.incrementAndGet();
                    } else if (e instanceof LuxarisEvent.Unconfirmed) {
                        unconfirmed.incrementAndGet();
                    }
                })
                .build();
    }

    String applicationName() {
        return id + "-" + db.name;
    }

    /**
     * Kills this instance's database access: no new connection from now on, and every server backend of its
     * pool is terminated under it (the connections it holds break mid-statement).
     */
    int killPool() {
        counting.kill();
        return terminateBackends();
    }

    /** Terminates every server backend of this instance's pool (a transient connection loss). */
    int terminateBackends() {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = '" + applicationName() + "'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop(Duration grace) {
        luxaris.publishing().stop(grace);
    }

    @Override
    public void close() {
        try {
            luxaris.close();
        } finally {
            storage.close();
            pool.close();
        }
    }

    /** Settings for a busy engine on a fake channel: large claims, many in flight, on few connections. */
    static EngineSettings.Builder busyEngine() {
        return EngineSettings.builder()
                .maxConcurrency(200)
                .perConnectionConcurrency(200)
                .claimBatchSize(200)
                .maxIdleSleep(Duration.ofMillis(500))
                .leaseDuration(Duration.ofSeconds(30));
    }
}
