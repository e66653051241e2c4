package io.luxaris.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.luxaris.Luxaris;
import io.luxaris.domain.Post;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageContext;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.testkit.ScriptedChannel;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStorageTest {
    private static final StorageContext CONTEXT = new StorageContext(Clock.systemUTC());

    private static Post post(String content) {
        return Post.draft("alice", Optional.empty(), content, List.of(), Map.of(), Instant.now());
    }

    @Test
    void theBuilder_rejectsBadSettings_namingTheSettingAndTheValue() {
        assertThatThrownBy(() -> JdbcStorage.builder().schema("Bad-Name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema")
                .hasMessageContaining("Bad-Name");
        assertThatThrownBy(() -> JdbcStorage.builder().tablePrefix("1x_"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tablePrefix");
        assertThatThrownBy(() -> JdbcStorage.builder().maximumPoolSize(0)).hasMessageContaining("maximumPoolSize");
        assertThatThrownBy(() -> JdbcStorage.builder().url("postgresql://db/app?password=pw"))
                .hasMessageContaining("JDBC URL")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> JdbcStorage.builder().build()).hasMessageContaining("exactly one of");
        var h2 = new org.h2.jdbcx.JdbcDataSource();
        assertThatThrownBy(() -> JdbcStorage.builder()
                        .dataSource(h2)
                        .url("jdbc:h2:mem:x")
                        .build())
                .hasMessageContaining("exactly one of");
        assertThatThrownBy(() ->
                        JdbcStorage.builder().dataSource(h2).maximumPoolSize(5).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maximumPoolSize applies only to the pool JdbcStorage creates");
        assertThatThrownBy(() -> JdbcStorage.builder()
                        .url("jdbc:h2:mem:x")
                        .maximumPoolSize(2)
                        .minimumIdle(3)
                        .build())
                .hasMessageContaining("minimumIdle (3) must not exceed maximumPoolSize (2)");
    }

    @Test
    void theDialect_isDetectedFromTheDatabase_andCanBeOverridden() {
        assertThat(Dialect.fromProductName("PostgreSQL")).contains(Dialect.POSTGRESQL);
        assertThat(Dialect.fromProductName("MariaDB")).contains(Dialect.MARIADB);
        assertThat(Dialect.fromProductName("MySQL")).contains(Dialect.MARIADB);
        assertThat(Dialect.fromProductName("H2")).contains(Dialect.H2);
        assertThat(Dialect.fromProductName("Oracle")).isEmpty();
        assertThat(Dialect.fromUrl("jdbc:mysql://db/app")).contains(Dialect.MARIADB);
        try (JdbcStorage storage = JdbcStorage.inMemory()) {
            assertThat(storage.dialect()).isEqualTo(Dialect.H2);
            assertThat(storage.description()).startsWith("H2 2.").contains("mem:luxaris-");
        }
        try (JdbcStorage storage = JdbcStorage.builder()
                .url("jdbc:h2:mem:" + TestDatabase.randomName() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1")
                .dialect(Dialect.H2)
                .build()) {
            assertThat(storage.dialect()).isEqualTo(Dialect.H2);
        }
    }

    @Test
    void theDescription_namesProductAndPlace_neverThePassword() {
        String url = "jdbc:h2:mem:" + TestDatabase.randomName() + ";DB_CLOSE_DELAY=-1";
        try (JdbcStorage storage =
                JdbcStorage.builder().url(url).user("sa").password("pw-secret").build()) {
            assertThat(storage.description()).doesNotContain("pw-secret");
            assertThat(storage.open(CONTEXT).description()).isEqualTo(storage.description());
            assertThat(storage.toString()).doesNotContain("pw-secret");
        }
    }

    @Test
    void theEmbeddedH2_isDurable_andKeepsItsDataAcrossRestarts(@TempDir Path dir) {
        Post post = post("kept across restarts");
        try (JdbcStorage storage = JdbcStorage.embedded(dir)) {
            Storage s = storage.open(CONTEXT);
            assertThat(s.isDurable()).isTrue();
            s.inTransaction((Transaction tx) -> {
                tx.posts().insert(post);
                return null;
            });
        }
        try (JdbcStorage storage = JdbcStorage.embedded(dir)) {
            assertThat(storage.open(CONTEXT)
                            .readOnly((Transaction tx) -> tx.posts().find(post.id())))
                    .isPresent();
            // durable storage needs a real cipher: Luxaris refuses its ephemeral default
            assertThatThrownBy(() -> Luxaris.builder()
                            .storage(storage)
                            .channel(ScriptedChannel.create("fake"))
                            .build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("durable");
        }
    }

    @Test
    void thePrivateInMemoryDatabase_isNotDurable_andOutlivesItsViews() {
        Post post = post("gone");
        Storage s;
        try (JdbcStorage storage = JdbcStorage.inMemory()) {
            s = storage.open(CONTEXT);
            assertThat(s.isDurable()).isFalse();
            s.inTransaction((Transaction tx) -> {
                tx.posts().insert(post);
                return null;
            });
            try (Luxaris luxaris = Luxaris.builder()
                    .storage(storage)
                    .channel(ScriptedChannel.create("fake"))
                    .build()) {
                assertThat(luxaris.channels().catalog(io.luxaris.spi.security.Principal.of("alice")))
                        .isNotEmpty();
            }
            s.close();
            assertThatThrownBy(() -> s.readOnly((Transaction tx) -> tx.posts().find(post.id())))
                    .as("a closed view refuses work")
                    .isInstanceOf(IllegalStateException.class);
            assertThat(storage.open(CONTEXT)
                            .readOnly((Transaction tx) -> tx.posts().find(post.id())))
                    .as("closing Luxaris or a view leaves the database to its other views")
                    .isPresent();
        }
    }

    @Test
    void aHostDataSource_staysOpenWhenTheStorageCloses() throws Exception {
        var config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + TestDatabase.randomName() + ";DB_CLOSE_DELAY=-1");
        try (var pool = new HikariDataSource(config)) {
            try (JdbcStorage storage = JdbcStorage.create(pool)) {
                assertThat(storage.dialect()).isEqualTo(Dialect.H2);
            }
            assertThat(pool.isClosed()).isFalse();
            try (Connection c = pool.getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void withoutMigrations_anEmptyDatabaseFailsOnFirstUse_withAStorageException() {
        try (JdbcStorage storage = JdbcStorage.builder()
                .url("jdbc:h2:mem:" + TestDatabase.randomName() + ";DB_CLOSE_DELAY=-1")
                .migrate(false)
                .build()) {
            Storage s = storage.open(CONTEXT);
            assertThatThrownBy(() -> s.readOnly(
                            (Transaction tx) -> tx.posts().find(post("x").id())))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("find post");
        }
    }

    @Test
    void aTransactionStartedInsideAnother_joinsIt_andARollbackUndoesBoth() {
        try (JdbcStorage storage = JdbcStorage.inMemory()) {
            Storage s = storage.open(CONTEXT);
            Post outer = post("outer");
            Post inner = post("inner");
            assertThatThrownBy(() -> s.inTransaction((Transaction tx) -> {
                        tx.posts().insert(outer);
                        s.inTransaction((Transaction nested) -> {
                            nested.posts().insert(inner);
                            assertThat(nested.posts().find(outer.id())).isPresent();
                            return null;
                        });
                        throw new IllegalStateException("boom");
                    }))
                    .hasMessage("boom");
            assertThat(s.readOnly((Transaction tx) -> tx.posts().find(inner.id())))
                    .isEmpty();
            assertThat(s.readOnly((Transaction tx) -> tx.posts().find(outer.id())))
                    .isEmpty();
            assertThatThrownBy(() -> s.readOnly((Transaction tx) -> s.inTransaction((Transaction w) -> null)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.readOnly((Transaction tx) -> {
                        tx.posts().insert(outer);
                        return null;
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only");
        }
    }

    @Test
    void aClosedStorage_opensNoMoreViews() {
        JdbcStorage storage = JdbcStorage.inMemory();
        storage.close();
        storage.close();
        assertThatThrownBy(() -> storage.open(CONTEXT)).isInstanceOf(IllegalStateException.class);
    }
}
