package io.luxaris.channels.threads;

import static io.luxaris.http.internal.AdapterBuilder.notNegative;
import static io.luxaris.http.internal.AdapterBuilder.positive;
import static io.luxaris.http.internal.AdapterBuilder.url;

import com.google.auto.service.AutoService;
import io.luxaris.channels.threads.internal.Classifier;
import io.luxaris.channels.threads.internal.GraphError;
import io.luxaris.channels.threads.internal.Settings;
import io.luxaris.channels.threads.internal.ThreadsPublisher;
import io.luxaris.channels.threads.internal.ThreadsText;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.Limits;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.TextMeasure;
import io.luxaris.errors.Violation;
import io.luxaris.http.internal.AdapterBuilder;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaUnavailableException;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.Sleeper;
import io.luxaris.spi.security.Redaction;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Threads channel (key {@code threads}): text posts, images, carousels and reply chains through Meta's Threads
 * Graph API over OkHttp.
 *
 * <pre>{@code
 * Luxaris luxaris = Luxaris.builder()
 *     .channel(ThreadsChannel.builder()
 *             .mediaUrls(media -> myCdn.publicUrl(media.ref()))  // Meta downloads images from public URLs
 *             .build())
 *     .mediaSource(myMediaLibrary)                               // optional: bytes are checked before Meta is asked
 *     .build();
 * }</pre>
 *
 * <p><b>Posting</b> is two steps: a container ({@code POST /{user-id}/threads}), polled until {@code FINISHED}, then
 * {@code POST /{user-id}/threads_publish?creation_id=...}. The container id is recorded before it is published, so a
 * later attempt publishes that container or finds its post, and never creates a second post. Thread parts are
 * replies ({@code reply_to_id}) to the part before; parts already published are never published again.
 *
 * <p><b>Limits:</b> {@value #MAX_TEXT_LENGTH} characters per post (emoji counted as their UTF-8 bytes, see {@link
 * #textMeasure()}), at most {@value #MAX_LINKS} links per post, up to {@value #MAX_IMAGES} JPEG or PNG images (one
 * image, or a carousel), threads, and {@value #MAX_POSTS_PER_DAY} posts per 24 hours (checked with the quota endpoint
 * before publishing).
 *
 * <p><b>Images:</b> Threads has no upload; Meta fetches each image from a public https URL, given by {@link
 * Builder#mediaUrls} (default: the media reference is that URL). Luxaris never fetches one.
 *
 * <p><b>Account:</b> credentials are a long-lived token with its expiry ({@link ThreadsOAuth.Tokens#toCredentials()}),
 * refreshed ahead of its 60 days and saved before use. Connection properties {@value #PROPERTY_USER_ID} and {@value
 * #PROPERTY_USERNAME} ({@link ThreadsOAuth.Account#toConnectionProperties()}) save a {@code GET /me}; without them the
 * publisher reads and keeps them.
 *
 * <p>Discovered through {@link java.util.ServiceLoader} it runs with the defaults (production URL, references as
 * image URLs). Immutable and thread-safe.
 */
@AutoService(ChannelProvider.class)
@SuppressWarnings("exports") // @AutoService is a compile-time (CLASS retention) annotation only
public final class ThreadsChannel implements ChannelProvider {
    /** The channel key. */
    public static final String KEY = "threads";
    /** Connection property: the account's Threads user id, the {@code {user-id}} of every request. */
    public static final String PROPERTY_USER_ID = ThreadsPublisher.PROPERTY_USER_ID;
    /** Connection property: the account's username (informational). */
    public static final String PROPERTY_USERNAME = ThreadsPublisher.PROPERTY_USERNAME;
    /**
     * Connection property the publisher writes before each {@code threads_publish}: the container about to be
     * published ({@code <schedule id> <part> <container id>}), so a process that dies meanwhile loses nothing.
     */
    public static final String PROPERTY_PENDING_CONTAINER = ThreadsPublisher.PENDING_PROPERTY;
    /** Characters per post. */
    public static final int MAX_TEXT_LENGTH = ThreadsText.MAX_LENGTH;
    /** Links per post. */
    public static final int MAX_LINKS = ThreadsText.MAX_LINKS;
    /** Images per post (a carousel has 2 or more; Meta's own maximum, 10 or 20, is not settled: 10 is safe). */
    public static final int MAX_IMAGES = 10;
    /** Posts an account may publish through the API in 24 hours. */
    public static final int MAX_POSTS_PER_DAY = 250;

    private static final Logger LOG = LoggerFactory.getLogger(ThreadsChannel.class);
    private static final Pattern MEDIA_ID = Pattern.compile("[0-9A-Za-z_]{1,64}");
    private static final ChannelDescriptor DESCRIPTOR = ChannelDescriptor.of(
                    "Threads",
                    ChannelLimits.builder(MAX_TEXT_LENGTH)
                            .images(MAX_IMAGES)
                            .links(true)
                            .threads(Limits.THREAD_PARTS)
                            .maxPostsPerDay(MAX_POSTS_PER_DAY)
                            .build())
            // a comment on Threads is a reply to the post itself
            .withFollowUps(FollowUpKind.REPLY, FollowUpKind.COMMENT);

    private final Settings settings;

    /** The channel with default settings (as {@link java.util.ServiceLoader} creates it). */
    public ThreadsChannel() {
        this(Settings.defaults());
    }

    private ThreadsChannel(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Characters as Threads counts them, conservatively: code points, each emoji code point counting its UTF-8 bytes
     * (Meta: "emojis are counted as the number of UTF-8 bytes"; the exact rule is undocumented).
     */
    @Override
    public TextMeasure textMeasure() {
        return ThreadsText.INSTANCE;
    }

    /**
     * At most {@value #MAX_LINKS} links in each post (rule {@code too_many_links}, per part of a thread), and, when
     * media references are the image URLs ({@link ThreadsMediaUrls#fromRef()}), references that are public https URLs
     * (rule {@code public_url}).
     */
    @Override
    public List<Violation> validate(PostVariant variant, Optional<ChannelConnection> connection) {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
        var violations = new ArrayList<Violation>();
        List<String> texts = variant.texts();
        for (int i = 0; i < texts.size(); i++) {
            int links = ThreadsText.links(texts.get(i));
            if (links > MAX_LINKS) {
                violations.add(Violation.of(
                        i == 0 ? "content" : "thread[" + (i - 1) + "]",
                        "too_many_links",
                        "has " + links + " links; Threads accepts at most " + MAX_LINKS + " per post"));
            }
        }
        if (settings.mediaUrls() == ThreadsMediaUrls.fromRef()) {
            for (int i = 0; i < variant.media().size(); i++) {
                MediaRef media = variant.media().get(i);
                try {
                    RefUrls.INSTANCE.publicUrl(media);
                } catch (MediaUnavailableException e) {
                    violations.add(Violation.of("media[" + i + "].ref", "public_url", String.valueOf(e.getMessage())));
                }
            }
        }
        return violations;
    }

    @Override
    public ChannelPublisher createPublisher(ChannelEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        if (settings.dryRun()) {
            LOG.info("Threads channel in dry-run mode: requests are built and logged, never sent");
        }
        return new ThreadsPublisher(settings, settings.sleeper().orElseGet(environment::sleeper));
    }

    /**
     * Deletes a post ({@code DELETE /{threads-media-id}}, permission {@code threads_delete}; Meta allows 100 deletes
     * per account in 24 hours). Luxaris' engine never deletes, so this is for hosts that offer "delete from Threads".
     *
     * @param mediaId the published post's id, as recorded as the schedule's external post id
     * @param accessToken the account's token
     * @return true when Threads deleted it, false when Threads does not have it (deleted already)
     * @throws ThreadsException when Threads refuses or cannot be reached ({@link ThreadsException#retryable()} tells
     *     whether trying again may help)
     */
    public boolean deletePost(String mediaId, String accessToken) {
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(accessToken, "accessToken");
        if (!MEDIA_ID.matcher(mediaId).matches()) {
            throw new IllegalArgumentException(
                    "mediaId must be a Threads media id but was '" + Redaction.truncate(mediaId, 100) + "'");
        }
        HttpUrl url = settings.api(mediaId)
                .addQueryParameter("access_token", accessToken)
                .build();
        HttpResult result;
        try (var http = ThreadsPublisher.http(settings)) {
            result = http.execute(new Request.Builder().url(url).delete().build(), false);
        } catch (TransportFailure e) {
            throw new ThreadsException(
                    e.code(), String.valueOf(e.getMessage()), !e.code().equals(TransportFailure.UNEXPECTED_REDIRECT));
        }
        if (result.isSuccessful()) {
            return Json.text(result.json(), "/deleted_id").isPresent()
                    || result.json().path("success").asBoolean(false);
        }
        if (GraphError.of(result).isNotFound()) {
            return false;
        }
        PublishOutcome.Failed failed = Classifier.classify(
                result, List.of(accessToken), Clock.systemUTC().instant(), Optional.empty());
        throw new ThreadsException(
                failed.code(),
                "Threads did not delete " + mediaId + ": " + failed.safeMessage(),
                failed.kind() == FailureKind.RETRYABLE || failed.kind() == FailureKind.RATE_LIMITED);
    }

    /** The Graph API base URL requests go to. */
    public URI baseUrl() {
        return settings.baseUrl().uri();
    }

    /** Whether this channel only builds and logs requests. */
    public boolean isDryRun() {
        return settings.dryRun();
    }

    @Override
    public String toString() {
        return "ThreadsChannel[" + settings + "]";
    }

    /** Builder of a {@link ThreadsChannel}; validates each setting as it is given. */
    public static final class Builder {
        private static final Pattern VERSION = Pattern.compile("v[0-9]{1,2}\\.[0-9]{1,2}");

        private HttpUrl baseUrl = HttpUrl.get(Settings.DEFAULT_BASE_URL);
        private String apiVersion = Settings.DEFAULT_API_VERSION;
        private final AdapterBuilder<ThreadsRequestPreview> common = new AdapterBuilder<>();
        private ThreadsMediaUrls mediaUrls = ThreadsMediaUrls.fromRef();
        private Duration refreshAhead = Settings.DEFAULT_REFRESH_AHEAD;
        private Duration pollInterval = Settings.DEFAULT_POLL_INTERVAL;
        private Duration containerTimeout = Settings.DEFAULT_CONTAINER_TIMEOUT;
        private Duration mediaNotFoundDelay = Settings.DEFAULT_MEDIA_NOT_FOUND_DELAY;
        private int publishTries = Settings.DEFAULT_PUBLISH_TRIES;
        private Duration lookupGrace = Settings.DEFAULT_LOOKUP_GRACE;

        private Builder() {}

        /** Where the Graph API is; default {@code https://graph.threads.net}. A proxy or a mock server in tests. */
        public Builder baseUrl(String url) {
            this.baseUrl = url(url, "baseUrl");
            return this;
        }

        /** Where the Graph API is. */
        public Builder baseUrl(URI url) {
            return baseUrl(Objects.requireNonNull(url, "baseUrl").toString());
        }

        /** The API version path segment; default {@code v1.0}. */
        public Builder apiVersion(String version) {
            Objects.requireNonNull(version, "apiVersion");
            if (!VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("apiVersion must look like v1.0 but was '" + version + "'");
            }
            this.apiVersion = version;
            return this;
        }

        /**
         * The host's shared OkHttp client (connection pool, dispatcher, proxy, TLS settings). Luxaris derives its
         * own configuration from it (never following redirects) and never shuts it down.
         */
        public Builder httpClient(OkHttpClient client) {
            common.httpClient(client);
            return this;
        }

        /** Connect timeout; default 10 s (or the shared client's). */
        public Builder connectTimeout(Duration timeout) {
            common.connectTimeout(timeout);
            return this;
        }

        /** Read timeout; default 30 s (or the shared client's). */
        public Builder readTimeout(Duration timeout) {
            common.readTimeout(timeout);
            return this;
        }

        /** Write timeout; default 30 s (or the shared client's). */
        public Builder writeTimeout(Duration timeout) {
            common.writeTimeout(timeout);
            return this;
        }

        /**
         * Timeout of each whole HTTP call; default 60 s. A {@code threads_publish} that runs out of it after it was
         * sent is unknown, and is looked up through its container.
         */
        public Builder callTimeout(Duration timeout) {
            common.callTimeout(timeout);
            return this;
        }

        /** The largest answer read, in bytes (1 KiB..64 MiB); default 2 MiB. */
        public Builder maxResponseBytes(long bytes) {
            common.maxResponseBytes(bytes);
            return this;
        }

        /**
         * Where Meta downloads each image from; default {@link ThreadsMediaUrls#fromRef()} (the media reference is
         * a public https URL). Called when a post is published, never at scheduling.
         */
        public Builder mediaUrls(ThreadsMediaUrls urls) {
            this.mediaUrls = Objects.requireNonNull(urls, "mediaUrls");
            return this;
        }

        /**
         * Refresh the long-lived token when it expires within this margin (0..58 days: Meta refreshes only tokens at
         * least a day old); default 30 days, so an account that posts at least monthly never has to reconnect.
         */
        public Builder refreshAhead(Duration margin) {
            Objects.requireNonNull(margin, "refreshAhead");
            if (margin.isNegative() || margin.compareTo(Settings.MAX_REFRESH_AHEAD) > 0) {
                throw new IllegalArgumentException(
                        "refreshAhead must be within 0.." + Settings.MAX_REFRESH_AHEAD + " but was " + margin);
            }
            this.refreshAhead = margin;
            return this;
        }

        /** Wait between two reads of a container's status; default 5 s. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval, "pollInterval");
            return this;
        }

        /**
         * Longest wait for a container to be {@code FINISHED}; default 60 s. Past it the attempt is retried later
         * with the same container. Keep it below the engine's publish timeout.
         */
        public Builder containerTimeout(Duration timeout) {
            this.containerTimeout = positive(timeout, "containerTimeout");
            return this;
        }

        /**
         * Wait after Meta's transient "Media Not Found" (code 24, subcode 4279009) before the container is checked
         * and made again; default 2 s.
         */
        public Builder mediaNotFoundDelay(Duration delay) {
            this.mediaNotFoundDelay = notNegative(delay, "mediaNotFoundDelay");
            return this;
        }

        /** How often one part is published at most while Meta answers "Media Not Found" (1..10); default 3. */
        public Builder publishTries(int tries) {
            if (tries < 1 || tries > 10) {
                throw new IllegalArgumentException("publishTries must be within 1..10 but was " + tries);
            }
            this.publishTries = tries;
            return this;
        }

        /**
         * How long after a {@code threads_publish} went unanswered a lookup waits before it trusts a container that
         * is not {@code PUBLISHED}; default 5 s.
         */
        public Builder lookupGrace(Duration grace) {
            this.lookupGrace = notNegative(grace, "lookupGrace");
            return this;
        }

        /**
         * Dry-run mode: every request is built exactly as it would be sent, logged at INFO with the access token
         * redacted, and not sent. Publishing ends as a dry run ({@code PublishOutcome.DryRun}, schedule status {@code
         * dry_run}): neither published nor failed.
         */
        public Builder dryRun() {
            common.dryRun();
            return this;
        }

        /** Dry-run mode, also handing each request built to {@code sink}. */
        public Builder dryRun(Consumer<ThreadsRequestPreview> sink) {
            common.dryRun(sink);
            return this;
        }

        /**
         * How the publisher waits (container polls, the "Media Not Found" pause, the lookup's grace). Default: the
         * environment's ({@link ChannelEnvironment#sleeper()}), which is real waiting unless the host's clock can
         * sleep.
         */
        public Builder sleeper(Sleeper value) {
            common.sleeper(value);
            return this;
        }

        public ThreadsChannel build() {
            return new ThreadsChannel(new Settings(
                    baseUrl,
                    apiVersion,
                    common.http(),
                    common.isDryRun(),
                    common.dryRunSink(),
                    mediaUrls,
                    refreshAhead,
                    pollInterval,
                    containerTimeout,
                    mediaNotFoundDelay,
                    publishTries,
                    lookupGrace,
                    common.sleeper()));
        }
    }
}
