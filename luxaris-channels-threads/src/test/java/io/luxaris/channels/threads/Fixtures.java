package io.luxaris.channels.threads;

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
import io.luxaris.spi.channel.PublishRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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
        return new PostVariant(
                VariantId.random(),
                PostId.random(),
                ChannelId.forKey(ThreadsChannel.KEY),
                Optional.empty(),
                content,
                thread,
                media,
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.READY,
                Map.of(),
                updatedAt,
                updatedAt,
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
                ChannelId.forKey(ThreadsChannel.KEY),
                "@" + FakeThreads.USERNAME,
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

    /** A connection that knows its user id. */
    static ChannelConnection connection() {
        return connection(Map.of(ThreadsChannel.PROPERTY_USER_ID, FakeThreads.USER_ID));
    }

    static PublishRequest request(PostVariant variant, ChannelConnection connection) {
        return new PublishRequest(ScheduleId.random(), 1, variant, connection, Map.of());
    }

    static PublishRequest request(PostVariant variant) {
        return request(variant, connection());
    }

    /** The same schedule's next attempt, with the checkpoint the engine kept. */
    static PublishRequest retry(PublishRequest earlier, Map<String, String> checkpoint) {
        return new PublishRequest(
                earlier.scheduleId(), earlier.attempt() + 1, earlier.variant(), earlier.connection(), checkpoint);
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

    /** A publish context keeping credentials and connection properties in memory, recording saves. */
    static final class Context implements PublishContext {
        private volatile Credentials current;
        private volatile Credentials stored;
        private final List<Credentials> saved = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<Map<String, String>> propertyUpdates = new ArrayList<>();
        private final Clock clock;
        private final MediaSource media;
        private Consumer<Credentials> onSave = c -> {};
        private Consumer<Map<String, String>> onProperties = p -> {};

        Context(Credentials credentials) {
            this(credentials, Clock.systemUTC(), MediaSource.none());
        }

        Context(Credentials credentials, MediaSource media) {
            this(credentials, Clock.systemUTC(), media);
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

        Context onProperties(Consumer<Map<String, String>> hook) {
            this.onProperties = hook;
            return this;
        }

        /** Simulates another worker having refreshed the stored credentials. */
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

        @Override
        public synchronized void updateConnectionProperties(Map<String, String> updates) {
            onProperties.accept(updates);
            properties.putAll(updates);
            propertyUpdates.add(Map.copyOf(updates));
        }

        synchronized Map<String, String> properties() {
            return Map.copyOf(properties);
        }

        synchronized List<Map<String, String>> propertyUpdates() {
            return List.copyOf(propertyUpdates);
        }

        synchronized List<Credentials> saved() {
            return List.copyOf(saved);
        }
    }
}
