package io.luxaris.channels.linkedin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.domain.FailureKind;
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
import io.luxaris.spi.security.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads images through LinkedIn's Images API (docs/platforms/linkedin.md §2.4): {@code initializeUpload} with the post's
 * author as owner, then the bytes, read from the host's {@link MediaSource}, {@code PUT} to the upload URL LinkedIn
 * returned. No post exists yet while this runs, so every failure here is safe to retry (or final when the content
 * is refused).
 */
public final class MediaUploader {
    private static final Logger LOG = LoggerFactory.getLogger(MediaUploader.class);
    private static final Set<String> TYPES = Set.of("image/jpeg", "image/jpg", "image/png", "image/gif");

    private final PlatformHttp http;
    private final Settings settings;

    MediaUploader(PlatformHttp http, Settings settings) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** An uploaded image, ready to be attached. */
    record Uploaded(String urn, Optional<String> altText) {}

    List<Uploaded> upload(
            List<MediaRef> media,
            MediaSource source,
            String owner,
            String accessToken,
            Collection<String> secrets,
            Instant now)
            throws Fail {
        var uploaded = new ArrayList<Uploaded>(media.size());
        for (int i = 0; i < media.size(); i++) {
            MediaRef ref = media.get(i);
            MediaContent content = Media.open(source, ref, "media " + i);
            String type = content.mimeType()
                    .toLowerCase(Locale.ROOT)
                    .split(";", -1)[0]
                    .trim();
            if (!TYPES.contains(type)) {
                throw stop(
                        FailureKind.REJECTED,
                        "media_type",
                        "media " + i + " is " + type + "; LinkedIn images must be JPEG, PNG or GIF");
            }
            Target target = initialize(owner, accessToken, secrets, now, i);
            put(target, content, type, accessToken, secrets, now, i);
            LOG.debug("LinkedIn image {} uploaded as {}", i, target.image());
            uploaded.add(new Uploaded(target.image(), ref.altText().filter(t -> !t.isBlank())));
        }
        return uploaded;
    }

    private record Target(HttpUrl uploadUrl, String image) {}

    private Target initialize(String owner, String accessToken, Collection<String> secrets, Instant now, int index)
            throws Fail {
        ObjectNode body = Json.object();
        body.putObject("initializeUploadRequest").put("owner", owner);
        Request request = LinkedInPublisher.rest(
                        settings,
                        settings.api("rest", "images")
                                .addQueryParameter("action", "initializeUpload")
                                .build(),
                        accessToken)
                .post(RequestBody.create(Json.write(body), LinkedInPublisher.JSON))
                .build();
        HttpResult result = send(request, secrets, index, "initializing the upload of");
        if (!result.isSuccessful()) {
            throw new Fail(Classifier.classify(result, settings, now, secrets, false));
        }
        JsonNode value = result.json().path("value");
        Optional<String> image = Json.text(value, "/image");
        Optional<HttpUrl> url = Json.text(value, "/uploadUrl").map(HttpUrl::parse);
        if (image.isEmpty() || url.isEmpty()) {
            throw new Fail(PublishOutcome.failed(
                            FailureKind.RETRYABLE,
                            "unreadable_response",
                            "LinkedIn's initializeUpload answer has no image URN or upload URL")
                    .withRawResponse(Classifier.raw(result, secrets)));
        }
        if (!trusted(url.get(), settings)) {
            throw new Fail(PublishOutcome.failed(
                            FailureKind.REJECTED,
                            "upload_url_untrusted",
                            "LinkedIn's upload URL is not on a LinkedIn host ("
                                    + url.get().host() + "); the image was not sent")
                    .withRawResponse(Classifier.raw(result, secrets)));
        }
        return new Target(url.get(), image.get());
    }

    /**
     * The token goes only to LinkedIn: an https URL on linkedin.com or licdn.com, or the configured API host (a
     * proxy, a mock server in tests).
     */
    public static boolean trusted(HttpUrl url, Settings settings) {
        String host = url.host().toLowerCase(Locale.ROOT);
        if (host.equals(settings.apiBaseUrl().host())
                && url.port() == settings.apiBaseUrl().port()) {
            return true;
        }
        return url.isHttps()
                && (host.equals("linkedin.com")
                        || host.endsWith(".linkedin.com")
                        || host.equals("licdn.com")
                        || host.endsWith(".licdn.com"));
    }

    private void put(
            Target target,
            MediaContent content,
            String type,
            String accessToken,
            Collection<String> secrets,
            Instant now,
            int index)
            throws Fail {
        MediaType mediaType = MediaType.parse(type);
        RequestBody bytes = new RequestBody() {
            @Override
            public @Nullable MediaType contentType() {
                return mediaType;
            }

            @Override
            public long contentLength() {
                return content.size() > 0 ? content.size() : -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (InputStream in = content.open();
                        Source source = Okio.source(in)) {
                    sink.writeAll(source);
                }
            }
        };
        Request request = new Request.Builder()
                .url(target.uploadUrl())
                .header("Authorization", "Bearer " + accessToken)
                .put(bytes)
                .build();
        HttpResult result = send(request, secrets, index, "uploading");
        if (!result.isSuccessful()) {
            throw new Fail(Classifier.classify(result, settings, now, secrets, false));
        }
    }

    private HttpResult send(Request request, Collection<String> secrets, int index, String doing) throws Fail {
        try {
            return http.execute(request, false);
        } catch (TransportFailure e) {
            // no post exists yet: whatever happened to this request, trying again cannot post twice (a redirect,
            // which would take the token and the image elsewhere, is refused: the same request would get it again)
            throw stop(
                    e.kindBeforeCreating(),
                    e.code(),
                    Redaction.scrub(doing + " image " + index + " failed: " + e.getMessage(), secrets));
        }
    }

    private static Fail stop(FailureKind kind, String code, String message) {
        return new Fail(PublishOutcome.failed(kind, code, Redaction.truncate(message, 1_000)));
    }
}
