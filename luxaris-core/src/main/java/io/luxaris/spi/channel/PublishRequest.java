package io.luxaris.spi.channel;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.ScheduleId;
import io.luxaris.internal.Args;
import java.util.Map;
import java.util.Objects;

/**
 * One publish attempt: the variant to post, the account to post as, and the checkpoint of an earlier partial
 * attempt (thread parts already posted) so they are not posted again.
 */
public record PublishRequest(
        ScheduleId scheduleId,
        int attempt,
        PostVariant variant,
        ChannelConnection connection,
        Map<String, String> checkpoint) {
    public PublishRequest {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Args.positive(attempt, "attempt");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
        checkpoint = Args.orderedCopy(checkpoint, "checkpoint");
    }

    /** Stable per attempt; send it where a platform supports idempotency keys. */
    public String idempotencyKey() {
        return scheduleId + "-" + attempt;
    }
}
