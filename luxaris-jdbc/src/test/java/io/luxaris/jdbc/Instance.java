package io.luxaris.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.ScheduleId;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.events.LuxarisListener;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.usecase.ConnectionRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * One application instance on a test's PostgreSQL schema, used only through the public API: its own HikariCP pool
 * (application name {@code <id>-<schema>}, so that its server backends can be found and terminated), a {@link
 * JdbcStorage}, optionally a decorator of the storage Luxaris works on, and a {@link Luxaris} whose events are all
 * recorded in delivery order.
 */
final class Instance implements AutoCloseable {
    final String id;
    final HikariDataSource pool;
    final JdbcStorage storage;
    final Luxaris luxaris;
    /** Every event the listener received, in delivery order. */
    final List<LuxarisEvent> events = new CopyOnWriteArrayList<>();

    private final TestDatabase db;

    private Instance(Builder b) {
        this.db = b.db;
        this.id = b.id;
        var config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername("postgres");
        config.setMaximumPoolSize(b.poolSize);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(2_000);
        config.setPoolName(id);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.addDataSourceProperty("ApplicationName", applicationName());
        pool = new HikariDataSource(config);
        var storageBuilder = JdbcStorage.builder().dataSource(pool);
        db.schema().ifPresent(storageBuilder::schema);
        storage = storageBuilder.build();
        var luxarisBuilder = Luxaris.builder()
                .storage(b.decorate.apply(storage))
                .secretCipher(b.cipher)
                .engine(b.engine)
                .instanceId(id)
                .listener(events::add);
        b.channels.forEach(luxarisBuilder::channel);
        b.listeners.forEach(luxarisBuilder::listener);
        luxaris = luxarisBuilder.build();
    }

    static Builder on(TestDatabase db, String id) {
        return new Builder(db, id);
    }

    String applicationName() {
        return id + "-" + db.name;
    }

    /** Connects an account of {@code channel} owned by {@code owner} with a bearer token. */
    ChannelConnection connect(String owner, String channel, String token) {
        return luxaris.channels()
                .connect(
                        Principal.of(owner),
                        ConnectionRequest.of(channel, "@" + owner + "-" + channel, Credentials.bearer(token)));
    }

    /** {@code n} schedules due a second ago (by the database clock), round-robin over {@code connections}. */
    List<ScheduleId> due(List<ChannelConnection> connections, int n) throws Exception {
        Storage direct = storage.open(new StorageContext(Clock.systemUTC()));
        Instant now = direct.readOnly(tx -> tx.queue().now());
        return Seeds.dueSchedules(direct, connections, n, now.minusSeconds(1));
    }

    /** Terminates every server backend of this instance's pool (its connections break under it). */
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

    /** The events of type {@code type}, in delivery order. */
    <E extends LuxarisEvent> List<E> events(Class<E> type) {
        var out = new ArrayList<E>();
        for (LuxarisEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
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

    /** Settings of an {@link Instance}. */
    static final class Builder {
        private final TestDatabase db;
        private final String id;
        private SecretCipher cipher = TinkSecretCipher.of(TinkSecretCipher.generateKeyset());
        private EngineSettings engine = EngineSettings.defaults();
        private final List<ChannelProvider> channels = new ArrayList<>();
        private final List<LuxarisListener> listeners = new ArrayList<>();
        private UnaryOperator<StorageProvider> decorate = UnaryOperator.identity();
        private int poolSize = 8;

        private Builder(TestDatabase db, String id) {
            this.db = db;
            this.id = id;
        }

        Builder cipher(SecretCipher value) {
            cipher = value;
            return this;
        }

        Builder engine(EngineSettings value) {
            engine = value;
            return this;
        }

        Builder channel(ChannelProvider value) {
            channels.add(value);
            return this;
        }

        Builder listener(LuxarisListener value) {
            listeners.add(value);
            return this;
        }

        /** Wraps the storage Luxaris works on (the JdbcStorage on this instance's pool). */
        Builder storage(UnaryOperator<StorageProvider> value) {
            decorate = value;
            return this;
        }

        Builder poolSize(int value) {
            poolSize = value;
            return this;
        }

        Instance build() {
            return new Instance(this);
        }
    }

    /** Engine settings with a short lease, so that lost claims come back within seconds. */
    static EngineSettings.Builder shortLease(Duration lease) {
        return EngineSettings.builder()
                .maxConcurrency(20)
                .perConnectionConcurrency(20)
                .claimBatchSize(20)
                .leaseDuration(lease)
                .heartbeatInterval(lease.dividedBy(4))
                .reapInterval(lease.dividedBy(4))
                .maxIdleSleep(Duration.ofMillis(200));
    }
}
