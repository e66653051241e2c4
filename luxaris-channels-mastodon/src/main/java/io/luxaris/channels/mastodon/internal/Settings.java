package io.luxaris.channels.mastodon.internal;

import io.luxaris.channels.mastodon.MastodonRequestPreview;
import io.luxaris.http.internal.HttpSettings;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.spi.channel.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Configuration of the Mastodon channel, as the public builder validated it. {@link #toString()} never shows a
 * secret.
 *
 * @param http the shared client (if any), timeouts and response cap
 * @param plainHttpOnLoopback whether {@code http://} instance URLs are allowed for loopback hosts (tests)
 * @param defaultInstance the instance of connections that name none
 * @param dryRun build and log requests without sending them
 * @param dryRunSink receives each request built in dry-run mode
 * @param instanceTtl how long what {@code /api/v2/instance} said is used before it is read again
 * @param mediaProcessingTimeout longest wait for an instance to process an upload
 * @param mediaPollInterval pause between two looks at an upload still being processed
 * @param lookupGrace how long after an unanswered status request a missing status counts as absent
 * @param sleeper how to wait, when set on the builder (else the environment's)
 */
public record Settings(
        HttpSettings http,
        boolean plainHttpOnLoopback,
        Optional<HttpUrl> defaultInstance,
        boolean dryRun,
        Consumer<MastodonRequestPreview> dryRunSink,
        Duration instanceTtl,
        Duration mediaProcessingTimeout,
        Duration mediaPollInterval,
        Duration lookupGrace,
        Optional<Sleeper> sleeper) {
    public static final Duration DEFAULT_INSTANCE_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_MEDIA_PROCESSING_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration DEFAULT_MEDIA_POLL_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_LOOKUP_GRACE = Duration.ofSeconds(5);

    public Settings {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(defaultInstance, "defaultInstance");
        Objects.requireNonNull(dryRunSink, "dryRunSink");
        Objects.requireNonNull(instanceTtl, "instanceTtl");
        Objects.requireNonNull(mediaProcessingTimeout, "mediaProcessingTimeout");
        Objects.requireNonNull(mediaPollInterval, "mediaPollInterval");
        Objects.requireNonNull(lookupGrace, "lookupGrace");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    public static Settings defaults() {
        return new Settings(
                HttpSettings.defaults(),
                false,
                Optional.empty(),
                false,
                preview -> {},
                DEFAULT_INSTANCE_TTL,
                DEFAULT_MEDIA_PROCESSING_TIMEOUT,
                DEFAULT_MEDIA_POLL_INTERVAL,
                DEFAULT_LOOKUP_GRACE,
                Optional.empty());
    }

    /** A URL under {@code base}, from path segments (each one encoded). */
    public static HttpUrl.Builder url(HttpUrl base, String... segments) {
        return PlatformHttp.url(base, segments);
    }

    @Override
    public String toString() {
        return "Settings[" + http + ", plainHttpOnLoopback=" + plainHttpOnLoopback + ", defaultInstance="
                + defaultInstance.map(HttpUrl::host).orElse("none") + ", dryRun=" + dryRun + ", instanceTtl="
                + instanceTtl + ", mediaProcessingTimeout=" + mediaProcessingTimeout + ", mediaPollInterval="
                + mediaPollInterval + ", lookupGrace=" + lookupGrace + "]";
    }
}
