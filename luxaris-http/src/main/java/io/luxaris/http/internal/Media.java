package io.luxaris.http.internal;

import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.MediaUnavailableException;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.security.Redaction;
import java.io.IOException;
import java.util.Objects;

/**
 * Reading a post's media through the host's {@link MediaSource} before an upload, with the failures every uploader
 * answers alike: media the source does not have is {@code media_unavailable} (rejected: asking again finds nothing
 * either), bytes that could not be read are {@code media_read_failed} (retryable: the store may answer next time).
 * And the failures of an upload itself, before any post exists ({@link #uploadFailed}).
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
     * An upload that got no usable answer: nothing is posted yet, so it is retryable (at worst an unattached media is
     * left on the platform), except a redirect, which is rejected ({@link TransportFailure#kindBeforeCreating()});
     * the code is {@code media_} and the transport code ({@code media_timeout}).
     *
     * @param e what the transport reported
     * @param label how the message names the upload ({@code "image 1"})
     * @return the failure to throw
     */
    public static Fail uploadFailed(TransportFailure e, String label) {
        return Fail.of(
                e.kindBeforeCreating(),
                "media_" + e.code(),
                Redaction.truncate("uploading " + label + ": " + e.getMessage(), Fail.MESSAGE_LIMIT));
    }

    /**
     * An upload the platform refused, as its classifier read the answer: an unknown outcome is retryable (no post
     * exists yet), the code starts with {@code media_} (added when the classifier's does not), the message says which
     * upload; the retry time and the raw answer are kept.
     *
     * @param failed the classified answer
     * @param label how the message names the upload ({@code "image 1"})
     * @return the failure to throw
     */
    public static Fail uploadFailed(PublishOutcome.Failed failed, String label) {
        FailureKind kind = failed.kind() == FailureKind.UNKNOWN ? FailureKind.RETRYABLE : failed.kind();
        return new Fail(new PublishOutcome.Failed(
                kind,
                failed.code().startsWith("media_") ? failed.code() : "media_" + failed.code(),
                Redaction.truncate("uploading " + label + ": " + failed.safeMessage(), Fail.MESSAGE_LIMIT),
                failed.retryAt(),
                failed.rawResponse(),
                failed.checkpoint()));
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
