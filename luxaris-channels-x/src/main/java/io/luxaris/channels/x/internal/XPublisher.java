package io.luxaris.channels.x.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.channels.x.XChannel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.Attempts;
import io.luxaris.http.internal.Checkpoints;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.FollowUps;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.Lookups;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.spi.channel.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes variants to X: uploads the media, posts the text ({@code POST /2/tweets}) and each thread part as a
 * reply to the one before, and builds the public URL. Thread parts already posted (from the checkpoint of an
 * earlier attempt) are never posted again; a failure at part N is reported for part N with the ids of the parts
 * before it in the checkpoint.
 *
 * <p>A follow-up publish ({@link PublishRequest#followUp()}) posts its text as a reply ({@code
 * reply.in_reply_to_tweet_id}) to the last thread part of the part before it, or, for a comment, to the post itself;
 * X's refusal of a reply (the 2026 "summoned reply" rule, a deleted post) is a failure naming the follow-up.
 */
public final class XPublisher implements ChannelPublisher {
    /** Checkpoint key prefix: {@code x.part.0} holds the id of the first post, {@code x.part.1} of the next... */
    public static final String PART_KEY = "x.part.";
    /** Checkpoint key: index (from 0) of the thread part that failed. */
    public static final String FAILED_PART_KEY = "x.failed_part";

    private static final Logger LOG = LoggerFactory.getLogger(XPublisher.class);

    private final Settings settings;
    private final Sleeper sleeper;
    private final PlatformHttp http;
    private final Auth auth;
    private final MediaUploader media;
    private final Attempts<TreeMap<Integer, String>, Attempts.Unanswered> attempts = new Attempts<>(TreeMap::new);
    private final Map<ConnectionId, Account> accounts = new ConcurrentHashMap<>();

    /** A publisher waiting through {@code sleeper} (media processing polls, the lookup's grace period). */
    public XPublisher(Settings settings, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.http = new PlatformHttp(
                "X", settings.http(), settings.dryRun() ? Optional.of(new XDryRun(settings)) : Optional.empty());
        this.auth = new Auth(settings, http);
        this.media = new MediaUploader(settings, sleeper);
    }

    /** The account behind a connection, as {@code GET /2/users/me} describes it. */
    record Account(String id, String username) {}

    @Override
    public PublishOutcome publish(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        Auth.Session session = auth.session(context);
        List<String> texts = request.variant().texts();
        TreeMap<Integer, String> posted = posted(request);
        Instant now = context.clock().instant();
        String raw = null;
        try {
            session.ensureFresh();
            List<String> mediaIds = List.of();
            if (!posted.containsKey(0) && !request.variant().media().isEmpty()) {
                mediaIds = media.upload(session, request.variant().media(), context.media(), now);
            }
            for (int part = 0; part < texts.size(); part++) {
                if (posted.containsKey(part)) {
                    continue;
                }
                Optional<String> replyTo = replyTo(request, part, posted);
                Posted result = postPart(session, request, part, replyTo, part == 0 ? mediaIds : List.of(), context);
                posted.put(part, result.id());
                if (!settings.dryRun()) {
                    attempts.remember(request.scheduleId(), posted);
                }
                if (raw == null) {
                    raw = result.raw();
                }
            }
        } catch (Fail f) {
            if (settings.dryRun()) {
                return f.failed();
            }
            Map<String, String> checkpoint = checkpoint(posted);
            int failedPart = Checkpoints.firstMissing(posted, texts.size());
            if (failedPart >= 0 && texts.size() > 1) {
                checkpoint.put(FAILED_PART_KEY, Integer.toString(failedPart));
            }
            return f.failed().withCheckpoint(checkpoint);
        }
        if (settings.dryRun()) {
            // a dry run is its own outcome, not a failure: every request was built and validated, none sent
            return PublishOutcome.dryRun("POST " + settings.url("2", "tweets").build() + " not sent, "
                    + (request.followUp().isPresent()
                            ? label(request, 0) + ": "
                            : texts.size() == 1 ? "the post: " : texts.size() + " posts as a thread: ")
                    + texts);
        }
        attempts.forget(request.scheduleId());
        String root = Objects.requireNonNull(posted.get(0), "posted part 0");
        return new PublishOutcome.Published(
                root,
                Optional.of(url(session, request.connection(), root)),
                Optional.ofNullable(raw),
                checkpoint(posted));
    }

