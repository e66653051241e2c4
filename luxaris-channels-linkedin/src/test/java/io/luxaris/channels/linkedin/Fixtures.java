package io.luxaris.channels.linkedin;

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
import io.luxaris.spi.channel.MediaUnavailableException;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
        return ChannelFixtures.connection(LinkedInChannel.KEY, "Example User", properties, NOW);
    }

    static ChannelConnection member() {
        return connection(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, FakeLinkedIn.AUTHOR));
    }

    static PostVariant variant(String content) {
        return variant(content, List.of(), Map.of());
    }

    static PostVariant variant(String content, List<MediaRef> media, Map<String, String> metadata) {
        return ChannelFixtures.variant(LinkedInChannel.KEY, content, List.of(), media, metadata, NOW);
    }

    static PostVariant variant(LinkedInText text) {
        return variant(text.content(), List.of(), text.metadata());
    }

    static PublishRequest request(PostVariant variant, ChannelConnection connection) {
        return ChannelFixtures.request(variant, connection);
    }

    static PublishRequest request(PostVariant variant) {
        return request(variant, member());
    }

    static ChannelEnvironment environment() {
        return ChannelFixtures.environment(Fixtures.clock(), MediaSource.none());
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

    /** A publish context keeping credentials in memory, recording saves; at {@link #NOW} unless told. */
    static final class Context extends MemoryPublishContext<Context> {
        Context(Credentials credentials) {
            this(credentials, Fixtures.clock(), MediaSource.none());
        }

        Context(Credentials credentials, Clock clock, MediaSource media) {
            super(credentials, clock, media);
        }

        /** Another node rotated the stored credentials (this context still holds the old ones until it reloads). */
        void storedElsewhere(Credentials credentials) {
            storeElsewhere(credentials);
        }
    }
}
