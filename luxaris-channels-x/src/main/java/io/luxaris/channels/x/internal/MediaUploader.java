package io.luxaris.channels.x.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.Media;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.RawResponse;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.Sleeper;
import io.luxaris.spi.security.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads attachments through X's v2 media endpoints, from bytes the host's {@link MediaSource} supplies (never
 * from a URL). Images use the simple upload; GIFs and videos the chunked one (initialize, append segments,
 * finalize, then poll the processing status as long as X asks, honouring {@code check_after_secs}). Alt text is
 * set with the media metadata endpoint. Nothing is posted yet, so every failure here is safe to retry unless X
 * refused the media itself.
 */
public final class MediaUploader {
    private static final Logger LOG = LoggerFactory.getLogger(MediaUploader.class);

    /** X's size limits: images 5 MB, GIFs 15 MB, videos 512 MB. */
    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;

    static final long MAX_GIF_BYTES = 15L * 1024 * 1024;
    static final long MAX_VIDEO_BYTES = 512L * 1024 * 1024;
    /** X accepts alt text up to 1000 characters. */
    public static final int MAX_ALT_TEXT = 1_000;

    private final Settings settings;
    private final Sleeper sleeper;

    public MediaUploader(Settings settings, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Uploads every attachment in order and returns X's media ids. */
    public List<String> upload(Auth.Session session, List<MediaRef> media, MediaSource source, Instant now)
            throws Fail {
        var ids = new ArrayList<String>(media.size());
        for (int i = 0; i < media.size(); i++) {
            MediaRef ref = media.get(i);
            String label = "media " + (i + 1) + " of " + media.size();
            MediaContent content = Media.open(source, ref, label);
            long limit = limit(ref.kind());
            if (content.size() > limit) {
                throw Fail.of(
                        FailureKind.REJECTED,
                        "media_too_large",
                        label + " is " + content.size() + " bytes; X accepts "
                                + ref.kind().wireName() + "s up to " + limit + " bytes");
            }
            String id = ref.kind() == MediaKind.IMAGE
                    ? simple(session, content, label, now)
                    : chunked(session, ref.kind(), content, label, now);
            if (ref.altText().isPresent() && ref.kind() != MediaKind.VIDEO) {
                altText(session, id, ref.altText().get(), label, now);
            }
            ids.add(id);
        }
        return ids;
    }

    private static long limit(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> MAX_IMAGE_BYTES;
            case GIF -> MAX_GIF_BYTES;
            case VIDEO -> MAX_VIDEO_BYTES;
        };
    }

