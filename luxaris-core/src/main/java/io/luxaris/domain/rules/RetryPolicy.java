package io.luxaris.domain.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often and when a failed publish is tried again: exponential backoff with full jitter, capped, up to {@code
 * maxAttempts} attempts in all; a platform's own retry time (rate-limit reset) is honoured: never retried before.
 *
 * @param maxAttempts attempts in all, the first included: 1..100
 * @param initialDelay the backoff ceiling after the first attempt, positive
 * @param maxDelay the largest backoff ceiling, not shorter than the initial delay
 * @param multiplier the ceiling's growth per attempt: 1..10
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {
    /**
     * Checks the values.
     *
     * @param maxAttempts attempts in all, the first included: 1..100
     * @param initialDelay the backoff ceiling after the first attempt, positive
     * @param maxDelay the largest backoff ceiling, not shorter than the initial delay
     * @param multiplier the ceiling's growth per attempt: 1..10
     * @throws IllegalArgumentException when a value is out of range; the message names it
     */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("retry maxAttempts must be within 1..100 but was " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("retry initialDelay must be positive but was " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "retry maxDelay (" + maxDelay + ") must not be shorter than initialDelay (" + initialDelay + ")");
        }
        if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
            throw new IllegalArgumentException("retry multiplier must be within 1..10 but was " + multiplier);
        }
    }

    /**
     * 5 attempts, 30 s initial delay doubling up to 30 min.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(30), 2.0);
    }

    /**
     * No retry at all: the first failure is final.
     *
     * @return a policy of one attempt
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0);
    }

    /**
     * True when {@code attemptsMade} attempts used up the budget.
     *
     * @param attemptsMade attempts made so far
     * @return whether no attempt is left
     */
    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /**
     * The backoff ceiling before jitter after {@code attemptsMade} attempts (1 → initialDelay).
     *
     * @param attemptsMade attempts made so far
     * @return {@code initialDelay * multiplier^(attemptsMade - 1)}, at most {@code maxDelay}
     */
    public Duration ceiling(int attemptsMade) {
        double factor = Math.pow(multiplier, Math.max(0, attemptsMade - 1));
        double millis = initialDelay.toMillis() * factor;
        if (!Double.isFinite(millis) || millis >= maxDelay.toMillis()) {
            return maxDelay;
        }
        return Duration.ofMillis((long) millis);
    }

    /**
     * When to try again after {@code attemptsMade} attempts: a uniformly random delay in [0, ceiling] (full jitter);
     * when the platform named a retry time, not before it (plus up to one initial delay of jitter so a fleet of
     * schedules does not hit the reset instant together).
     *
     * @param attemptsMade attempts made so far
     * @param now the current time
     * @param platformRetryAt the platform's retry time (rate-limit reset), when it gave one
     * @param random the source of jitter
     * @return the time of the next attempt
     */
    public Instant nextAttemptAt(
            int attemptsMade, Instant now, Optional<Instant> platformRetryAt, RandomGenerator random) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(platformRetryAt, "platformRetryAt");
        if (platformRetryAt.isPresent() && platformRetryAt.get().isAfter(now)) {
            long spread = random.nextLong(initialDelay.toMillis() + 1);
            return platformRetryAt.get().plusMillis(spread);
        }
        long ceiling = ceiling(attemptsMade).toMillis();
        return now.plusMillis(random.nextLong(ceiling + 1));
    }
}