    /**
     * What part {@code part} replies to: the part before it; for the first part of a follow-up, what the follow-up
     * hangs on; for the first part of a post, nothing.
     */
    private static Optional<String> replyTo(PublishRequest request, int part, Map<Integer, String> posted) {
        if (part > 0) {
            return Optional.ofNullable(posted.get(part - 1));
        }
        return request.followUp().map(target -> FollowUps.replyTo(target, PART_KEY));
    }

    /** Part {@code part} named for messages: the post, part N of M, or the follow-up and what it hangs on. */
    private static String label(PublishRequest request, int part) {
        int parts = request.variant().texts().size();
        if (request.followUp().isPresent()) {
            return FollowUps.label(
                    request.followUp().get(), replyTo(request, 0, Map.of()).orElseThrow());
        }
        return parts > 1 ? "part " + (part + 1) + " of " + parts : "the post";
    }

    /** A part X created: its id and the raw answer. */
    private record Posted(String id, String raw) {}

    private Posted postPart(
            Auth.Session session,
            PublishRequest request,
            int part,
            Optional<String> replyTo,
            List<String> mediaIds,
            PublishContext context)
            throws Fail {
        List<String> texts = request.variant().texts();
        String text = texts.get(part);
        String label = label(request, part);
        // X's OpenAPI schema requires text on every post; a media-only post sends it empty (docs/platforms/x.md §1.2:
        // the text may be left out only when media is given, so an empty text with media is what X accepts)
        ObjectNode body = Json.object().put("text", text);
        if (!mediaIds.isEmpty()) {
            ArrayNode ids = body.putObject("media").putArray("media_ids");
            mediaIds.forEach(ids::add);
        }
        replyTo.ifPresent(id -> body.putObject("reply").put("in_reply_to_tweet_id", id));
        String json = Json.write(body);
        HttpResult result;
        try {
            result = session.call(
                    () -> new Request.Builder()
                            .url(settings.url("2", "tweets").build())
                            .post(RequestBody.create(json, PlatformHttp.JSON))
                            .build(),
                    true);
        } catch (TransportFailure e) {
            if (e.kindWhenCreating() == FailureKind.RETRYABLE) {
                throw Fail.of(FailureKind.RETRYABLE, e.code(), label + ": " + e.getMessage());
            }
            attempts.rememberUnanswered(
                    request.scheduleId(),
                    new Attempts.Unanswered(part, context.clock().instant()));
            throw Fail.of(
                    FailureKind.UNKNOWN,
                    e.answered() ? e.code() : e.code() + "_after_send",
                    label + ": " + e.getMessage() + "; it may or may not be on X");
        }
        Instant now = context.clock().instant();
        if (result.isSuccessful()) {
            Optional<String> id = Json.text(result.json(), "/data/id");
            if (id.isEmpty()) {
                attempts.rememberUnanswered(request.scheduleId(), new Attempts.Unanswered(part, now));
                throw new Fail(new PublishOutcome.Failed(
                        FailureKind.UNKNOWN,
                        "unreadable_response",
                        label + ": X answered HTTP " + result.status() + " without a post id",
                        Optional.empty(),
                        Optional.of(Classifier.raw(result, session.secrets())),
                        Map.of()));
            }
            LOG.debug("posted {} of schedule {} to X as {}", label, request.scheduleId(), id.get());
            return new Posted(id.get(), Classifier.raw(result, session.secrets()));
        }
        PublishOutcome.Failed failed = Classifier.classify(result, session.secrets(), now);
        if (failed.code().equals("duplicate_content") && request.attempt() > 1 && !settings.dryRun()) {
            // an earlier attempt of this schedule may have created the post without us hearing back
            Optional<String> own = findOwn(session, request, part, replyTo, now);
            if (own.isPresent()) {
                LOG.info(
                        "X refused {} of schedule {} as a duplicate; it is already on X as {} (earlier attempt)",
                        label,
                        request.scheduleId(),
                        own.get());
                return new Posted(own.get(), Classifier.raw(result, session.secrets()));
            }
        }
        throw Fail.labelled(label, failed);
    }

    @Override
    public boolean supportsLookup() {
        return !settings.dryRun();
    }

    /** Every request can be looked up (every part is searched for among the account's recent posts). */
    @Override
    public boolean supportsLookupForEveryRequest() {
        return supportsLookup();
    }

