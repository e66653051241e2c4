package io.luxaris.channels.threads;

import io.luxaris.domain.MediaRef;
import io.luxaris.spi.channel.MediaUnavailableException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** {@link ThreadsMediaUrls#fromRef()}: the media reference is the public URL. */
final class RefUrls implements ThreadsMediaUrls {
    static final RefUrls INSTANCE = new RefUrls();

    private RefUrls() {}

    @Override
    public URI publicUrl(MediaRef media) throws MediaUnavailableException {
        Objects.requireNonNull(media, "media");
        String ref = media.ref().strip();
        URI uri;
        try {
            uri = new URI(ref);
        } catch (URISyntaxException e) {
            throw new MediaUnavailableException(notAUrl());
        }
        if (!uri.isAbsolute()
                || !"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            throw new MediaUnavailableException(notAUrl());
        }
        return uri;
    }

    private static String notAUrl() {
        return "Threads fetches images from a public https URL, and this media reference is not one (give"
                + " ThreadsChannel.builder().mediaUrls(...) to turn references into URLs)";
    }

    @Override
    public String toString() {
        return "ThreadsMediaUrls.fromRef()";
    }
}
