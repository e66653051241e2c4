package io.luxaris.spring.boot.autoconfigure;

import io.luxaris.domain.PostStatus;
import io.luxaris.domain.rules.DstGapPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code luxaris.*} properties. Every setting left unset keeps Luxaris's own default (see {@code
 * EngineSettings.defaults()} and {@code SchedulingRules.defaults()}). Channel and generator settings live in their
 * own classes, bound only when their module is on the class path.
 */
@ConfigurationProperties("luxaris")
public class LuxarisProperties {
    /** The engine's lease owner name in the database; default: a random, unique one per start. */
    private @Nullable String instanceId;

    /** Also load channel, generator and storage providers with ServiceLoader (explicit beans win). */
    private boolean discoverPlugins;

    /** The generator that serves requests naming none; default: the first registered, else "offline". */
    private @Nullable String defaultGenerator;

    /** Hold every new schedule as awaiting_approval until a principal approves it (posts and connections can
     * require it on their own). */
    private boolean approvalRequired;

    /** How long an idempotency key is kept (1 minute to 30 days); default 24 hours. */
    private @Nullable Duration idempotencyRetention;

    private final Storage storage = new Storage();
    private final Secrets secrets = new Secrets();
    private final Engine engine = new Engine();
    private final Rules rules = new Rules();
    private final Metrics metrics = new Metrics();
    private final Health health = new Health();

    public @Nullable String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(@Nullable String instanceId) {
        this.instanceId = instanceId;
    }

    public boolean isDiscoverPlugins() {
        return discoverPlugins;
    }

    public void setDiscoverPlugins(boolean discoverPlugins) {
        this.discoverPlugins = discoverPlugins;
    }

    public @Nullable String getDefaultGenerator() {
        return defaultGenerator;
    }

