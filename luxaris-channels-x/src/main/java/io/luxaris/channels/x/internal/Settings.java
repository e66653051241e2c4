package io.luxaris.channels.x.internal;

import io.luxaris.channels.x.XRequestPreview;
import io.luxaris.http.internal.HttpSettings;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.spi.channel.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Configuration of the X channel, as the public builder validated it. {@link #toString()} never shows a secret.
 *
 * @param baseUrl API base ({@code https://api.x.com} in production; a mock server or proxy in tests)
 * @param http the shared client (if any), timeouts and response cap
 * @param dryRun build and log requests without sending them
 * @param dryRunSink receives each request built in dry-run mode
 * @param clientId OAuth 2.0 client id for refreshing tokens
 * @param clientSecret OAuth 2.0 client secret of a confidential client
 * @param consumerKey OAuth 1.0a consumer key
 * @param consumerSecret OAuth 1.0a consumer secret
 * @param refreshAhead refresh an access token this long before it expires
 * @param mediaProcessingTimeout longest wait for X to process an uploaded GIF or video
 * @param mediaChunkSize bytes per APPEND segment of a chunked upload
 * @param lookupGrace how long after an unanswered post a missing post counts as absent
 * @param sleeper how to wait between polls, when set on the builder (else the environment's)
 */
public record Settings(
        HttpUrl baseUrl,
        HttpSettings http,
        boolean dryRun,
        Consumer<XRequestPreview> dryRunSink,
        Optional<String> clientId,
        Optional<String> clientSecret,
        Optional<String> consumerKey,
        Optional<String> consumerSecret,
        Duration refreshAhead,
        Duration mediaProcessingTimeout,
        int mediaChunkSize,
        Duration lookupGrace,
        Optional<Sleeper> sleeper) {
    public static final String DEFAULT_BASE_URL = "https://api.x.com";
    public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofMinutes(2);
    public static final Duration DEFAULT_MEDIA_PROCESSING_TIMEOUT = Duration.ofSeconds(90);
    public static final int DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;
    public static final Duration DEFAULT_LOOKUP_GRACE = Duration.ofSeconds(5);

    public Settings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(dryRunSink, "dryRunSink");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(consumerSecret, "consumerSecret");
        Objects.requireNonNull(refreshAhead, "refreshAhead");
        Objects.requireNonNull(mediaProcessingTimeout, "mediaProcessingTimeout");
        Objects.requireNonNull(lookupGrace, "lookupGrace");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    public static Settings defaults() {
        return new Settings(
                HttpUrl.get(DEFAULT_BASE_URL),
                HttpSettings.defaults(),
                false,
                preview -> {},
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DEFAULT_REFRESH_AHEAD,
                DEFAULT_MEDIA_PROCESSING_TIMEOUT,
                DEFAULT_CHUNK_SIZE,
                DEFAULT_LOOKUP_GRACE,
                Optional.empty());
    }

    /** A URL under the base, from path segments (each one encoded). */
    public HttpUrl.Builder url(String... segments) {
        return url(baseUrl, segments);
    }

    /** A URL under {@code baseUrl}, from path segments (each one encoded). */
    public static HttpUrl.Builder url(HttpUrl baseUrl, String... segments) {
        return PlatformHttp.url(baseUrl, segments);
    }

    @Override
    public String toString() {
        return "Settings[baseUrl=" + baseUrl + ", " + http + ", dryRun=" + dryRun
                + ", clientId=" + clientId.isPresent() + ", clientSecret=" + clientSecret.isPresent()
                + ", consumerKey=" + consumerKey.isPresent() + ", refreshAhead=" + refreshAhead
                + ", mediaProcessingTimeout=" + mediaProcessingTimeout + ", mediaChunkSize=" + mediaChunkSize
                + ", lookupGrace=" + lookupGrace + "]";
    }
}
