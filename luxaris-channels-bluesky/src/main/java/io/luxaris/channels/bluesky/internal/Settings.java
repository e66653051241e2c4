package io.luxaris.channels.bluesky.internal;

import io.luxaris.channels.bluesky.BlueskyRequestPreview;
import io.luxaris.http.internal.HttpSettings;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Configuration of the Bluesky channel, as the public builder validated it. {@link #toString()} never shows a secret.
 *
 * @param pdsUrl the PDS (or entryway) every XRPC call goes to ({@code https://bsky.social} by default)
 * @param http the shared client (if any), timeouts and response cap
 * @param dryRun build and log requests without sending them
 * @param dryRunSink receives each request built in dry-run mode
 * @param maxImageBytes the largest image uploaded; a larger one is refused before any upload
 * @param loginsPerWindow logins ({@code createSession}) this process makes per account within {@link #LOGIN_WINDOW}
 * @param languages the {@code langs} of every post (at most 3), empty for none
 * @param writePointsPerHour the write points per hour this process spends per account at most
 * @param writePointsPerDay the write points per day this process spends per account at most
 */
public record Settings(
        HttpUrl pdsUrl,
        HttpSettings http,
        boolean dryRun,
        Consumer<BlueskyRequestPreview> dryRunSink,
        long maxImageBytes,
        int loginsPerWindow,
        List<String> languages,
        int writePointsPerHour,
        int writePointsPerDay) {
    public static final String DEFAULT_PDS_URL = "https://bsky.social";
    /** The lexicon's limit of an image blob ({@code app.bsky.embed.images#image.image.maxSize}). */
    public static final long DEFAULT_MAX_IMAGE_BYTES = 2_000_000;
    /** Bluesky-hosted PDSes take no upload over 50 MiB; an image limit above it makes no sense. */
    public static final long MAX_IMAGE_BYTES_LIMIT = 52_428_800;
    /** Bluesky allows 30 logins per 5 minutes per account; this process uses a third of that at most. */
    public static final int DEFAULT_LOGINS_PER_WINDOW = 10;

    /** Bluesky's write budget of an account: points per hour and per day. */
    public static final int MAX_WRITE_POINTS_PER_HOUR = WriteBudget.POINTS_PER_HOUR;

    public static final int MAX_WRITE_POINTS_PER_DAY = WriteBudget.POINTS_PER_DAY;

    public static final java.time.Duration LOGIN_WINDOW = java.time.Duration.ofMinutes(5);

    public Settings {
        Objects.requireNonNull(pdsUrl, "pdsUrl");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(dryRunSink, "dryRunSink");
        languages = List.copyOf(languages);
    }

    public static Settings defaults() {
        return new Settings(
                HttpUrl.get(DEFAULT_PDS_URL),
                HttpSettings.defaults(),
                false,
                preview -> {},
                DEFAULT_MAX_IMAGE_BYTES,
                DEFAULT_LOGINS_PER_WINDOW,
                List.of(),
                WriteBudget.POINTS_PER_HOUR,
                WriteBudget.POINTS_PER_DAY);
    }

    /** {@code {pds}/xrpc/{method}}. */
    public HttpUrl.Builder xrpc(String method) {
        return pdsUrl.newBuilder().addPathSegment("xrpc").addPathSegment(method);
    }

    @Override
    public String toString() {
        return "Settings[pdsUrl=" + pdsUrl + ", " + http + ", dryRun=" + dryRun + ", maxImageBytes=" + maxImageBytes
                + ", loginsPerWindow=" + loginsPerWindow + ", languages=" + languages + ", writePointsPerHour="
                + writePointsPerHour + ", writePointsPerDay=" + writePointsPerDay + "]";
    }
}
