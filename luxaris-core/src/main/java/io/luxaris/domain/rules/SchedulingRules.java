package io.luxaris.domain.rules;

import io.luxaris.domain.PostStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The configurable domain rules: scheduling horizon, DST handling, per-connection rate limits, the retry policy,
 * the lateness window and what a post becomes when all its schedules are cancelled.
 *
 * @param minLeadTime how far in the future {@code run_at} must at least be (zero: any future instant)
 * @param maxHorizon how far in the future {@code run_at} may at most be (exclusive)
 * @param dstGapPolicy what to do with a local time inside a DST gap
 * @param maxSchedulesPerHourPerConnection at most this many schedules in any one-hour window on one connection
 * @param minGapPerConnection at least this much time between two schedules on one connection
 * @param retryPolicy retries of failed publishes
 * @param latenessWindow a schedule found due longer ago than this is skipped instead of publishing stale content
 * @param allCancelledStatus the status of a post all of whose schedules were cancelled: DRAFT or CANCELLED
 */
public record SchedulingRules(
        Duration minLeadTime,
        Duration maxHorizon,
        DstGapPolicy dstGapPolicy,
        OptionalInt maxSchedulesPerHourPerConnection,
        Optional<Duration> minGapPerConnection,
        RetryPolicy retryPolicy,
        Duration latenessWindow,
        PostStatus allCancelledStatus) {
    /**
     * How long before a token that cannot be refreshed expires that a connection's health turns on {@code
     * reauthorizeSoon} and the engine tells hosts to ask for a reconnect: 7 days.
     */
    public static final Duration REAUTHORIZE_WARNING = Duration.ofDays(7);

    /**
     * Checks the values.
     *
     * @param minLeadTime how far in the future {@code run_at} must at least be (zero: any future instant)
     * @param maxHorizon how far in the future {@code run_at} may at most be (exclusive)
     * @param dstGapPolicy what to do with a local time inside a DST gap
     * @param maxSchedulesPerHourPerConnection at most this many schedules in any one-hour window on one connection
     * @param minGapPerConnection at least this much time between two schedules on one connection
     * @param retryPolicy retries of failed publishes
     * @param latenessWindow a schedule found due longer ago than this is skipped instead of publishing stale content
     * @param allCancelledStatus the status of a post all of whose schedules were cancelled: DRAFT or CANCELLED
     * @throws IllegalArgumentException when a value is out of range; the message names it
     */
    public SchedulingRules {
        Objects.requireNonNull(minLeadTime, "minLeadTime");
        Objects.requireNonNull(maxHorizon, "maxHorizon");
        Objects.requireNonNull(dstGapPolicy, "dstGapPolicy");
        Objects.requireNonNull(maxSchedulesPerHourPerConnection, "maxSchedulesPerHourPerConnection");
        Objects.requireNonNull(minGapPerConnection, "minGapPerConnection");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(latenessWindow, "latenessWindow");
        Objects.requireNonNull(allCancelledStatus, "allCancelledStatus");
        if (minLeadTime.isNegative()) {
            throw new IllegalArgumentException("minLeadTime must not be negative but was " + minLeadTime);
        }
        if (maxHorizon.compareTo(minLeadTime) <= 0) {
            throw new IllegalArgumentException(
                    "maxHorizon (" + maxHorizon + ") must be longer than minLeadTime (" + minLeadTime + ")");
        }
        maxSchedulesPerHourPerConnection.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("maxSchedulesPerHourPerConnection must be positive but was " + n);
            }
        });
        minGapPerConnection.ifPresent(gap -> {
            if (gap.isNegative() || gap.isZero()) {
                throw new IllegalArgumentException("minGapPerConnection must be positive but was " + gap);
            }
        });
        if (latenessWindow.isNegative() || latenessWindow.isZero()) {
            throw new IllegalArgumentException("latenessWindow must be positive but was " + latenessWindow);
        }
        if (allCancelledStatus != PostStatus.DRAFT && allCancelledStatus != PostStatus.CANCELLED) {
            throw new IllegalArgumentException(
                    "allCancelledStatus must be DRAFT or CANCELLED but was " + allCancelledStatus);
        }
    }

    /**
     * Any future time up to 365 days ahead, DST gaps rejected, no rate limits, default retries, 2 h lateness.
     *
     * @return the default rules
     */
    public static SchedulingRules defaults() {
        return new SchedulingRules(
                Duration.ZERO,
                Duration.ofDays(365),
                DstGapPolicy.REJECT,
                OptionalInt.empty(),
                Optional.empty(),
                RetryPolicy.defaults(),
                Duration.ofHours(2),
                PostStatus.DRAFT);
    }

    /** {@return a builder starting from the {@link #defaults()}} */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /**
     * A builder starting from {@code base}.
     *
     * @param base the rules to start from
     * @return the builder
     */
    public static Builder from(SchedulingRules base) {
        return new Builder(base);
    }

    /** Builder of rules; {@link #build()} validates and names the offending setting. */
    public static final class Builder {
        private Duration minLeadTime;
        private Duration maxHorizon;
        private DstGapPolicy dstGapPolicy;
        private OptionalInt maxPerHour;
        private Optional<Duration> minGap;
        private RetryPolicy retryPolicy;
        private Duration latenessWindow;
        private PostStatus allCancelledStatus;

        private Builder(SchedulingRules base) {
            minLeadTime = base.minLeadTime;
            maxHorizon = base.maxHorizon;
            dstGapPolicy = base.dstGapPolicy;
            maxPerHour = base.maxSchedulesPerHourPerConnection;
            minGap = base.minGapPerConnection;
            retryPolicy = base.retryPolicy;
            latenessWindow = base.latenessWindow;
            allCancelledStatus = base.allCancelledStatus;
        }

        /**
         * How far in the future a run time must at least be.
         *
         * @param value not negative; zero: any future instant
         * @return this builder
         */
        public Builder minLeadTime(Duration value) {
            minLeadTime = value;
            return this;
        }

        /**
         * How far in the future a run time may at most be, in days.
         *
         * @param days positive
         * @return this builder
         * @throws IllegalArgumentException when the number of days is not positive
         */
        public Builder maxFutureDays(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("maxFutureDays must be positive but was " + days);
            }
            maxHorizon = Duration.ofDays(days);
            return this;
        }

        /**
         * How far in the future a run time may at most be (exclusive).
         *
         * @param value longer than the minimum lead time
         * @return this builder
         */
        public Builder maxHorizon(Duration value) {
            maxHorizon = value;
            return this;
        }

        /**
         * What to do with a local time inside a DST gap.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder dstGapPolicy(DstGapPolicy value) {
            dstGapPolicy = value;
            return this;
        }

        /**
         * At most this many schedules in any one-hour window on one connection.
         *
         * @param value positive
         * @return this builder
         */
        public Builder maxSchedulesPerHourPerConnection(int value) {
            maxPerHour = OptionalInt.of(value);
            return this;
        }

        /**
         * At least this much time between two schedules on one connection.
         *
         * @param value positive
         * @return this builder
         */
        public Builder minGapPerConnection(Duration value) {
            minGap = Optional.of(value);
            return this;
        }

        /**
         * Retries of failed publishes.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            retryPolicy = value;
            return this;
        }

        /**
         * A schedule found due longer ago than this is skipped instead of publishing stale content.
         *
         * @param value positive
         * @return this builder
         */
        public Builder latenessWindow(Duration value) {
            latenessWindow = value;
            return this;
        }

        /**
         * The status of a post all of whose schedules were cancelled.
         *
         * @param value {@code DRAFT} or {@code CANCELLED}
         * @return this builder
         */
        public Builder allCancelledStatus(PostStatus value) {
            allCancelledStatus = value;
            return this;
        }

        /**
         * {@return the rules}
         *
         * @throws IllegalArgumentException when a value is out of range; the message names it
         * @throws NullPointerException when a value was set to null
         */
        public SchedulingRules build() {
            return new SchedulingRules(
                    minLeadTime,
                    maxHorizon,
                    dstGapPolicy,
                    maxPerHour,
                    minGap,
                    retryPolicy,
                    latenessWindow,
                    allCancelledStatus);
        }
    }
}
