package io.luxaris.spring.boot.autoconfigure;

import io.luxaris.Luxaris;
import io.luxaris.domain.rules.RetryPolicy;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.events.LuxarisListener;
import io.luxaris.jdbc.JdbcStorage;
import io.luxaris.jdbc.TinkSecretCipher;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.generation.GeneratorProvider;
import io.luxaris.spi.security.AccessPolicy;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.spi.storage.StorageProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link Luxaris} bean, built from the {@code luxaris.*} properties and the beans the context offers:
 *
 * <ul>
 *   <li>storage: a {@link StorageProvider} bean, else {@link JdbcStorage} on the application's {@link DataSource}
 *       (the one qualified {@link LuxarisDataSource @LuxarisDataSource}, or named by {@code
 *       luxaris.storage.data-source}, else the primary one), else in memory;
 *   <li>a {@link SecretCipher} bean, else a {@link TinkSecretCipher} from {@code luxaris.secrets.keyset-file};
 *   <li>every {@link ChannelProvider}, {@link GeneratorProvider}, {@link LuxarisListener} and {@link
 *       EngineObserver} bean; an {@link AccessPolicy} and a {@link MediaSource} bean if there is one;
 *   <li>{@link EngineSettings} and {@link SchedulingRules} beans (from {@code luxaris.engine.*} and {@code
 *       luxaris.rules.*} unless the context defines its own);
 *   <li>then every {@link LuxarisBuilderCustomizer}.
 * </ul>
 *
 * <p>Each bean backs off when the context defines one of its type. No component scanning. The engine runs with
 * the context through {@link LuxarisEngineLifecycle}. Ordered after Boot's DataSource and Flyway auto-configuration
 * (Boot 3.5 and Boot 4 names): the host's own migrations run first; Luxaris's run with their own history table.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration",
            "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"
        })
