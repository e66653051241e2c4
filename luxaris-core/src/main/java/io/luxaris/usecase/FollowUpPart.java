package io.luxaris.usecase;

import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.ScheduleId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one follow-up part of a published (or scheduled) variant stands: its own schedule's record, or why it has
 * none yet. See {@link Schedules#followUps}.
 *
 * @param index the follow-up's number in the variant, from 0
 * @param kind reply or comment
 * @param state where it stands
 * @param due when it is (or was) due, once its schedule exists
 * @param scheduleId its schedule (the latest, after a retry), once it exists
 * @param externalId the platform's id of the part, once published
 * @param externalUrl the part's URL, once published when known
 * @param errorCode the code of the last failure, when it failed or is being retried
 * @param errorMessage the safe message of the last failure
 */
public record FollowUpPart(
        int index,
        FollowUpKind kind,
        State state,
        Optional<Instant> due,
        Optional<ScheduleId> scheduleId,
        Optional<String> externalId,
        Optional<String> externalUrl,
        Optional<String> errorCode,
        Optional<String> errorMessage) {
    /**
     * Checks the components.
     *
     * @param index the follow-up's number in the variant, from 0
     * @param kind reply or comment
     * @param state where it stands
     * @param due when it is (or was) due
     * @param scheduleId its schedule
     * @param externalId the platform's id of the part
     * @param externalUrl the part's URL
     * @param errorCode the code of the last failure
     * @param errorMessage the safe message of the last failure
     */
    public FollowUpPart {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(externalUrl, "externalUrl");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
    }

    /** Where a follow-up part stands. */
    public enum State {
        /** The parts before it are not all published yet (it gets its schedule when the part before it is). */
        WAITING,
        /** Its schedule is due, being published, or waiting for a retry. */
        SCHEDULED,
        /** It is on the platform. */
        PUBLISHED,
        /** It failed for good; {@link Schedules#retryFollowUp} publishes it again and continues the chain. */
        FAILED,
        /** Its outcome is unknown (see unconfirmed schedules); the chain waits until it is resolved. */
        UNCONFIRMED,
        /** It was cancelled or skipped; the chain stops here. */
        CANCELLED,
        /** It was a dry run (nothing was sent); the chain stops here. */
        DRY_RUN,
        /** A part before it failed, was cancelled or was a dry run: it will not be posted unless that part is retried. */
        BLOCKED
    }
}
