package io.luxaris.spi.engine;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.spi.storage.Fence;
import java.util.Objects;

/** A claimed schedule with what publishing it needs. */
public record PublishJob(Schedule schedule, PostVariant variant, ChannelConnection connection, Channel channel) {
    public PublishJob {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(channel, "channel");
        if (schedule.lease().isEmpty()) {
            throw new IllegalArgumentException("a publish job needs a claimed (leased) schedule");
        }
    }

    public Fence fence() {
        return new Fence(
                schedule.id(),
                schedule.attemptCount(),
                schedule.lease().orElseThrow().owner());
    }
}
