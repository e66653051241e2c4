package io.luxaris.domain;

import io.luxaris.util.Args;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An instruction to publish one variant through one connection. {@code runAt} is the author's intended instant (UTC)
 * and {@code timezone} the zone they chose it in; retries move {@code nextAttemptAt} only. {@code attemptCount} counts
 * claims by an engine and fences late writers together with the lease owner. {@code checkpoint} keeps what a partial
 * attempt already did (posted thread parts) so a retry does not repeat it. Schedules are never deleted.
 *
 * @param id the schedule's id
 * @param postId the post of the variant
 * @param variantId the variant to publish
 * @param channelId the variant's channel
 * @param connectionId the account to publish through
 * @param runAt the intended instant (UTC)
 * @param timezone the zone the author chose the time in
 * @param status where it is in its lifecycle
 * @param attemptCount how many times an engine claimed it
 * @param nextAttemptAt when it is due next (the run time, or a retry's time)
 * @param lastAttemptAt when it was last attempted
 * @param errorCode the code of the last failure
 * @param errorMessage the safe message of the last failure
 * @param externalPostId the platform's id of the post, once published
 * @param externalUrl the post's URL, once published when known
 * @param lease the claim of the engine instance that works on it
 * @param checkpoint what a partial attempt already did
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the optimistic-locking version
 * @param followUpOf the chain it belongs to when it publishes a follow-up part of its variant (empty for the variant's
 *     own post)
 */
public record Schedule(
        ScheduleId id,
        PostId postId,
        VariantId variantId,
        ChannelId channelId,
        ConnectionId connectionId,
        Instant runAt,
        ZoneId timezone,
        ScheduleStatus status,
        int attemptCount,
        Instant nextAttemptAt,
        Optional<Instant> lastAttemptAt,
        Optional<String> errorCode,
        Optional<String> errorMessage,
        Optional<String> externalPostId,
        Optional<String> externalUrl,
        Optional<Lease> lease,
        Map<String, String> checkpoint,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Optional<FollowUpLink> followUpOf) {
    /**
     * Checks the components and copies the checkpoint.
     *
     * @param id the schedule's id
     * @param postId the post of the variant
     * @param variantId the variant to publish
     * @param channelId the variant's channel
     * @param connectionId the account to publish through
     * @param runAt the intended instant (UTC)
     * @param timezone the zone the author chose the time in
     * @param status where it is in its lifecycle
     * @param attemptCount how many times an engine claimed it
     * @param nextAttemptAt when it is due next (the run time, or a retry's time)
     * @param lastAttemptAt when it was last attempted
     * @param errorCode the code of the last failure
     * @param errorMessage the safe message of the last failure
     * @param externalPostId the platform's id of the post, once published
     * @param externalUrl the post's URL, once published when known
     * @param lease the claim of the engine instance that works on it
     * @param checkpoint what a partial attempt already did
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param version the optimistic-locking version
     * @param followUpOf the chain it belongs to when it publishes a follow-up part
     * @throws IllegalArgumentException when the attempt count or the version is negative
     */
    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(status, "status");
        Args.notNegative(attemptCount, "attemptCount");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(externalPostId, "externalPostId");
        Objects.requireNonNull(externalUrl, "externalUrl");
        Objects.requireNonNull(lease, "lease");
        checkpoint = Args.orderedCopy(checkpoint, "checkpoint");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Args.notNegative(version, "version");
        Objects.requireNonNull(followUpOf, "followUpOf");
    }

    /**
     * A schedule of a variant's own post (not a follow-up part).
     *
     * @param id the schedule's id
     * @param postId the post of the variant
     * @param variantId the variant to publish
     * @param channelId the variant's channel
     * @param connectionId the account to publish through
     * @param runAt the intended instant (UTC)
     * @param timezone the zone the author chose the time in
     * @param status where it is in its lifecycle
     * @param attemptCount how many times an engine claimed it
     * @param nextAttemptAt when it is due next (the run time, or a retry's time)
     * @param lastAttemptAt when it was last attempted
     * @param errorCode the code of the last failure
     * @param errorMessage the safe message of the last failure
     * @param externalPostId the platform's id of the post, once published
     * @param externalUrl the post's URL, once published when known
     * @param lease the claim of the engine instance that works on it
     * @param checkpoint what a partial attempt already did
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param version the optimistic-locking version
     * @throws IllegalArgumentException when the attempt count or the version is negative
     */
    public Schedule(
            ScheduleId id,
            PostId postId,
            VariantId variantId,
            ChannelId channelId,
            ConnectionId connectionId,
            Instant runAt,
            ZoneId timezone,
            ScheduleStatus status,
            int attemptCount,
            Instant nextAttemptAt,
            Optional<Instant> lastAttemptAt,
            Optional<String> errorCode,
            Optional<String> errorMessage,
            Optional<String> externalPostId,
            Optional<String> externalUrl,
            Optional<Lease> lease,
            Map<String, String> checkpoint,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this(
                id,
                postId,
                variantId,
                channelId,
                connectionId,
                runAt,
                timezone,
                status,
                attemptCount,
                nextAttemptAt,
                lastAttemptAt,
                errorCode,
                errorMessage,
                externalPostId,
                externalUrl,
                lease,
                checkpoint,
                createdAt,
                updatedAt,
                version,
                Optional.empty());
    }

    /**
     * A new pending schedule of follow-up part {@code link.index()} of a variant, due at {@code runAt}.
     *
     * @param parent the schedule of the part before it (published)
     * @param link the chain it belongs to
     * @param runAt the instant it is due
     * @param now the creation time
     * @return a pending follow-up schedule with a new id, on the parent's connection and zone
     */
    public static Schedule followUp(Schedule parent, FollowUpLink link, Instant runAt, Instant now) {
        return new Schedule(
                ScheduleId.random(),
                parent.postId(),
                parent.variantId(),
                parent.channelId(),
                parent.connectionId(),
                runAt,
                parent.timezone(),
                ScheduleStatus.PENDING,
                0,
                runAt,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                now,
                now,
                0,
                Optional.of(link));
    }

    /** {@return whether it publishes a follow-up part (a reply or comment after the variant's own post)} */
    public boolean isFollowUp() {
        return followUpOf.isPresent();
    }

    /**
     * A new pending schedule.
     *
     * @param variant the variant to publish
     * @param connection the account to publish through
     * @param runAt the instant to publish at
     * @param timezone the zone the author chose the time in
     * @param now the creation time
     * @return a pending schedule with a new id, due at {@code runAt}
     */
    public static Schedule pending(
            PostVariant variant, ConnectionId connection, Instant runAt, ZoneId timezone, Instant now) {
        return new Schedule(
                ScheduleId.random(),
                variant.postId(),
                variant.id(),
                variant.channelId(),
                connection,
                runAt,
                timezone,
                ScheduleStatus.PENDING,
                0,
                runAt,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                now,
                now,
                0);
    }

    /** {@return the local date-time the author chose, in their zone} */
    public java.time.ZonedDateTime localRunAt() {
        return runAt.atZone(timezone);
    }

    /**
     * Moves to another status (lifecycle-checked), keeping everything else.
     *
     * @param to the new status
     * @param now the time of the change
     * @return the changed copy
     * @throws io.luxaris.errors.ConflictException for a move the lifecycle forbids
     */
    public Schedule withStatus(ScheduleStatus to, Instant now) {
        if (to != status) {
            Lifecycle.requireSchedule(id, status, to);
        }
        return toBuilder().status(to).updatedAt(now).build();
    }

    /** {@return a builder starting from this schedule} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-and-modify builder; it does not check the lifecycle (use {@link #withStatus}). */
    public static final class Builder {
        private ScheduleId id;
        private PostId postId;
        private VariantId variantId;
        private ChannelId channelId;
        private ConnectionId connectionId;
        private Instant runAt;
        private ZoneId timezone;
        private ScheduleStatus status;
        private int attemptCount;
        private Instant nextAttemptAt;
        private Optional<Instant> lastAttemptAt;
        private Optional<String> errorCode;
        private Optional<String> errorMessage;
        private Optional<String> externalPostId;
        private Optional<String> externalUrl;
        private Optional<Lease> lease;
        private Map<String, String> checkpoint;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;
        private Optional<FollowUpLink> followUpOf;

        private Builder(Schedule s) {
            id = s.id;
            postId = s.postId;
            variantId = s.variantId;
            channelId = s.channelId;
            connectionId = s.connectionId;
            runAt = s.runAt;
            timezone = s.timezone;
            status = s.status;
            attemptCount = s.attemptCount;
            nextAttemptAt = s.nextAttemptAt;
            lastAttemptAt = s.lastAttemptAt;
            errorCode = s.errorCode;
            errorMessage = s.errorMessage;
            externalPostId = s.externalPostId;
            externalUrl = s.externalUrl;
            lease = s.lease;
            checkpoint = s.checkpoint;
            createdAt = s.createdAt;
            updatedAt = s.updatedAt;
            version = s.version;
            followUpOf = s.followUpOf;
        }

        /**
         * Sets the account to publish through.
         *
         * @param value the connection
         * @return this builder
         */
        public Builder connectionId(ConnectionId value) {
            connectionId = value;
            return this;
        }

        /**
         * Sets the intended instant.
         *
         * @param value the run time (UTC)
         * @return this builder
         */
        public Builder runAt(Instant value) {
            runAt = value;
            return this;
        }

        /**
         * Sets the author's zone.
         *
         * @param value the zone
         * @return this builder
         */
        public Builder timezone(ZoneId value) {
            timezone = value;
            return this;
        }

        /**
         * Sets the status, unchecked.
         *
         * @param value the status
         * @return this builder
         */
        public Builder status(ScheduleStatus value) {
            status = value;
            return this;
        }

        /**
         * Sets the attempt count.
         *
         * @param value the number of claims
         * @return this builder
         */
        public Builder attemptCount(int value) {
            attemptCount = value;
            return this;
        }

        /**
         * Sets when it is due next.
         *
         * @param value the due time
         * @return this builder
         */
        public Builder nextAttemptAt(Instant value) {
            nextAttemptAt = value;
            return this;
        }

        /**
         * Sets when it was last attempted.
         *
         * @param value the time of the last attempt
         * @return this builder
         */
        public Builder lastAttemptAt(Optional<Instant> value) {
            lastAttemptAt = value;
            return this;
        }

        /**
         * Sets the last failure.
         *
         * @param code the failure's code
         * @param message the failure's safe message
         * @return this builder
         */
        public Builder error(Optional<String> code, Optional<String> message) {
            errorCode = code;
            errorMessage = message;
            return this;
        }

        /**
         * Sets where the post is on the platform.
         *
         * @param postId the platform's id of the post
         * @param url the post's URL
         * @return this builder
         */
        public Builder external(Optional<String> postId, Optional<String> url) {
            externalPostId = postId;
            externalUrl = url;
            return this;
        }

        /**
         * Sets the engine's claim.
         *
         * @param value the lease, or empty when nobody holds it
         * @return this builder
         */
        public Builder lease(Optional<Lease> value) {
            lease = value;
            return this;
        }

        /**
         * Sets what a partial attempt already did.
         *
         * @param value the checkpoint
         * @return this builder
         */
        public Builder checkpoint(Map<String, String> value) {
            checkpoint = value;
            return this;
        }

        /**
         * Sets the time of the change.
         *
         * @param value the time
         * @return this builder
         */
        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /**
         * Sets the optimistic-locking version.
         *
         * @param value the version
         * @return this builder
         */
        public Builder version(long value) {
            version = value;
            return this;
        }

        /**
         * {@return the schedule}
         *
         * @throws NullPointerException when a required value was set to null
         * @throws IllegalArgumentException when the attempt count or the version is negative
         */
        public Schedule build() {
            return new Schedule(
                    id,
                    postId,
                    variantId,
                    channelId,
                    connectionId,
                    runAt,
                    timezone,
                    status,
                    attemptCount,
                    nextAttemptAt,
                    lastAttemptAt,
                    errorCode,
                    errorMessage,
                    externalPostId,
                    externalUrl,
                    lease,
                    checkpoint,
                    createdAt,
                    updatedAt,
                    version,
                    followUpOf);
        }
    }
}