    public void setDefaultGenerator(@Nullable String defaultGenerator) {
        this.defaultGenerator = defaultGenerator;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    public @Nullable Duration getIdempotencyRetention() {
        return idempotencyRetention;
    }

    public void setIdempotencyRetention(@Nullable Duration idempotencyRetention) {
        this.idempotencyRetention = idempotencyRetention;
    }

    public Storage getStorage() {
        return storage;
    }

    public Secrets getSecrets() {
        return secrets;
    }

    public Engine getEngine() {
        return engine;
    }

    public Rules getRules() {
        return rules;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Health getHealth() {
        return health;
    }

    /** Which storage Luxaris uses. */
    public enum StorageType {
        /** The host's DataSource when there is one (and luxaris-jdbc is present), else in memory. */
        AUTO,
        /** The host's DataSource; fails at startup without one. */
        JDBC,
        /** In memory: lost at exit (tests, demos). */
        MEMORY
    }

    /** {@code luxaris.storage.*}. */
    public static class Storage {
        private StorageType type = StorageType.AUTO;

        /**
         * The bean name of the DataSource to use when the context has several; default: the one qualified with
         * {@code @LuxarisDataSource}, else the primary one.
         */
        private @Nullable String dataSource;

        /** The schema (PostgreSQL, H2) or database (MariaDB) of the tables; default: the connection's. */
        private @Nullable String schema;

        /** The prefix of every table, index and constraint name. */
        private String tablePrefix = "luxaris_";

        /** Apply Luxaris's own migrations at startup (its own Flyway history table, never the host's). */
        private boolean migrate = true;

        public StorageType getType() {
            return type;
        }

        public void setType(StorageType type) {
            this.type = type;
        }

        public @Nullable String getDataSource() {
            return dataSource;
        }

        public void setDataSource(@Nullable String dataSource) {
            this.dataSource = dataSource;
        }

        public @Nullable String getSchema() {
            return schema;
        }

        public void setSchema(@Nullable String schema) {
            this.schema = schema;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }
    }

    /** {@code luxaris.secrets.*}. */
    public static class Secrets {
        /**
         * A Tink keyset file (JSON) that encrypts stored credentials; required with a database unless the context
         * defines a SecretCipher bean. Create one with TinkSecretCipher.writeKeyFile(generateKeyset(), path).
         */
        private @Nullable String keysetFile;

        public @Nullable String getKeysetFile() {
            return keysetFile;
        }

        public void setKeysetFile(@Nullable String keysetFile) {
            this.keysetFile = keysetFile;
        }
    }

    /** {@code luxaris.engine.*}: the publishing engine. */
    public static class Engine {
        /** Start the background engine with the application context (last) and drain it on shutdown (first). */
        private boolean autoStartup = true;

        /** Publishes in flight at once on this instance. */
        private @Nullable Integer maxConcurrency;

        /** Publishes in flight at once per connection (1 keeps an account's posts in order). */
        private @Nullable Integer perConnectionConcurrency;

        /** Publishes in flight at once per channel; default unlimited. */
        private @Nullable Integer perChannelConcurrency;

        /** Most schedules claimed in one query. */
        private @Nullable Integer claimBatchSize;

        /** How long a claim holds without a heartbeat (heartbeats every quarter of it unless set). */
        private @Nullable Duration leaseDuration;

        private @Nullable Duration heartbeatInterval;

        /** The longest the engine sleeps when nothing is due (how soon it sees another instance's schedules). */
        private @Nullable Duration maxIdleSleep;

        private @Nullable Duration reapInterval;

        /** How long one channel call may take before it is recorded as unconfirmed. */
        private @Nullable Duration publishTimeout;

        /**
         * How long in-flight publishes get to finish on shutdown; default: 5 s less than Boot's
         * spring.lifecycle.timeout-per-shutdown-phase (30 s by default), so the drain fits in Boot's shutdown phase.
         */
        private @Nullable Duration shutdownGrace;

        public boolean isAutoStartup() {
            return autoStartup;
        }

        public void setAutoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        public @Nullable Integer getMaxConcurrency() {
            return maxConcurrency;
        }

        public void setMaxConcurrency(@Nullable Integer maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
        }

        public @Nullable Integer getPerConnectionConcurrency() {
            return perConnectionConcurrency;
        }

        public void setPerConnectionConcurrency(@Nullable Integer perConnectionConcurrency) {
            this.perConnectionConcurrency = perConnectionConcurrency;
        }

        public @Nullable Integer getPerChannelConcurrency() {
            return perChannelConcurrency;
        }

        public void setPerChannelConcurrency(@Nullable Integer perChannelConcurrency) {
            this.perChannelConcurrency = perChannelConcurrency;
        }

        public @Nullable Integer getClaimBatchSize() {
            return claimBatchSize;
        }

        public void setClaimBatchSize(@Nullable Integer claimBatchSize) {
            this.claimBatchSize = claimBatchSize;
        }

        public @Nullable Duration getLeaseDuration() {
            return leaseDuration;
        }

        public void setLeaseDuration(@Nullable Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
        }

        public @Nullable Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        public void setHeartbeatInterval(@Nullable Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }

        public @Nullable Duration getMaxIdleSleep() {
            return maxIdleSleep;
        }

        public void setMaxIdleSleep(@Nullable Duration maxIdleSleep) {
            this.maxIdleSleep = maxIdleSleep;
        }

        public @Nullable Duration getReapInterval() {
            return reapInterval;
        }

        public void setReapInterval(@Nullable Duration reapInterval) {
            this.reapInterval = reapInterval;
        }

        public @Nullable Duration getPublishTimeout() {
            return publishTimeout;
        }

        public void setPublishTimeout(@Nullable Duration publishTimeout) {
            this.publishTimeout = publishTimeout;
        }

        public @Nullable Duration getShutdownGrace() {
            return shutdownGrace;
        }

        public void setShutdownGrace(@Nullable Duration shutdownGrace) {
            this.shutdownGrace = shutdownGrace;
        }
    }

    /** {@code luxaris.rules.*}: the scheduling rules. */
    public static class Rules {
        /** How far ahead a schedule must at least be. */
        private @Nullable Duration minLeadTime;

        /** How far ahead a schedule may at most be. */
        private @Nullable Duration maxHorizon;

        /** A local time in a DST gap: REJECT or SHIFT_FORWARD. */
        private @Nullable DstGapPolicy dstGapPolicy;

        /** At most this many schedules in any hour on one connection; default unlimited. */
        private @Nullable Integer maxSchedulesPerHourPerConnection;

        /** At least this much time between two schedules on one connection; default none. */
        private @Nullable Duration minGapPerConnection;

        /** A schedule found due longer ago than this is skipped instead of posting stale content. */
        private @Nullable Duration latenessWindow;

        /** What a post becomes when all its schedules are cancelled: DRAFT or CANCELLED. */
        private @Nullable PostStatus allCancelledStatus;

        private final Retry retry = new Retry();

        public @Nullable Duration getMinLeadTime() {
            return minLeadTime;
        }

        public void setMinLeadTime(@Nullable Duration minLeadTime) {
            this.minLeadTime = minLeadTime;
        }

        public @Nullable Duration getMaxHorizon() {
            return maxHorizon;
        }

        public void setMaxHorizon(@Nullable Duration maxHorizon) {
            this.maxHorizon = maxHorizon;
        }

        public @Nullable DstGapPolicy getDstGapPolicy() {
            return dstGapPolicy;
        }

        public void setDstGapPolicy(@Nullable DstGapPolicy dstGapPolicy) {
            this.dstGapPolicy = dstGapPolicy;
        }

        public @Nullable Integer getMaxSchedulesPerHourPerConnection() {
            return maxSchedulesPerHourPerConnection;
        }

        public void setMaxSchedulesPerHourPerConnection(@Nullable Integer maxSchedulesPerHourPerConnection) {
            this.maxSchedulesPerHourPerConnection = maxSchedulesPerHourPerConnection;
        }

        public @Nullable Duration getMinGapPerConnection() {
            return minGapPerConnection;
        }

        public void setMinGapPerConnection(@Nullable Duration minGapPerConnection) {
            this.minGapPerConnection = minGapPerConnection;
        }

        public @Nullable Duration getLatenessWindow() {
            return latenessWindow;
        }

        public void setLatenessWindow(@Nullable Duration latenessWindow) {
            this.latenessWindow = latenessWindow;
        }

        public @Nullable PostStatus getAllCancelledStatus() {
            return allCancelledStatus;
        }

        public void setAllCancelledStatus(@Nullable PostStatus allCancelledStatus) {
            this.allCancelledStatus = allCancelledStatus;
        }

        public Retry getRetry() {
            return retry;
        }
    }

    /** {@code luxaris.rules.retry.*}: exponential backoff with full jitter. */
    public static class Retry {
        /** Attempts in all, the first included. */
        private @Nullable Integer maxAttempts;

        private @Nullable Duration initialDelay;

        private @Nullable Duration maxDelay;

        private @Nullable Double multiplier;

        public @Nullable Integer getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(@Nullable Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public @Nullable Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(@Nullable Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        public @Nullable Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(@Nullable Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public @Nullable Double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(@Nullable Double multiplier) {
            this.multiplier = multiplier;
        }
    }

    /** {@code luxaris.metrics.*}. */
    public static class Metrics {
        /** Record engine metrics and observations when a MeterRegistry is present. */
        private boolean enabled = true;

        /** The backlog gauges' storage query runs at most once per this interval. */
        private Duration backlogRefresh = Duration.ofSeconds(15);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getBacklogRefresh() {
            return backlogRefresh;
        }

        public void setBacklogRefresh(Duration backlogRefresh) {
            this.backlogRefresh = backlogRefresh;
        }
    }

    /** {@code luxaris.health.*}. */
    public static class Health {
        /**
         * The health check says DOWN when the engine loop has not gone round for this long; default: the longest
         * sleep between rounds (max-idle-sleep, at least 30 s) plus one lease duration.
         */
        private @Nullable Duration loopStallThreshold;

        public @Nullable Duration getLoopStallThreshold() {
            return loopStallThreshold;
        }

        public void setLoopStallThreshold(@Nullable Duration loopStallThreshold) {
            this.loopStallThreshold = loopStallThreshold;
        }
    }
}
