package io.luxaris.http.internal;

import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.MediaUnavailableException;
import io.luxaris.spi.security.Redaction;
import java.io.IOException;
import java.util.Objects;

/**
 * Reading a post's media through the host's {@link MediaSource} before an upload, with the failures every uploader
 * answers alike: media the source does not have is {@code media_unavailable} (rejected: asking again finds nothing
 * either), bytes that could not be read are {@code media_read_failed} (retryable: the store may answer next time).
 */
public final class Media {
    private Media() {}

    /**
     * Opens {@code ref} through {@code source}.
     *
     * @param source the host's media source
     * @param ref the media to open
     * @param label how messages name it ({@code "media 2"})
     * @return its content
     * @throws Fail {@code media_unavailable} (rejected, with the source's message) or {@code media_read_failed}
     *     (retryable, naming the exception's type only)
     */
    public static MediaContent open(MediaSource source, MediaRef ref, String label) throws Fail {
        try {
            return Objects.requireNonNull(source.open(ref), "the media source returned no content");
        } catch (MediaUnavailableException e) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "media_unavailable",
                    Redaction.truncate(label + " is not available: " + e.getMessage(), Fail.MESSAGE_LIMIT));
        } catch (IOException e) {
            throw readFailed(label, e);
        }
    }

    /**
     * The failure of reading the bytes of media that was opened: {@code media_read_failed}, retryable.
     *
     * @param label how the message names the media
     * @param e what went wrong (only its type is told; its message may name a path or a store)
     * @return the failure to throw
     */
    public static Fail readFailed(String label, IOException e) {
        return Fail.of(
                FailureKind.RETRYABLE,
                "media_read_failed",
                Redaction.truncate(
                        label + " could not be read (" + e.getClass().getSimpleName() + ")", Fail.MESSAGE_LIMIT));
    }
}
