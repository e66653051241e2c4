package io.luxaris.spi.engine;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.spi.storage.Fence;
import java.util.Objects;

/**
 * A claimed schedule with what publishing it needs.
 *
 * @param schedule the claimed schedule, with its lease
 * @param variant the variant it publishes
 * @param connection the account it publishes through
 * @param channel the variant's channel
 */
public record PublishJob(Schedule schedule, PostVariant variant, ChannelConnection connection, Channel channel) {
    /**
     * Checks the components; the schedule must be leased.
     *
     * @param schedule the claimed schedule, with its lease
     * @param variant the variant it publishes
     * @param connection the account it publishes through
     * @param channel the variant's channel
     * @throws IllegalArgumentException when the schedule has no lease
     */
    public PublishJob {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(channel, "channel");
        if (schedule.lease().isEmpty()) {
            throw new IllegalArgumentException("a publish job needs a claimed (leased) schedule");
        }
    }

    /** {@return what the stored schedule must still match for this job's writes to count} */
    public Fence fence() {
        return new Fence(
                schedule.id(),
                schedule.attemptCount(),
                schedule.lease().orElseThrow().owner());
    }
}