@ConditionalOnClass(Luxaris.class)
@EnableConfigurationProperties(LuxarisProperties.class)
public final class LuxarisAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(LuxarisAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    EngineSettings luxarisEngineSettings(LuxarisProperties properties) {
        LuxarisProperties.Engine p = properties.getEngine();
        EngineSettings.Builder b = EngineSettings.builder();
        if (p.getMaxConcurrency() != null) {
            b.maxConcurrency(p.getMaxConcurrency());
        }
        if (p.getPerConnectionConcurrency() != null) {
            b.perConnectionConcurrency(p.getPerConnectionConcurrency());
        }
        if (p.getPerChannelConcurrency() != null) {
            b.perChannelConcurrency(p.getPerChannelConcurrency());
        }
        if (p.getClaimBatchSize() != null) {
            b.claimBatchSize(p.getClaimBatchSize());
        }
        if (p.getLeaseDuration() != null) {
            b.leaseDuration(p.getLeaseDuration());
        }
        if (p.getHeartbeatInterval() != null) {
            b.heartbeatInterval(p.getHeartbeatInterval());
        }
        if (p.getMaxIdleSleep() != null) {
            b.maxIdleSleep(p.getMaxIdleSleep());
        }
        if (p.getReapInterval() != null) {
            b.reapInterval(p.getReapInterval());
        }
        if (p.getPublishTimeout() != null) {
            b.publishTimeout(p.getPublishTimeout());
        }
        return b.build();
    }

    @Bean
    @ConditionalOnMissingBean
    SchedulingRules luxarisSchedulingRules(LuxarisProperties properties) {
        LuxarisProperties.Rules p = properties.getRules();
        SchedulingRules defaults = SchedulingRules.defaults();
        SchedulingRules.Builder b = SchedulingRules.builder();
        if (p.getMinLeadTime() != null) {
            b.minLeadTime(p.getMinLeadTime());
        }
        if (p.getMaxHorizon() != null) {
            b.maxHorizon(p.getMaxHorizon());
        }
        if (p.getDstGapPolicy() != null) {
            b.dstGapPolicy(p.getDstGapPolicy());
        }
        if (p.getMaxSchedulesPerHourPerConnection() != null) {
            b.maxSchedulesPerHourPerConnection(p.getMaxSchedulesPerHourPerConnection());
        }
        if (p.getMinGapPerConnection() != null) {
            b.minGapPerConnection(p.getMinGapPerConnection());
        }
        if (p.getLatenessWindow() != null) {
            b.latenessWindow(p.getLatenessWindow());
        }
        if (p.getAllCancelledStatus() != null) {
            b.allCancelledStatus(p.getAllCancelledStatus());
        }
        LuxarisProperties.Retry r = p.getRetry();
        RetryPolicy base = defaults.retryPolicy();
        if (r.getMaxAttempts() != null
                || r.getInitialDelay() != null
                || r.getMaxDelay() != null
                || r.getMultiplier() != null) {
            b.retryPolicy(new RetryPolicy(
                    r.getMaxAttempts() != null ? r.getMaxAttempts() : base.maxAttempts(),
                    r.getInitialDelay() != null ? r.getInitialDelay() : base.initialDelay(),
                    r.getMaxDelay() != null ? r.getMaxDelay() : base.maxDelay(),
                    r.getMultiplier() != null ? r.getMultiplier() : base.multiplier()));
        }
        return b.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Luxaris luxaris(
            LuxarisProperties properties,
            EngineSettings engineSettings,
            SchedulingRules rules,
            ObjectProvider<StorageProvider> storage,
            ObjectProvider<SecretCipher> cipher,
            ObjectProvider<ChannelProvider> channels,
            ObjectProvider<GeneratorProvider> generators,
            ObjectProvider<LuxarisListener> listeners,
            ObjectProvider<EngineObserver> observers,
            ObjectProvider<AccessPolicy> accessPolicy,
            ObjectProvider<MediaSource> mediaSource,
            ObjectProvider<LuxarisBuilderCustomizer> customizers) {
        Luxaris.Builder b = Luxaris.builder().engine(engineSettings).rules(rules);
        StorageProvider store = storage.getIfAvailable();
        if (store != null) {
            b.storage(store);
        } else if (properties.getStorage().getType() == LuxarisProperties.StorageType.JDBC) {
            throw new IllegalStateException("luxaris.storage.type=jdbc needs luxaris-jdbc on the class path and a"
                    + " DataSource bean (or a StorageProvider bean); none was found");
        } else {
            LOG.info("Luxaris stores its data in memory: it is lost when the application stops (no DataSource bean"
                    + " or luxaris.storage.type=memory)");
        }
        SecretCipher secretCipher = cipher.getIfAvailable();
        if (secretCipher != null) {
            b.secretCipher(secretCipher);
        }
        channels.orderedStream().forEach(b::channel);
        generators.orderedStream().forEach(b::generator);
        listeners.orderedStream().forEach(b::listener);
        b.engineObserver(CompositeEngineObserver.of(observers.orderedStream().toList()));
        accessPolicy.ifAvailable(b::accessPolicy);
        mediaSource.ifAvailable(b::mediaSource);
        if (properties.getInstanceId() != null) {
            b.instanceId(properties.getInstanceId());
        }
        if (properties.getDefaultGenerator() != null) {
            b.defaultGenerator(properties.getDefaultGenerator());
        }
        if (properties.isDiscoverPlugins()) {
            b.discoverPlugins();
        }
        b.approvalRequired(properties.isApprovalRequired());
        if (properties.getIdempotencyRetention() != null) {
            b.idempotencyRetention(properties.getIdempotencyRetention());
        }
        customizers.orderedStream().forEach(c -> c.customize(b));
        try {
            return b.build();
        } catch (IllegalStateException e) {
            if (secretCipher == null && String.valueOf(e.getMessage()).contains("secretCipher(")) {
                throw new IllegalStateException(
                        e.getMessage() + "; with Spring Boot set luxaris.secrets.keyset-file to a Tink keyset file"
                                + " (or define a SecretCipher bean)",
                        e);
            }
            throw e;
        }
    }

    @Bean
    @ConditionalOnMissingBean
    LuxarisEngineLifecycle luxarisEngineLifecycle(
            Luxaris luxaris, LuxarisProperties properties, Environment environment) {
        Duration phase = Binder.get(environment)
                .bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
                .orElse(Duration.ofSeconds(30));
        return new LuxarisEngineLifecycle(
                luxaris,
                properties.getEngine().isAutoStartup(),
                LuxarisEngineLifecycle.grace(properties.getEngine().getShutdownGrace(), phase));
    }

    /** Storage in the host's database, with luxaris-jdbc. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.luxaris.jdbc.JdbcStorage")
    static class Jdbc {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(StorageProvider.class)
        @ConditionalOnBean(DataSource.class)
        @Conditional(NotInMemory.class)
        JdbcStorage luxarisStorage(
                LuxarisProperties properties,
                BeanFactory beans,
                ObjectProvider<DataSource> dataSources,
                @LuxarisDataSource ObjectProvider<DataSource> dedicated) {
            LuxarisProperties.Storage p = properties.getStorage();
            DataSource ds;
            String which;
            if (p.getDataSource() != null) {
                ds = beans.getBean(p.getDataSource(), DataSource.class);
                which = "bean '" + p.getDataSource() + "'";
            } else if (dedicated.getIfAvailable() != null) {
                ds = dedicated.getObject();
                which = "the @LuxarisDataSource bean";
            } else {
                ds = dataSources.getIfUnique();
                which = "the application's DataSource";
                if (ds == null) {
                    throw new IllegalStateException("several DataSource beans and none is primary: mark the one"
                            + " for Luxaris with @LuxarisDataSource or name it in luxaris.storage.data-source");
                }
            }
            JdbcStorage.Builder b = JdbcStorage.builder()
                    .dataSource(ds)
                    .tablePrefix(p.getTablePrefix())
                    .migrate(p.isMigrate());
            if (p.getSchema() != null) {
                b.schema(p.getSchema());
            }
            LOG.info("Luxaris storage on {}", which);
            return b.build();
        }

        @Bean
        @ConditionalOnMissingBean(SecretCipher.class)
        @ConditionalOnProperty(prefix = "luxaris.secrets", name = "keyset-file")
        TinkSecretCipher luxarisSecretCipher(LuxarisProperties properties) {
            Path file = Path.of(properties.getSecrets().getKeysetFile());
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("luxaris.secrets.keyset-file " + file + " cannot be read");
            }
            return TinkSecretCipher.fromKeyFile(file);
        }
    }

    /** Not {@code luxaris.storage.type=memory}. */
    static final class NotInMemory extends NoneNestedConditions {
        NotInMemory() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "luxaris.storage", name = "type", havingValue = "memory")
        static final class InMemory {}
    }
}
