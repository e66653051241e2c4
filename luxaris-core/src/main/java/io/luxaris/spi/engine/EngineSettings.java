package io.luxaris.spi.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

/**
 * Tuning of the publishing engine.
 *
 * @param maxConcurrency publishes in flight at once on this instance
 * @param perConnectionConcurrency publishes in flight at once per connection (1 keeps the order of an account's
 *     posts)
 * @param perChannelConcurrency publishes in flight at once per channel, when limited
 * @param claimBatchSize most schedules claimed in one query
 * @param leaseDuration how long a claim holds without a heartbeat
 * @param heartbeatInterval how often leases are extended (well under the lease duration)
 * @param maxIdleSleep the longest the engine sleeps when nothing is due (a backstop for changes it was not told
 *     about, such as schedules created by another instance)
 * @param reapInterval how often expired leases are looked for
 * @param publishTimeout how long one channel call may take; after that the engine records the attempt as
 *     unconfirmed (it may have been posted) and ignores whatever the call returns later
 * @param executor where publishes run; default a pool of daemon threads made on demand. On Java 21+ pass
 *     {@code Executors.newVirtualThreadPerTaskExecutor()}. A task the engine hands over runs the calls of started
 *     jobs one after another while more are ready, and a new task is handed over only while started jobs wait with
 *     no task free to take them: calls that return at once share a few threads, and a call that hangs holds no other
 *     call back. A task the executor refuses fails the jobs no other task would take, retryably (nothing was sent)
 */
