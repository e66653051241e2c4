package io.luxaris.channels.threads.internal;

import io.luxaris.channels.threads.ThreadsMediaUrls;
import io.luxaris.channels.threads.ThreadsRequestPreview;
import io.luxaris.http.internal.HttpSettings;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.spi.channel.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Configuration of the Threads channel, as the public builder validated it. {@link #toString()} never shows a secret.
 *
 * @param baseUrl Graph API host ({@code https://graph.threads.net}; a mock server or proxy in tests)
 * @param apiVersion the version path segment of API calls ({@code v1.0})
 * @param http the shared client (if any), timeouts and response cap
 * @param dryRun build and log requests without sending them
 * @param dryRunSink receives each request built in dry-run mode
 * @param mediaUrls where Meta fetches each image from
 * @param refreshAhead refresh a long-lived token when it expires within this margin
 * @param pollInterval wait between two container status reads
 * @param containerTimeout longest wait for a container to be {@code FINISHED}
 * @param mediaNotFoundDelay wait after the transient "Media Not Found" before the container is checked again
 * @param publishTries how often one part is published at most when Meta answers "Media Not Found"
 * @param lookupGrace how long after an unanswered publish a container that is not published counts as not published
 * @param sleeper how to wait, when set on the builder (else the environment's)
 */
public record Settings(
        HttpUrl baseUrl,
        String apiVersion,
        HttpSettings http,
        boolean dryRun,
        Consumer<ThreadsRequestPreview> dryRunSink,
        ThreadsMediaUrls mediaUrls,
        Duration refreshAhead,
        Duration pollInterval,
        Duration containerTimeout,
        Duration mediaNotFoundDelay,
        int publishTries,
        Duration lookupGrace,
        Optional<Sleeper> sleeper) {
    public static final String DEFAULT_BASE_URL = "https://graph.threads.net";
    public static final String DEFAULT_API_VERSION = "v1.0";
    /** Long-lived tokens live 60 days; refreshing in their second half keeps an account that posts monthly alive. */
    public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofDays(30);
    /** Meta refuses to refresh a token younger than 24 hours: the margin must leave it that age. */
    public static final Duration MAX_REFRESH_AHEAD = Duration.ofDays(58);

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONTAINER_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MEDIA_NOT_FOUND_DELAY = Duration.ofSeconds(2);
    public static final int DEFAULT_PUBLISH_TRIES = 3;
    public static final Duration DEFAULT_LOOKUP_GRACE = Duration.ofSeconds(5);

    public Settings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(dryRunSink, "dryRunSink");
        Objects.requireNonNull(mediaUrls, "mediaUrls");
        Objects.requireNonNull(refreshAhead, "refreshAhead");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(containerTimeout, "containerTimeout");
        Objects.requireNonNull(mediaNotFoundDelay, "mediaNotFoundDelay");
        Objects.requireNonNull(lookupGrace, "lookupGrace");
        Objects.requireNonNull(sleeper, "sleeper");
        if (publishTries < 1) {
            throw new IllegalArgumentException("publishTries must be at least 1 but was " + publishTries);
        }
    }

    public static Settings defaults() {
        return new Settings(
                HttpUrl.get(DEFAULT_BASE_URL),
                DEFAULT_API_VERSION,
                HttpSettings.defaults(),
                false,
                preview -> {},
                ThreadsMediaUrls.fromRef(),
                DEFAULT_REFRESH_AHEAD,
                DEFAULT_POLL_INTERVAL,
                DEFAULT_CONTAINER_TIMEOUT,
                DEFAULT_MEDIA_NOT_FOUND_DELAY,
                DEFAULT_PUBLISH_TRIES,
                DEFAULT_LOOKUP_GRACE,
                Optional.empty());
    }

    /** The defaults with another base URL and HTTP settings (for the OAuth helper). */
    public static Settings of(HttpUrl baseUrl, HttpSettings http) {
        Settings d = defaults();
        return new Settings(
                baseUrl,
                d.apiVersion,
                http,
                false,
                d.dryRunSink,
                d.mediaUrls,
                d.refreshAhead,
                d.pollInterval,
                d.containerTimeout,
                d.mediaNotFoundDelay,
                d.publishTries,
                d.lookupGrace,
                d.sleeper);
    }

    /** An API URL: the base, the version, then the path segments (each one encoded). */
    public HttpUrl.Builder api(String... segments) {
        return PlatformHttp.url(baseUrl.newBuilder().addPathSegment(apiVersion).build(), segments);
    }

    /** A URL outside the versioned API (the token endpoints): the base, then the path segments. */
    public HttpUrl.Builder root(String... segments) {
        return PlatformHttp.url(baseUrl, segments);
    }

    @Override
    public String toString() {
        return "Settings[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", " + http + ", dryRun=" + dryRun
                + ", mediaUrls=" + mediaUrls + ", refreshAhead=" + refreshAhead + ", pollInterval=" + pollInterval
                + ", containerTimeout=" + containerTimeout + ", mediaNotFoundDelay=" + mediaNotFoundDelay
                + ", publishTries=" + publishTries + ", lookupGrace=" + lookupGrace + "]";
    }
}
