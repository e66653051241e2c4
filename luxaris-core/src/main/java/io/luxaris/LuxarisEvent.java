package io.luxaris;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import java.time.Instant;
import java.util.Objects;

/** Lifecycle events a host can react to. Events carry no secrets. */
public sealed interface LuxarisEvent {
    /** When it happened. */
    Instant at();

    /** A schedule was created. */
    record Scheduled(Instant at, Schedule schedule) implements LuxarisEvent {
        public Scheduled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /** A pending schedule was moved to another time or connection. */
    record Rescheduled(Instant at, Schedule schedule) implements LuxarisEvent {
        public Rescheduled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /** A schedule was cancelled (by its author, or because its post was archived). */
    record Cancelled(Instant at, Schedule schedule) implements LuxarisEvent {
        public Cancelled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /** The engine is about to call the channel (the schedule is processing, committed). */
    record PublishStarted(Instant at, Schedule schedule) implements LuxarisEvent {
        public PublishStarted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /** The post is on the platform. */
    record Published(Instant at, Schedule schedule, PublishEvent event) implements LuxarisEvent {
        public Published {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(event, "event");
        }
    }

    /** Publishing failed for good (rejected, revoked, or attempts exhausted). */
    record PublishFailed(Instant at, Schedule schedule, PublishEvent event) implements LuxarisEvent {
        public PublishFailed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A dry run: the channel is in dry-run mode, built and validated the request and did not send it ({@code
     * event.rawResponse()} is the redacted preview). Not a failure: the schedule ends {@code dry_run}, nothing is on
     * the platform, and nothing will be retried.
     */
    record DryRun(Instant at, Schedule schedule, PublishEvent event) implements LuxarisEvent {
        public DryRun {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(event, "event");
        }
    }

    /** An attempt failed and another is planned at {@code schedule.nextAttemptAt()}. */
    record RetryScheduled(Instant at, Schedule schedule, PublishEvent event) implements LuxarisEvent {
        public RetryScheduled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(event, "event");
        }
    }

    /** The outcome of an attempt is unknown; it will not be retried automatically. Resolve it by hand. */
    record Unconfirmed(Instant at, Schedule schedule, String reason) implements LuxarisEvent {
        public Unconfirmed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The engine did not publish (post archived, connection revoked, too late) and says why. */
    record Skipped(Instant at, Schedule schedule, String reason) implements LuxarisEvent {
        public Skipped {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The connection's authorization is gone; the user must reconnect. Sent once per loss. */
    record ConnectionNeedsReauthorization(Instant at, ChannelConnection connection, String reason)
            implements LuxarisEvent {
        public ConnectionNeedsReauthorization {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The connection's access token expires soon ({@code expiresAt}) and cannot be refreshed: ask the user to
     * reconnect before it does. Sent at most once per connection and expiry by an engine instance.
     */
    record ConnectionExpiringSoon(Instant at, ChannelConnection connection, Instant expiresAt) implements LuxarisEvent {
        public ConnectionExpiringSoon {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
