package io.luxaris.benchmarks.harness;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.ScheduleId;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.util.Map;

/**
 * Luxaris' side of the no-op work: a channel whose publisher maps the schedule to the harness' number, calls
 * {@link Recorder#called(int)} and answers with one shared {@code Published} outcome.
 */
final class RecordingChannel implements ChannelProvider {
    static final String KEY = "noop";

    private static final ChannelDescriptor DESCRIPTOR =
            ChannelDescriptor.of("No-op (harness)", ChannelLimits.builder(500).build());
    private static final PublishOutcome PUBLISHED = PublishOutcome.published("noop-1", null);

    private final Map<ScheduleId, Integer> numbers;
    private final Recorder recorder;

    RecordingChannel(Map<ScheduleId, Integer> numbers, Recorder recorder) {
        this.numbers = numbers;
        this.recorder = recorder;
    }

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
        return (PublishRequest request, PublishContext context) -> {
            Integer i = numbers.get(request.scheduleId());
            if (i == null) {
                recorder.unknownCall();
            } else {
                recorder.called(i);
            }
            return PUBLISHED;
        };
    }
}
