package io.luxaris.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A media attachment of a variant. {@code ref} is the host's own reference (an id in its media library, a storage
 * key); the bytes are obtained at publish time through the host's {@code MediaSource}. Luxaris never fetches
 * arbitrary URLs.
 */
public record MediaRef(MediaKind kind, String ref, Optional<String> altText) {
    public MediaRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(altText, "altText");
    }

    public static MediaRef image(String ref) {
        return new MediaRef(MediaKind.IMAGE, ref, Optional.empty());
    }

    public static MediaRef image(String ref, String altText) {
        return new MediaRef(MediaKind.IMAGE, ref, Optional.of(altText));
    }

    public static MediaRef gif(String ref) {
        return new MediaRef(MediaKind.GIF, ref, Optional.empty());
    }

    public static MediaRef video(String ref) {
        return new MediaRef(MediaKind.VIDEO, ref, Optional.empty());
    }
}
