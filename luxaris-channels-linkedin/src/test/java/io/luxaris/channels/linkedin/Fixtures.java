package io.luxaris.channels.linkedin;

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
import io.luxaris.spi.channel.MediaUnavailableException;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Builders for requests, contexts and media used across the LinkedIn tests. */
final class Fixtures {
    /** A fixed "now" for tests that compute instants. */
    static final Instant NOW = Instant.parse("2026-11-24T17:30:00Z");

    /** The smallest valid PNG (1×1, transparent). */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private Fixtures() {}

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static ChannelConnection connection(Map<String, String> properties) {
        return new ChannelConnection(
                ConnectionId.random(),
                "owner",
                ChannelId.forKey(LinkedInChannel.KEY),
                "Example User",
                ConnectionStatus.CONNECTED,
                Optional.empty(),
                properties,
                Optional.empty(),
                Optional.empty(),
                NOW,
                NOW,
                Optional.empty(),
                0);
    }

    static ChannelConnection member() {
        return connection(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, FakeLinkedIn.AUTHOR));
    }

    static PostVariant variant(String content) {
        return variant(content, List.of(), Map.of());
    }

    static PostVariant variant(String content, List<MediaRef> media, Map<String, String> metadata) {
        return new PostVariant(
                VariantId.random(),
                PostId.random(),
                ChannelId.forKey(LinkedInChannel.KEY),
                Optional.empty(),
                content,
                List.of(),
                media,
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.READY,
                metadata,
                NOW,
                NOW,
                Optional.empty(),
                0);
    }

    static PostVariant variant(LinkedInText text) {
        return variant(text.content(), List.of(), text.metadata());
    }

    static PublishRequest request(PostVariant variant, ChannelConnection connection) {
        return new PublishRequest(ScheduleId.random(), 1, variant, connection, Map.of());
    }

    static PublishRequest request(PostVariant variant) {
        return request(variant, member());
    }

    static ChannelEnvironment environment() {
        return new ChannelEnvironment() {
            @Override
            public Clock clock() {
                return Fixtures.clock();
            }

            @Override
            public MediaSource mediaSource() {
                return MediaSource.none();
            }
        };
    }

    /** Publishes once through a fresh publisher of {@code channel}, closing it afterwards. */
    static PublishOutcome publish(LinkedInChannel channel, PublishRequest request, Context context) {
        try (ChannelPublisher publisher = channel.createPublisher(environment())) {
            return publisher.publish(request, context);
        }
    }

    /** A media library holding images by reference. */
    static final class Media implements MediaSource {
        private final Map<String, MediaContent> items = new ConcurrentHashMap<>();
        private final List<String> opened = new ArrayList<>();

        Media put(String ref, String mimeType, byte[] bytes) {
            items.put(ref, MediaContent.of(mimeType, bytes));
            return this;
        }

        Media png(String ref) {
            return put(ref, "image/png", PNG);
        }

        @Override
        public synchronized MediaContent open(MediaRef ref) throws java.io.IOException {
            opened.add(ref.ref());
            MediaContent content = items.get(ref.ref());
            if (content == null) {
                throw new MediaUnavailableException("no media '" + ref.ref() + "' in the library");
            }
            return content;
        }

        synchronized List<String> opened() {
            return List.copyOf(opened);
        }
    }

    /** A publish context holding credentials in memory, recording what is saved. */
    static final class Context implements PublishContext {
        private volatile Credentials current;
        private volatile Credentials stored;
        private final Clock clock;
        private final MediaSource media;
        private final List<Credentials> saved = new ArrayList<>();

        Context(Credentials credentials) {
            this(credentials, Fixtures.clock(), MediaSource.none());
        }

        Context(Credentials credentials, Clock clock, MediaSource media) {
            this.current = credentials;
            this.stored = credentials;
            this.clock = clock;
            this.media = media;
        }

        @Override
        public Credentials credentials() {
            return current;
        }

        @Override
        public synchronized void saveCredentials(Credentials rotated) {
            stored = stored.replacedBy(rotated);
            current = stored;
            saved.add(stored);
        }

        @Override
        public Credentials reloadCredentials() {
            current = stored;
            return current;
        }

        /** Another node rotated the stored credentials (this context still holds the old ones until it reloads). */
        void storedElsewhere(Credentials credentials) {
            stored = credentials;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public MediaSource media() {
            return media;
        }

        synchronized List<Credentials> saved() {
            return List.copyOf(saved);
        }
    }
}
