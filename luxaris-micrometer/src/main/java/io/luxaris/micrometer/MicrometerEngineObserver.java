package io.luxaris.micrometer;

import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records what the publishing engine does as Micrometer meters, and wraps each publish attempt in an {@link
 * Observation} (a span when tracing is set up). Register it with {@code Luxaris.builder().engineObserver(...)}.
 *
 * <p>Meters (dotted names; Prometheus shows {@code luxaris_publish_attempts_seconds} and so on); every tag has a
 * small, fixed set of values:
 *
 * <ul>
 *   <li>{@code luxaris.publish.attempts} (timer; {@code channel}, {@code outcome}): channel calls and how long
 *       they took. {@code outcome} is {@code published} or the failure kind ({@code retryable}, {@code
 *       rate_limited}, {@code auth_expired}, {@code auth_revoked}, {@code rejected}, {@code unknown}).
 *   <li>{@code luxaris.publish.lateness} (timer with histogram buckets and percentiles; {@code channel}): how long
 *       after its due time each attempt started.
 *   <li>{@code luxaris.publish.throttled} and {@code luxaris.publish.abandoned} (counters; {@code channel}): calls
 *       a platform rate-limited, and calls the engine gave up on at the publish timeout (recorded unconfirmed).
 *   <li>{@code luxaris.engine.claims} (counter; {@code result}: {@code empty}, {@code partial}, {@code full}),
 *       {@code luxaris.engine.claim.size} (summary of the schedules taken per claim) and {@code
 *       luxaris.engine.claim.skipped} (counter of claimed schedules skipped instead of published).
 *   <li>{@code luxaris.engine.completion.batch.size} (summary): outcomes written per batch.
 *   <li>{@code luxaris.engine.leases.expired} (counter; {@code action}: {@code requeued}, {@code unconfirmed}).
 * </ul>
 *
 * <p>The observation is named {@value #OBSERVATION_NAME}, with the low-cardinality keys {@code channel} and
 * {@code outcome} and the high-cardinality key {@code luxaris.schedule.id}. It is opened on the publishing thread
 * around the channel call, so HTTP client instrumentation inside the call nests under it.
 *
 * <p>Thread-safe; cheap enough for the publish path.
 */
public final class MicrometerEngineObserver implements EngineObserver {
    /** The name of the observation around each publish attempt. */
    public static final String OBSERVATION_NAME = "luxaris.publish";

    static final String ATTEMPTS = "luxaris.publish.attempts";
    static final String LATENESS = "luxaris.publish.lateness";
    static final String THROTTLED = "luxaris.publish.throttled";
    static final String ABANDONED = "luxaris.publish.abandoned";
    static final String CLAIMS = "luxaris.engine.claims";
    static final String CLAIM_SIZE = "luxaris.engine.claim.size";
    static final String CLAIM_SKIPPED = "luxaris.engine.claim.skipped";
    static final String COMPLETION_BATCH = "luxaris.engine.completion.batch.size";
    static final String LEASES_EXPIRED = "luxaris.engine.leases.expired";

    private static final List<Duration> DEFAULT_LATENESS_BUCKETS = List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofMinutes(30),
            Duration.ofHours(1));

    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final Duration[] latenessBuckets;
    private final double[] percentiles;

    private final Counter claimsEmpty;
    private final Counter claimsPartial;
    private final Counter claimsFull;
    private final DistributionSummary claimSize;
    private final Counter claimSkipped;
    private final DistributionSummary completionBatch;
    private final Counter requeued;
    private final Counter unconfirmed;
    private final Map<String, Timer> attempts = new ConcurrentHashMap<>();
    private final Map<String, Timer> lateness = new ConcurrentHashMap<>();
    private final Map<String, Counter> throttled = new ConcurrentHashMap<>();
    private final Map<String, Counter> abandoned = new ConcurrentHashMap<>();

    private MicrometerEngineObserver(Builder b) {
        this.registry = b.registry;
        this.observations = b.observations;
        this.latenessBuckets = b.latenessBuckets.toArray(Duration[]::new);
        this.percentiles = b.percentiles.clone();
        this.claimsEmpty = claims("empty");
        this.claimsPartial = claims("partial");
        this.claimsFull = claims("full");
        this.claimSize = DistributionSummary.builder(CLAIM_SIZE)
                .description("Schedules taken per claim")
                .baseUnit("schedules")
                .register(registry);
        this.claimSkipped = Counter.builder(CLAIM_SKIPPED)
                .description("Claimed schedules skipped instead of published (archived post, revoked connection,"
                        + " past the lateness window)")
                .register(registry);
        this.completionBatch = DistributionSummary.builder(COMPLETION_BATCH)
                .description("Outcomes written per batch")
                .baseUnit("outcomes")
                .register(registry);
        this.requeued = leases("requeued");
        this.unconfirmed = leases("unconfirmed");
    }

    /** Metrics in {@code registry}, no observations. */
    public static MicrometerEngineObserver create(MeterRegistry registry) {
        return builder(registry).build();
    }

    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    private Counter claims(String result) {
        return Counter.builder(CLAIMS)
                .description("Claims of due schedules, by whether they filled the free capacity")
                .tag("result", result)
                .register(registry);
    }

    private Counter leases(String action) {
        return Counter.builder(LEASES_EXPIRED)
                .description("Expired leases handled: requeued (never started) or unconfirmed (may have posted)")
                .tag("action", action)
                .register(registry);
    }

    @Override
    public void claimed(int asked, int claimed, int skipped) {
        (claimed == 0 ? claimsEmpty : claimed >= asked ? claimsFull : claimsPartial).increment();
        claimSize.record(claimed);
        if (skipped > 0) {
            claimSkipped.increment(skipped);
        }
    }

    @Override
    public PublishScope publishing(PublishJob job) {
        String channel = job.channel().key();
        long startNanos = System.nanoTime();
        Instant due = job.schedule().nextAttemptAt();
        job.schedule().lastAttemptAt().ifPresent(start -> {
            Duration late = Duration.between(due, start);
            latenessTimer(channel).record(late.isNegative() ? Duration.ZERO : late);
        });
        Observation observation = observations.isNoop()
                ? Observation.NOOP
                : Observation.createNotStarted(OBSERVATION_NAME, observations)
                        .contextualName("luxaris publish " + channel)
                        .lowCardinalityKeyValue("channel", channel)
                        .highCardinalityKeyValue(
                                "luxaris.schedule.id", job.schedule().id().toString())
                        .start();
        Observation.Scope scope = observation.openScope();
        return result -> {
            String outcome = outcome(result);
            attemptsTimer(channel, outcome).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
            scope.close();
            if (result.outcome() instanceof PublishOutcome.Failed f) {
                observation.highCardinalityKeyValue("luxaris.error.code", f.code());
            }
            observation.lowCardinalityKeyValue("outcome", outcome).stop();
        };
    }

    @Override
    public void outcomesWritten(int count) {
        completionBatch.record(count);
    }

    @Override
    public void abandoned(PublishJob job) {
        abandoned
                .computeIfAbsent(job.channel().key(), channel -> Counter.builder(ABANDONED)
                        .description("Calls given up at the publish timeout and recorded as unconfirmed")
                        .tag("channel", channel)
                        .register(registry))
                .increment();
    }

    @Override
    public void throttled(PublishJob job, Instant until) {
        throttled
                .computeIfAbsent(job.channel().key(), channel -> Counter.builder(THROTTLED)
                        .description("Calls a platform answered with a rate limit")
                        .tag("channel", channel)
                        .register(registry))
                .increment();
    }

    @Override
    public void reaped(int requeuedCount, int unconfirmedCount) {
        requeued.increment(requeuedCount);
        unconfirmed.increment(unconfirmedCount);
    }

    /** {@code published}, or the failure kind's wire name. */
    static String outcome(JobResult result) {
        return result.outcome() instanceof PublishOutcome.Failed f ? f.kind().wireName() : "published";
    }

    private Timer attemptsTimer(String channel, String outcome) {
        return attempts.computeIfAbsent(channel + '\n' + outcome, k -> Timer.builder(ATTEMPTS)
                .description("Channel calls of publish attempts, by outcome")
                .tags("channel", channel, "outcome", outcome)
                .register(registry));
    }

    private Timer latenessTimer(String channel) {
        return lateness.computeIfAbsent(channel, k -> Timer.builder(LATENESS)
                .description("How long after its due time a publish attempt started")
                .tag("channel", channel)
                .publishPercentiles(percentiles)
                .publishPercentileHistogram()
                .serviceLevelObjectives(latenessBuckets)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(2))
                .register(registry));
    }

    /** Settings of a {@link MicrometerEngineObserver}. */
    public static final class Builder {
        private final MeterRegistry registry;
        private ObservationRegistry observations = ObservationRegistry.NOOP;
        private List<Duration> latenessBuckets = DEFAULT_LATENESS_BUCKETS;
        private double[] percentiles = {0.5, 0.95, 0.99};

        private Builder(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** Where the observation of each attempt goes (tracing, and a timer through Micrometer's handler). */
        public Builder observationRegistry(ObservationRegistry value) {
            this.observations = Objects.requireNonNull(value, "observationRegistry");
            return this;
        }

        /** Histogram buckets of the lateness, published besides Micrometer's own; default 1 s to 1 h. */
        public Builder latenessBuckets(Duration... values) {
            for (Duration d : values) {
                Objects.requireNonNull(d, "latenessBuckets");
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("latenessBuckets must be positive but one was " + d);
                }
            }
            this.latenessBuckets = List.copyOf(Arrays.asList(values));
            return this;
        }

        /** Client-side percentiles of the lateness; default 0.5, 0.95 and 0.99. */
        public Builder latenessPercentiles(double... values) {
            for (double p : values) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("latenessPercentiles must be within 0..1 but one was " + p);
                }
            }
            this.percentiles = values.clone();
            return this;
        }

        public MicrometerEngineObserver build() {
            return new MicrometerEngineObserver(this);
        }
    }
}
