package io.luxaris.spi.channel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Bytes of one attachment: MIME type, size, and a way to open the stream (possibly several times: chunked
 * uploads and retries read it again).
 */
public record MediaContent(String mimeType, long size, MediaContent.Opener opener) {
    public MediaContent {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(opener, "opener");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    public static MediaContent of(String mimeType, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new MediaContent(mimeType, copy.length, () -> new ByteArrayInputStream(copy));
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    /** Reads everything (for small images). */
    public byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /** Opens a fresh stream over the content. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
