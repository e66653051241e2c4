package io.luxaris.events;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import java.time.Instant;
import java.util.Objects;

/** Lifecycle events a host can react to. Events carry no secrets. */
public sealed interface LuxarisEvent {
    /**
     * When it happened.
     *
     * @return the time of the change, by the instance's clock
     */
    Instant at();

    /**
     * A schedule was created.
     *
     * @param at when it happened
     * @param schedule the new schedule
     */
    record Scheduled(Instant at, Schedule schedule) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the new schedule
         */
        public Scheduled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /**
     * A pending schedule was moved to another time or connection.
     *
     * @param at when it happened
     * @param schedule the schedule as moved
     */
    record Rescheduled(Instant at, Schedule schedule) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the schedule as moved
         */
        public Rescheduled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /**
     * A schedule was cancelled (by its author, or because its post was archived).
     *
     * @param at when it happened
     * @param schedule the cancelled schedule
     */
    record Cancelled(Instant at, Schedule schedule) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the cancelled schedule
         */
        public Cancelled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /**
     * The engine is about to call the channel (the schedule is processing, committed).
     *
     * @param at when it happened
     * @param schedule the schedule being published
     */
    record PublishStarted(Instant at, Schedule schedule) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the schedule being published
         */
        public PublishStarted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /**
     * The post is on the platform.
     *
     * @param at when it happened
     * @param schedule the published schedule (its external post id and URL set)
     * @param event the successful attempt
     */
    record Published(Instant at, Schedule schedule, PublishEvent event) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the published schedule (its external post id and URL set)
         * @param event the successful attempt
         */
        public Published {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * Publishing failed for good (rejected, revoked, or attempts exhausted).
     *
     * @param at when it happened
     * @param schedule the failed schedule
     * @param event the last attempt, with the failure's code and message
     */
    record PublishFailed(Instant at, Schedule schedule, PublishEvent event) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the failed schedule
         * @param event the last attempt, with the failure's code and message
         */
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
     *
     * @param at when it happened
     * @param schedule the schedule, ended {@code dry_run}
     * @param event the attempt, with the redacted preview of the request
     */
    record DryRun(Instant at, Schedule schedule, PublishEvent event) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the schedule, ended {@code dry_run}
         * @param event the attempt, with the redacted preview of the request
         */
        public DryRun {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * An attempt failed and another is planned at {@code schedule.nextAttemptAt()}.
     *
     * @param at when it happened
     * @param schedule the schedule, pending again with its next attempt time
     * @param event the failed attempt
     */
    record RetryScheduled(Instant at, Schedule schedule, PublishEvent event) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the schedule, pending again with its next attempt time
         * @param event the failed attempt
         */
        public RetryScheduled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * The outcome of an attempt is unknown; it will not be retried automatically. Resolve it by hand.
     *
     * @param at when it happened
     * @param schedule the unconfirmed schedule
     * @param reason why the outcome is unknown, safe to show
     */
    record Unconfirmed(Instant at, Schedule schedule, String reason) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the unconfirmed schedule
         * @param reason why the outcome is unknown, safe to show
         */
        public Unconfirmed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The engine did not publish (post archived, connection revoked, too late) and says why.
     *
     * @param at when it happened
     * @param schedule the skipped schedule
     * @param reason why it was not published, safe to show
     */
    record Skipped(Instant at, Schedule schedule, String reason) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the skipped schedule
         * @param reason why it was not published, safe to show
         */
        public Skipped {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The connection's authorization is gone; the user must reconnect. Sent once per loss.
     *
     * @param at when it happened
     * @param connection the connection, now needing reauthorization
     * @param reason why, safe to show (never a token)
     */
    record ConnectionNeedsReauthorization(Instant at, ChannelConnection connection, String reason)
            implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param connection the connection, now needing reauthorization
         * @param reason why, safe to show (never a token)
         */
        public ConnectionNeedsReauthorization {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The connection's access token expires soon ({@code expiresAt}) and cannot be refreshed: ask the user to reconnect
     * before it does. Sent at most once per connection and expiry by an engine instance.
     *
     * @param at when it happened
     * @param connection the connection
     * @param expiresAt when its access token expires
     */
    record ConnectionExpiringSoon(Instant at, ChannelConnection connection, Instant expiresAt) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param connection the connection
         * @param expiresAt when its access token expires
         */
        public ConnectionExpiringSoon {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * A new schedule needs approval and is held as {@code awaiting_approval}; the engine will not publish it before a
     * principal approves it.
     *
     * @param at when it happened
     * @param schedule the held schedule
     * @param principalId who scheduled it
     */
    record ApprovalRequested(Instant at, Schedule schedule, String principalId) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the held schedule
         * @param principalId who scheduled it
         */
        public ApprovalRequested {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(principalId, "principalId");
        }
    }

    /**
     * A held schedule was approved: it is pending again (or skipped, when it was already too late; a {@link Skipped}
     * event follows then).
     *
     * @param at when it happened
     * @param schedule the schedule as approved
     * @param principalId who approved it
     * @param note the approver's note, if any
     */
    record Approved(Instant at, Schedule schedule, String principalId, java.util.Optional<String> note)
            implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the schedule as approved
         * @param principalId who approved it
         * @param note the approver's note, if any
         */
        public Approved {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(principalId, "principalId");
            Objects.requireNonNull(note, "note");
        }
    }

    /**
     * A held schedule was rejected: it is cancelled with the error code {@code approval_rejected}.
     *
     * @param at when it happened
     * @param schedule the cancelled schedule
     * @param principalId who rejected it
     * @param note the reviewer's note, if any
     */
    record Rejected(Instant at, Schedule schedule, String principalId, java.util.Optional<String> note)
            implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param schedule the cancelled schedule
         * @param principalId who rejected it
         * @param note the reviewer's note, if any
         */
        public Rejected {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(principalId, "principalId");
            Objects.requireNonNull(note, "note");
        }
    }

    /**
     * A recurring series was created; the schedules of its first occurrences follow as {@link Scheduled} events.
     *
     * @param at when it happened
     * @param series the new series
     */
    record SeriesCreated(Instant at, io.luxaris.domain.RecurringSeries series) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param series the new series
         */
        public SeriesCreated {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(series, "series");
        }
    }

    /**
     * A recurring series' rule or variations changed: its future not-yet-claimed schedules were cancelled ({@link
     * Cancelled} events) and those of the new rule made ({@link Scheduled} events).
     *
     * @param at when it happened
     * @param series the series as changed
     */
    record SeriesUpdated(Instant at, io.luxaris.domain.RecurringSeries series) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param series the series as changed
         */
        public SeriesUpdated {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(series, "series");
        }
    }

    /**
     * A recurring series was cancelled: no new occurrences; its future not-yet-claimed schedules were cancelled
     * ({@link Cancelled} events).
     *
     * @param at when it happened
     * @param series the cancelled series
     */
    record SeriesCancelled(Instant at, io.luxaris.domain.RecurringSeries series) implements LuxarisEvent {
        /**
         * Checks the components are set.
         *
         * @param at when it happened
         * @param series the cancelled series
         */
        public SeriesCancelled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(series, "series");
        }
    }
}
