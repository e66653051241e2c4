package io.luxaris.channels.mastodon;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Domain objects, a publish context and a media library for publisher tests. */
final class Fixtures {
    /** A media library: {@code *.png} and {@code *.jpg} are small images, {@code *.mp4} a small video. */
    static final MediaSource LIBRARY = ref -> {
        if (ref.ref().endsWith(".png")) {
            return MediaContent.of("image/png", ("\u0089PNG " + ref.ref()).getBytes(StandardCharsets.ISO_8859_1));
        }
        if (ref.ref().endsWith(".jpg")) {
            return MediaContent.of("image/jpeg", ("JFIF " + ref.ref()).getBytes(StandardCharsets.ISO_8859_1));
        }
        if (ref.ref().endsWith(".mp4")) {
            return MediaContent.of("video/mp4", ("ftypmp42 " + ref.ref()).getBytes(StandardCharsets.ISO_8859_1));
        }
        return MediaSource.none().open(ref);
    };

    private Fixtures() {}

    static PostVariant variant(
            String content, List<String> thread, List<MediaRef> media, Map<String, String> metadata) {
        Instant now = Instant.now();
        return new PostVariant(
                VariantId.random(),
                PostId.random(),
                ChannelId.forKey(MastodonChannel.KEY),
                Optional.empty(),
                content,
                thread,
                media,
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.READY,
                metadata,
                now.minusSeconds(60),
                now.minusSeconds(60),
                Optional.empty(),
                0);
    }

    static PostVariant variant(String content, List<String> thread, List<MediaRef> media) {
        return variant(content, thread, media, Map.of());
    }

    static PostVariant variant(String content) {
        return variant(content, List.of(), List.of());
    }

    static ChannelConnection connection(Map<String, String> properties) {
        Instant now = Instant.now();
        return new ChannelConnection(
                ConnectionId.random(),
                "owner",
                ChannelId.forKey(MastodonChannel.KEY),
                "@" + FakeMastodon.USERNAME + "@" + FakeMastodon.DOMAIN,
                ConnectionStatus.CONNECTED,
                Optional.empty(),
                properties,
                Optional.empty(),
                Optional.empty(),
                now,
                now,
                Optional.empty(),
                0);
    }

    /** A connection to the fake instance, with its account id known. */
    static ChannelConnection connection(FakeMastodon fake) {
        return connection(properties(fake));
    }

    static Map<String, String> properties(FakeMastodon fake) {
        var map = new LinkedHashMap<String, String>();
        map.put(MastodonChannel.PROPERTY_INSTANCE_URL, fake.url());
        map.put(MastodonChannel.PROPERTY_ACCOUNT_ID, FakeMastodon.ACCOUNT_ID);
        map.put(MastodonChannel.PROPERTY_USERNAME, FakeMastodon.USERNAME);
        return map;
    }

    static PublishRequest request(PostVariant variant, ChannelConnection connection) {
        return new PublishRequest(ScheduleId.random(), 1, variant, connection, Map.of());
    }

    static ChannelEnvironment environment(MediaSource media) {
        return environment(media, Clock.systemUTC());
    }

    static ChannelEnvironment environment(MediaSource media, Clock clock) {
        return new ChannelEnvironment() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public MediaSource mediaSource() {
                return media;
            }
        };
    }

    static ChannelEnvironment environment() {
        return environment(LIBRARY);
    }

    /** A channel allowed to talk to the fake (plain http on loopback), short timeouts, no real waiting. */
    static MastodonChannel.Builder channel() {
        return MastodonChannel.builder()
                .allowPlainHttpOnLoopback()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2))
                .lookupGrace(Duration.ZERO)
                .sleeper(d -> {});
    }

    /** Publishes once with a fresh publisher of {@code channel}. */
    static PublishOutcome publish(MastodonChannel channel, PublishRequest request, Context context) {
        try (ChannelPublisher publisher = channel.createPublisher(environment(context.media()))) {
            return publisher.publish(request, context);
        }
    }

    /** A publish context keeping credentials in memory, recording connection properties it was asked to keep. */
    static final class Context implements PublishContext {
        private final Credentials credentials;
        private final Clock clock;
        private final MediaSource media;
        private final Map<String, String> properties = new LinkedHashMap<>();

        Context(Credentials credentials) {
            this(credentials, Clock.systemUTC(), LIBRARY);
        }

        Context(Credentials credentials, Clock clock, MediaSource media) {
            this.credentials = credentials;
            this.clock = clock;
            this.media = media;
        }

        @Override
        public Credentials credentials() {
            return credentials;
        }

        @Override
        public void saveCredentials(Credentials rotated) {
            throw new AssertionError("Mastodon tokens are never rotated");
        }

        @Override
        public Credentials reloadCredentials() {
            return credentials;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public MediaSource media() {
            return media;
        }

        @Override
        public synchronized void updateConnectionProperties(Map<String, String> updates) {
            properties.putAll(updates);
        }

        synchronized Map<String, String> properties() {
            return Map.copyOf(properties);
        }
    }
}
