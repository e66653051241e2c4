package io.luxaris.channels.linkedin.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.channels.linkedin.LinkedInChannel;
import io.luxaris.channels.linkedin.LinkedInOAuth;
import io.luxaris.channels.linkedin.LinkedInText;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.spi.channel.Sleeper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes to LinkedIn's versioned Posts API: checks the author and the commentary, makes sure the access token
 * is usable (refreshing it ahead of expiry when it can), uploads the images, then creates the post once with
 * {@code POST /rest/posts}. Thread-safe.
 *
 * <p>Outcomes: a post request that may have reached LinkedIn without an answer is {@code UNKNOWN} (never retried
 * blindly; LinkedIn offers apps no general way to look a post up, so the lookup leaves a post unknown). A request that
 * never left is {@code RETRYABLE}, as is everything before the post request (uploads create no post).
 *
 * <p>A comment follow-up ({@link PublishRequest#followUp()}) is posted on the variant's post through the Comments API
 * instead ({@link Comments}); an unanswered comment request is looked up among the post's comments.
 */
public final class LinkedInPublisher implements ChannelPublisher {
    private static final Pattern AUTHOR = Pattern.compile("urn:li:(?:person|organization):[A-Za-z0-9_-]+");
    public static final MediaType JSON = MediaType.get("application/json");
    static final String RESTLI_PROTOCOL_VERSION = "2.0.0";

    private static final Logger LOG = LoggerFactory.getLogger(LinkedInPublisher.class);

    private final Settings settings;
    private final PlatformHttp http;
    private final TokenClient tokens;
    private final MediaUploader images;
    private final Comments comments;
    private final Set<ConnectionId> warnedReauthorization = ConcurrentHashMap.newKeySet();
    private volatile boolean warnedNoClient;

    public LinkedInPublisher(Settings settings, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sleeper, "sleeper");
        this.http = http(settings);
        this.tokens = new TokenClient(http, settings);
        this.images = new MediaUploader(http, settings);
        this.comments = new Comments(settings, http, sleeper);
    }

    /** The channel's HTTP layer: sends nothing in dry-run mode. */
    public static PlatformHttp http(Settings settings) {
        return new PlatformHttp(
                "LinkedIn",
                settings.http(),
                settings.dryRun() ? Optional.of(new LinkedInDryRun(settings)) : Optional.empty());
    }

    /** A REST request with the bearer token and both version headers LinkedIn requires on every {@code /rest} call. */
    public static Request.Builder rest(Settings settings, HttpUrl url, String accessToken) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + accessToken)
                .header("LinkedIn-Version", settings.version())
                .header("X-Restli-Protocol-Version", RESTLI_PROTOCOL_VERSION);
    }

    @Override
    public PublishOutcome publish(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        try {
            return attempt(request, context);
        } catch (Fail stop) {
            return stop.failed();
        }
    }

    private PublishOutcome attempt(PublishRequest request, PublishContext context) throws Fail {
        Instant now = context.clock().instant();
        var variant = request.variant();
        String author = authorOf(request.connection())
                .orElseThrow(() -> stop(
                        FailureKind.REJECTED,
                        "missing_author_urn",
                        "the connection has no valid '" + LinkedInChannel.PROPERTY_AUTHOR_URN
                                + "' property (urn:li:person:... or urn:li:organization:...)"));
        if (request.followUp().isPresent()) {
            String postUrn = Comments.postOf(request.followUp().get());
            String comment = Comments.checkedText(variant.content());
            String accessToken = usableToken(request, context, now);
            return comments.create(new Comments.Call(
                    request, author, postUrn, comment, accessToken, secrets(context.credentials()), now));
        }
        LinkedInText text;
        try {
            text = LinkedInText.fromVariant(variant.content(), variant.metadata());
        } catch (IllegalArgumentException e) {
            throw stop(FailureKind.REJECTED, "linkedin_elements", String.valueOf(e.getMessage()));
        }
        int length = text.length();
        if (length > LinkedInChannel.MAX_COMMENTARY_LENGTH) {
            throw stop(
                    FailureKind.REJECTED,
                    "content_length",
                    "the commentary is " + length + " characters once written for LinkedIn; the limit is "
                            + LinkedInChannel.MAX_COMMENTARY_LENGTH);
        }
        checkMedia(variant.media());
        String accessToken = usableToken(request, context, now);
        Collection<String> secrets = secrets(context.credentials());
        List<MediaUploader.Uploaded> uploaded =
                images.upload(variant.media(), context.media(), author, accessToken, secrets, now);
        return createPost(author, text.commentary(), uploaded, accessToken, secrets, now);
    }

    private static void checkMedia(List<MediaRef> media) throws Fail {
        if (media.size() > LinkedInChannel.MAX_IMAGES) {
            throw stop(
                    FailureKind.REJECTED,
                    "too_many_media",
                    "has " + media.size() + " images; LinkedIn takes up to " + LinkedInChannel.MAX_IMAGES);
        }
        for (MediaRef ref : media) {
            if (ref.kind() == MediaKind.VIDEO) {
                throw stop(FailureKind.REJECTED, "media_unsupported", "the LinkedIn channel posts images, not videos");
            }
            if (ref.kind() == MediaKind.GIF && media.size() > 1) {
                throw stop(FailureKind.REJECTED, "media_mix", "a GIF must be the only image of a LinkedIn post");
            }
        }
    }

    private PublishOutcome createPost(
            String author,
            String commentary,
            List<MediaUploader.Uploaded> uploaded,
            String accessToken,
            Collection<String> secrets,
            Instant now) {
        ObjectNode body = Json.object();
        body.put("author", author);
        body.put("commentary", commentary);
        body.put("visibility", settings.visibility().name());
        ObjectNode distribution = body.putObject("distribution");
        distribution.put("feedDistribution", "MAIN_FEED");
        distribution.putArray("targetEntities");
        distribution.putArray("thirdPartyDistributionChannels");
        if (uploaded.size() == 1) {
            ObjectNode media = body.putObject("content").putObject("media");
            media.put("id", uploaded.get(0).urn());
            uploaded.get(0).altText().ifPresent(alt -> media.put("altText", alt));
        } else if (uploaded.size() > 1) {
            ArrayNode list = body.putObject("content").putObject("multiImage").putArray("images");
            for (MediaUploader.Uploaded image : uploaded) {
                ObjectNode item = list.addObject().put("id", image.urn());
                image.altText().ifPresent(alt -> item.put("altText", alt));
            }
        }
        body.put("lifecycleState", "PUBLISHED");
        body.put("isReshareDisabledByAuthor", false);
        Request request = rest(settings, settings.api("rest", "posts").build(), accessToken)
                .post(RequestBody.create(Json.write(body), JSON))
                .build();
        HttpResult result;
        try {
            result = http.execute(request, true);
        } catch (TransportFailure e) {
            if (e.kindWhenCreating() == FailureKind.UNKNOWN) {
                return PublishOutcome.failed(
                        FailureKind.UNKNOWN, e.code(), e.getMessage() + "; the post may have been created on LinkedIn");
            }
            return PublishOutcome.failed(FailureKind.RETRYABLE, e.code(), String.valueOf(e.getMessage()));
        }
        if (!result.isSuccessful()) {
            return Classifier.classify(result, settings, now, secrets, true);
        }
        String raw = Classifier.raw(result, secrets);
        Optional<String> urn = Optional.ofNullable(result.headers().get("x-restli-id"))
                .or(() -> Optional.ofNullable(result.headers().get("x-linkedin-id")))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
        if (urn.isEmpty()) {
            return PublishOutcome.failed(
                            FailureKind.UNKNOWN,
                            "missing_post_id",
                            "LinkedIn answered HTTP " + result.status() + " without the post's id (x-restli-id)")
                    .withRawResponse(raw);
        }
        if (settings.dryRun()) {
            // a dry run is its own outcome, not a failure: the requests were built and validated, none sent
            return PublishOutcome.dryRun("POST " + request.url() + " not sent: " + Json.write(body));
        }
        LOG.debug("LinkedIn post created: {}", urn.get());
        return PublishOutcome.published(urn.get(), LinkedInChannel.postUrl(urn.get()))
                .withRawResponse(raw);
    }

    // ------------------------------------------------------------------ tokens

    /** The access token to use, refreshed first when it is about to expire and the channel can refresh it. */
    private String usableToken(PublishRequest request, PublishContext context, Instant now) throws Fail {
        Credentials credentials = context.credentials();
        if (credentials.accessToken().isEmpty()) {
            throw stop(
                    FailureKind.AUTH_REVOKED,
                    "no_access_token",
                    "the connection has no LinkedIn access token; connect the account again");
        }
        Optional<Instant> expires = credentials.expiresAt();
        if (!settings.dryRun()
                && expires.isPresent()
                && !now.isBefore(expires.get().minus(settings.refreshAhead()))) {
            if (refreshable(credentials, now) && settings.canRefresh()) {
                Credentials stored = context.reloadCredentials(); // another node may have refreshed already
                if (stored.accessToken().isPresent()
                        && stored.expiresAt()
                                .map(e -> now.isBefore(e.minus(settings.refreshAhead())))
                                .orElse(false)) {
                    credentials = stored;
                } else {
                    RefreshResult refreshed = refresh(context, stored, now);
                    if (refreshed instanceof RefreshResult.Revoked r) {
                        throw stop(FailureKind.AUTH_REVOKED, r.code(), r.safeMessage());
                    }
                    if (refreshed instanceof RefreshResult.TransientFailure t) {
                        throw stop(FailureKind.RETRYABLE, t.code(), t.safeMessage());
                    }
                    credentials = context.credentials();
                }
            } else if (!now.isBefore(expires.get())) {
                throw stop(
                        FailureKind.AUTH_EXPIRED,
                        "linkedin_token_expired",
                        "the LinkedIn access token expired at " + expires.get()
                                + (refreshable(credentials, now)
                                        ? " and the channel has no OAuth client to refresh it"
                                        : "; LinkedIn tokens last 60 days and the member must authorize again"));
            }
        }
        warnIfReauthorizationDue(request.connection().id(), credentials, now);
        return credentials
                .accessToken()
                .orElseThrow(() -> stop(
                        FailureKind.AUTH_REVOKED,
                        "no_access_token",
                        "the connection has no LinkedIn access token; connect the account again"));
    }

    /** Logs once per connection when the member must authorize again within the warning period. */
    private void warnIfReauthorizationDue(ConnectionId connection, Credentials credentials, Instant now) {
        Optional<Instant> by = refreshable(credentials, now) && settings.canRefresh()
                ? credentials.refreshExpiresAt()
                : credentials.expiresAt();
        if (by.isPresent()
                && by.get().isBefore(now.plus(SchedulingRules.REAUTHORIZE_WARNING))
                && warnedReauthorization.add(connection)) {
            LOG.warn(
                    "LinkedIn connection {} must be authorized again by {}: its token cannot be renewed past that",
                    connection,
                    by.get());
        }
    }

    private static boolean refreshable(Credentials credentials, Instant now) {
        return credentials.refreshToken().isPresent()
                && credentials.refreshExpiresAt().map(now::isBefore).orElse(true);
    }

    /**
     * Called by the engine after an {@code AUTH_EXPIRED} outcome. Another node may have refreshed already (then the
     * stored token is new); otherwise the refresh token is used, and the new access token saved before it is used.
     */
    @Override
    public RefreshResult refresh(PublishContext context) {
        Objects.requireNonNull(context, "context");
        Instant now = context.clock().instant();
        Optional<String> failed = context.credentials().accessToken();
        Credentials current = context.reloadCredentials();
        if (current.accessToken().isPresent()
                && !current.accessToken().equals(failed)
                && current.expiresAt().map(now::isBefore).orElse(true)) {
            return new RefreshResult.Refreshed();
        }
        return refresh(context, current, now);
    }

    private RefreshResult refresh(PublishContext context, Credentials current, Instant now) {
        Optional<String> refreshToken = current.refreshToken();
        if (refreshToken.isEmpty() || !refreshable(current, now)) {
            return new RefreshResult.Unsupported();
        }
        if (!settings.canRefresh()) {
            if (!warnedNoClient) {
                warnedNoClient = true;
                LOG.warn("LinkedIn connections hold refresh tokens but the channel has no OAuth client id and secret"
                        + " (LinkedInChannel.builder().oauthClient(...)); tokens are not refreshed");
            }
            return new RefreshResult.Unsupported();
        }
        var secrets = new ArrayList<>(secrets(current));
        secrets.add(settings.clientSecret().orElseThrow());
        HttpResult result;
        try {
            result = tokens.refresh(
                    refreshToken.get(),
                    settings.clientId().orElseThrow(),
                    settings.clientSecret().orElseThrow());
        } catch (TransportFailure e) {
            return new RefreshResult.TransientFailure(
                    e.code(), "refreshing the LinkedIn token failed: " + e.getMessage());
        }
        if (!result.isSuccessful()) {
            Map.Entry<String, String> error = Classifier.oauthError(result, secrets);
            String message = "LinkedIn refused to refresh the token: " + error.getKey() + " (" + error.getValue() + ")";
            if (result.status() == 429 || result.status() >= 500) {
                return new RefreshResult.TransientFailure("refresh_" + error.getKey(), message);
            }
            return new RefreshResult.Revoked(error.getKey(), message);
        }
        Optional<LinkedInOAuth.Tokens> parsed =
                TokenClient.parse(result, now, refreshToken, current.refreshExpiresAt());
        if (parsed.isEmpty()) {
            return new RefreshResult.TransientFailure(
                    "unreadable_response", "LinkedIn's refresh answer has no access token");
        }
        context.saveCredentials(parsed.get().toCredentials());
        LOG.debug("LinkedIn access token refreshed");
        return new RefreshResult.Refreshed();
    }

    @Override
    public boolean supportsLookup() {
        return !settings.dryRun();
    }

    /** Only a comment follow-up can be looked up: LinkedIn offers apps no general way to look a post up. */
    @Override
    public boolean supportsLookup(PublishRequest request) {
        return supportsLookup() && request.followUp().isPresent();
    }

    /**
     * Looks a comment follow-up up among its post's comments ({@link Comments#lookup}); a post itself stays unknown
     * (LinkedIn offers apps no general way to look a post up).
     */
    @Override
    public LookupResult lookup(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        if (request.followUp().isEmpty()) {
            return new LookupResult.Unknown("LinkedIn offers apps no way to look a post up");
        }
        Optional<String> author = authorOf(request.connection());
        if (author.isEmpty()) {
            return new LookupResult.Unknown("the connection has no valid author URN");
        }
        String postUrn;
        String text;
        try {
            postUrn = Comments.postOf(request.followUp().get());
            text = Comments.checkedText(request.variant().content());
        } catch (Fail f) {
            return new LookupResult.Unknown(f.failed().safeMessage());
        }
        Optional<String> accessToken = context.credentials().accessToken();
        if (accessToken.isEmpty()) {
            return new LookupResult.Unknown("the connection has no LinkedIn access token");
        }
        return comments.lookup(new Comments.Call(
                request,
                author.get(),
                postUrn,
                text,
                accessToken.get(),
                secrets(context.credentials()),
                context.clock().instant()));
    }

    private static Collection<String> secrets(Credentials credentials) {
        return credentials.secretValues();
    }

    private static Fail stop(FailureKind kind, String code, String message) {
        return new Fail(PublishOutcome.failed(kind, code, message));
    }

    @Override
    public void close() {
        comments.clear();
        http.close();
    }

    /** The author URN of the connection property {@code author_urn}, when it is a person or organization URN. */
    public static Optional<String> authorOf(ChannelConnection connection) {
        return connection
                .property(LinkedInChannel.PROPERTY_AUTHOR_URN)
                .map(String::strip)
                .filter(urn -> AUTHOR.matcher(urn).matches());
    }
}
