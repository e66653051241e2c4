package io.luxaris.internal.engine;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.ChannelStatus;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Lease;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.spi.engine.PublishJob;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claimed jobs for tests that do not need a store: one connection per account name, one channel per key, each job
 * a new schedule claimed (attempt 1) by {@link #OWNER}.
 */
final class Jobs {
    static final String OWNER = "engine-under-test";
    static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    private final Map<String, ChannelConnection> connections = new HashMap<>();

    /** A new claimed job for {@code account} on {@code channel}. */
    PublishJob job(String channel, String account) {
        return job(channel, account, 1);
    }

    /** A new claimed job at the given attempt. */
    PublishJob job(String channel, String account, int attempt) {
        ChannelConnection connection = connection(channel, account);
        PostId post = PostId.random();
        var variant = new PostVariant(
                VariantId.random(),
                post,
                connection.channelId(),
                Optional.of(connection.id()),
                "text of a post for " + account,
                List.of(),
                List.of(),
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.READY,
                Map.of(),
                T0,
                T0,
                Optional.empty(),
                0);
        Schedule pending = Schedule.pending(variant, connection.id(), T0, ZoneOffset.UTC, T0);
        Schedule claimed = pending.toBuilder()
                .status(ScheduleStatus.QUEUED)
                .attemptCount(attempt)
                .lease(Optional.of(new Lease(OWNER, T0.plusSeconds(60))))
                .build();
        return new PublishJob(claimed, variant, connection, channel(channel));
    }

    /** The same connection for the same channel and account name. */
    ChannelConnection connection(String channel, String account) {
        return connections.computeIfAbsent(
                channel + "/" + account,
                k -> new ChannelConnection(
                        ConnectionId.random(),
                        "alice",
                        ChannelId.forKey(channel),
                        account,
                        ConnectionStatus.CONNECTED,
                        Optional.empty(),
                        Map.of(),
                        Optional.empty(),
                        Optional.empty(),
                        T0,
                        T0,
                        Optional.empty(),
                        0));
    }

    static Channel channel(String key) {
        return new Channel(
                ChannelId.forKey(key),
                key,
                key,
                ChannelStatus.ACTIVE,
                ChannelLimits.builder(280).build(),
                T0,
                T0);
    }

    static ScheduleId id(PublishJob job) {
        return job.schedule().id();
    }
}
