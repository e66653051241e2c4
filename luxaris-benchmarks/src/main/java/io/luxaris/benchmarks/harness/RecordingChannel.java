package io.luxaris.benchmarks.harness;

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

/**
 * Luxaris' side of the no-op work: a channel whose publisher maps the schedule to the harness' number, calls
 * {@link Recorder#called(int)} and answers with one shared {@code Published} outcome. With {@code lookup}, it can
 * look every post up as X, Bluesky and Threads can (the recorder knows whether a schedule was called), so the engine
 * claims its schedules straight to processing; without, it cannot (as LinkedIn's posts).
 */
final class RecordingChannel {
    static final String KEY = "noop";

    private static final ChannelDescriptor DESCRIPTOR =
            ChannelDescriptor.of("No-op (harness)", ChannelLimits.builder(500).build());
    private static final PublishOutcome PUBLISHED = PublishOutcome.published("noop-1", null);

    private RecordingChannel() {}

    static ChannelProvider create(Map<ScheduleId, Integer> numbers, Recorder recorder, boolean lookup) {
        return ChannelProvider.of(KEY, DESCRIPTOR, environment -> new ChannelPublisher() {
            @Override
            public PublishOutcome publish(PublishRequest request, PublishContext context) {
                Integer i = numbers.get(request.scheduleId());
                if (i == null) {
                    recorder.unknownCall();
                } else {
                    recorder.called(i);
                }
                return PUBLISHED;
            }

            @Override
            public boolean supportsLookup() {
                return lookup;
            }

            @Override
            public boolean supportsLookupForEveryRequest() {
                return lookup;
            }

            @Override
            public LookupResult lookup(PublishRequest request, PublishContext context) {
                Integer i = numbers.get(request.scheduleId());
                if (i == null) {
                    return new LookupResult.Unknown("not a schedule of this run");
                }
                return recorder.calls(i) > 0
                        ? new LookupResult.Found("noop-1", Optional.empty(), Map.of())
                        : new LookupResult.Absent();
            }
        });
    }
}