public record EngineSettings(
        int maxConcurrency,
        int perConnectionConcurrency,
        OptionalInt perChannelConcurrency,
        int claimBatchSize,
        Duration leaseDuration,
        Duration heartbeatInterval,
        Duration maxIdleSleep,
        Duration reapInterval,
        Duration publishTimeout,
        Optional<Executor> executor) {
    /**
     * Checks the settings.
     *
     * @param maxConcurrency publishes in flight at once on this instance
     * @param perConnectionConcurrency publishes in flight at once per connection
     * @param perChannelConcurrency publishes in flight at once per channel, when limited
     * @param claimBatchSize most schedules claimed in one query
     * @param leaseDuration how long a claim holds without a heartbeat
     * @param heartbeatInterval how often leases are extended
     * @param maxIdleSleep the longest the engine sleeps when nothing is due
     * @param reapInterval how often expired leases are looked for
     * @param publishTimeout how long one channel call may take
     * @param executor where publishes run
     * @throws IllegalArgumentException when a setting is out of range (1..10000 in flight and per batch, positive
     *     counts and durations, a lease of at least 1 s, a heartbeat of at most half the lease); the message names it
     */
    public EngineSettings {
        if (maxConcurrency < 1 || maxConcurrency > 10_000) {
            throw new IllegalArgumentException("maxConcurrency must be within 1..10000 but was " + maxConcurrency);
        }
        if (perConnectionConcurrency < 1) {
            throw new IllegalArgumentException(
                    "perConnectionConcurrency must be positive but was " + perConnectionConcurrency);
        }
        Objects.requireNonNull(perChannelConcurrency, "perChannelConcurrency");
        perChannelConcurrency.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("perChannelConcurrency must be positive but was " + n);
            }
        });
        if (claimBatchSize < 1 || claimBatchSize > 10_000) {
            throw new IllegalArgumentException("claimBatchSize must be within 1..10000 but was " + claimBatchSize);
        }
        positive(leaseDuration, "leaseDuration");
        positive(heartbeatInterval, "heartbeatInterval");
        positive(maxIdleSleep, "maxIdleSleep");
        positive(reapInterval, "reapInterval");
        positive(publishTimeout, "publishTimeout");
        if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("leaseDuration must be at least 1s but was " + leaseDuration);
        }
        if (heartbeatInterval.multipliedBy(2).compareTo(leaseDuration) > 0) {
            throw new IllegalArgumentException("heartbeatInterval (" + heartbeatInterval
                    + ") must be at most half the leaseDuration (" + leaseDuration + ")");
        }
        Objects.requireNonNull(executor, "executor");
    }

    /**
     * 16 in flight, 1 per connection, batches of 100, 60 s leases with 15 s heartbeats, 30 s idle backstop, reaping
     * every 15 s, 2 min publish timeout.
     *
     * @return the default settings
     */
    public static EngineSettings defaults() {
        return new EngineSettings(
                16,
                1,
                OptionalInt.empty(),
                100,
                Duration.ofSeconds(60),
                Duration.ofSeconds(15),
                Duration.ofSeconds(30),
                Duration.ofSeconds(15),
                Duration.ofMinutes(2),
                Optional.empty());
    }

    /** {@return a builder starting from the {@link #defaults()}} */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /**
     * A builder starting from {@code base}.
     *
     * @param base the settings to start from
     * @return the builder
     */
    public static Builder from(EngineSettings base) {
        return new Builder(base);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + d);
        }
    }

    /** Builder; {@link #build()} validates and names the offending setting. */
    public static final class Builder {
        private int maxConcurrency;
        private int perConnection;
        private OptionalInt perChannel;
        private int claimBatchSize;
        private Duration leaseDuration;
        private Duration heartbeatInterval;
        private Duration maxIdleSleep;
        private Duration reapInterval;
        private Duration publishTimeout;
        private Optional<Executor> executor;

        private Builder(EngineSettings base) {
            maxConcurrency = base.maxConcurrency;
            perConnection = base.perConnectionConcurrency;
            perChannel = base.perChannelConcurrency;
            claimBatchSize = base.claimBatchSize;
            leaseDuration = base.leaseDuration;
            heartbeatInterval = base.heartbeatInterval;
            maxIdleSleep = base.maxIdleSleep;
            reapInterval = base.reapInterval;
            publishTimeout = base.publishTimeout;
            executor = base.executor;
        }

        /**
         * Publishes in flight at once on this instance.
         *
         * @param value 1..10000
         * @return this builder
         */
        public Builder maxConcurrency(int value) {
            maxConcurrency = value;
            return this;
        }

        /**
         * Publishes in flight at once per connection (1 keeps the order of an account's posts).
         *
         * @param value positive
         * @return this builder
         */
        public Builder perConnectionConcurrency(int value) {
            perConnection = value;
            return this;
        }

        /**
         * Publishes in flight at once per channel.
         *
         * @param value positive
         * @return this builder
         */
        public Builder perChannelConcurrency(int value) {
            perChannel = OptionalInt.of(value);
            return this;
        }

        /**
         * Most schedules claimed in one query.
         *
         * @param value 1..10000
         * @return this builder
         */
        public Builder claimBatchSize(int value) {
            claimBatchSize = value;
            return this;
        }

        /**
         * Sets the lease and a heartbeat of a quarter of it.
         *
         * @param value at least one second
         * @return this builder
         */
        public Builder leaseDuration(Duration value) {
            leaseDuration = value;
            heartbeatInterval = value.dividedBy(4);
            return this;
        }

        /**
         * How often leases are extended.
         *
         * @param value positive, at most half the lease
         * @return this builder
         */
        public Builder heartbeatInterval(Duration value) {
            heartbeatInterval = value;
            return this;
        }

        /**
         * The longest the engine sleeps when nothing is due.
         *
         * @param value positive
         * @return this builder
         */
        public Builder maxIdleSleep(Duration value) {
            maxIdleSleep = value;
            return this;
        }

        /**
         * How often expired leases are looked for.
         *
         * @param value positive
         * @return this builder
         */
        public Builder reapInterval(Duration value) {
            reapInterval = value;
            return this;
        }

        /**
         * How long one channel call may take before the attempt is recorded as unconfirmed.
         *
         * @param value positive
         * @return this builder
         */
        public Builder publishTimeout(Duration value) {
            publishTimeout = value;
            return this;
        }

        /**
         * Where publishes run.
         *
         * @param value the executor; Luxaris does not shut it down
         * @return this builder
         */
        public Builder executor(Executor value) {
            executor = Optional.of(value);
            return this;
        }

        /**
         * {@return the settings}
         *
         * @throws IllegalArgumentException when a setting is out of range; the message names it
         */
        public EngineSettings build() {
            return new EngineSettings(
                    maxConcurrency,
                    perConnection,
                    perChannel,
                    claimBatchSize,
                    leaseDuration,
                    heartbeatInterval,
                    maxIdleSleep,
                    reapInterval,
                    publishTimeout,
                    executor);
        }
    }
}
