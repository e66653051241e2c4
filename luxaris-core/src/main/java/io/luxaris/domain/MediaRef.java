package io.luxaris.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A media attachment of a variant. {@code ref} is the host's own reference (an id in its media library, a storage key);
 * the bytes are obtained at publish time through the host's {@code MediaSource}. Luxaris never fetches arbitrary URLs.
 *
 * @param kind image, GIF or video
 * @param ref the host's reference of the media
 * @param altText the description for screen readers, where the channel supports it
 */
public record MediaRef(MediaKind kind, String ref, Optional<String> altText) {
    /**
     * Checks the components are set.
     *
     * @param kind image, GIF or video
     * @param ref the host's reference of the media
     * @param altText the description for screen readers, where the channel supports it
     */
    public MediaRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(altText, "altText");
    }

    /**
     * An image without alt text.
     *
     * @param ref the host's reference of the media
     * @return the attachment
     */
    public static MediaRef image(String ref) {
        return new MediaRef(MediaKind.IMAGE, ref, Optional.empty());
    }

    /**
     * An image with alt text.
     *
     * @param ref the host's reference of the media
     * @param altText the description for screen readers
     * @return the attachment
     */
    public static MediaRef image(String ref, String altText) {
        return new MediaRef(MediaKind.IMAGE, ref, Optional.of(altText));
    }

    /**
     * An animated GIF.
     *
     * @param ref the host's reference of the media
     * @return the attachment
     */
    public static MediaRef gif(String ref) {
        return new MediaRef(MediaKind.GIF, ref, Optional.empty());
    }

    /**
     * A video.
     *
     * @param ref the host's reference of the media
     * @return the attachment
     */
    public static MediaRef video(String ref) {
        return new MediaRef(MediaKind.VIDEO, ref, Optional.empty());
    }
}
