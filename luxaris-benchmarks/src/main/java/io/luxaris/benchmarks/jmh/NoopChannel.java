package io.luxaris.benchmarks.jmh;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;

/**
 * A channel whose publisher does nothing and answers every call with the same {@code Published} outcome, so a
 * benchmark measures Luxaris and not the channel. (The testkit's {@code ScriptedChannel} records every call, which
 * is what tests want and what a throughput benchmark must not pay for.)
 */
final class NoopChannel implements ChannelProvider {
    static final String KEY = "noop";

    private static final ChannelDescriptor DESCRIPTOR =
            ChannelDescriptor.of("No-op", ChannelLimits.builder(500).build());
    private static final PublishOutcome PUBLISHED = PublishOutcome.published("noop-1", null);

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ChannelPublisher createPublisher(ChannelEnvironment environment) {
        return new Publisher();
    }

    private static final class Publisher implements ChannelPublisher {
        @Override
        public PublishOutcome publish(PublishRequest request, PublishContext context) {
            return PUBLISHED;
        }
    }
}