    /**
     * Looks in the account's recent posts for the first part this attempt may not have posted. Found: published
     * (when it was the last part), with the ids of every part in the checkpoint ({@code x.part.N}). Not found and the unanswered request is older than the grace period: absent.
     * Anything else (a failed timeline read, a thread only partly on X): unknown.
     */
    @Override
    public LookupResult lookup(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        Auth.Session session = auth.session(context);
        List<String> texts = request.variant().texts();
        TreeMap<Integer, String> posted = posted(request);
        return Lookups.guarded(() -> {
            session.ensureFresh();
            int missing = Checkpoints.firstMissing(posted, texts.size());
            if (missing < 0) {
                attempts.forget(request.scheduleId());
                return found(session, request, posted);
            }
            Optional<Account> account = account(session, request.connection());
            if (account.isEmpty()) {
                return new LookupResult.Unknown("could not read the X account to look the post up");
            }
            Instant now = context.clock().instant();
            Optional<String> match = find(session, request, account.get(), missing, posted, now);
            if (match.isEmpty()) {
                Duration left = Attempts.graceLeft(
                        attempts.unanswered(request.scheduleId()).map(Attempts.Unanswered::at),
                        now,
                        settings.lookupGrace());
                if (!left.isZero()) {
                    sleeper.sleep(left);
                    match = find(
                            session,
                            request,
                            account.get(),
                            missing,
                            posted,
                            context.clock().instant());
                }
            }
            if (match.isEmpty()) {
                LOG.info(
                        "schedule {}: {} is not among the account's recent posts on X",
                        request.scheduleId(),
                        label(request, missing));
                return new LookupResult.Absent();
            }
            posted.put(missing, match.get());
            for (int part = missing + 1; part < texts.size(); part++) {
                Optional<String> next = find(session, request, account.get(), part, posted, now);
                if (next.isEmpty()) {
                    break;
                }
                posted.put(part, next.get());
            }
            attempts.remember(request.scheduleId(), posted);
            int stillMissing = Checkpoints.firstMissing(posted, texts.size());
            if (stillMissing >= 0) {
                return new LookupResult.Unknown("parts 1 to " + stillMissing + " of the thread are on X (first "
                        + posted.get(0) + ") but part " + (stillMissing + 1) + " is not");
            }
            attempts.forget(request.scheduleId());
            return found(session, request, posted);
        });
    }

    /** Found, with the ids of every part in the checkpoint (as a publish leaves them, for the follow-ups). */
    private LookupResult found(Auth.Session session, PublishRequest request, TreeMap<Integer, String> posted) {
        String root = Objects.requireNonNull(posted.get(0), "posted part 0");
        return new LookupResult.Found(root, Optional.of(url(session, request.connection(), root)), checkpoint(posted));
    }

