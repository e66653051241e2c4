package io.luxaris.benchmarks.jmh;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;

/**
 * A channel whose publisher does nothing and answers every call with the same {@code Published} outcome, so a
 * benchmark measures Luxaris and not the channel. (The testkit's {@code ScriptedChannel} records every call, which
 * is what tests want and what a throughput benchmark must not pay for.)
 */
final class NoopChannel {
    static final String KEY = "noop";

    private static final PublishOutcome PUBLISHED = PublishOutcome.published("noop-1", null);
    private static final ChannelPublisher PUBLISHER = (request, context) -> PUBLISHED;

    private NoopChannel() {}

    static ChannelProvider create() {
        return ChannelProvider.of(
                KEY, ChannelDescriptor.of("No-op", ChannelLimits.builder(500).build()), environment -> PUBLISHER);
    }
}
