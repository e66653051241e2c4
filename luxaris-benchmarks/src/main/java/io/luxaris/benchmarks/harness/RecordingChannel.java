package io.luxaris.benchmarks.harness;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.ScheduleId;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.PublishOutcome;
import java.util.Map;

/**
 * Luxaris' side of the no-op work: a channel whose publisher maps the schedule to the harness' number, calls
 * {@link Recorder#called(int)} and answers with one shared {@code Published} outcome.
 */
final class RecordingChannel {
    static final String KEY = "noop";

    private static final ChannelDescriptor DESCRIPTOR =
            ChannelDescriptor.of("No-op (harness)", ChannelLimits.builder(500).build());
    private static final PublishOutcome PUBLISHED = PublishOutcome.published("noop-1", null);

    private RecordingChannel() {}

    static ChannelProvider create(Map<ScheduleId, Integer> numbers, Recorder recorder) {
        return ChannelProvider.of(KEY, DESCRIPTOR, environment -> (request, context) -> {
            Integer i = numbers.get(request.scheduleId());
            if (i == null) {
                recorder.unknownCall();
            } else {
                recorder.called(i);
            }
            return PUBLISHED;
        });
    }
}
