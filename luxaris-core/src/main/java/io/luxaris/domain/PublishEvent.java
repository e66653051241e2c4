package io.luxaris.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one publish attempt of a schedule: its outcome, the external id and URL on success, the failure
 * category, code and safe message otherwise, and a truncated raw response without secrets.
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
