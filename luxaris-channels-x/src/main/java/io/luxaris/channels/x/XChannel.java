package io.luxaris.channels.x;

import static io.luxaris.http.internal.AdapterBuilder.nonBlank;
import static io.luxaris.http.internal.AdapterBuilder.notNegative;
import static io.luxaris.http.internal.AdapterBuilder.positive;
import static io.luxaris.http.internal.AdapterBuilder.url;

import com.google.auto.service.AutoService;
import io.luxaris.channels.x.internal.MediaUploader;
import io.luxaris.channels.x.internal.Settings;
import io.luxaris.channels.x.internal.XPublisher;
import io.luxaris.channels.x.internal.XText;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.Limits;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.TextMeasure;
import io.luxaris.errors.Violation;
import io.luxaris.http.internal.AdapterBuilder;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X channel (key {@code x}): posts, threads and media through the X API v2 over OkHttp.
 *
 * <pre>{@code
 * Luxaris luxaris = Luxaris.builder()
 *     .channel(XChannel.builder().oauth2Client(clientId).build())
 *     .mediaSource(myMediaLibrary)
 *     .build();
 * }</pre>
 *
 * <p>Limits: 280 weighted characters (twitter-text: URLs 23, CJK and emoji 2), or the account's own allowance
 * given as connection property {@link #PROPERTY_MAX_TEXT_LENGTH}; up to 4 images or one GIF or video; links;
 * threads. Connection properties {@link #PROPERTY_USERNAME} and {@link #PROPERTY_USER_ID} (see {@link
 * XOAuth2#account}) save a {@code GET /2/users/me} per publisher; without them the publisher reads and caches them.
 *
 * <p>Credentials are OAuth 2.0 user tokens (refreshed ahead of expiry and after a 401, the rotated pair saved
 * before use) or OAuth 1.0a tokens; see {@link XCredentials}. Discovered through {@link java.util.ServiceLoader}
 * it runs with the defaults (production base URL, no client id configured: refreshing then needs {@link
 * XCredentials#CLIENT_ID} stored with each connection). Immutable and thread-safe.
 */
@AutoService(ChannelProvider.class)
@SuppressWarnings("exports") // @AutoService is a compile-time (CLASS retention) annotation only
public final class XChannel implements ChannelProvider {
    /** The channel key. */
    public static final String KEY = "x";
    /** Connection property: the account's username (without {@code @}), for post URLs. */
    public static final String PROPERTY_USERNAME = "username";
    /** Connection property: the account's numeric user id, for timeline lookups. */
    public static final String PROPERTY_USER_ID = "user_id";
    /** Connection property: a larger text allowance of the account (X Premium long posts), in weighted characters. */
    public static final String PROPERTY_MAX_TEXT_LENGTH = "max_text_length";
    /** X's text limit, in weighted characters. */
    public static final int MAX_TEXT_LENGTH = 280;
    /** The largest allowance an account can declare (X Premium long posts). */
    public static final int MAX_LONG_TEXT_LENGTH = 25_000;
    /** Images per post. */
    public static final int MAX_IMAGES = 4;

    private static final Logger LOG = LoggerFactory.getLogger(XChannel.class);
    private static final ChannelDescriptor DESCRIPTOR = ChannelDescriptor.of(
                    "X",
                    ChannelLimits.builder(MAX_TEXT_LENGTH)
                            .images(MAX_IMAGES)
                            .gif()
                            .video()
                            .links(true)
                            .threads(Limits.THREAD_PARTS)
                            .build())
            // a comment on X is a reply to the post itself
            .withFollowUps(FollowUpKind.REPLY, FollowUpKind.COMMENT);

    private final Settings settings;

    /** The channel with default settings (as {@link java.util.ServiceLoader} creates it). */
    public XChannel() {
        this(Settings.defaults());
    }

    private XChannel(Settings settings) {
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

    /** twitter-text's weighted length of the NFC-normalised text. */
    @Override
    public TextMeasure textMeasure() {
        return XText.INSTANCE;
    }

    /** The defaults, with the text limit the connection declares under {@link #PROPERTY_MAX_TEXT_LENGTH}. */
    @Override
    public ChannelLimits limitsFor(ChannelConnection connection) {
        Objects.requireNonNull(connection, "connection");
        Optional<String> declared = connection.property(PROPERTY_MAX_TEXT_LENGTH);
        if (declared.isEmpty()) {
            return DESCRIPTOR.limits();
        }
        try {
            int length = Integer.parseInt(declared.get().trim());
            if (length >= 1 && length <= MAX_LONG_TEXT_LENGTH) {
                return DESCRIPTOR.limits().withMaxTextLength(length);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        LOG.warn(
                "ignoring connection property {}={} of connection {}: not a length within 1..{}",
                PROPERTY_MAX_TEXT_LENGTH,
                declared.get(),
                connection.id(),
                MAX_LONG_TEXT_LENGTH);
        return DESCRIPTOR.limits();
    }

    /** Characters X refuses in any post, and alt text longer than X accepts. */
    @Override
    public List<Violation> validate(PostVariant variant, Optional<ChannelConnection> connection) {
        Objects.requireNonNull(variant, "variant");
        var violations = new ArrayList<Violation>();
        checkCharacters(variant.content(), "content", violations);
        for (int i = 0; i < variant.thread().size(); i++) {
            checkCharacters(variant.thread().get(i), "thread[" + i + "]", violations);
        }
        for (int i = 0; i < variant.media().size(); i++) {
            MediaRef media = variant.media().get(i);
            int length =
                    media.altText().map(t -> t.codePointCount(0, t.length())).orElse(0);
            if (length > MediaUploader.MAX_ALT_TEXT) {
                violations.add(Violation.of(
                        "media[" + i + "].altText",
                        "max_length",
                        "is " + length + " characters; X accepts alt text up to " + MediaUploader.MAX_ALT_TEXT));
            }
        }
        return violations;
    }

    private static void checkCharacters(String text, String field, List<Violation> violations) {
        if (XText.hasInvalidCharacters(text)) {
            violations.add(Violation.of(
                    field, "invalid_characters", "contains a character X refuses (U+FFFE, U+FEFF or U+FFFF)"));
        }
    }

    @Override
    public ChannelPublisher createPublisher(ChannelEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        if (settings.dryRun()) {
            LOG.info("X channel in dry-run mode: requests are built and logged, never sent");
        }
        return new XPublisher(settings, settings.sleeper().orElseGet(environment::sleeper));
    }

    /** The base URL requests go to. */
    public URI baseUrl() {
        return settings.baseUrl().uri();
    }

    /** Whether this channel only builds and logs requests. */
    public boolean isDryRun() {
        return settings.dryRun();
    }

    @Override
    public String toString() {
        return "XChannel[" + settings + "]";
    }

    /** Builder of an {@link XChannel}; validates each setting as it is given. */
    public static final class Builder {
        private HttpUrl baseUrl = HttpUrl.get(Settings.DEFAULT_BASE_URL);
        private final AdapterBuilder<XRequestPreview> common = new AdapterBuilder<>();
        private Optional<String> clientId = Optional.empty();
        private Optional<String> clientSecret = Optional.empty();
        private Optional<String> consumerKey = Optional.empty();
        private Optional<String> consumerSecret = Optional.empty();
        private Duration refreshAhead = Settings.DEFAULT_REFRESH_AHEAD;
        private Duration mediaProcessingTimeout = Settings.DEFAULT_MEDIA_PROCESSING_TIMEOUT;
        private int mediaChunkSize = Settings.DEFAULT_CHUNK_SIZE;
        private Duration lookupGrace = Settings.DEFAULT_LOOKUP_GRACE;

        private Builder() {}

        /** Where the X API is; default {@code https://api.x.com}. A proxy or a mock server in tests. */
        public Builder baseUrl(String url) {
            this.baseUrl = url(url, "baseUrl");
            return this;
        }

        /** Where the X API is. */
        public Builder baseUrl(URI url) {
            return baseUrl(Objects.requireNonNull(url, "baseUrl").toString());
        }

        /**
         * The host's shared OkHttp client (connection pool, dispatcher, proxy, TLS settings). Luxaris derives its
         * own configuration from it and never shuts it down. Default: a client of its own, closed with the
         * publisher.
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
         * Read timeout; default 30 s (or the shared client's). A post request unanswered within it is recorded as
         * unknown (it may be on X), never retried blindly.
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

        /**
         * Timeout of each whole HTTP call, reading the answer included; default 60 s (or the shared client's call
         * timeout, when it has one). A post request that runs out of it after it was sent is recorded as unknown.
         */
        public Builder callTimeout(Duration timeout) {
            common.callTimeout(timeout);
            return this;
        }

        /**
         * The largest answer read from X, in bytes (1 KiB..64 MiB); default 2 MiB. A success answer over it is not
         * read (a post request then ends as unknown: the post may exist); an error answer over it is classified by
         * its status.
         */
        public Builder maxResponseBytes(long bytes) {
            common.maxResponseBytes(bytes);
            return this;
        }

        /** The OAuth 2.0 client id used to refresh tokens (a public client). */
        public Builder oauth2Client(String id) {
            this.clientId = Optional.of(nonBlank(id, "clientId"));
            this.clientSecret = Optional.empty();
            return this;
        }

        /** The OAuth 2.0 client id and secret used to refresh tokens (a confidential client, Basic auth). */
        public Builder oauth2Client(String id, String secret) {
            this.clientId = Optional.of(nonBlank(id, "clientId"));
            this.clientSecret = Optional.of(nonBlank(secret, "clientSecret"));
            return this;
        }

        /** The OAuth 1.0a consumer key and secret, for connections with OAuth 1.0a credentials. */
        public Builder oauth1Consumer(String key, String secret) {
            this.consumerKey = Optional.of(nonBlank(key, "consumerKey"));
            this.consumerSecret = Optional.of(nonBlank(secret, "consumerSecret"));
            return this;
        }

        /** Refresh an OAuth 2.0 access token when it expires within this margin; default 2 min. */
        public Builder refreshAhead(Duration margin) {
            this.refreshAhead = notNegative(margin, "refreshAhead");
            return this;
        }

        /**
         * Longest wait for X to process an uploaded GIF or video (polling as often as X's {@code check_after_secs}
         * says); default 90 s. Past it the attempt is retried later. Keep it below the engine's publish timeout.
         */
        public Builder mediaProcessingTimeout(Duration timeout) {
            this.mediaProcessingTimeout = positive(timeout, "mediaProcessingTimeout");
            return this;
        }

        /** Bytes per segment of a chunked (GIF, video) upload; default 4 MiB, at most 5 MiB. */
        public Builder mediaChunkSize(int bytes) {
            if (bytes < 1 || bytes > 5 * 1024 * 1024) {
                throw new IllegalArgumentException("mediaChunkSize must be within 1..5242880 but was " + bytes);
            }
            this.mediaChunkSize = bytes;
            return this;
        }

        /**
         * How long after a post request went unanswered the lookup waits before it concludes that a post missing
         * from the timeline is absent (X may take a moment to show it); default 5 s.
         */
        public Builder lookupGrace(Duration grace) {
            this.lookupGrace = notNegative(grace, "lookupGrace");
            return this;
        }

        /**
         * Dry-run mode: every request is built exactly as it would be sent, logged at INFO with the {@code
         * Authorization} header and tokens redacted, and not sent. Publishing ends as a dry run ({@code
         * PublishOutcome.DryRun}, schedule status {@code dry_run}): neither published nor failed.
         */
        public Builder dryRun() {
            common.dryRun();
            return this;
        }

        /** Dry-run mode, also handing each request built to {@code sink}. */
        public Builder dryRun(Consumer<XRequestPreview> sink) {
            common.dryRun(sink);
            return this;
        }

        /**
         * How the publisher waits between media processing polls and through the lookup's grace period. Default: the
         * environment's ({@link io.luxaris.spi.channel.ChannelEnvironment#sleeper()}), which is real waiting unless
         * the host's clock can sleep. A host testing with a settable clock passes one that advances it.
         */
        public Builder sleeper(Sleeper value) {
            common.sleeper(value);
            return this;
        }

        public XChannel build() {
            return new XChannel(new Settings(
                    baseUrl,
                    common.http(),
                    common.isDryRun(),
                    common.dryRunSink(),
                    clientId,
                    clientSecret,
                    consumerKey,
                    consumerSecret,
                    refreshAhead,
                    mediaProcessingTimeout,
                    mediaChunkSize,
                    lookupGrace,
                    common.sleeper()));
        }
    }
}
