package io.luxaris.examples.multinode;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.ScheduleId;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * The demo's stand-in for a social platform, written against the channel SPI: every node registers its own
 * instance (named after the node) and all of them post into one shared {@link Ledger}, which therefore sees what
 * the platform would see: which schedule was posted, how often, and by which node. A publish takes {@code latency}
 * so that the three engines have work in flight at the same time.
 */
final class CountingChannel implements ChannelProvider {
    static final String KEY = "demo";

    private final String node;
    private final Ledger ledger;
    private final Duration latency;

    CountingChannel(String node, Ledger ledger, Duration latency) {
        this.node = Objects.requireNonNull(node, "node");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public ChannelDescriptor descriptor() {
        return ChannelDescriptor.of(
                "Demo platform (counts posts)", ChannelLimits.builder(280).build());
    }

    @Override
    public ChannelPublisher createPublisher(ChannelEnvironment environment) {
        return new ChannelPublisher() {
            @Override
            public PublishOutcome publish(PublishRequest request, PublishContext context) {
                try {
                    Thread.sleep(latency.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    // the post was not created: the "platform" is only reached after the delay
                    return PublishOutcome.failed(FailureKind.RETRYABLE, "interrupted", "the node is shutting down");
                }
                ScheduleId schedule = request.scheduleId();
                long id = ledger.record(schedule, node, environment.clock().instant());
                return PublishOutcome.published("demo-" + id, "https://demo.invalid/posts/" + id);
            }
        };
    }
}
