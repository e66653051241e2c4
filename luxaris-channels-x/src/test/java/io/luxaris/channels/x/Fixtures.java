package io.luxaris.channels.x;

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
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Domain objects and a publish context for publisher tests. */
final class Fixtures {
    private Fixtures() {}

    static PostVariant variant(String content, List<String> thread, List<MediaRef> media) {
        Instant now = Instant.now();
        return new PostVariant(
                VariantId.random(),
                PostId.random(),
                ChannelId.forKey("x"),
                Optional.empty(),
                content,
                thread,
                media,
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.READY,
                Map.of(),
                now,
                now,
                Optional.empty(),
                0);
    }

    static PostVariant variant(String content) {
        return variant(content, List.of(), List.of());
    }

    static ChannelConnection connection(Map<String, String> properties) {
        Instant now = Instant.now();
        return new ChannelConnection(
                ConnectionId.random(),
                "owner",
                ChannelId.forKey("x"),
                "@" + FakeX.USERNAME,
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

    static ChannelConnection connection() {
        return connection(Map.of());
    }

    static PublishRequest request(PostVariant variant, ChannelConnection connection) {
        return new PublishRequest(ScheduleId.random(), 1, variant, connection, Map.of());
    }

    static PublishRequest request(PostVariant variant) {
        return request(variant, connection());
    }

    static ChannelEnvironment environment(MediaSource media) {
        return new ChannelEnvironment() {
            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public MediaSource mediaSource() {
                return media;
            }
        };
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
    static final class Context implements PublishContext {
        private volatile Credentials current;
        private volatile Credentials stored;
        private final List<Credentials> saved = new ArrayList<>();
        private final Clock clock;
        private final MediaSource media;
        private Consumer<Credentials> onSave = c -> {};

        Context(Credentials credentials) {
            this(credentials, Clock.systemUTC(), MediaSource.none());
        }

        Context(Credentials credentials, Clock clock, MediaSource media) {
            this.current = credentials;
            this.stored = credentials;
            this.clock = clock;
            this.media = media;
        }

        Context onSave(Consumer<Credentials> hook) {
            this.onSave = hook;
            return this;
        }

        /** Simulates another worker having rotated the stored credentials. */
        void storeElsewhere(Credentials credentials) {
            this.stored = credentials;
        }

        @Override
        public Credentials credentials() {
            return current;
        }

        @Override
        public synchronized void saveCredentials(Credentials rotated) {
            onSave.accept(rotated);
            stored = stored.replacedBy(rotated);
            current = stored;
            saved.add(current);
        }

        @Override
        public Credentials reloadCredentials() {
            current = stored;
            return current;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public MediaSource media() {
            return media;
        }

        private final java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();

        @Override
        public synchronized void updateConnectionProperties(java.util.Map<String, String> updates) {
            properties.putAll(updates);
        }

        synchronized java.util.Map<String, String> properties() {
            return java.util.Map.copyOf(properties);
        }

        synchronized List<Credentials> saved() {
            return List.copyOf(saved);
        }
    }
}
