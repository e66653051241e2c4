package io.luxaris.spi.channel;

import io.luxaris.domain.FailureKind;
import io.luxaris.util.Args;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a publish attempt achieved: {@link Published}, {@link Failed}, or {@link DryRun} (built, not sent). Luxaris
 * truncates {@code rawResponse} and scrubs every credential value out of it and out of messages before storing,
 * but publishers should not put secrets there in the first place.
 */
public sealed interface PublishOutcome {
    /**
     * The platform's answer, for the record.
     *
     * @return the raw response; Luxaris truncates and scrubs it before storing
     */
    Optional<String> rawResponse();

    /**
     * State to keep for the next attempt (thread parts already posted); empty when there is none.
     *
     * @return the checkpoint
     */
    Map<String, String> checkpoint();

    /**
     * A success.
     *
     * @param externalId the platform's id of the post
     * @param url the post's URL, or null
     * @return the outcome
     */
    static Published published(String externalId, String url) {
        return new Published(externalId, Optional.ofNullable(url), Optional.empty(), Map.of());
    }

    /**
     * A failure.
     *
     * @param kind what the engine does next
     * @param code a short stable identifier, such as {@code duplicate_content}
     * @param safeMessage for people; no secret
     * @return the outcome
     */
    static Failed failed(FailureKind kind, String code, String safeMessage) {
        return new Failed(kind, code, safeMessage, Optional.empty(), Optional.empty(), Map.of());
    }

    /**
     * A dry run: the request was built and validated but deliberately not sent. {@code preview} shows what would have
     * been sent, with every credential redacted.
     *
     * @param preview the redacted request
     * @return the outcome
     */
    static DryRun dryRun(String preview) {
        return new DryRun(preview);
    }

    /**
     * A rate-limit failure with the platform's reset time.
     *
     * @param code a short stable identifier, such as {@code http_429}
     * @param safeMessage for people; no secret
     * @param retryAt when the platform allows the next try
     * @return the outcome
     */
    static Failed rateLimited(String code, String safeMessage, Instant retryAt) {
        return new Failed(
                FailureKind.RATE_LIMITED, code, safeMessage, Optional.of(retryAt), Optional.empty(), Map.of());
    }

    /**
     * The post exists on the platform.
     *
     * @param externalId the platform's id of the post
     * @param url the post's URL, when known
     * @param rawResponse the platform's answer
     * @param checkpoint state of the attempt (thread parts posted)
     */
    record Published(
            String externalId, Optional<String> url, Optional<String> rawResponse, Map<String, String> checkpoint)
            implements PublishOutcome {
        /**
         * Checks the components and copies the checkpoint.
         *
         * @param externalId the platform's id of the post
         * @param url the post's URL, when known
         * @param rawResponse the platform's answer
         * @param checkpoint state of the attempt (thread parts posted)
         * @throws IllegalArgumentException when the external id is blank
         */
        public Published {
            Args.nonBlank(externalId, "externalId");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(rawResponse, "rawResponse");
            checkpoint = Args.orderedCopy(checkpoint, "checkpoint");
        }

        /**
         * This outcome with the platform's answer.
         *
         * @param raw the answer, or null
         * @return the changed copy
         */
        public Published withRawResponse(String raw) {
            return new Published(externalId, url, Optional.ofNullable(raw), checkpoint);
        }
    }

    /**
     * The attempt failed. {@code code} is a short stable identifier ({@code duplicate_content}, {@code http_503});
     * {@code safeMessage} is for people; {@code retryAt} is the platform's own retry time when known.
     *
     * @param kind what the engine does next
     * @param code a short stable identifier
     * @param safeMessage for people; no secret
     * @param retryAt the platform's own retry time, when known
     * @param rawResponse the platform's answer
     * @param checkpoint state of the attempt (thread parts posted before the failure)
     */
    record Failed(
            FailureKind kind,
            String code,
            String safeMessage,
            Optional<Instant> retryAt,
            Optional<String> rawResponse,
            Map<String, String> checkpoint)
            implements PublishOutcome {
        /**
         * Checks the components and copies the checkpoint.
         *
         * @param kind what the engine does next
         * @param code a short stable identifier
         * @param safeMessage for people; no secret
         * @param retryAt the platform's own retry time, when known
         * @param rawResponse the platform's answer
         * @param checkpoint state of the attempt (thread parts posted before the failure)
         * @throws IllegalArgumentException when the code is blank
         */
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Args.nonBlank(code, "code");
            Objects.requireNonNull(safeMessage, "safeMessage");
            Objects.requireNonNull(retryAt, "retryAt");
            Objects.requireNonNull(rawResponse, "rawResponse");
            checkpoint = Args.orderedCopy(checkpoint, "checkpoint");
        }

        /**
         * This outcome with the platform's answer.
         *
         * @param raw the answer, or null
         * @return the changed copy
         */
        public Failed withRawResponse(String raw) {
            return new Failed(kind, code, safeMessage, retryAt, Optional.ofNullable(raw), checkpoint);
        }

        /**
         * This outcome with the state of the attempt.
         *
         * @param state what the attempt already did
         * @return the changed copy
         */
        public Failed withCheckpoint(Map<String, String> state) {
            return new Failed(kind, code, safeMessage, retryAt, rawResponse, state);
        }

        /**
         * This outcome with the platform's retry time.
         *
         * @param at when the platform allows the next try
         * @return the changed copy
         */
        public Failed withRetryAt(Instant at) {
            return new Failed(kind, code, safeMessage, Optional.of(at), rawResponse, checkpoint);
        }
    }

    /**
     * A dry run, for a channel in dry-run mode (a staging environment, a demo): the request was built and validated
     * exactly as it would be sent, and deliberately not sent; nothing exists on the platform. It is neither a
     * success nor a failure: the schedule ends {@link io.luxaris.domain.ScheduleStatus#DRY_RUN dry_run}, its
     * publish event is {@link io.luxaris.domain.PublishEventStatus#DRY_RUN dry_run} with the preview as its raw
     * response, and listeners get {@code LuxarisEvent.DryRun} (never {@code PublishFailed}). Never retried.
     *
     * @param preview what would have been sent (method, URL, body), with every credential redacted; stored as the
     *     publish event's raw response (truncated, scrubbed again)
     */
    record DryRun(String preview) implements PublishOutcome {
        /**
         * Checks the preview is set.
         *
         * @param preview what would have been sent, with every credential redacted
         */
        public DryRun {
            Objects.requireNonNull(preview, "preview");
        }

        /**
         * The preview: a dry run has no response, what is kept is what would have been sent.
         *
         * @return the preview
         */
        @Override
        public Optional<String> rawResponse() {
            return Optional.of(preview);
        }

        /**
         * Nothing was posted, so there is nothing to continue from.
         *
         * @return an empty map
         */
        @Override
        public Map<String, String> checkpoint() {
            return Map.of();
        }
    }
}
