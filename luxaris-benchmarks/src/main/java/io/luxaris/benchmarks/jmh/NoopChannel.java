package io.luxaris.benchmarks.jmh;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.ScheduleId;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A channel whose publisher does nothing and answers every call with the same {@code Published} outcome, so a
 * benchmark measures Luxaris and not the channel. (The testkit's {@code ScriptedChannel} records every call, which
 * is what tests want and what a throughput benchmark must not pay for.) {@link #lookingUpEveryPost()} is the same
 * channel able to look every post up, as X, Bluesky and Threads can (it keeps the ids it was called for), whose
 * schedules the engine claims straight to processing.
 */
final class NoopChannel {
    static final String KEY = "noop";

    private static final PublishOutcome PUBLISHED = PublishOutcome.published("noop-1", null);
    private static final ChannelPublisher PUBLISHER = (request, context) -> PUBLISHED;
    private static final ChannelDescriptor DESCRIPTOR =
            ChannelDescriptor.of("No-op", ChannelLimits.builder(500).build());

    private NoopChannel() {}

    static ChannelProvider create() {
        return ChannelProvider.of(KEY, DESCRIPTOR, environment -> PUBLISHER);
    }

    static ChannelProvider lookingUpEveryPost() {
        Set<ScheduleId> called = ConcurrentHashMap.newKeySet();
        ChannelPublisher publisher = new ChannelPublisher() {
            @Override
            public PublishOutcome publish(PublishRequest request, PublishContext context) {
                called.add(request.scheduleId());
                return PUBLISHED;
            }

            @Override
            public boolean supportsLookup() {
                return true;
            }

            @Override
            public boolean supportsLookupForEveryRequest() {
                return true;
            }

            @Override
            public LookupResult lookup(PublishRequest request, PublishContext context) {
                return called.contains(request.scheduleId())
                        ? new LookupResult.Found("noop-1", Optional.empty(), Map.of())
                        : new LookupResult.Absent();
            }
        };
        return ChannelProvider.of(KEY, DESCRIPTOR, environment -> publisher);
    }
}
