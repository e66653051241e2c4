package io.luxaris.channels.threads.internal;

import io.luxaris.channels.threads.ThreadsMediaUrls;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.internal.Fail;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.MediaUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Images for Threads. Meta downloads each image itself from a public URL ({@link ThreadsMediaUrls}); the channel
 * never fetches one. When the host's {@link MediaSource} has the bytes of a reference, they are checked before Meta
 * is asked: JPEG or PNG, at most 8 MB (Meta's image limits), so a wrong file fails at once with a clear reason
 * instead of as a container {@code ERROR}. Only the size and the first bytes are read.
 */
final class Images {
    private static final Logger LOG = LoggerFactory.getLogger(Images.class);

    /** Meta's limit for one image. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final ThreadsMediaUrls urls;

    Images(ThreadsMediaUrls urls) {
        this.urls = Objects.requireNonNull(urls, "urls");
    }

    /** The public https URL of an image, after checking its bytes where the host's media source has them. */
    String url(MediaRef ref, MediaSource source, String label) throws Fail {
        if (ref.kind() != MediaKind.IMAGE) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "unsupported_media",
                    label + " is a " + ref.kind().wireName() + "; the Threads channel posts images only");
        }
        check(ref, source, label);
        URI uri;
        try {
            uri = Objects.requireNonNull(urls.publicUrl(ref), "the media URLs returned no URL");
        } catch (MediaUnavailableException e) {
            throw Fail.of(FailureKind.REJECTED, "media_unavailable", label + ": " + e.getMessage());
        } catch (IOException e) {
            throw Fail.of(
                    FailureKind.RETRYABLE,
                    "media_url_failed",
                    label + ": its public URL could not be made ("
                            + e.getClass().getSimpleName() + ")");
        }
        if (!uri.isAbsolute() || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "media_unavailable",
                    label + ": Threads fetches images from public https URLs, and the URL given for it is not one");
        }
        return uri.toString();
    }

    private static void check(MediaRef ref, MediaSource source, String label) throws Fail {
        MediaContent content;
        try {
            content = source.open(ref);
        } catch (MediaUnavailableException e) {
            LOG.debug("{}: the media source does not have its bytes; Meta's own checks apply", label);
            return;
        } catch (IOException | RuntimeException e) {
            LOG.debug(
                    "{}: its bytes could not be read ({}); Meta's own checks apply",
                    label,
                    e.getClass().getSimpleName());
            return;
        }
        if (content == null) {
            return;
        }
        if (content.size() > MAX_BYTES) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "media_too_large",
                    label + " is " + content.size() + " bytes; Threads accepts images up to " + MAX_BYTES + " bytes");
        }
        String type = content.mimeType().toLowerCase(Locale.ROOT);
        byte[] head = head(content);
        boolean jpeg = startsWith(head, JPEG);
        boolean png = startsWith(head, PNG);
        boolean declared = type.equals("image/jpeg") || type.equals("image/jpg") || type.equals("image/png");
        if ((head.length > 0 && !jpeg && !png) || (head.length == 0 && !declared)) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "unsupported_media_type",
                    label + " is not a JPEG or PNG image (" + type + "); Threads accepts those only");
        }
    }

    private static byte[] head(MediaContent content) {
        try (InputStream in = content.open()) {
            return in.readNBytes(PNG.length);
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
