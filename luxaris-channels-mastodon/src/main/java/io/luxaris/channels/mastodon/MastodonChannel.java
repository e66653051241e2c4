package io.luxaris.channels.mastodon;

import static io.luxaris.http.internal.AdapterBuilder.notNegative;
import static io.luxaris.http.internal.AdapterBuilder.positive;

import com.google.auto.service.AutoService;
import io.luxaris.channels.mastodon.internal.Classifier;
import io.luxaris.channels.mastodon.internal.InstanceUrl;
import io.luxaris.channels.mastodon.internal.Instances;
import io.luxaris.channels.mastodon.internal.MastodonPublisher;
import io.luxaris.channels.mastodon.internal.MastodonText;
import io.luxaris.channels.mastodon.internal.Settings;
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
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.Sleeper;
import io.luxaris.spi.security.Redaction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Mastodon channel (key {@code mastodon}): statuses, threads and media on any Mastodon instance over OkHttp.
 *
 * <pre>{@code
 * Luxaris luxaris = Luxaris.builder()
 *     .channel(MastodonChannel.builder().build())
 *     .mediaSource(myMediaLibrary)
 *     .build();
 * luxaris.channels().connect(principal, ConnectionRequest.of("mastodon", "@alice@mastodon.social", tokens.toCredentials())
 *     .withProperties(account.toConnectionProperties(oauth.instance())));   // instance_url, account_id, limits
 * }</pre>
 *
 * <p>Every connection names its instance in the property {@link #PROPERTY_INSTANCE_URL} ({@code https} only; see
 * {@link Builder#allowPlainHttpOnLoopback()} for tests). What the instance accepts is read from its {@code
 * /api/v2/instance} and kept for {@link Builder#instanceCacheTtl(Duration) an hour} (the publisher also stores it on
 * the connection): {@link #limitsFor} gives its character and attachment limits, {@link
 * #textMeasure(ChannelConnection)} counts URLs the way it does, and {@link #validate} counts the content warning toward
 * the limit as Mastodon does. So the same text may fit one instance and not another. See {@link
 * #instance(ChannelConnection)} for where the limits come from when the instance was not read yet.
 *
 * <p>Credentials are the account's bearer token ({@link MastodonOAuth.Tokens#toCredentials()}); Mastodon tokens do
 * not expire and have no refresh token, so a refused token marks the connection for reconnecting. Discovered through
 * {@link java.util.ServiceLoader} the channel runs with the defaults. Immutable and thread-safe.
 */
@AutoService(ChannelProvider.class)
@SuppressWarnings("exports") // @AutoService is a compile-time (CLASS retention) annotation only
public final class MastodonChannel implements ChannelProvider {
    /** The channel key. */
    public static final String KEY = "mastodon";
    /** Connection property: the instance's URL ({@code https://mastodon.social}). */
    public static final String PROPERTY_INSTANCE_URL = "instance_url";
    /** Connection property: the account's id on its instance, for looking statuses up. */
    public static final String PROPERTY_ACCOUNT_ID = "account_id";
    /** Connection property: the account's name ({@code alice}, or {@code acct} as the instance shows it). */
    public static final String PROPERTY_USERNAME = "username";

    private static final Logger LOG = LoggerFactory.getLogger(MastodonChannel.class);
    private static final ChannelDescriptor DESCRIPTOR = ChannelDescriptor.of(
                    "Mastodon", limits(MastodonInstance.defaults()))
            // a comment on Mastodon is a reply to the status itself
            .withFollowUps(FollowUpKind.REPLY, FollowUpKind.COMMENT);

    private final Settings settings;
    private final Instances instances;

    /** The channel with default settings (as {@link java.util.ServiceLoader} creates it). */
    public MastodonChannel() {
        this(Settings.defaults());
    }

    private MastodonChannel(Settings settings) {
        this.settings = settings;
        this.instances = new Instances(settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String key() {
        return KEY;
    }

    /** Mastodon's defaults: 500 characters, 4 images or one GIF or video, links, threads. */
    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Grapheme clusters, every URL counting 23 and a mention {@code @alice@example.com} as {@code @alice}: a default
     * instance. {@link #textMeasure(ChannelConnection)} counts the way a connection's instance does.
     */
    @Override
    public TextMeasure textMeasure() {
        return MastodonText.DEFAULT;
    }

    /** How the connection's instance counts text (its {@code characters_reserved_per_url}). */
    public TextMeasure textMeasure(ChannelConnection connection) {
        return instance(connection).textMeasure();
    }

    /** The limits of the connection's instance: its {@code max_characters} and {@code max_media_attachments}. */
    @Override
    public ChannelLimits limitsFor(ChannelConnection connection) {
        return limits(instance(connection));
    }

    /**
     * What the connection's instance accepts, as validation uses it: what the instance said within the cache's time
     * to live, else the limits stored on the connection (see {@link MastodonInstance#toConnectionProperties()}; the
     * publisher keeps them current), else what the instance says now (read once, within 10 s), else Mastodon's
     * defaults. The core validates inside storage transactions: storing the limits when connecting an account
     * ({@link MastodonOAuth.Account#toConnectionProperties(MastodonInstance)}) spares that transaction the read.
     */
    public MastodonInstance instance(ChannelConnection connection) {
        Objects.requireNonNull(connection, "connection");
        Optional<HttpUrl> base = base(connection);
        if (base.isEmpty()) {
            return MastodonInstance.fromConnectionProperties(connection.properties())
                    .orElse(MastodonInstance.defaults());
        }
        return instances.known(base.get(), connection.properties()).instance();
    }

    private static ChannelLimits limits(MastodonInstance instance) {
        ChannelLimits.Builder builder =
                ChannelLimits.builder(instance.maxCharacters()).links(true).threads(Limits.THREAD_PARTS);
        if (instance.maxMediaAttachments() > 0) {
            builder.images(instance.maxMediaAttachments()).gif().video();
        }
        return builder.build();
    }

    private Optional<HttpUrl> base(ChannelConnection connection) {
        Optional<String> configured = connection.property(PROPERTY_INSTANCE_URL).filter(v -> !v.isBlank());
        if (configured.isEmpty()) {
            return settings.defaultInstance();
        }
        try {
            return Optional.of(InstanceUrl.parse(configured.get(), settings.plainHttpOnLoopback()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The variant's Mastodon options ({@link MastodonPostOptions#fromMetadata}), the connection's instance URL, each
     * text with its content warning within the instance's limit (Mastodon counts both together), alt text within the
     * instance's {@code description_limit}, and focal points that name an attachment.
     */
    @Override
    public List<Violation> validate(PostVariant variant, Optional<ChannelConnection> connection) {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
        var violations = new ArrayList<Violation>();
        MastodonPostOptions.Parsed parsed = MastodonPostOptions.fromMetadata(variant.metadata());
        violations.addAll(parsed.violations());
        MastodonPostOptions options = parsed.options();
        for (Integer index : options.focus().keySet()) {
            if (index >= variant.media().size()) {
                violations.add(Violation.of(
                        "metadata." + MastodonPostOptions.FOCUS_PREFIX + index,
                        "invalid_value",
                        "names attachment " + index + " but the variant has "
                                + variant.media().size()));
            }
        }
        MastodonInstance instance = MastodonInstance.defaults();
        String where = "Mastodon";
        if (connection.isPresent()) {
            ChannelConnection c = connection.get();
            Optional<String> configured = c.property(PROPERTY_INSTANCE_URL).filter(v -> !v.isBlank());
            if (configured.isEmpty() && settings.defaultInstance().isEmpty()) {
                violations.add(Violation.of(
                        "connection.properties." + PROPERTY_INSTANCE_URL,
                        "required",
                        "the connection must name its Mastodon instance"));
            } else if (configured.isPresent()) {
                try {
                    InstanceUrl.parse(configured.get(), settings.plainHttpOnLoopback());
                } catch (IllegalArgumentException e) {
                    violations.add(Violation.of(
                            "connection.properties." + PROPERTY_INSTANCE_URL,
                            "invalid_instance_url",
                            String.valueOf(e.getMessage())));
                }
            }
            instance = instance(c);
            where = base(c).map(HttpUrl::host).orElse(where);
        }
        if (options.hasContentWarning()) {
            List<String> texts = variant.texts();
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                int alone = MastodonText.DEFAULT.measure(text);
                int together = instance.measure(options.contentWarning(), text);
                // without the content warning the core's length rule reports it already
                if (together > instance.maxCharacters() && alone <= instance.maxCharacters()) {
                    violations.add(Violation.of(
                            i == 0 ? "content" : "thread[" + (i - 1) + "]",
                            "content_length",
                            "is " + together + " characters with its content warning as " + where
                                    + " counts them; the limit is " + instance.maxCharacters()));
                }
            }
        }
        for (int i = 0; i < variant.media().size(); i++) {
            MediaRef media = variant.media().get(i);
            int length =
                    media.altText().map(t -> t.codePointCount(0, t.length())).orElse(0);
            if (length > instance.descriptionLimit()) {
                violations.add(Violation.of(
                        "media[" + i + "].altText",
                        "max_length",
                        "is " + length + " characters; " + where + " accepts alt text up to "
                                + instance.descriptionLimit()));
            }
        }
        return violations;
    }

    @Override
    public ChannelPublisher createPublisher(ChannelEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        if (settings.dryRun()) {
            LOG.info("Mastodon channel in dry-run mode: requests are built and logged, never sent");
        }
        instances.useClock(environment.clock());
        return new MastodonPublisher(settings, instances, settings.sleeper().orElseGet(environment::sleeper));
    }

    /**
     * Deletes a status ({@code DELETE /api/v1/statuses/:id}) with the account's token; the engine does not delete.
     *
     * @return true when deleted, false when the instance does not have it (404)
     * @throws IllegalArgumentException when {@code instanceUrl} is not an instance URL this channel accepts
     * @throws MastodonException when the instance refuses (rate limited: {@link MastodonException#retryAt()}) or
     *     cannot be reached
     */
    public boolean deleteStatus(String instanceUrl, String statusId, String accessToken) {
        return deleteStatus(instanceUrl, statusId, accessToken, false);
    }

    /**
     * Like {@link #deleteStatus(String, String, String)}; {@code deleteMedia} also removes its attachments at once
     * ({@code delete_media=true}, Mastodon 4.4 and later; older instances ignore it).
     */
    public boolean deleteStatus(String instanceUrl, String statusId, String accessToken, boolean deleteMedia) {
        Objects.requireNonNull(instanceUrl, "instanceUrl");
        Objects.requireNonNull(statusId, "statusId");
        Objects.requireNonNull(accessToken, "accessToken");
        if (statusId.isBlank() || statusId.length() > 100) {
            throw new IllegalArgumentException("statusId must have 1..100 characters");
        }
        HttpUrl base = InstanceUrl.parse(instanceUrl, settings.plainHttpOnLoopback());
        HttpUrl.Builder url =
                base.newBuilder().addPathSegments("api/v1/statuses").addPathSegment(statusId);
        if (deleteMedia) {
            url.addQueryParameter("delete_media", "true");
        }
        Request request = new Request.Builder()
                .url(url.build())
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .delete()
                .build();
        if (settings.dryRun()) {
            LOG.info("Mastodon dry run, not sent: DELETE {}", url.build().redact());
            return true;
        }
        HttpResult result;
        try (var http = new PlatformHttp("Mastodon", settings.http())) {
            result = http.execute(request, false);
        } catch (TransportFailure e) {
            throw new MastodonException(
                    e.code(),
                    "deleting status " + statusId + " failed: " + e.getMessage(),
                    e.kindBeforeCreating() == FailureKind.RETRYABLE,
                    Optional.empty());
        }
        if (result.isSuccessful()) {
            return true;
        }
        if (result.status() == 404) {
            return false;
        }
        PublishOutcome.Failed failed = Classifier.classify(
                result, List.of(accessToken), Clock.systemUTC().instant(), false);
        throw new MastodonException(
                failed.code(),
                Redaction.scrub(
                        "Mastodon did not delete status " + statusId + ": " + failed.safeMessage(),
                        List.of(accessToken)),
                failed.kind() == FailureKind.RETRYABLE || failed.kind() == FailureKind.RATE_LIMITED,
                failed.retryAt());
    }

    /** Whether this channel only builds and logs requests. */
    public boolean isDryRun() {
        return settings.dryRun();
    }

    @Override
    public String toString() {
        return "MastodonChannel[" + settings + "]";
    }

    /** Builder of a {@link MastodonChannel}; validates each setting as it is given. */
    public static final class Builder {
        private final AdapterBuilder<MastodonRequestPreview> common = new AdapterBuilder<>();
        private boolean plainHttpOnLoopback;
        private Optional<String> defaultInstance = Optional.empty();
        private Duration instanceTtl = Settings.DEFAULT_INSTANCE_TTL;
        private Duration mediaProcessingTimeout = Settings.DEFAULT_MEDIA_PROCESSING_TIMEOUT;
        private Duration mediaPollInterval = Settings.DEFAULT_MEDIA_POLL_INTERVAL;
        private Duration lookupGrace = Settings.DEFAULT_LOOKUP_GRACE;

        private Builder() {}

        /**
         * Allows {@code http://} instance URLs whose host is loopback ({@code localhost}, {@code 127.x.x.x}, {@code
         * ::1}): for tests against a local fake or a development server. Every other instance must use {@code https}.
         */
        public Builder allowPlainHttpOnLoopback() {
            this.plainHttpOnLoopback = true;
            return this;
        }

        /**
         * The instance of connections that do not name one ({@link #PROPERTY_INSTANCE_URL}), for hosts that post to
         * one instance only. Checked when the channel is built.
         */
        public Builder defaultInstance(String url) {
            Objects.requireNonNull(url, "defaultInstance");
            this.defaultInstance = Optional.of(url);
            return this;
        }

        /**
         * The host's shared OkHttp client (connection pool, dispatcher, proxy, TLS settings). Luxaris derives its
         * own configuration from it (redirects are never followed) and never shuts it down.
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

        /**
         * Read timeout; default 30 s (or the shared client's). A status request unanswered within it is recorded as
         * unknown (it may be on the instance) and looked up, never sent again blindly.
         */
        public Builder readTimeout(Duration timeout) {
            common.readTimeout(timeout);
            return this;
        }

        /** Write timeout; default 30 s (or the shared client's). */
        public Builder writeTimeout(Duration timeout) {
            common.writeTimeout(timeout);
            return this;
        }

        /** Timeout of each whole HTTP call, reading the answer included; default 60 s. */
        public Builder callTimeout(Duration timeout) {
            common.callTimeout(timeout);
            return this;
        }

        /**
         * The largest answer read, in bytes (1 KiB..64 MiB); default 2 MiB. A success answer over it is not read (a
         * status request then ends as unknown); an error answer over it is classified by its status.
         */
        public Builder maxResponseBytes(long bytes) {
            common.maxResponseBytes(bytes);
            return this;
        }

        /** How long what an instance's {@code /api/v2/instance} said is used before it is read again; default 1 h. */
        public Builder instanceCacheTtl(Duration ttl) {
            this.instanceTtl = positive(ttl, "instanceCacheTtl");
            return this;
        }

        /**
         * Longest wait for an instance to process an upload (and for a status that names media still being
         * processed); default 90 s. Past it the attempt is retried later. Keep it below the engine's publish timeout.
         */
        public Builder mediaProcessingTimeout(Duration timeout) {
            this.mediaProcessingTimeout = positive(timeout, "mediaProcessingTimeout");
            return this;
        }

        /** Pause between two looks at an upload still being processed; default 2 s. */
        public Builder mediaPollInterval(Duration interval) {
            this.mediaPollInterval = positive(interval, "mediaPollInterval");
            return this;
        }

        /**
         * How long after a status request went unanswered the lookup waits before it concludes that a status missing
         * from the account's recent statuses is absent; default 5 s.
         */
        public Builder lookupGrace(Duration grace) {
            this.lookupGrace = notNegative(grace, "lookupGrace");
            return this;
        }

        /**
         * Dry-run mode: every request is built exactly as it would be sent, logged at INFO with the {@code
         * Authorization} header and tokens redacted, and not sent; instances are not asked for their limits.
         * Publishing ends as a dry run ({@code PublishOutcome.DryRun}, schedule status {@code dry_run}).
         */
        public Builder dryRun() {
            common.dryRun();
            return this;
        }

        /** Dry-run mode, also handing each request built to {@code sink}. */
        public Builder dryRun(Consumer<MastodonRequestPreview> sink) {
            common.dryRun(sink);
            return this;
        }

        /**
         * How the publisher waits between media processing polls and through the lookup's grace period. Default: the
         * environment's ({@link ChannelEnvironment#sleeper()}), real waiting unless the host's clock can sleep.
         */
        public Builder sleeper(Sleeper value) {
            common.sleeper(value);
            return this;
        }

        /**
         * The channel.
         *
         * @throws IllegalArgumentException when the default instance is not an instance URL this channel accepts
         */
        public MastodonChannel build() {
            Optional<HttpUrl> instance;
            try {
                instance = defaultInstance.map(url -> InstanceUrl.parse(url, plainHttpOnLoopback));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("defaultInstance: " + e.getMessage(), e);
            }
            return new MastodonChannel(new Settings(
                    common.http(),
                    plainHttpOnLoopback,
                    instance,
                    common.isDryRun(),
                    common.dryRunSink(),
                    instanceTtl,
                    mediaProcessingTimeout,
                    mediaPollInterval,
                    lookupGrace,
                    common.sleeper()));
        }
    }
}