    private static String category(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> "tweet_image";
            case GIF -> "tweet_gif";
            case VIDEO -> "tweet_video";
        };
    }

    private String simple(Auth.Session session, MediaContent content, String label, Instant now) throws Fail {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw Media.readFailed(label, e);
        }
        MediaType type = mediaType(content.mimeType());
        HttpResult result = send(
                session,
                () -> new Request.Builder()
                        .url(settings.url("2", "media", "upload").build())
                        .post(new MultipartBody.Builder()
                                .setType(MultipartBody.FORM)
                                .addFormDataPart("media", "media", RequestBody.create(bytes, type))
                                .addFormDataPart("media_category", "tweet_image")
                                .build())
                        .build(),
                label);
        return mediaId(result, label, now, session);
    }

    private String chunked(Auth.Session session, MediaKind kind, MediaContent content, String label, Instant now)
            throws Fail {
        var init = Json.object()
                .put("media_type", content.mimeType())
                .put("total_bytes", content.size())
                .put("media_category", category(kind));
        HttpResult initialized = send(
                session,
                () -> new Request.Builder()
                        .url(settings.url("2", "media", "upload", "initialize").build())
                        .post(RequestBody.create(Json.write(init), PlatformHttp.JSON))
                        .build(),
                label);
        String id = mediaId(initialized, label, now, session);
        long total = 0;
        try (InputStream in = content.open()) {
            int segment = 0;
            while (true) {
                byte[] chunk = in.readNBytes(settings.mediaChunkSize());
                if (chunk.length == 0) {
                    break;
                }
                total += chunk.length;
                int index = segment;
                MediaType type = mediaType(content.mimeType());
                HttpResult appended = send(
                        session,
                        () -> new Request.Builder()
                                .url(settings.url("2", "media", "upload", id, "append")
                                        .build())
                                .post(new MultipartBody.Builder()
                                        .setType(MultipartBody.FORM)
                                        .addFormDataPart("media", "media", RequestBody.create(chunk, type))
                                        .addFormDataPart("segment_index", Integer.toString(index))
                                        .build())
                                .build(),
                        label);
                requireSuccess(appended, label, now, session);
                segment++;
                if (segment > 999) {
                    throw Fail.of(
                            FailureKind.REJECTED,
                            "media_too_many_segments",
                            label + " needs more than 1000 segments; raise the chunk size");
                }
            }
        } catch (IOException e) {
            throw Media.readFailed(label, e);
        }
        if (total != content.size()) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "media_size_mismatch",
                    label + " declared " + content.size() + " bytes but its stream had " + total);
        }
        HttpResult finalized = send(
                session,
                () -> new Request.Builder()
                        .url(settings.url("2", "media", "upload", id, "finalize")
                                .build())
                        .post(RequestBody.create(new byte[0], null))
                        .build(),
                label);
        requireSuccess(finalized, label, now, session);
        awaitProcessing(session, id, finalized.json(), label, now);
        return id;
    }

    private void awaitProcessing(Auth.Session session, String id, JsonNode answer, String label, Instant now)
            throws Fail {
        JsonNode info = answer.at("/data/processing_info");
        Duration waited = Duration.ZERO;
        while (info.isObject()) {
            String state = Json.text(info, "/state").orElse("pending").toLowerCase(Locale.ROOT);
            if (state.equals("succeeded")) {
                return;
            }
            if (state.equals("failed")) {
                JsonNode failure = info;
                String reason = Json.text(failure, "/error/message")
                        .or(() -> Json.text(failure, "/error/name"))
                        .map(m -> ": " + m)
                        .orElse("");
                throw new Fail(new PublishOutcome.Failed(
                        FailureKind.REJECTED,
                        "media_processing_failed",
                        Redaction.truncate(label + " could not be processed by X" + reason, Classifier.MESSAGE_LIMIT),
                        Optional.empty(),
                        Optional.of(Redaction.truncate(Json.write(answer), RawResponse.LIMIT)),
                        Map.of()));
            }
            long after = Math.max(1, Json.number(info, "/check_after_secs").orElse(1L));
            Duration pause = Duration.ofSeconds(after);
            if (waited.plus(pause).compareTo(settings.mediaProcessingTimeout()) > 0) {
                throw Fail.of(
                        FailureKind.RETRYABLE,
                        "media_processing_timeout",
                        label + " was still being processed by X after " + waited.toSeconds() + " s");
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Fail.of(FailureKind.RETRYABLE, "interrupted", "interrupted while X was processing " + label);
            }
            waited = waited.plus(pause);
            HttpResult status = send(
                    session,
                    () -> new Request.Builder()
                            .url(settings.url("2", "media", "upload")
                                    .addQueryParameter("media_id", id)
                                    .addQueryParameter("command", "STATUS")
                                    .build())
                            .get()
                            .build(),
                    label);
            requireSuccess(status, label, now, session);
            answer = status.json();
            info = answer.at("/data/processing_info");
            LOG.debug("X media {} processing: {}", id, Json.text(info, "/state").orElse("(none)"));
        }
    }

    private void altText(Auth.Session session, String id, String text, String label, Instant now) throws Fail {
        var body = Json.object().put("id", id);
        body.putObject("metadata").putObject("alt_text").put("text", text);
        HttpResult result = send(
                session,
                () -> new Request.Builder()
                        .url(settings.url("2", "media", "metadata").build())
                        .post(RequestBody.create(Json.write(body), PlatformHttp.JSON))
                        .build(),
                label + " (alt text)");
        requireSuccess(result, label + " (alt text)", now, session);
    }

    private static HttpResult send(Auth.Session session, Supplier<Request> build, String label) throws Fail {
        try {
            return session.call(build, false);
        } catch (TransportFailure e) {
            // no post exists yet: an unanswered upload at worst leaves an orphan media id on X
            throw Media.uploadFailed(e, label);
        }
    }

    private static void requireSuccess(HttpResult result, String label, Instant now, Auth.Session session) throws Fail {
        if (!result.isSuccessful()) {
            throw Media.uploadFailed(Classifier.classify(result, session.secrets(), now), label);
        }
    }

    private static String mediaId(HttpResult result, String label, Instant now, Auth.Session session) throws Fail {
        requireSuccess(result, label, now, session);
        return Json.text(result.json(), "/data/id")
                .or(() -> Json.text(result.json(), "/media_id_string"))
                .orElseThrow(() -> Fail.of(
                        FailureKind.RETRYABLE,
                        "media_unreadable_response",
                        "X's answer to uploading " + label + " had no media id"));
    }

    private static MediaType mediaType(String mime) {
        MediaType type = MediaType.parse(mime);
        return type == null ? PlatformHttp.OCTET_STREAM : type;
    }
}
