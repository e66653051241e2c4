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
}
