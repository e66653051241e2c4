package io.luxaris.channels.linkedin;

import static io.luxaris.http.internal.AdapterBuilder.nonBlank;
import static io.luxaris.http.internal.AdapterBuilder.notNegative;
import static io.luxaris.http.internal.AdapterBuilder.positive;
import static io.luxaris.http.internal.AdapterBuilder.url;

import com.google.auto.service.AutoService;
import io.luxaris.channels.linkedin.internal.Classifier;
import io.luxaris.channels.linkedin.internal.EscapedLength;
import io.luxaris.channels.linkedin.internal.LinkedInPublisher;
import io.luxaris.channels.linkedin.internal.Settings;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.TextMeasure;
import io.luxaris.errors.Violation;
import io.luxaris.http.internal.AdapterBuilder;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.Sleeper;
import io.luxaris.spi.security.Redaction;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * The LinkedIn channel (key {@code linkedin}): posts with text, mentions, hashtags and images through LinkedIn's
 * versioned REST Posts API over OkHttp.
 *
 * <pre>{@code
 * Luxaris luxaris = Luxaris.builder()
 *     .channel(LinkedInChannel.builder().oauthClient(clientId, clientSecret).build())
 *     .mediaSource(myMediaLibrary)
 *     .build();
 * }</pre>
 *
 * <p><b>Account.</b> A connection posts as the URN in its property {@value #PROPERTY_AUTHOR_URN}: a member
 * ({@code urn:li:person:{id}}, scope {@code w_member_social}; see {@link LinkedInOAuth.Member#toConnectionProperties})
 * or an organization page ({@code urn:li:organization:{id}}, scope {@code w_organization_social} and a page role).
 * Credentials are OAuth tokens ({@link LinkedInOAuth.Tokens#toCredentials()}): the channel refreshes tokens that
 * have a refresh token when it has the app's {@linkplain Builder#oauthClient client id and secret}, ahead of expiry
 * and after a 401; other tokens last 60 days, after which the member must authorize again (see {@link
 * LinkedInOAuth#reauthorizeBy}).
 *
 * <p><b>Text.</b> The commentary is little text: every reserved character of the variant's content is escaped
 * (LinkedIn would otherwise cut the post short), and the length limit of {@value #MAX_COMMENTARY_LENGTH}
 * characters applies to the escaped text ({@link #textMeasure()}). Mentions and hashtags come from {@link
 * LinkedInText}.
 *
 * <p><b>Limits.</b> {@value #MAX_COMMENTARY_LENGTH} characters, up to {@value #MAX_IMAGES} images (JPEG, PNG, or a
 * single GIF) read from the host's {@code MediaSource}, links; no video, no threads.
 *
 * <p><b>First comment.</b> A variant's {@linkplain FollowUpKind#COMMENT comment} follow-ups are posted as comments on
 * its post through LinkedIn's Comments API ({@code POST /rest/socialActions/{post urn}/comments}), as the post's
 * author. A comment is plain text (not little text: nothing is escaped); LinkedIn documents no comment length, so the
 * commentary limit of {@value #MAX_COMMENTARY_LENGTH} characters applies to it. A comment request that went unanswered
 * is looked up among the post's comments (same author, same text, made since the request). Replies (a thread of
 * posts) are not offered: LinkedIn posts have no reply chain (see docs/platforms/linkedin.md §2.7).
 *
 * <p><b>Requests.</b> Every REST call carries {@code LinkedIn-Version} ({@link #DEFAULT_VERSION} unless {@linkplain
 * Builder#version configured}) and {@code X-Restli-Protocol-Version: 2.0.0}. LinkedIn sunsets a version about a year
 * after its release and then answers 426; the channel then fails posts as rejected with code {@code
 * linkedin_version_sunset}: configure a newer version.
 *
 * <p>Discovered through {@link java.util.ServiceLoader} it runs with the defaults (production URLs, no OAuth client:
 * no refreshing). Immutable and thread-safe.
 */
@AutoService(ChannelProvider.class)
@SuppressWarnings("exports") // @AutoService is a compile-time (CLASS retention) annotation only
public final class LinkedInChannel implements ChannelProvider {
    /** The channel key. */
    public static final String KEY = "linkedin";
    /** Connection property: the URN posts are authored as ({@code urn:li:person:...} or {@code urn:li:organization:...}). */
    public static final String PROPERTY_AUTHOR_URN = "author_urn";
    /** LinkedIn's limit of commentary characters, applied to the escaped commentary. */
    public static final int MAX_COMMENTARY_LENGTH = 3000;
    /** Images per post (a multi-image post takes 2 to 20). */
    public static final int MAX_IMAGES = 20;
    /**
     * The {@code LinkedIn-Version} sent unless another is configured: May 2026, active until about May 2027 (LinkedIn
     * sunsets versions about a year after release).
     */
    public static final String DEFAULT_VERSION = "202605";

    private static final Logger LOG = LoggerFactory.getLogger(LinkedInChannel.class);
    private static final Pattern POST_URN = Pattern.compile("urn:li:(?:share|ugcPost):[A-Za-z0-9_-]+");
    private static final String POST_URL = "https://www.linkedin.com/feed/update/";
    private static final ChannelDescriptor DESCRIPTOR = ChannelDescriptor.of(
                    "LinkedIn",
                    ChannelLimits.builder(MAX_COMMENTARY_LENGTH)
                            .images(MAX_IMAGES)
                            .gif()
                            .links(true)
                            .build())
            .withFollowUps(FollowUpKind.COMMENT);

    private final Settings settings;

    /** The channel with default settings (as {@link java.util.ServiceLoader} creates it). */
    public LinkedInChannel() {
        this(Settings.defaults());
    }

    private LinkedInChannel(Settings settings) {
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
     * Code points of the content once every little-text reserved character is escaped: for plain text, exactly the
     * length of the commentary sent, which is what LinkedIn's limit is checked against. (Mentions and hashtags are
     * longer when written out; {@link #validate} checks the full commentary of a variant that has them.)
     */
    @Override
    public TextMeasure textMeasure() {
        return EscapedLength.INSTANCE;
    }

    /**
     * The commentary with its mentions and hashtags (rule {@code linkedin_elements} when the variant's elements no
     * longer match its content; {@code content_length} when, written out, it exceeds the limit), and the
     * connection's author URN (rule {@code author_urn}).
     */
    @Override
    public List<Violation> validate(PostVariant variant, Optional<ChannelConnection> connection) {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
        var violations = new ArrayList<Violation>();
        try {
            LinkedInText text = LinkedInText.fromVariant(variant.content(), variant.metadata());
            int length = text.length();
            if (text.hasElements() && length > MAX_COMMENTARY_LENGTH) {
                violations.add(Violation.of(
                        "content",
                        "content_length",
                        "is " + length + " characters once its mentions and hashtags are written for LinkedIn;"
                                + " the limit is " + MAX_COMMENTARY_LENGTH));
            }
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of(
                    "metadata." + LinkedInText.METADATA_KEY, "linkedin_elements", String.valueOf(e.getMessage())));
        }
        connection.ifPresent(c -> {
            if (LinkedInPublisher.authorOf(c).isEmpty()) {
                violations.add(Violation.of(
                        "connection.properties." + PROPERTY_AUTHOR_URN,
                        "author_urn",
                        "a LinkedIn connection needs the property " + PROPERTY_AUTHOR_URN
                                + " (urn:li:person:... or urn:li:organization:...)"));
            }
        });
        return violations;
    }

    @Override
    public ChannelPublisher createPublisher(ChannelEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        if (settings.dryRun()) {
            LOG.info("LinkedIn channel in dry-run mode: requests are built and logged, never sent");
        }
        return new LinkedInPublisher(settings, settings.sleeper().orElseGet(environment::sleeper));
    }

    /**
     * Deletes a post ({@code DELETE /rest/posts/{urn}}) with the author's access token; Luxaris' engine never
     * deletes, so this is for hosts that offer "delete from LinkedIn".
     *
     * @param postUrn the post's URN, as recorded as the schedule's external post id ({@code urn:li:share:...} or
     *     {@code urn:li:ugcPost:...})
     * @return true when LinkedIn deleted it, false when LinkedIn does not have it (deleted already)
     * @throws LinkedInException when LinkedIn refuses or cannot be reached ({@link LinkedInException#retryable()}
     *     tells whether trying again may help)
     */
    public boolean deletePost(String postUrn, String accessToken) {
        Objects.requireNonNull(postUrn, "postUrn");
        Objects.requireNonNull(accessToken, "accessToken");
        if (!POST_URN.matcher(postUrn).matches()) {
            throw new IllegalArgumentException("postUrn must be urn:li:share:... or urn:li:ugcPost:... but was '"
                    + Redaction.truncate(postUrn, 100) + "'");
        }
        HttpUrl url = settings.apiBaseUrl()
                .newBuilder()
                .addPathSegments("rest/posts")
                .addEncodedPathSegment(URLEncoder.encode(postUrn, StandardCharsets.UTF_8))
                .build();
        Request request = LinkedInPublisher.rest(settings, url, accessToken)
                .header("X-RestLi-Method", "DELETE")
                .delete()
                .build();
        HttpResult result;
        try (var http = LinkedInPublisher.http(settings)) {
            result = http.execute(request, false);
        } catch (TransportFailure e) {
            throw new LinkedInException(e.code(), String.valueOf(e.getMessage()), true);
        }
        if (result.isSuccessful()) {
            return true;
        }
        if (result.status() == 404) {
            return false;
        }
        PublishOutcome.Failed failed =
                Classifier.classify(result, settings, Clock.systemUTC().instant(), List.of(accessToken), false);
        throw new LinkedInException(
                failed.code(),
                "LinkedIn did not delete " + postUrn + ": " + failed.safeMessage(),
                failed.kind() == FailureKind.RETRYABLE || failed.kind() == FailureKind.RATE_LIMITED);
    }

    /** The public address of a post: {@code https://www.linkedin.com/feed/update/{urn}}. */
    public static String postUrl(String postUrn) {
        Objects.requireNonNull(postUrn, "postUrn");
        return POST_URL + postUrn;
    }

    /** The API base URL requests go to. */
    public URI baseUrl() {
        return settings.apiBaseUrl().uri();
    }

    /** The {@code LinkedIn-Version} sent. */
    public String version() {
        return settings.version();
    }

    /** Whether this channel only builds and logs requests. */
    public boolean isDryRun() {
        return settings.dryRun();
    }

    @Override
    public String toString() {
        return "LinkedInChannel[" + settings + "]";
    }

    /** Who may see the posts. */
    public enum Visibility {
        /** Anyone, on or off LinkedIn. */
        PUBLIC,
        /** The author's first-degree connections (members only). */
        CONNECTIONS
    }

    /** Builder of a {@link LinkedInChannel}; validates each setting as it is given. */
    public static final class Builder {
        private HttpUrl baseUrl = HttpUrl.get(Settings.DEFAULT_API_BASE_URL);
        private HttpUrl oauthBaseUrl = HttpUrl.get(Settings.DEFAULT_OAUTH_BASE_URL);
        private String version = DEFAULT_VERSION;
        private final AdapterBuilder<LinkedInRequestPreview> common = new AdapterBuilder<>();
        private Optional<String> clientId = Optional.empty();
        private Optional<String> clientSecret = Optional.empty();
        private Duration refreshAhead = Settings.DEFAULT_REFRESH_AHEAD;
        private Duration throttleBackoff = Settings.DEFAULT_THROTTLE_BACKOFF;
        private Visibility visibility = Visibility.PUBLIC;
        private Duration lookupGrace = Settings.DEFAULT_LOOKUP_GRACE;

        private Builder() {}

        /** Where the REST API is; default {@code https://api.linkedin.com}. A proxy, or a mock server in tests. */
        public Builder baseUrl(String url) {
            this.baseUrl = url(url, "baseUrl");
            return this;
        }

        /** Where the REST API is. */
        public Builder baseUrl(URI url) {
            return baseUrl(Objects.requireNonNull(url, "baseUrl").toString());
        }

        /** Where the OAuth token endpoint is (for refreshing); default {@code https://www.linkedin.com}. */
        public Builder oauthBaseUrl(String url) {
            this.oauthBaseUrl = url(url, "oauthBaseUrl");
            return this;
        }

        /**
         * The {@code LinkedIn-Version} header, {@code YYYYMM}; default {@value LinkedInChannel#DEFAULT_VERSION}.
         * Move it forward before LinkedIn sunsets it (about a year after release).
         */
        public Builder version(String value) {
            this.version = Settings.requireVersion(value);
            return this;
        }

        /**
         * The host's shared OkHttp client (connection pool, dispatcher, proxy, TLS). Luxaris derives its own
         * configuration from it and never shuts it down. Default: a client of its own, closed with the publisher.
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
         * unknown (it may be on LinkedIn), never retried blindly.
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
         * timeout, when it has one). A post request that runs out of it is recorded as unknown.
         */
        public Builder callTimeout(Duration timeout) {
            common.callTimeout(timeout);
            return this;
        }

        /**
         * The largest answer read from LinkedIn, in bytes (1 KiB..64 MiB); default 2 MiB. A success answer over it is
         * not read (a post request then ends as unknown); an error answer over it is classified by its status.
         */
        public Builder maxResponseBytes(long bytes) {
            common.maxResponseBytes(bytes);
            return this;
        }

        /**
         * The app's OAuth client id and secret, used to refresh access tokens of connections that have a refresh
         * token (apps approved for programmatic refresh). Without them, tokens are used until they expire.
         */
        public Builder oauthClient(String id, String secret) {
            this.clientId = Optional.of(nonBlank(id, "clientId"));
            this.clientSecret = Optional.of(nonBlank(secret, "clientSecret"));
            return this;
        }

        /** Refresh a refreshable access token when it expires within this margin; default 5 min. */
        public Builder refreshAhead(Duration margin) {
            this.refreshAhead = notNegative(margin, "refreshAhead");
            return this;
        }

        /**
         * How long to wait after a 429 that is not the daily limit, when LinkedIn sends no {@code Retry-After};
         * default 1 min. (A daily limit waits until the next midnight UTC.)
         */
        public Builder throttleBackoff(Duration wait) {
            this.throttleBackoff = positive(wait, "throttleBackoff");
            return this;
        }

        /** Who may see the posts; default {@link Visibility#PUBLIC}. */
        public Builder visibility(Visibility value) {
            this.visibility = Objects.requireNonNull(value, "visibility");
            return this;
        }

        /**
         * How long a comment request that got no answer may take to show among the post's comments; default 5 s. A
         * lookup that does not find the comment waits what is left of this period and looks again before it calls
         * the comment absent (and the comment may be sent again).
         */
        public Builder lookupGrace(Duration grace) {
            this.lookupGrace = notNegative(grace, "lookupGrace");
            return this;
        }

        /**
         * How the channel waits (for a lookup's grace period); default: the environment's ({@link
         * io.luxaris.spi.channel.ChannelEnvironment#sleeper()}), real waiting unless the host's clock can sleep.
         */
        public Builder sleeper(Sleeper value) {
            common.sleeper(value);
            return this;
        }

        /**
         * Dry-run mode: every request (uploads included) is built exactly as it would be sent, logged at INFO with
         * the {@code Authorization} header and tokens redacted, and not sent. Publishing ends as a dry run ({@code
         * PublishOutcome.DryRun}, schedule status {@code dry_run}): neither published nor failed.
         */
        public Builder dryRun() {
            common.dryRun();
            return this;
        }

        /** Dry-run mode, also handing each request built to {@code sink}. */
        public Builder dryRun(Consumer<LinkedInRequestPreview> sink) {
            common.dryRun(sink);
            return this;
        }

        public LinkedInChannel build() {
            return new LinkedInChannel(new Settings(
                    baseUrl,
                    oauthBaseUrl,
                    version,
                    common.http(),
                    common.isDryRun(),
                    common.dryRunSink(),
                    clientId,
                    clientSecret,
                    refreshAhead,
                    throttleBackoff,
                    visibility,
                    lookupGrace,
                    common.sleeper()));
        }
    }
}
