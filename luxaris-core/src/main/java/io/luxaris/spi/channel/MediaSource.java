package io.luxaris.spi.channel;

import io.luxaris.domain.MediaRef;
import java.io.IOException;

/**
 * The host's media library: turns a {@link MediaRef#ref()} into bytes at publish time. Luxaris never fetches a URL
 * taken from user input; hosts decide where bytes come from (no SSRF through Luxaris).
 */
@FunctionalInterface
public interface MediaSource {
    /**
     * The content of {@code ref}.
     *
     * @param ref the attachment
     * @return its content
     * @throws MediaUnavailableException when the source does not have the reference (for good: the attempt fails as
     *     rejected)
     * @throws IOException when it cannot be read now (the attempt is retried)
     */
    MediaContent open(MediaRef ref) throws IOException;

    /**
     * No media library: publishing a variant with media fails as rejected with code {@code media_unavailable}.
     *
     * @return the source that has no media
     */
    static MediaSource none() {
        return ref -> {
            throw new MediaUnavailableException("no MediaSource is configured; media " + ref.ref() + " cannot be read");
        };
    }
}
