package io.luxaris.channels.bluesky;

import static io.luxaris.http.internal.AdapterBuilder.url;

import com.google.auto.service.AutoService;
import io.luxaris.channels.bluesky.internal.BlueskyPublisher;
import io.luxaris.channels.bluesky.internal.BlueskyText;
import io.luxaris.channels.bluesky.internal.Settings;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.Limits;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.TextMeasure;
import io.luxaris.errors.Violation;
import io.luxaris.http.internal.AdapterBuilder;
import io.luxaris.http.internal.Fail;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bluesky channel (key {@code bluesky}): posts, threads and images through the AT Protocol's XRPC API of the
 * account's PDS, over OkHttp.
 *
 * <pre>{@code
 * Luxaris luxaris = Luxaris.builder()
 *     .channel(BlueskyChannel.builder().build())          // https://bsky.social unless pdsUrl(...) says otherwise
 *     .mediaSource(myMediaLibrary)
 *     .build();
 * luxaris.channels().connect(principal, BlueskyCredentials.connectionRequest("alice.bsky.social", appPassword));
 * }</pre>
 *
 * <p><b>Account.</b> A connection holds an app password (see {@link BlueskyCredentials}) and the handle or DID to
 * log in with ({@value #PROPERTY_IDENTIFIER}). The channel logs in once ({@code com.atproto.server.createSession},
 * which Bluesky allows 30 times per 5 minutes), saves the session with the connection's credentials before using it,
 * refreshes it when Bluesky answers {@code ExpiredToken} ({@code refreshSession}, which rotates both tokens, saved
 * again before use) and logs in again only when the refresh token is refused. It records the account's DID and
 * handle as connection properties {@value #PROPERTY_DID} and {@value #PROPERTY_HANDLE}.
 *
 * <p><b>Limits.</b> {@value #MAX_GRAPHEMES} graphemes and {@value #MAX_TEXT_BYTES} UTF-8 bytes per post (the measure
 * counts graphemes; {@link #validate} checks the bytes), up to {@value #MAX_IMAGES} images each with alt text and
 * aspect ratio, links, threads. Links, mentions and hashtags become facets with UTF-8 byte offsets.
 *
 * <p><b>Never twice.</b> Each post of a schedule is created under a record key derived from the schedule id, the
 * same in every attempt: Bluesky refuses a second record under it, and an attempt whose outcome is unknown is
 * looked up by reading that record ({@code com.atproto.repo.getRecord}).
 *
 * <p>Discovered through {@link java.util.ServiceLoader} it runs with the defaults. Immutable and thread-safe.
 */
@AutoService(ChannelProvider.class)
@SuppressWarnings("exports") // @AutoService is a compile-time (CLASS retention) annotation only
public final class BlueskyChannel implements ChannelProvider {
    /** The channel key. */
    public static final String KEY = "bluesky";
    /** Connection property: the handle (such as {@code alice.bsky.social}) or DID to log in with. */
    public static final String PROPERTY_IDENTIFIER = "identifier";
    /** Connection property: the account's DID, recorded by the channel after it logged in. */
    public static final String PROPERTY_DID = "did";
    /** Connection property: the account's handle, recorded by the channel after it logged in. */
    public static final String PROPERTY_HANDLE = "handle";
    /** Graphemes per post. */
    public static final int MAX_GRAPHEMES = BlueskyText.MAX_GRAPHEMES;
    /** UTF-8 bytes per post. */
    public static final int MAX_TEXT_BYTES = BlueskyText.MAX_BYTES;
    /** Images per post. */
    public static final int MAX_IMAGES = 4;
    /** Where calls go unless {@link Builder#pdsUrl} says otherwise: Bluesky's entryway. */
    public static final String DEFAULT_PDS_URL = Settings.DEFAULT_PDS_URL;
    /** The largest image uploaded unless {@link Builder#maxImageBytes} says otherwise (the lexicon's limit). */
    public static final long DEFAULT_MAX_IMAGE_BYTES = Settings.DEFAULT_MAX_IMAGE_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(BlueskyChannel.class);
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");
    private static final ChannelDescriptor DESCRIPTOR = ChannelDescriptor.of(
                    "Bluesky",
                    ChannelLimits.builder(MAX_GRAPHEMES)
                            .images(MAX_IMAGES)
                            .links(true)
                            .threads(Limits.THREAD_PARTS)
                            .build())
            // a comment on Bluesky is a reply to the post itself
            .withFollowUps(FollowUpKind.REPLY, FollowUpKind.COMMENT);

    private final Settings settings;

    /** The channel with default settings (as {@link java.util.ServiceLoader} creates it). */
    public BlueskyChannel() {
        this(Settings.defaults());
    }

    private BlueskyChannel(Settings settings) {
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

    /** Grapheme clusters, as Bluesky counts them (an emoji with skin tone or a family is one). */
    @Override
    public TextMeasure textMeasure() {
        return BlueskyText.INSTANCE;
    }

    /** Each text within {@value #MAX_TEXT_BYTES} UTF-8 bytes (rule {@code max_bytes}), beside the grapheme limit. */
    @Override
    public List<Violation> validate(PostVariant variant, Optional<ChannelConnection> connection) {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
        var violations = new ArrayList<Violation>();
        checkBytes(variant.content(), "content", violations);
        for (int i = 0; i < variant.thread().size(); i++) {
            checkBytes(variant.thread().get(i), "thread[" + i + "]", violations);
        }
        return violations;
    }

    private static void checkBytes(String text, String field, List<Violation> violations) {
        int bytes = BlueskyText.bytes(text);
        if (bytes > MAX_TEXT_BYTES) {
            violations.add(Violation.of(
                    field,
                    "max_bytes",
                    "is " + bytes + " UTF-8 bytes; Bluesky accepts up to " + MAX_TEXT_BYTES + " per post"));
        }
    }

    @Override
    public ChannelPublisher createPublisher(ChannelEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        if (settings.dryRun()) {
            LOG.info("Bluesky channel in dry-run mode: requests are built and logged, never sent");
        }
        return new BlueskyPublisher(settings);
    }

    /**
     * Deletes a post ({@code com.atproto.repo.deleteRecord}); deleting one that is gone already succeeds as well.
     * Luxaris' engine never deletes, so this is for hosts that offer "delete from Bluesky".
     *
     * @param postUri the post's AT-URI, as recorded as the schedule's external post id ({@code
     *     at://did:.../app.bsky.feed.post/...})
     * @param credentials the account's app password ({@link BlueskyCredentials#appPassword}) and, to spare a login, a
     *     session from an earlier call; the identifier to log in with is {@link BlueskyCredentials#IDENTIFIER} when
     *     present, else the DID of the URI
     * @param saveCredentials receives the credentials with a new session (a login or a refresh, which rotates the
     *     refresh token) before it is used: store them and pass them next time
     * @throws BlueskyException when Bluesky refuses or cannot be reached ({@link BlueskyException#retryable()} tells
     *     whether trying again may help)
     * @throws IllegalArgumentException when {@code postUri} is not a post's AT-URI
     */
    public void deletePost(String postUri, Credentials credentials, Consumer<Credentials> saveCredentials) {
        Objects.requireNonNull(postUri, "postUri");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(saveCredentials, "saveCredentials");
        BlueskyPublisher.AtUri.parse(postUri);
        var context = new HostContext(credentials, saveCredentials);
        try (var publisher = new BlueskyPublisher(settings)) {
            publisher.delete(postUri, context, Map.of());
        } catch (Fail f) {
            throw new BlueskyException(f.failed().code(), f.kind(), f.failed().safeMessage());
        }
    }

    /** The public address of a post: {@code https://bsky.app/profile/{did}/post/{rkey}} for its AT-URI. */
    public static String postUrl(String postUri) {
        return BlueskyPublisher.postUrl(postUri);
    }

    /** The PDS calls go to. */
    public URI pdsUrl() {
        return settings.pdsUrl().uri();
    }

    /** Whether this channel only builds and logs requests. */
    public boolean isDryRun() {
        return settings.dryRun();
    }

    @Override
    public String toString() {
        return "BlueskyChannel[" + settings + "]";
    }

    /** The context of a call a host makes directly: its credentials, and where new sessions go. */
    private static final class HostContext implements PublishContext {
        private volatile Credentials current;
        private final Consumer<Credentials> sink;

        HostContext(Credentials credentials, Consumer<Credentials> sink) {
            this.current = credentials;
            this.sink = sink;
        }

        @Override
        public Credentials credentials() {
            return current;
        }

        @Override
        public synchronized void saveCredentials(Credentials rotated) {
            Credentials next = current.replacedBy(rotated);
            sink.accept(next);
            current = next;
        }

        @Override
        public Credentials reloadCredentials() {
            return current;
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public MediaSource media() {
            return MediaSource.none();
        }
    }

    /** Builder of a {@link BlueskyChannel}; validates each setting as it is given. */
    public static final class Builder {
        private HttpUrl pdsUrl = HttpUrl.get(Settings.DEFAULT_PDS_URL);
        private final AdapterBuilder<BlueskyRequestPreview> common = new AdapterBuilder<>();
        private long maxImageBytes = Settings.DEFAULT_MAX_IMAGE_BYTES;
        private int loginsPerWindow = Settings.DEFAULT_LOGINS_PER_WINDOW;
        private List<String> languages = List.of();
        private int writePointsPerHour = Settings.MAX_WRITE_POINTS_PER_HOUR;
        private int writePointsPerDay = Settings.MAX_WRITE_POINTS_PER_DAY;

        private Builder() {}

        /**
         * The PDS the accounts live on (every call goes to {@code {pdsUrl}/xrpc/...}); default {@code
         * https://bsky.social}, which also answers for accounts hosted by Bluesky. A self-hosted PDS, a proxy, or a
         * mock server in tests.
         */
        public Builder pdsUrl(String url) {
            this.pdsUrl = url(url, "pdsUrl");
            return this;
        }

        /** The PDS the accounts live on. */
        public Builder pdsUrl(URI url) {
            return pdsUrl(Objects.requireNonNull(url, "pdsUrl").toString());
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

        /** Read timeout; default 30 s (or the shared client's). A post unanswered within it is looked up. */
        public Builder readTimeout(Duration timeout) {
            common.readTimeout(timeout);
            return this;
        }

        /** Write timeout; default 30 s (or the shared client's). */
        public Builder writeTimeout(Duration timeout) {
            common.writeTimeout(timeout);
            return this;
        }

        /** Timeout of each whole call, reading the answer included; default 60 s (or the shared client's). */
        public Builder callTimeout(Duration timeout) {
            common.callTimeout(timeout);
            return this;
        }

        /**
         * The largest answer read, in bytes (1 KiB..64 MiB); default 2 MiB. A larger success answer to a post is
         * not read (the post is then looked up); a larger error answer is classified by its status.
         */
        public Builder maxResponseBytes(long bytes) {
            common.maxResponseBytes(bytes);
            return this;
        }

        /**
         * The largest image posted, in bytes; default 2,000,000 (the lexicon's limit since April 2026; Bluesky's
         * docs still say 1,000,000, and a PDS with the older limit refuses larger images when the post is created).
         * Larger images are refused before anything is uploaded.
         */
        public Builder maxImageBytes(long bytes) {
            if (bytes < 1 || bytes > Settings.MAX_IMAGE_BYTES_LIMIT) {
                throw new IllegalArgumentException(
                        "maxImageBytes must be within 1.." + Settings.MAX_IMAGE_BYTES_LIMIT + " but was " + bytes);
            }
            this.maxImageBytes = bytes;
            return this;
        }

        /**
         * How many logins ({@code createSession}) this process makes per account within 5 minutes at most; default
         * 10 (Bluesky allows 30). A login beyond it is not attempted: the publish is rate limited until one is free.
         */
        public Builder loginsPerFiveMinutes(int logins) {
            if (logins < 1 || logins > 30) {
                throw new IllegalArgumentException("loginsPerFiveMinutes must be within 1..30 but was " + logins);
            }
            this.loginsPerWindow = logins;
            return this;
        }

        /** The languages every post declares ({@code langs}, BCP-47 tags such as {@code en} or {@code pt-BR}; ≤ 3). */
        public Builder languages(String... tags) {
            Objects.requireNonNull(tags, "languages");
            if (tags.length > 3) {
                throw new IllegalArgumentException("languages takes at most 3 tags but got " + tags.length);
            }
            for (String tag : tags) {
                Objects.requireNonNull(tag, "language");
                if (!LANGUAGE.matcher(tag).matches()) {
                    throw new IllegalArgumentException("'" + tag + "' is not a language tag (en, de, pt-BR...)");
                }
            }
            this.languages = List.of(tags);
            return this;
        }

        /**
         * The share of an account's write budget this channel spends (Bluesky allows 5,000 points per hour and 35,000
         * per day; a post costs 3, a deletion 1); default all of it. A publish that would overspend is held back before
         * anything is sent and retried when enough points are free. Leave room when other apps write to the accounts.
         */
        public Builder writePointsPerAccount(int perHour, int perDay) {
            if (perHour < 3 || perHour > Settings.MAX_WRITE_POINTS_PER_HOUR) {
                throw new IllegalArgumentException("writePointsPerAccount: perHour must be within 3.."
                        + Settings.MAX_WRITE_POINTS_PER_HOUR + " but was " + perHour);
            }
            if (perDay < perHour || perDay > Settings.MAX_WRITE_POINTS_PER_DAY) {
                throw new IllegalArgumentException("writePointsPerAccount: perDay must be within " + perHour + ".."
                        + Settings.MAX_WRITE_POINTS_PER_DAY + " but was " + perDay);
            }
            this.writePointsPerHour = perHour;
            this.writePointsPerDay = perDay;
            return this;
        }

        /**
         * Dry-run mode: every request is built exactly as it would be sent, logged at INFO with the {@code
         * Authorization} header and tokens redacted, and not sent; no login happens. Publishing ends as a dry run
         * ({@code PublishOutcome.DryRun}, schedule status {@code dry_run}).
         */
        public Builder dryRun() {
            common.dryRun();
            return this;
        }

        /** Dry-run mode, also handing each request built to {@code sink}. */
        public Builder dryRun(Consumer<BlueskyRequestPreview> sink) {
            common.dryRun(sink);
            return this;
        }

        public BlueskyChannel build() {
            return new BlueskyChannel(new Settings(
                    pdsUrl,
                    common.http(),
                    common.isDryRun(),
                    common.dryRunSink(),
                    maxImageBytes,
                    loginsPerWindow,
                    languages,
                    writePointsPerHour,
                    writePointsPerDay));
        }
    }
}
