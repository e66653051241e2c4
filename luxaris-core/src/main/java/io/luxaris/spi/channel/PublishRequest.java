package io.luxaris.spi.channel;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.ScheduleId;
import io.luxaris.internal.Args;
import java.util.Map;
import java.util.Objects;

/**
 * One publish attempt: the variant to post, the account to post as, and the checkpoint of an earlier partial attempt
 * (thread parts already posted) so they are not posted again.
 *
 * @param scheduleId the schedule being published
 * @param attempt the attempt number, from 1
 * @param variant what to post
 * @param connection the account to post as
 * @param checkpoint what earlier attempts already did
 */
public record PublishRequest(
        ScheduleId scheduleId,
        int attempt,
        PostVariant variant,
        ChannelConnection connection,
        Map<String, String> checkpoint) {
    /**
     * Checks the components and copies the checkpoint.
     *
     * @param scheduleId the schedule being published
     * @param attempt the attempt number, from 1
     * @param variant what to post
     * @param connection the account to post as
     * @param checkpoint what earlier attempts already did
     * @throws IllegalArgumentException when the attempt is not positive
     */
    public PublishRequest {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Args.positive(attempt, "attempt");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
        checkpoint = Args.orderedCopy(checkpoint, "checkpoint");
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
