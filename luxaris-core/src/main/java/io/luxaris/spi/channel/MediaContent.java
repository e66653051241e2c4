package io.luxaris.spi.channel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Bytes of one attachment: MIME type, size, and a way to open the stream (possibly several times: chunked uploads and
 * retries read it again).
 *
 * @param mimeType the content's MIME type, such as {@code image/png}
 * @param size its length in bytes
 * @param opener opens a fresh stream over it
 */
public record MediaContent(String mimeType, long size, MediaContent.Opener opener) {
    /**
     * Checks the components.
     *
     * @param mimeType the content's MIME type, such as {@code image/png}
     * @param size its length in bytes
     * @param opener opens a fresh stream over it
     * @throws IllegalArgumentException when the size is negative
     */
    public MediaContent {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(opener, "opener");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    /**
     * Content held in memory.
     *
     * @param mimeType the MIME type
     * @param bytes the content; copied
     * @return the content
     */
    public static MediaContent of(String mimeType, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new MediaContent(mimeType, copy.length, () -> new ByteArrayInputStream(copy));
    }

    /**
     * Opens a fresh stream over the content; the caller closes it.
     *
     * @return the stream
     * @throws IOException when the content cannot be read
     */
    public InputStream open() throws IOException {
        return opener.open();
    }

    /**
     * Reads everything (for small images).
     *
     * @return the content
     * @throws IOException when the content cannot be read
     */
    public byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /** Opens a fresh stream over the content. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens a fresh stream.
         *
         * @return the stream, closed by the caller
         * @throws IOException when the content cannot be read
         */
        InputStream open() throws IOException;
    }
}
