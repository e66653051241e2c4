package io.luxaris.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.luxaris.Luxaris;
import io.luxaris.channels.linkedin.LinkedInChannel;
import io.luxaris.channels.x.XChannel;
import io.luxaris.domain.Channel;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.events.LuxarisListener;
import io.luxaris.generation.openai.OpenAiGenerator;
import io.luxaris.jdbc.JdbcStorage;
import io.luxaris.jdbc.TinkSecretCipher;
import io.luxaris.memory.InMemoryStorage;
import io.luxaris.micrometer.LuxarisMeterBinder;
import io.luxaris.micrometer.MicrometerEngineObserver;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The auto-configuration in an {@link ApplicationContextRunner}: conditions, properties, back-off. Only Boot API
 * that Boot 3.5 and Boot 4 share is used: these tests run on both lines (luxaris-spring-boot3-starter runs them
 * again from this module's test jar).
 */
class LuxarisAutoConfigurationTest {
    private static final Principal ALICE = Principal.of("alice");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    LuxarisAutoConfiguration.class,
                    LuxarisMetricsAutoConfiguration.class,
                    LuxarisXChannelAutoConfiguration.class,
                    LuxarisLinkedInChannelAutoConfiguration.class,
                    LuxarisOpenAiGeneratorAutoConfiguration.class));

    /** A new in-memory H2 database that lives until the JVM ends; its URL. */
    static String h2() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * A pool on {@code url}, as an application has; the context closes it. (Not a bare JdbcDataSource: on H2
     * 2.4.240, Boot 4's pin, a CHECK constraint fails once the connection that created it is closed, h2database
     * issue 4308.)
     */
    static DataSource pool(String url) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername("sa");
        ds.setMaximumPoolSize(4);
        return ds;
    }

    static boolean hasTable(String url, String table) {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutADataSource_luxarisStoresInMemory_andTheEngineRunsWithTheContext() {
        var engine = new java.util.concurrent.atomic.AtomicReference<Luxaris>();
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Luxaris.class).doesNotHaveBean(JdbcStorage.class);
            Luxaris luxaris = context.getBean(Luxaris.class);
            engine.set(luxaris);
            assertThat(luxaris.publishing().status().running()).isTrue();
            assertThat(context.getBean(LuxarisEngineLifecycle.class).getPhase()).isEqualTo(Integer.MAX_VALUE);
            assertThat(context.getBean(LuxarisEngineLifecycle.class).isAutoStartup())
                    .isTrue();
        });
        // closing the context drained the engine and closed Luxaris
        assertThat(engine.get().publishing().status().running()).isFalse();
    }

    @Test
    void autoStartupOff_leavesTheEngineToTheHost() {
        runner.withPropertyValues("luxaris.engine.auto-startup=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Luxaris.class).publishing().status().running())
                    .isFalse();
        });
    }

    @Test
    void theShutdownGrace_fitsInBootsShutdownPhase_unlessSet() {
        runner.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=12s")
                .run(context -> assertThat(
                                context.getBean(LuxarisEngineLifecycle.class).shutdownGrace())
                        .isEqualTo(Duration.ofSeconds(7)));
        runner.withPropertyValues("luxaris.engine.shutdown-grace=3s").run(context -> assertThat(
                        context.getBean(LuxarisEngineLifecycle.class).shutdownGrace())
                .isEqualTo(Duration.ofSeconds(3)));
        assertThat(LuxarisEngineLifecycle.grace(null, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(25));
        assertThat(LuxarisEngineLifecycle.grace(null, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(SmartLifecycle.DEFAULT_PHASE).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void withADataSource_luxarisStoresInIt_withItsOwnMigrationHistory() {
        String ds = h2();
        runner.withBean(DataSource.class, () -> pool(ds)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JdbcStorage.class);
            assertThat(hasTable(ds, "luxaris_schedule")).isTrue();
            assertThat(hasTable(ds, "luxaris_schema_history")).isTrue();
            assertThat(hasTable(ds, "flyway_schema_history")).isFalse();
        });
    }

    @Test
    void storageProperties_setTheTablePrefixAndTheSchema() {
        String ds = h2();
        runner.withBean(DataSource.class, () -> pool(ds))
                .withPropertyValues("luxaris.storage.table-prefix=lx_", "luxaris.storage.schema=posts")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(hasTable(ds, "lx_schedule")).isTrue();
                    assertThat(hasTable(ds, "lx_schema_history")).isTrue();
                    assertThat(hasTable(ds, "luxaris_schedule")).isFalse();
                });
    }

    @Test
    void migrateOff_leavesTheDatabaseAlone() {
        String ds = h2();
        runner.withBean(DataSource.class, () -> pool(ds))
                .withPropertyValues("luxaris.storage.migrate=false")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(hasTable(ds, "luxaris_schema_history")).isFalse();
                });
    }

    @Test
    void storageTypeMemory_ignoresTheDataSource() {
        String ds = h2();
        runner.withBean(DataSource.class, () -> pool(ds))
                .withPropertyValues("luxaris.storage.type=memory")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(JdbcStorage.class);
                    assertThat(hasTable(ds, "luxaris_schedule")).isFalse();
                });
    }

    @Test
    void storageTypeJdbc_withoutADataSource_failsSayingSo() {
        runner.withPropertyValues("luxaris.storage.type=jdbc").run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("luxaris.storage.type=jdbc needs")
                .hasMessageContaining("DataSource"));
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        static final String APP = h2();
        static final String POSTS = h2();

        @Bean
        @Primary
        DataSource appDataSource() {
            return pool(APP);
        }

        @Bean
        DataSource postsDataSource() {
            return pool(POSTS);
        }
    }

    @Test
    void anotherDataSource_isChosenByBeanName() {
        runner.withUserConfiguration(TwoDataSources.class)
                .withPropertyValues("luxaris.storage.data-source=postsDataSource")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(hasTable(TwoDataSources.POSTS, "luxaris_schedule"))
                            .isTrue();
                    assertThat(hasTable(TwoDataSources.APP, "luxaris_schedule")).isFalse();
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedDataSource {
        static final String APP = h2();
        static final String POSTS = h2();

        @Bean
        @Primary
        DataSource appDataSource() {
            return pool(APP);
        }

        @Bean
        @LuxarisDataSource
        DataSource postsDataSource() {
            return pool(POSTS);
        }
    }

    @Test
    void anotherDataSource_isChosenByTheLuxarisDataSourceQualifier() {
        runner.withUserConfiguration(QualifiedDataSource.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(hasTable(QualifiedDataSource.POSTS, "luxaris_schedule")).isTrue();
            assertThat(hasTable(QualifiedDataSource.APP, "luxaris_schedule")).isFalse();
        });
    }

    @Test
    void aDurableDatabaseWithoutAKeyset_failsNamingTheProperty_andAKeysetFileIsUsed(@TempDir Path dir) {
        String file = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        runner.withBean(DataSource.class, () -> pool(file)).run(context -> assertThat(context)
                .getFailure()
                .hasStackTraceContaining("is durable")
                .hasStackTraceContaining("set luxaris.secrets.keyset-file"));
        Path keyset = dir.resolve("keyset.json");
        TinkSecretCipher.writeKeyFile(TinkSecretCipher.generateKeyset(), keyset);
        runner.withBean(DataSource.class, () -> pool(file))
                .withPropertyValues("luxaris.secrets.keyset-file=" + keyset)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(TinkSecretCipher.class);
                    Luxaris luxaris = context.getBean(Luxaris.class);
                    var account = luxaris.channels()
                            .connect(ALICE, ConnectionRequest.of("x", "@a", Credentials.bearer("secret-token")));
                    assertThat(luxaris.channels().get(ALICE, account.id()).displayName())
                            .isEqualTo("@a");
                });
    }

    @Test
    void engineAndRuleProperties_configureLuxaris() {
        runner.withPropertyValues(
                        "luxaris.engine.max-concurrency=3",
                        "luxaris.engine.per-connection-concurrency=2",
                        "luxaris.engine.per-channel-concurrency=2",
                        "luxaris.engine.claim-batch-size=7",
                        "luxaris.engine.lease-duration=20s",
                        "luxaris.engine.max-idle-sleep=4s",
                        "luxaris.engine.publish-timeout=45s",
                        "luxaris.rules.max-horizon=30d",
                        "luxaris.rules.min-lead-time=1m",
                        "luxaris.rules.max-schedules-per-hour-per-connection=4",
                        "luxaris.rules.min-gap-per-connection=10m",
                        "luxaris.rules.lateness-window=10m",
                        "luxaris.rules.all-cancelled-status=cancelled",
                        "luxaris.rules.retry.max-attempts=2",
                        "luxaris.rules.retry.initial-delay=5s",
                        "luxaris.instance-id=node-7")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EngineSettings engine = context.getBean(EngineSettings.class);
                    assertThat(engine.maxConcurrency()).isEqualTo(3);
                    assertThat(engine.perConnectionConcurrency()).isEqualTo(2);
                    assertThat(engine.perChannelConcurrency()).hasValue(2);
                    assertThat(engine.claimBatchSize()).isEqualTo(7);
                    assertThat(engine.leaseDuration()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(engine.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(engine.maxIdleSleep()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(engine.publishTimeout()).isEqualTo(Duration.ofSeconds(45));
                    Luxaris luxaris = context.getBean(Luxaris.class);
                    SchedulingRules rules = luxaris.rules();
                    assertThat(rules.maxHorizon()).isEqualTo(Duration.ofDays(30));
                    assertThat(rules.minLeadTime()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(rules.maxSchedulesPerHourPerConnection()).hasValue(4);
                    assertThat(rules.minGapPerConnection()).contains(Duration.ofMinutes(10));
                    assertThat(rules.latenessWindow()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(rules.allCancelledStatus()).isEqualTo(PostStatus.CANCELLED);
                    assertThat(rules.retryPolicy().maxAttempts()).isEqualTo(2);
                    assertThat(rules.retryPolicy().initialDelay()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(rules.retryPolicy().maxDelay())
                            .isEqualTo(SchedulingRules.defaults().retryPolicy().maxDelay());
                    assertThat(luxaris.publishing().status().instanceId()).isEqualTo("node-7");
                });
    }

    @Test
    void anInvalidSetting_failsTheStartup_namingIt() {
        runner.withPropertyValues("luxaris.engine.max-concurrency=0").run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("maxConcurrency must be within 1..10000 but was 0"));
        runner.withPropertyValues("luxaris.rules.retry.multiplier=0.5")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("retry multiplier"));
    }

    @Configuration(proxyBeanMethods = false)
    static class HostsOwnLuxaris {
        @Bean(destroyMethod = "close")
        Luxaris hostLuxaris() {
            return Luxaris.builder().instanceId("the-hosts").build();
        }
    }

    @Test
    void theHostsOwnLuxaris_wins_andStillRunsWithTheContext() {
        runner.withUserConfiguration(HostsOwnLuxaris.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Luxaris.class);
            assertThat(context.getBean(Luxaris.class).publishing().status().instanceId())
                    .isEqualTo("the-hosts");
            assertThat(context).hasSingleBean(LuxarisEngineLifecycle.class);
        });
    }

    @Test
    void theHostsOwnStorageSettingsAndRules_win() {
        String ds = h2();
        var settings = EngineSettings.builder().maxConcurrency(5).build();
        var rules = SchedulingRules.builder().maxFutureDays(9).build();
        runner.withBean(DataSource.class, () -> pool(ds))
                .withBean(StorageProvider.class, InMemoryStorage::create)
                .withBean(EngineSettings.class, () -> settings)
                .withBean(SchedulingRules.class, () -> rules)
                .withPropertyValues("luxaris.engine.max-concurrency=3")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(JdbcStorage.class);
                    assertThat(context.getBean(EngineSettings.class)).isSameAs(settings);
                    assertThat(context.getBean(Luxaris.class).rules()).isSameAs(rules);
                    assertThat(hasTable(ds, "luxaris_schedule")).isFalse();
                });
    }

    @Test
    void theHostsOwnSecretCipher_wins() {
        var cipher = SecretCipher.ephemeral();
        runner.withBean(SecretCipher.class, () -> cipher)
                .withPropertyValues("luxaris.secrets.keyset-file=/does/not/exist.json")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(TinkSecretCipher.class);
                    assertThat(context.getBean(SecretCipher.class)).isSameAs(cipher);
                });
    }

    @Test
    void channelGeneratorAndListenerBeans_areRegistered_andCustomizersRunLast() {
        var fake = ScriptedChannel.create("fake");
        var events = new CopyOnWriteArrayList<LuxarisEvent>();
        runner.withBean(ScriptedChannel.class, () -> fake)
                .withBean(LuxarisListener.class, () -> events::add)
                .withPropertyValues("luxaris.instance-id=from-properties", "luxaris.engine.auto-startup=false")
                .withBean(LuxarisBuilderCustomizer.class, () -> b -> b.instanceId("from-customizer"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Luxaris luxaris = context.getBean(Luxaris.class);
                    assertThat(luxaris.publishing().status().instanceId()).isEqualTo("from-customizer");
                    assertThat(keys(luxaris)).contains("fake");
                    var account = luxaris.channels()
                            .connect(ALICE, ConnectionRequest.of("fake", "@a", Credentials.bearer("t")));
                    var variant = luxaris.posts()
                            .create(ALICE, PostDraft.of("hi").withVariant(VariantDraft.of("fake", "hi")))
                            .firstVariant();
                    luxaris.schedules()
                            .schedule(
                                    ALICE,
                                    ScheduleRequest.at(
                                            variant.id(),
                                            account.id(),
                                            Instant.now().plusSeconds(3600)));
                    assertThat(events).anyMatch(e -> e instanceof LuxarisEvent.Scheduled);
                });
    }

    private static List<String> keys(Luxaris luxaris) {
        return luxaris.channels().catalog(ALICE).stream()
                .filter(c -> c.status() == io.luxaris.domain.ChannelStatus.ACTIVE)
                .map(Channel::key)
                .toList();
    }

    @Test
    void xAndLinkedIn_areRegisteredWhenTheirModulesArePresent_withTheirProperties() {
        runner.withPropertyValues(
                        "luxaris.channels.x.dry-run=true",
                        "luxaris.channels.x.client-id=x-client",
                        "luxaris.channels.linkedin.version=202601",
                        "luxaris.channels.linkedin.visibility=connections")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(XChannel.class);
                    assertThat(context).hasSingleBean(LinkedInChannel.class);
                    assertThat(context.getBean(XChannelProperties.class).isDryRun())
                            .isTrue();
                    assertThat(context.getBean(XChannelProperties.class).getClientId())
                            .isEqualTo("x-client");
                    assertThat(context.getBean(LinkedInChannelProperties.class).getVersion())
                            .isEqualTo("202601");
                    assertThat(keys(context.getBean(Luxaris.class))).contains("x", "linkedin");
                });
    }

    @Test
    void theSharedClientSettings_bindForEveryPlugin_throughTheirCommonProperties() {
        runner.withPropertyValues(
                        "luxaris.channels.x.base-url=http://127.0.0.1:1/x",
                        "luxaris.channels.x.connect-timeout=2s",
                        "luxaris.channels.x.refresh-ahead=3m",
                        "luxaris.channels.linkedin.read-timeout=7s",
                        "luxaris.channels.linkedin.call-timeout=20s",
                        "luxaris.channels.linkedin.dry-run=true",
                        "luxaris.generators.openai.base-url=http://127.0.0.1:1/v1",
                        "luxaris.generators.openai.profile=ollama",
                        "luxaris.generators.openai.model=llama3",
                        "luxaris.generators.openai.call-timeout=9s")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(XChannel.class);
                    var x = context.getBean(XChannelProperties.class);
                    assertThat(x.getBaseUrl()).isEqualTo("http://127.0.0.1:1/x");
                    assertThat(x.getConnectTimeout()).isEqualTo(java.time.Duration.ofSeconds(2));
                    assertThat(x.getRefreshAhead()).isEqualTo(java.time.Duration.ofMinutes(3));
                    var linkedIn = context.getBean(LinkedInChannelProperties.class);
                    assertThat(linkedIn.getReadTimeout()).isEqualTo(java.time.Duration.ofSeconds(7));
                    assertThat(linkedIn.getCallTimeout()).isEqualTo(java.time.Duration.ofSeconds(20));
                    assertThat(linkedIn.isDryRun()).isTrue();
                    assertThat(linkedIn.isEnabled()).isTrue();
                    var openAi = context.getBean(OpenAiGeneratorProperties.class);
                    assertThat(openAi.getCallTimeout()).isEqualTo(java.time.Duration.ofSeconds(9));
                });
    }

    @Test
    void approvalRequired_holdsEveryNewSchedule_andABadIdempotencyRetentionFailsAtStartup() {
        var fake = ScriptedChannel.create("fake");
        runner.withBean(ScriptedChannel.class, () -> fake)
                .withPropertyValues(
                        "luxaris.approval-required=true",
                        "luxaris.idempotency-retention=2h",
                        "luxaris.engine.auto-startup=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(LuxarisProperties.class).getIdempotencyRetention())
                            .isEqualTo(java.time.Duration.ofHours(2));
                    Luxaris luxaris = context.getBean(Luxaris.class);
                    var account = luxaris.channels()
                            .connect(ALICE, ConnectionRequest.of("fake", "@a", Credentials.bearer("t")));
                    var variant = luxaris.posts()
                            .create(ALICE, PostDraft.of("hi").withVariant(VariantDraft.of("fake", "hi")))
                            .firstVariant();
                    var schedule = luxaris.schedules()
                            .schedule(
                                    ALICE,
                                    ScheduleRequest.at(
                                            variant.id(),
                                            account.id(),
                                            Instant.now().plusSeconds(3600)));
                    assertThat(schedule.status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);
                });
        runner.withPropertyValues("luxaris.idempotency-retention=10s").run(context -> assertThat(context)
                .getFailure()
                .hasStackTraceContaining("idempotencyRetention must be between"));
    }

    @Test
    void aChannelModuleMissingFromTheClassPath_isNeitherBoundNorRegistered() {
        runner.withClassLoader(new FilteredClassLoader(XChannel.class))
                .withPropertyValues("luxaris.channels.x.dry-run=true")
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .doesNotHaveBean(XChannelProperties.class)
                            .hasSingleBean(LinkedInChannel.class);
                    assertThat(keys(context.getBean(Luxaris.class))).doesNotContain("x");
                });
    }

    @Test
    void aChannelCanBeSwitchedOff_orReplacedByTheHostsOwn() {
        runner.withPropertyValues("luxaris.channels.linkedin.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LinkedInChannel.class));
        XChannel own = XChannel.builder().dryRun().build();
        runner.withBean("myX", XChannel.class, () -> own).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(XChannel.class);
            assertThat(context.getBean(XChannel.class)).isSameAs(own);
        });
    }

    @Test
    void badChannelSettings_failNamingTheProperty() {
        runner.withPropertyValues("luxaris.channels.linkedin.visibility=friends")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("luxaris.channels.linkedin.visibility"));
        runner.withPropertyValues("luxaris.channels.x.consumer-key=k").run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("luxaris.channels.x.consumer-secret must be set"));
    }

    @Test
    void theOpenAiGenerator_isRegisteredOnlyWithAKeyOrABaseUrl() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OpenAiGenerator.class));
        runner.withPropertyValues(
                        "luxaris.generators.openai.api-key=sk-test-not-a-real-key",
                        "luxaris.generators.openai.model=gpt-test")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OpenAiGenerator.class));
        runner.withPropertyValues(
                        "luxaris.generators.openai.base-url=http://127.0.0.1:1/v1",
                        "luxaris.generators.openai.profile=ollama",
                        "luxaris.generators.openai.model=llama3")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OpenAiGenerator.class));
        runner.withClassLoader(new FilteredClassLoader(OpenAiGenerator.class))
                .withPropertyValues("luxaris.generators.openai.api-key=sk-test-not-a-real-key")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OpenAiGeneratorProperties.class));
    }

    @Test
    void withAMeterRegistry_theEngineReportsMetrics_andTheGaugesAreOffered() {
        var fake = ScriptedChannel.create("fake");
        var clock = SettableClock.at("2026-11-24T10:00:00Z");
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ScriptedChannel.class, () -> fake)
                .withBean(LuxarisBuilderCustomizer.class, () -> b -> b.clock(clock))
                .withPropertyValues("luxaris.engine.auto-startup=false", "luxaris.metrics.backlog-refresh=0s")
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(MicrometerEngineObserver.class)
                            .hasSingleBean(LuxarisMeterBinder.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    context.getBean(LuxarisMeterBinder.class).bindTo(registry);
                    Luxaris luxaris = context.getBean(Luxaris.class);
                    var account = luxaris.channels()
                            .connect(ALICE, ConnectionRequest.of("fake", "@a", Credentials.bearer("t")));
                    var variant = luxaris.posts()
                            .create(ALICE, PostDraft.of("hi").withVariant(VariantDraft.of("fake", "hi")))
                            .firstVariant();
                    Instant due = clock.instant().plusSeconds(60);
                    luxaris.schedules().schedule(ALICE, ScheduleRequest.at(variant.id(), account.id(), due));
                    assertThat(registry.get("luxaris.schedules.due").gauge().value())
                            .isZero();
                    clock.set(due.plusSeconds(30));
                    assertThat(registry.get("luxaris.schedules.due").gauge().value())
                            .isEqualTo(1.0);
                    luxaris.publishing().runDue();
                    assertThat(registry.get("luxaris.publish.attempts")
                                    .tags("channel", "fake", "outcome", "published")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                    assertThat(registry.get("luxaris.publish.lateness").timer().totalTime(TimeUnit.SECONDS))
                            .isEqualTo(30.0);
                });
    }

    @Test
    void withoutAMeterRegistry_orWithMetricsOff_thereAreNoMetricBeans() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(MicrometerEngineObserver.class)
                .doesNotHaveBean(LuxarisMeterBinder.class));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("luxaris.metrics.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(MicrometerEngineObserver.class)
                        .doesNotHaveBean(LuxarisMeterBinder.class));
        runner.withClassLoader(new FilteredClassLoader(MicrometerEngineObserver.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LuxarisMeterBinder.class));
    }
}
