package io.luxaris.channels.mastodon;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.http.testing.ChannelFixtures;
import io.luxaris.http.testing.MemoryPublishContext;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return ChannelFixtures.variant(MastodonChannel.KEY, content, thread, media, metadata, now.minusSeconds(60));
    }

    static PostVariant variant(String content, List<String> thread, List<MediaRef> media) {
        return variant(content, thread, media, Map.of());
    }

    static PostVariant variant(String content) {
        return variant(content, List.of(), List.of());
    }

    static ChannelConnection connection(Map<String, String> properties) {
        return ChannelFixtures.connection(
                MastodonChannel.KEY,
                "@" + FakeMastodon.USERNAME + "@" + FakeMastodon.DOMAIN,
                properties,
                Instant.now());
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
        return ChannelFixtures.request(variant, connection);
    }

    static ChannelEnvironment environment(MediaSource media) {
        return environment(media, Clock.systemUTC());
    }

    static ChannelEnvironment environment(MediaSource media, Clock clock) {
        return ChannelFixtures.environment(clock, media);
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

    /** What a publish returned, and what the same publisher's lookup of the same request then found. */
    record PublishedThenLookedUp(PublishOutcome outcome, LookupResult found) {}

    /** Publishes once with a fresh publisher of {@code channel}, then looks the request up with it (as the engine). */
    static PublishedThenLookedUp publishThenLookUp(MastodonChannel channel, PublishRequest request, Context context) {
        try (ChannelPublisher publisher = channel.createPublisher(environment())) {
            PublishOutcome outcome = publisher.publish(request, context);
            return new PublishedThenLookedUp(outcome, publisher.lookup(request, context));
        }
    }

    /** A publish context with fixed credentials (Mastodon tokens are never rotated), recording property updates. */
    static final class Context extends MemoryPublishContext<Context> {
        Context(Credentials credentials) {
            this(credentials, Clock.systemUTC(), LIBRARY);
        }

        Context(Credentials credentials, Clock clock, MediaSource media) {
            super(credentials, clock, media);
        }

        @Override
        public void saveCredentials(Credentials rotated) {
            throw new AssertionError("Mastodon tokens are never rotated");
        }
    }
}
