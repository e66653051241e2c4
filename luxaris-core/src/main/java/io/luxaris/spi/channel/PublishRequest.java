package io.luxaris.spi.channel;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.ScheduleId;
import io.luxaris.util.Args;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One publish attempt: the variant to post, the account to post as, and the checkpoint of an earlier partial attempt
 * (thread parts already posted) so they are not posted again. A follow-up publish (a reply or comment posted after the
 * variant's post, see {@link io.luxaris.domain.FollowUp}) carries its {@link FollowUpTarget}; its variant's content is
 * then the follow-up's text.
 *
 * @param scheduleId the schedule being published
 * @param attempt the attempt number, from 1
 * @param variant what to post
 * @param connection the account to post as
 * @param checkpoint what earlier attempts already did
 * @param followUp what this publish replies to or comments on, when it is a follow-up part
 */
public record PublishRequest(
        ScheduleId scheduleId,
        int attempt,
        PostVariant variant,
        ChannelConnection connection,
        Map<String, String> checkpoint,
        Optional<FollowUpTarget> followUp) {
    /**
     * Checks the components and copies the checkpoint.
     *
     * @param scheduleId the schedule being published
     * @param attempt the attempt number, from 1
     * @param variant what to post
     * @param connection the account to post as
     * @param checkpoint what earlier attempts already did
     * @param followUp what this publish replies to or comments on, when it is a follow-up part
     * @throws IllegalArgumentException when the attempt is not positive
     */
    public PublishRequest {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Args.positive(attempt, "attempt");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
        checkpoint = Args.orderedCopy(checkpoint, "checkpoint");
        Objects.requireNonNull(followUp, "followUp");
    }

    /**
     * A publish of a variant's own post (not a follow-up).
     *
     * @param scheduleId the schedule being published
     * @param attempt the attempt number, from 1
     * @param variant what to post
     * @param connection the account to post as
     * @param checkpoint what earlier attempts already did
     * @throws IllegalArgumentException when the attempt is not positive
     */
    public PublishRequest(
            ScheduleId scheduleId,
            int attempt,
            PostVariant variant,
            ChannelConnection connection,
            Map<String, String> checkpoint) {
        this(scheduleId, attempt, variant, connection, checkpoint, Optional.empty());
    }

    /**
     * Stable per attempt; send it where a platform supports idempotency keys.
     *
     * @return the schedule id and the attempt number
     */
    public String idempotencyKey() {
        return scheduleId + "-" + attempt;
    }
}
