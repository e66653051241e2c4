package io.luxaris.channels.mastodon.internal;

import io.luxaris.channels.mastodon.MastodonInstance;
import io.luxaris.channels.mastodon.MastodonPostOptions;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.Media;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.Sleeper;
import io.luxaris.spi.security.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads attachments with Mastodon's asynchronous media API (v2), from bytes the host's {@link MediaSource} supplies
 * (never from a URL): {@code POST /api/v2/media} with the file, its alt text ({@code description}) and focal point
 * ({@code focus}). A 200 means processed; a 202 means still processing, and {@code GET /api/v1/media/:id} is polled
 * (206 while processing, 200 with a {@code url} when done, 422 when processing failed) until the builder's media
 * processing timeout. Sizes and types are checked against what the instance accepts before a byte is sent. Nothing
 * is posted yet, so every failure here is safe to retry unless the instance refused the media itself.
 */
final class MediaUploader {
    private static final Logger LOG = LoggerFactory.getLogger(MediaUploader.class);

    private final Settings settings;
    private final Sleeper sleeper;

    MediaUploader(Settings settings, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Uploads every attachment in order and returns the instance's media ids, each processed. */
    List<String> upload(
            Session session,
            List<MediaRef> media,
            MediaSource source,
            MastodonInstance instance,
            MastodonPostOptions options,
            Clock clock)
            throws Fail {
        if (media.size() > instance.maxMediaAttachments()) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "media_too_many",
                    "the status has " + media.size() + " attachments; "
                            + session.base().host() + " accepts " + instance.maxMediaAttachments());
        }
        var ids = new ArrayList<String>(media.size());
        for (int i = 0; i < media.size(); i++) {
            MediaRef ref = media.get(i);
            String label = "media " + (i + 1) + " of " + media.size();
            MediaContent content = Media.open(source, ref, label);
            check(ref, content, instance, label, session);
            String id = send(
                    session, ref, content, Optional.ofNullable(options.focus().get(i)), label, clock);
            ids.add(id);
        }
        return ids;
    }

    /**
     * The ids of media uploaded by an earlier attempt, when the instance still has every one of them processed; empty
     * when any is gone or cannot be checked (they are uploaded again).
     */
    Optional<List<String>> reuse(Session session, List<String> ids) {
        try {
            for (String id : ids) {
                HttpResult result = session.call(
                        new Request.Builder()
                                .url(session.url("api", "v1", "media", id).build())
                                .get(),
                        false);
                if (result.status() != 200 || Json.text(result.json(), "/url").isEmpty()) {
                    LOG.debug(
                            "media {} of an earlier attempt is not usable (HTTP {}); uploading again",
                            id,
                            result.status());
                    return Optional.empty();
                }
            }
            return Optional.of(List.copyOf(ids));
        } catch (TransportFailure | Fail e) {
            LOG.debug("could not check the media of an earlier attempt ({}); uploading again", e.getMessage());
            return Optional.empty();
        }
    }

    private static void check(MediaRef ref, MediaContent content, MastodonInstance instance, String label, Session s)
            throws Fail {
        String host = s.base().host();
        long limit = ref.kind() == MediaKind.VIDEO ? instance.videoSizeLimit() : instance.imageSizeLimit();
        if (content.size() > limit) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "media_too_large",
                    label + " is " + content.size() + " bytes; " + host + " accepts "
                            + ref.kind().wireName() + "s up to " + limit + " bytes");
        }
        if (!instance.accepts(content.mimeType())) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "media_unsupported_type",
                    label + " is " + Redaction.truncate(content.mimeType(), 100) + ", which " + host
                            + " does not accept");
        }
        int alt = ref.altText().map(t -> t.codePointCount(0, t.length())).orElse(0);
        if (alt > instance.descriptionLimit()) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "media_description_too_long",
                    label + " has " + alt + " characters of alt text; " + host + " accepts up to "
                            + instance.descriptionLimit());
        }
    }

    private String send(
            Session session,
            MediaRef ref,
            MediaContent content,
            Optional<MastodonPostOptions.Focus> focus,
            String label,
            Clock clock)
            throws Fail {
        MediaType type = MediaType.parse(content.mimeType());
        var form = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart(
                        "file",
                        fileName(type),
                        new StreamBody(content, type == null ? PlatformHttp.OCTET_STREAM : type));
        ref.altText().filter(t -> !t.isBlank()).ifPresent(alt -> form.addFormDataPart("description", alt));
        focus.ifPresent(f -> form.addFormDataPart("focus", f.wireValue()));
        HttpResult result = call(
                session,
                new Request.Builder()
                        .url(session.url("api", "v2", "media").build())
                        .post(form.build()),
                label);
        if (result.status() != 200 && result.status() != 202) {
            throw failure(result, label, session, clock);
        }
        String id = Json.text(result.json(), "/id")
                .orElseThrow(() -> Fail.of(
                        FailureKind.RETRYABLE,
                        "media_unreadable_response",
                        "the answer to uploading " + label + " had no media id"));
        if (result.status() == 200 && Json.text(result.json(), "/url").isPresent()) {
            return id;
        }
        awaitProcessing(session, id, label, clock);
        return id;
    }

    private void awaitProcessing(Session session, String id, String label, Clock clock) throws Fail {
        Duration waited = Duration.ZERO;
        Duration pause = settings.mediaPollInterval();
        while (true) {
            if (waited.plus(pause).compareTo(settings.mediaProcessingTimeout()) > 0) {
                throw Fail.of(
                        FailureKind.RETRYABLE,
                        "media_processing_timeout",
                        label + " was still being processed by "
                                + session.base().host() + " after " + waited.toSeconds() + " s");
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Fail.of(
                        FailureKind.RETRYABLE, "interrupted", "interrupted while Mastodon was processing " + label);
            }
            waited = waited.plus(pause);
            HttpResult status = call(
                    session,
                    new Request.Builder()
                            .url(session.url("api", "v1", "media", id).build())
                            .get(),
                    label);
            LOG.debug("Mastodon media {} after {}: HTTP {}", id, waited, status.status());
            if (status.status() == 206
                    || (status.status() == 200
                            && Json.text(status.json(), "/url").isEmpty())) {
                continue;
            }
            if (status.status() == 200) {
                return;
            }
            if (status.status() == 422) {
                String why = Classifier.error(status);
                throw new Fail(new PublishOutcome.Failed(
                        FailureKind.REJECTED,
                        "media_processing_failed",
                        Redaction.truncate(
                                Redaction.scrub(
                                        label + " could not be processed by "
                                                + session.base().host() + (why.isEmpty() ? "" : ": " + why),
                                        session.secrets()),
                                Classifier.MESSAGE_LIMIT),
                        Optional.empty(),
                        Optional.of(Classifier.raw(status, session.secrets())),
                        java.util.Map.of()));
            }
            throw failure(status, label, session, clock);
        }
    }

    private static HttpResult call(Session session, Request.Builder request, String label) throws Fail {
        try {
            return session.call(request, false);
        } catch (TransportFailure e) {
            // no status exists yet: an unanswered upload at worst leaves an unattached media on the instance
            throw Media.uploadFailed(e, label);
        }
    }

    private static Fail failure(HttpResult result, String label, Session session, Clock clock) {
        return Media.uploadFailed(Classifier.classify(result, session.secrets(), clock.instant(), false), label);
    }

    private static String fileName(@Nullable MediaType type) {
        if (type == null) {
            return "upload";
        }
        String subtype = type.subtype().toLowerCase(Locale.ROOT);
        String extension =
                switch (subtype) {
                    case "jpeg" -> "jpg";
                    case "quicktime" -> "mov";
                    case "svg+xml" -> "svg";
                    default -> subtype.replaceAll("[^a-z0-9]", "");
                };
        return extension.isEmpty() ? "upload" : "upload." + extension;
    }

    /** The content streamed from the host's media source (opened anew each time it is written). */
    private static final class StreamBody extends RequestBody {
        private final MediaContent content;
        private final MediaType type;

        StreamBody(MediaContent content, MediaType type) {
            this.content = content;
            this.type = type;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return content.size();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try (InputStream in = content.open();
                    Source source = Okio.source(in)) {
                sink.writeAll(source);
            }
        }
    }
}
