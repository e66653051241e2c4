package io.luxaris.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one publish attempt of a schedule: its outcome, the external id and URL on success, the failure
 * category, code and safe message otherwise, and a truncated raw response without secrets.
 *
 * @param id the event's id
 * @param scheduleId the schedule it belongs to
 * @param attemptIndex which attempt it records (the schedule's attempt count at the time)
 * @param timestamp when the attempt ended
 * @param status its outcome
 * @param externalPostId the platform's id of the post, on success
 * @param externalUrl the post's URL, on success when known
 * @param failureKind the category of a failure
 * @param errorCode the channel's code of a failure
 * @param errorMessage the safe message of a failure
 * @param rawResponse the platform's answer, truncated and without secrets (the redacted request in a dry run)
 */
public record PublishEvent(
        PublishEventId id,
        ScheduleId scheduleId,
        int attemptIndex,
        Instant timestamp,
        PublishEventStatus status,
        Optional<String> externalPostId,
        Optional<String> externalUrl,
        Optional<FailureKind> failureKind,
        Optional<String> errorCode,
        Optional<String> errorMessage,
        Optional<String> rawResponse) {
    /**
     * Checks the components.
     *
     * @param id the event's id
     * @param scheduleId the schedule it belongs to
     * @param attemptIndex which attempt it records (the schedule's attempt count at the time)
     * @param timestamp when the attempt ended
     * @param status its outcome
     * @param externalPostId the platform's id of the post, on success
     * @param externalUrl the post's URL, on success when known
     * @param failureKind the category of a failure
     * @param errorCode the channel's code of a failure
     * @param errorMessage the safe message of a failure
     * @param rawResponse the platform's answer, truncated and without secrets (the redacted request in a dry run)
     * @throws IllegalArgumentException when the attempt index is negative
     */
    public PublishEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheduleId, "scheduleId");
        if (attemptIndex < 0) {
            throw new IllegalArgumentException("attemptIndex must not be negative");
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(externalPostId, "externalPostId");
        Objects.requireNonNull(externalUrl, "externalUrl");
        Objects.requireNonNull(failureKind, "failureKind");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(rawResponse, "rawResponse");
    }

    /**
     * A successful attempt: the post is on the platform.
     *
     * @param scheduleId the schedule it belongs to
     * @param attemptIndex which attempt it records
     * @param timestamp when the attempt ended
     * @param externalPostId the platform's id of the post
     * @param externalUrl the post's URL, when known
     * @param rawResponse the platform's answer, truncated and without secrets
     * @return the event
     */
    public static PublishEvent success(
            ScheduleId scheduleId,
            int attemptIndex,
            Instant timestamp,
            String externalPostId,
            Optional<String> externalUrl,
            Optional<String> rawResponse) {
        return new PublishEvent(
                PublishEventId.random(),
                scheduleId,
                attemptIndex,
                timestamp,
                PublishEventStatus.SUCCESS,
                Optional.of(externalPostId),
                externalUrl,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                rawResponse);
    }

    /**
     * A failed attempt that is not tried again.
     *
     * @param scheduleId the schedule it belongs to
     * @param attemptIndex which attempt it records
     * @param timestamp when the attempt ended
     * @param failureKind the category of the failure, when known
     * @param errorCode the channel's code of the failure
     * @param errorMessage the safe message of the failure
     * @param rawResponse the platform's answer, truncated and without secrets
     * @return the event
     */
    public static PublishEvent failed(
            ScheduleId scheduleId,
            int attemptIndex,
            Instant timestamp,
            Optional<FailureKind> failureKind,
            String errorCode,
            String errorMessage,
            Optional<String> rawResponse) {
        return failure(
                scheduleId,
                attemptIndex,
                timestamp,
                PublishEventStatus.FAILED,
                failureKind,
                errorCode,
                errorMessage,
                rawResponse);
    }

    /**
     * A failed attempt after which the schedule is tried again.
     *
     * @param scheduleId the schedule it belongs to
     * @param attemptIndex which attempt it records
     * @param timestamp when the attempt ended
     * @param failureKind the category of the failure, when known
     * @param errorCode the channel's code of the failure
     * @param errorMessage the safe message of the failure
     * @param rawResponse the platform's answer, truncated and without secrets
     * @return the event
     */
    public static PublishEvent retried(
            ScheduleId scheduleId,
            int attemptIndex,
            Instant timestamp,
            Optional<FailureKind> failureKind,
            String errorCode,
            String errorMessage,
            Optional<String> rawResponse) {
        return failure(
                scheduleId,
                attemptIndex,
                timestamp,
                PublishEventStatus.RETRIED,
                failureKind,
                errorCode,
                errorMessage,
                rawResponse);
    }

    /**
     * An attempt whose outcome is unknown: the request may have reached the platform.
     *
     * @param scheduleId the schedule it belongs to
     * @param attemptIndex which attempt it records
     * @param timestamp when the attempt ended
     * @param failureKind the category of the failure, when known
     * @param errorCode the channel's code of the failure
     * @param errorMessage the safe message of the failure
     * @param rawResponse the platform's answer, truncated and without secrets
     * @return the event
     */
    public static PublishEvent unconfirmed(
            ScheduleId scheduleId,
            int attemptIndex,
            Instant timestamp,
            Optional<FailureKind> failureKind,
            String errorCode,
            String errorMessage,
            Optional<String> rawResponse) {
        return failure(
                scheduleId,
                attemptIndex,
                timestamp,
                PublishEventStatus.UNCONFIRMED,
                failureKind,
                errorCode,
                errorMessage,
                rawResponse);
    }

    /**
     * A schedule cancelled instead of (or after) an attempt.
     *
     * @param scheduleId the schedule it belongs to
     * @param attemptIndex the schedule's attempt count at the time
     * @param timestamp when it was cancelled
     * @param errorCode why, as a code
     * @param errorMessage why, as a safe message
     * @return the event
     */
    public static PublishEvent cancelled(
            ScheduleId scheduleId, int attemptIndex, Instant timestamp, String errorCode, String errorMessage) {
        return new PublishEvent(
                PublishEventId.random(),
                scheduleId,
                attemptIndex,
                timestamp,
                PublishEventStatus.CANCELLED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(errorCode),
                Optional.of(errorMessage),
                Optional.empty());
    }

    /**
     * A dry run: the request was built and validated, not sent.
     *
     * @param scheduleId the schedule it belongs to
     * @param attemptIndex which attempt it records
     * @param timestamp when the attempt ended
     * @param rawResponse the redacted request
     * @return the event
     */
    public static PublishEvent dryRun(
            ScheduleId scheduleId, int attemptIndex, Instant timestamp, Optional<String> rawResponse) {
        return new PublishEvent(
                PublishEventId.random(),
                scheduleId,
                attemptIndex,
                timestamp,
                PublishEventStatus.DRY_RUN,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                rawResponse);
    }

    /**
     * This event with a note in its code and message, e.g. a success found by looking the post up after the outcome
     * was unknown.
     *
     * @param code the note's code
     * @param message the note's safe message
     * @return the changed copy
     */
    public PublishEvent withNote(String code, String message) {
        return new PublishEvent(
                id,
                scheduleId,
                attemptIndex,
                timestamp,
                status,
                externalPostId,
                externalUrl,
                failureKind,
                Optional.of(code),
                Optional.of(message),
                rawResponse);
    }

    private static PublishEvent failure(
            ScheduleId scheduleId,
            int attemptIndex,
            Instant timestamp,
            PublishEventStatus status,
            Optional<FailureKind> failureKind,
            String errorCode,
            String errorMessage,
            Optional<String> rawResponse) {
        return new PublishEvent(
                PublishEventId.random(),
                scheduleId,
                attemptIndex,
                timestamp,
                status,
                Optional.empty(),
                Optional.empty(),
                failureKind,
                Optional.of(errorCode),
                Optional.of(errorMessage),
                rawResponse);
    }
}
