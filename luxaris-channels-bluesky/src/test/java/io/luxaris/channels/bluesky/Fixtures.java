package io.luxaris.channels.bluesky;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.http.testing.ChannelFixtures;
import io.luxaris.http.testing.MemoryPublishContext;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishRequest;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Domain objects, images and a publish context for publisher tests. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private Fixtures() {}

    static PostVariant variant(String content, List<String> thread, List<MediaRef> media) {
        return ChannelFixtures.variant(BlueskyChannel.KEY, content, thread, media, Map.of(), Instant.now());
    }

    static PostVariant variant(String content) {
        return variant(content, List.of(), List.of());
    }

    static ChannelConnection connection(Map<String, String> properties) {
        return ChannelFixtures.connection(BlueskyChannel.KEY, "@" + FakeBluesky.HANDLE, properties, Instant.now());
    }

    /** A connection that logged in before: its DID is known. */
    static ChannelConnection connection() {
        return connection(FakeBluesky.loggedInProperties());
    }

    static PublishRequest request(PostVariant variant, ChannelConnection connection) {
        return ChannelFixtures.request(variant, connection);
    }

    static PublishRequest request(PostVariant variant) {
        return request(variant, connection());
    }

    /** The same schedule and variant, as the engine sends it for a later attempt with this checkpoint. */
    static PublishRequest again(PublishRequest first, int attempt, Map<String, String> checkpoint) {
        return new PublishRequest(first.scheduleId(), attempt, first.variant(), first.connection(), checkpoint);
    }

    static ChannelEnvironment environment(MediaSource media) {
        return ChannelEnvironment.of(Clock.systemUTC(), media);
    }

    static ChannelEnvironment environment() {
        return environment(MediaSource.none());
    }

    /** A channel pointed at the fake PDS with short timeouts. */
    static BlueskyChannel.Builder channel(FakeBluesky fake) {
        return BlueskyChannel.builder()
                .pdsUrl(fake.url())
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2));
    }

    /** A PNG header declaring {@code width} x {@code height}, then some bytes. */
    static byte[] png(int width, int height, int size) {
        byte[] bytes = new byte[Math.max(size, 33)];
        byte[] head = {
            (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        };
        System.arraycopy(head, 0, bytes, 0, head.length);
        putInt(bytes, 16, width);
        putInt(bytes, 20, height);
        return bytes;
    }

    /** A JPEG with an EXIF orientation (1 = as stored, 6 = turned by 90°) and a frame of {@code width} x {@code height}. */
    static byte[] jpeg(int width, int height, int orientation) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        // APP1 Exif, big-endian TIFF with one IFD0 entry: orientation
        byte[] tiff = {
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8, // header, IFD0 at 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // orientation, SHORT, 1
            0,
            0,
            0,
            0 // no next IFD
        };
        int app1Length = 2 + 6 + tiff.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (app1Length >> 8), (byte) app1Length});
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        // SOF0: length 17, precision 8, height, width, 3 components
        out.writeBytes(new byte[] {
            (byte) 0xFF,
            (byte) 0xC0,
            0,
            17,
            8,
            (byte) (height >> 8),
            (byte) height,
            (byte) (width >> 8),
            (byte) width,
            3
        });
        out.writeBytes(new byte[] {1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    private static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }

    /** A media library holding {@code images} by reference, as PNGs unless the bytes say otherwise. */
    static MediaSource library(Map<String, byte[]> images) {
        return ref -> {
            byte[] bytes = images.get(ref.ref());
            if (bytes == null) {
                return MediaSource.none().open(ref);
            }
            String type = (bytes[0] & 0xFF) == 0xFF ? "image/jpeg" : "image/png";
            return MediaContent.of(type, bytes);
        };
    }

    /** A settable clock. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** A publish context keeping the session in memory, recording saves and property updates. */
    static final class Context extends MemoryPublishContext<Context> {
        Context(Credentials credentials) {
            this(credentials, Clock.systemUTC(), MediaSource.none());
        }

        Context(Credentials credentials, Clock clock, MediaSource media) {
            super(credentials, clock, media);
        }
    }
}
