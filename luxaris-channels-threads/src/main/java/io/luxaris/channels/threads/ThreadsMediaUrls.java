package io.luxaris.channels.threads;

import io.luxaris.domain.MediaRef;
import io.luxaris.spi.channel.MediaUnavailableException;
import java.io.IOException;
import java.net.URI;

/**
 * Where Meta fetches an attachment from. Threads has no byte upload: a container names an {@code image_url} and
 * Meta's crawler downloads it, so every image must be reachable at a public {@code https} URL when the post is
 * published. Luxaris itself never fetches it.
 *
 * <p>The default, {@link #fromRef()}, takes the media reference itself as that URL. A host whose media library
 * keeps private keys instead passes its own, for instance one that signs a short-lived URL of its storage bucket:
 *
 * <pre>{@code
 * ThreadsChannel.builder().mediaUrls(media -> bucket.presignedGetUrl(media.ref(), Duration.ofHours(1)))
 * }</pre>
 */
@FunctionalInterface
public interface ThreadsMediaUrls {
    /**
     * The public {@code https} URL Meta downloads {@code media} from.
     *
     * @throws MediaUnavailableException when there is none for good (the post is rejected, code {@code
     *     media_unavailable})
     * @throws IOException when it cannot be made now (the attempt is retried later, code {@code media_url_failed})
     */
    URI publicUrl(MediaRef media) throws IOException;

    /** The reference itself, when it is an absolute {@code https} URL with a host and no user info. */
    static ThreadsMediaUrls fromRef() {
        return RefUrls.INSTANCE;
    }
}
