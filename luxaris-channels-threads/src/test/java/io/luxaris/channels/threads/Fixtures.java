package io.luxaris.channels.threads;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.http.testing.ChannelFixtures;
import io.luxaris.http.testing.MemoryPublishContext;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Domain objects, a publish context and a channel pointed at the fake, for publisher tests. */
final class Fixtures {
    /** The first bytes of a PNG file, and a little more. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    private Fixtures() {}

    static PostVariant variant(String content, List<String> thread, List<MediaRef> media) {
        Instant now = Instant.now();
        return variant(content, thread, media, now);
    }

    static PostVariant variant(String content, List<String> thread, List<MediaRef> media, Instant updatedAt) {
        return ChannelFixtures.variant(ThreadsChannel.KEY, content, thread, media, Map.of(), updatedAt);
    }

    static PostVariant variant(String content) {
        return variant(content, List.of(), List.of());
    }

    static ChannelConnection connection(Map<String, String> properties) {
        return ChannelFixtures.connection(ThreadsChannel.KEY, "@" + FakeThreads.USERNAME, properties, Instant.now());
    }

    /** A connection that knows its user id. */
    static ChannelConnection connection() {
        return connection(Map.of(ThreadsChannel.PROPERTY_USER_ID, FakeThreads.USER_ID));
    }

    static PublishRequest request(PostVariant variant, ChannelConnection connection) {
        return ChannelFixtures.request(variant, connection);
    }

    static PublishRequest request(PostVariant variant) {
        return request(variant, connection());
    }

    /** The same schedule's next attempt, with the checkpoint the engine kept. */
    static PublishRequest retry(PublishRequest earlier, Map<String, String> checkpoint) {
        return ChannelFixtures.retry(earlier, checkpoint);
    }

    static ChannelEnvironment environment(MediaSource media) {
        return ChannelFixtures.environment(Clock.systemUTC(), media);
    }

    static ChannelEnvironment environment() {
        return environment(MediaSource.none());
    }

    /** A media source with PNG bytes for every reference. */
    static MediaSource pngs() {
        return ref -> MediaContent.of("image/png", PNG);
    }

    /** A channel pointed at the fake server with short timeouts; waiting is recorded, never real. */
    static ThreadsChannel.Builder channel(FakeThreads fake, List<Duration> waits) {
        return channel(fake, waits::add);
    }

    /** A channel pointed at the fake server with short timeouts, waiting through {@code sleeper}. */
    static ThreadsChannel.Builder channel(FakeThreads fake, io.luxaris.spi.channel.Sleeper sleeper) {
        return ThreadsChannel.builder()
                .baseUrl(fake.url())
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2))
                .lookupGrace(Duration.ZERO)
                .sleeper(sleeper);
    }

    static ThreadsChannel.Builder channel(FakeThreads fake) {
        return channel(fake, new ArrayList<>());
    }

    static ChannelPublisher publisher(ThreadsChannel.Builder builder) {
        return builder.build().createPublisher(environment());
    }

    /** A publish context keeping credentials in memory, recording saves and property updates. */
    static final class Context extends MemoryPublishContext<Context> {
        Context(Credentials credentials) {
            this(credentials, Clock.systemUTC(), MediaSource.none());
        }

        Context(Credentials credentials, MediaSource media) {
            this(credentials, Clock.systemUTC(), media);
        }

        Context(Credentials credentials, Clock clock, MediaSource media) {
            super(credentials, clock, media);
        }
    }
}
