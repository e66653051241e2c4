package io.luxaris.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.jdbc.JdbcStorage;
import io.luxaris.jdbc.TinkSecretCipher;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * One real application per Boot line on PostgreSQL, in a fresh schema: Boot's own DataSource, HikariCP and Flyway
 * (with a host migration in {@code db/migration}), the Luxaris starter, Actuator. Each starter runs it with its
 * Boot line's pinned versions (a thin subclass says how to read its health indicator).
 */
public abstract class RealApplicationContract {
    private static final Principal ALICE = Principal.of("alice");

    /** The status code of the {@code luxarisHealthIndicator} bean's health. */
    protected abstract String luxarisHealth(ConfigurableApplicationContext context);

    /** The host application: auto-configuration and a test channel, nothing else. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    public static class HostApplication {
        @Bean
        ScriptedChannel fakeChannel() {
            return ScriptedChannel.create("fake");
        }
    }

    @Test
    void aRealApplication_migratesBesideTheHost_publishes_reportsHealth_andDrainsOnShutdown(@TempDir Path dir) {
        try (PostgresSchema db = PostgresSchema.create()) {
            Path keyset = dir.resolve("keyset.json");
            TinkSecretCipher.writeKeyFile(TinkSecretCipher.generateKeyset(), keyset);
            Luxaris luxaris;
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HostApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(
                            "spring.datasource.url=" + db.urlWithSchema(),
                            "spring.datasource.username=" + db.user,
                            "spring.datasource.password=" + db.password,
                            "spring.datasource.hikari.maximum-pool-size=4",
                            "luxaris.storage.schema=" + db.name,
                            "luxaris.secrets.keyset-file=" + keyset,
                            "luxaris.engine.max-idle-sleep=1s",
                            "luxaris.channels.x.dry-run=true",
                            "management.health.luxaris.enabled=true")
                    .run()) {
                assertThat(context.getBean(JdbcStorage.class).description()).startsWith("PostgreSQL");
                // the host's Flyway ran its own migration into its own history table; Luxaris used its own
                assertThat(db.count("SELECT COUNT(*) FROM host_note")).isZero();
                assertThat(db.count("SELECT COUNT(*) FROM flyway_schema_history WHERE success"))
                        .isEqualTo(1);
                assertThat(db.count("SELECT COUNT(*) FROM flyway_schema_history WHERE script LIKE '%luxaris%'"))
                        .isZero();
                assertThat(db.count("SELECT COUNT(*) FROM luxaris_schema_history WHERE version = '1'"))
                        .isEqualTo(1);

                luxaris = context.getBean(Luxaris.class);
                assertThat(luxaris.publishing().status().running()).isTrue();
                var account = luxaris.channels()
                        .connect(ALICE, ConnectionRequest.of("fake", "@alice", Credentials.bearer("token")));
                var variant = luxaris.posts()
                        .create(ALICE, PostDraft.of("Hello").withVariant(VariantDraft.of("fake", "Hello from Boot")))
                        .firstVariant();
                var schedule = luxaris.schedules()
                        .schedule(
                                ALICE,
                                ScheduleRequest.at(
                                        variant.id(),
                                        account.id(),
                                        Instant.now().plusMillis(500)));
                ScheduleStatus status = awaitSettled(luxaris, schedule.id());
                assertThat(status).isEqualTo(ScheduleStatus.SUCCESS);
                assertThat(context.getBean(ScriptedChannel.class).postsFor(schedule.id()))
                        .isEqualTo(1);
                assertThat(luxarisHealth(context)).isEqualTo("UP");
            }
            // the context closed: the engine was drained and Luxaris closed
            assertThat(luxaris.publishing().status().running()).isFalse();
        }
    }

    private static ScheduleStatus awaitSettled(Luxaris luxaris, io.luxaris.domain.ScheduleId id) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            ScheduleStatus status = luxaris.schedules().get(ALICE, id).status();
            if (status != ScheduleStatus.PENDING
                    && status != ScheduleStatus.QUEUED
                    && status != ScheduleStatus.PROCESSING) {
                return status;
            }
            if (Instant.now().isAfter(giveUp)) {
                return status;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }
}
