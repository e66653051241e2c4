package io.luxaris.usecase;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.TextMeasure;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;

/**
 * The smallest channel for core's own tests (core cannot use the testkit, which depends on it): text up to the
 * largest variant content, four images, threads; it measures with the given measure and never publishes.
 */
final class TestChannel implements ChannelProvider {
    private final String key;
    private final TextMeasure measure;

    private TestChannel(String key, TextMeasure measure) {
        this.key = key;
        this.measure = measure;
    }

    static TestChannel of(String key) {
        return new TestChannel(key, TextMeasure.codePoints());
    }

    static TestChannel measuring(String key, TextMeasure measure) {
        return new TestChannel(key, measure);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public ChannelDescriptor descriptor() {
        return ChannelDescriptor.of(
                "Test " + key,
                ChannelLimits.builder(io.luxaris.domain.Limits.VARIANT_CONTENT)
                        .images(4)
                        .threads(io.luxaris.domain.Limits.THREAD_PARTS)
                        .build());
    }

    @Override
    public TextMeasure textMeasure() {
        return measure;
    }

    @Override
    public ChannelPublisher createPublisher(ChannelEnvironment environment) {
        return (request, context) ->
                PublishOutcome.failed(FailureKind.REJECTED, "test", "the test channel does not publish");
    }
}
