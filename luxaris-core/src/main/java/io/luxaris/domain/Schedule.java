package io.luxaris.domain;

import io.luxaris.domain.rules.Lifecycle;
import io.luxaris.internal.Args;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An instruction to publish one variant through one connection. {@code runAt} is the author's intended instant
 * (UTC) and {@code timezone} the zone they chose it in; retries move {@code nextAttemptAt} only. {@code
 * attemptCount} counts claims by an engine and fences late writers together with the lease owner. {@code
 * checkpoint} keeps what a partial attempt already did (posted thread parts) so a retry does not repeat it.
 * Schedules are never deleted.
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
        long version) {
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
    }

    /** A new pending schedule. */
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

    /** The local date-time the author chose, in their zone. */
    public java.time.ZonedDateTime localRunAt() {
        return runAt.atZone(timezone);
    }

    /** Moves to another status (lifecycle-checked), keeping everything else. */
    public Schedule withStatus(ScheduleStatus to, Instant now) {
        if (to != status) {
            Lifecycle.requireSchedule(id, status, to);
        }
        return toBuilder().status(to).updatedAt(now).build();
    }

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
        }

        public Builder connectionId(ConnectionId value) {
            connectionId = value;
            return this;
        }

        public Builder runAt(Instant value) {
            runAt = value;
            return this;
        }

        public Builder timezone(ZoneId value) {
            timezone = value;
            return this;
        }

        public Builder status(ScheduleStatus value) {
            status = value;
            return this;
        }

        public Builder attemptCount(int value) {
            attemptCount = value;
            return this;
        }

        public Builder nextAttemptAt(Instant value) {
            nextAttemptAt = value;
            return this;
        }

        public Builder lastAttemptAt(Optional<Instant> value) {
            lastAttemptAt = value;
            return this;
        }

        public Builder error(Optional<String> code, Optional<String> message) {
            errorCode = code;
            errorMessage = message;
            return this;
        }

        public Builder external(Optional<String> postId, Optional<String> url) {
            externalPostId = postId;
            externalUrl = url;
            return this;
        }

        public Builder lease(Optional<Lease> value) {
            lease = value;
            return this;
        }

        public Builder checkpoint(Map<String, String> value) {
            checkpoint = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

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
                    version);
        }
    }
}