    private Optional<String> findOwn(
            Auth.Session session, PublishRequest request, int part, Optional<String> replyTo, Instant now) {
        try {
            Optional<Account> account = account(session, request.connection());
            if (account.isEmpty()) {
                return Optional.empty();
            }
            var known = new TreeMap<Integer, String>();
            if (part > 0) {
                replyTo.ifPresent(id -> known.put(part - 1, id));
            }
            return find(session, request, account.get(), part, known, now);
        } catch (Fail | TransportFailure e) {
            LOG.debug("could not check whether the duplicate is this schedule's own post: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The id of a recent post of the account with part {@code part}'s text, replying to the part before it (or, for a
     * follow-up's first part, to what the follow-up hangs on).
     */
    private Optional<String> find(
            Auth.Session session,
            PublishRequest request,
            Account account,
            int part,
            Map<Integer, String> posted,
            Instant now)
            throws Fail, TransportFailure {
        Instant since =
                request.variant().updatedAt().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        if (since.isAfter(now)) {
            since = now.minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        }
        Instant start = since;
        HttpResult result = session.call(
                () -> new Request.Builder()
                        .url(settings.url("2", "users", account.id(), "tweets")
                                .addQueryParameter("max_results", "100")
                                .addQueryParameter("exclude", "retweets")
                                .addQueryParameter("start_time", start.toString())
                                .addQueryParameter("tweet.fields", "created_at,referenced_tweets,note_tweet")
                                .build())
                        .get()
                        .build(),
                false);
        if (!result.isSuccessful()) {
            throw new Fail(Classifier.classify(result, session.secrets(), now));
        }
        String text = request.variant().texts().get(part);
        Optional<String> replyTo = replyTo(request, part, posted);
        for (JsonNode post : result.json().path("data")) {
            String returned = Json.text(post, "/note_tweet/text")
                    .or(() -> Json.text(post, "/text"))
                    .orElse("");
            if (!XText.sameText(text, returned)) {
                continue;
            }
            if (replyTo.isPresent() && !repliesTo(post, replyTo.get())) {
                continue;
            }
            Optional<String> id = Json.text(post, "/id");
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private static boolean repliesTo(JsonNode post, String id) {
        for (JsonNode reference : post.path("referenced_tweets")) {
            if ("replied_to".equals(reference.path("type").asText())
                    && id.equals(reference.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RefreshResult refresh(PublishContext context) {
        if (settings.dryRun()) {
            return new RefreshResult.Unsupported();
        }
        return auth.session(Objects.requireNonNull(context, "context")).refresh();
    }

    /** {@code https://x.com/{username}/status/{id}}, or the username-less form when the username is unknown. */
    private String url(Auth.Session session, ChannelConnection connection, String id) {
        Optional<String> username = connection
                .property(XChannel.PROPERTY_USERNAME)
                .filter(name -> !name.isBlank())
                .map(name -> name.startsWith("@") ? name.substring(1) : name);
        if (username.isEmpty()) {
            try {
                username = account(session, connection).map(Account::username);
            } catch (Fail | TransportFailure e) {
                LOG.debug("could not read the X username for the post URL: {}", e.getMessage());
            }
        }
        return username.map(name -> "https://x.com/" + name + "/status/" + id)
                .orElse("https://x.com/i/web/status/" + id);
    }

    /** The account from the connection's properties, the cache, or {@code GET /2/users/me} (then cached). */
    private Optional<Account> account(Auth.Session session, ChannelConnection connection)
            throws Fail, TransportFailure {
        Optional<String> id = connection.property(XChannel.PROPERTY_USER_ID).filter(v -> !v.isBlank());
        Optional<String> username =
                connection.property(XChannel.PROPERTY_USERNAME).filter(v -> !v.isBlank());
        if (id.isPresent() && username.isPresent()) {
            return Optional.of(new Account(id.get(), username.get()));
        }
        Account cached = accounts.get(connection.id());
        if (cached != null) {
            return Optional.of(cached);
        }
        if (settings.dryRun()) {
            return Optional.empty();
        }
        HttpResult result = session.call(
                () -> new Request.Builder()
                        .url(settings.url("2", "users", "me").build())
                        .get()
                        .build(),
                false);
        if (!result.isSuccessful()) {
            LOG.debug("X answered HTTP {} to GET /2/users/me", result.status());
            return Optional.empty();
        }
        JsonNode json = result.json();
        Optional<String> meId = Json.text(json, "/data/id");
        Optional<String> meName = Json.text(json, "/data/username");
        if (meId.isEmpty() || meName.isEmpty()) {
            return Optional.empty();
        }
        Account account = new Account(meId.get(), meName.get());
        accounts.put(connection.id(), account);
        session.rememberAccount(java.util.Map.of(
                XChannel.PROPERTY_USER_ID, account.id(), XChannel.PROPERTY_USERNAME, account.username()));
        return Optional.of(account);
    }

    /** Parts posted so far: the checkpoint of the earlier attempt plus what this publisher remembers. */
    private TreeMap<Integer, String> posted(PublishRequest request) {
        TreeMap<Integer, String> parts = attempts.progress(request.scheduleId()).orElseGet(TreeMap::new);
        Checkpoints.numbered(request.checkpoint(), PART_KEY).forEach(parts::putIfAbsent);
        return parts;
    }

    private static Map<String, String> checkpoint(TreeMap<Integer, String> posted) {
        var map = new LinkedHashMap<String, String>();
        Checkpoints.putNumbered(map, PART_KEY, posted);
        return map;
    }

    @Override
    public void close() {
        attempts.clear();
        accounts.clear();
        http.close();
    }

    @Override
    public String toString() {
        return "XPublisher[" + settings.baseUrl() + (settings.dryRun() ? ", dry run" : "") + "]";
    }
}
