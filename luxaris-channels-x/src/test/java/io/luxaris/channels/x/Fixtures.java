package io.luxaris.channels.x;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.http.testing.ChannelFixtures;
import io.luxaris.http.testing.MemoryPublishContext;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Domain objects and a publish context for publisher tests. */
final class Fixtures {
    private Fixtures() {}

    static PostVariant variant(String content, List<String> thread, List<MediaRef> media) {
        return ChannelFixtures.variant("x", content, thread, media, Map.of(), Instant.now());
    }

    static PostVariant variant(String content) {
        return variant(content, List.of(), List.of());
    }

    static ChannelConnection connection(Map<String, String> properties) {
        return ChannelFixtures.connection("x", "@" + FakeX.USERNAME, properties, Instant.now());
    }

    static ChannelConnection connection() {
        return connection(Map.of());
    }

    static PublishRequest request(PostVariant variant, ChannelConnection connection) {
        return ChannelFixtures.request(variant, connection);
    }

    static PublishRequest request(PostVariant variant) {
        return request(variant, connection());
    }

    static ChannelEnvironment environment(MediaSource media) {
        return ChannelFixtures.environment(Clock.systemUTC(), media);
    }

    static ChannelEnvironment environment() {
        return environment(MediaSource.none());
    }

    /** A channel pointed at the fake server with short timeouts and no real sleeping. */
    static XChannel.Builder channel(FakeX fake) {
        return XChannel.builder()
                .baseUrl(fake.url())
                .oauth2Client(FakeX.CLIENT_ID)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2))
                .lookupGrace(Duration.ZERO)
                .sleeper(d -> {});
    }

    /** A publish context keeping credentials in memory, recording saves. */
    static final class Context extends MemoryPublishContext<Context> {
        Context(Credentials credentials) {
            this(credentials, Clock.systemUTC(), MediaSource.none());
        }

        Context(Credentials credentials, Clock clock, MediaSource media) {
            super(credentials, clock, media);
        }
    }
}
