package io.luxaris.channels.bluesky.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.Media;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.security.Redaction;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Uploads a post's images as blobs ({@code com.atproto.repo.uploadBlob}: the raw bytes, their MIME type as {@code
 * Content-Type}) from bytes the host's {@link MediaSource} supplies (never from a URL), and describes each for the
 * {@code app.bsky.embed.images} embed: the blob as Bluesky returned it, the alt text ({@code ""} when there is none:
 * Bluesky requires the field) and the aspect ratio read from the image's header (left out when it cannot be read).
 * Bluesky checks type and size only when the post is created, so every image is checked here first, before any byte
 * is uploaded: images only ({@code image/*}), at most {@value #MAX_IMAGES}, none larger than the configured limit.
 * Nothing is posted yet, so every failure here is safe to retry unless the image itself is refused.
 */
final class MediaUploader {
    static final int MAX_IMAGES = 4;

    private final Settings settings;

    MediaUploader(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** An image read and checked, ready to upload. */
    @SuppressWarnings("ArrayRecordComponent") // a local carrier of one image; never compared or hashed
    private record Image(String label, String mimeType, byte[] bytes, String alt) {}

    /** Checks every attachment, then uploads them in order; returns the {@code images} entries of the embed. */
    List<ObjectNode> upload(Auth.Session session, List<MediaRef> media, MediaSource source, Instant now) throws Fail {
        if (media.size() > MAX_IMAGES) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "too_many_images",
                    "the post has " + media.size() + " attachments; Bluesky takes up to " + MAX_IMAGES + " images");
        }
        var images = new ArrayList<Image>(media.size());
        for (int i = 0; i < media.size(); i++) {
            images.add(read(media.get(i), source, "image " + (i + 1) + " of " + media.size()));
        }
        var entries = new ArrayList<ObjectNode>(images.size());
        for (Image image : images) {
            JsonNode blob = upload(session, image, now);
            ObjectNode entry = Json.object().put("alt", image.alt());
            entry.set("image", blob);
            ImageSize.of(image.bytes()).ifPresent(size -> entry.putObject("aspectRatio")
                    .put("width", size.width())
                    .put("height", size.height()));
            entries.add(entry);
        }
        return entries;
    }

    private Image read(MediaRef ref, MediaSource source, String label) throws Fail {
        if (ref.kind() != MediaKind.IMAGE) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "media_not_supported",
                    label + " is a " + ref.kind().wireName() + "; the Bluesky channel posts images only");
        }
        MediaContent content = Media.open(source, ref, label);
        String mime = content.mimeType().strip().toLowerCase(Locale.ROOT);
        MediaType type = MediaType.parse(mime);
        if (type == null || !type.type().equals("image")) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "media_type",
                    label + " is " + Redaction.truncate(mime, 100) + "; Bluesky takes images (image/*) only");
        }
        if (content.size() > settings.maxImageBytes()) {
            throw tooLarge(label, content.size());
        }
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw Media.readFailed(label, e);
        }
        if (bytes.length > settings.maxImageBytes()) {
            throw tooLarge(label, bytes.length);
        }
        return new Image(
                label, type.type() + "/" + type.subtype(), bytes, ref.altText().orElse(""));
    }

    private Fail tooLarge(String label, long size) {
        return Fail.of(
                FailureKind.REJECTED,
                "media_too_large",
                label + " is " + size + " bytes; Bluesky takes images up to " + settings.maxImageBytes() + " bytes");
    }

    private JsonNode upload(Auth.Session session, Image image, Instant now) throws Fail {
        HttpResult result;
        try {
            result = session.call(
                    () -> new Request.Builder()
                            .url(settings.xrpc(Http.UPLOAD_BLOB).build())
                            .post(RequestBody.create(image.bytes(), MediaType.get(image.mimeType())))
                            .build(),
                    false);
        } catch (TransportFailure e) {
            // nothing is posted yet: at worst an unreferenced blob is left, which Bluesky deletes
            throw Media.uploadFailed(e, image.label());
        }
        if (!result.isSuccessful()) {
            throw Media.uploadFailed(Classifier.classify(result, session.secrets(), now), image.label());
        }
        JsonNode blob = result.json().path("blob");
        Optional<String> link = Json.text(blob, "/ref/$link");
        if (!blob.isObject() || link.isEmpty()) {
            throw Fail.of(
                    FailureKind.RETRYABLE,
                    "media_unreadable_response",
                    "Bluesky's answer to uploading " + image.label() + " had no blob reference");
        }
        return blob;
    }
}
