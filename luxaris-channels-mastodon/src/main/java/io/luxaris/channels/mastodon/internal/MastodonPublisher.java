package io.luxaris.channels.mastodon.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.channels.mastodon.MastodonChannel;
import io.luxaris.channels.mastodon.MastodonInstance;
import io.luxaris.channels.mastodon.MastodonPostOptions;
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
import io.luxaris.spi.channel.Sleeper;
import io.luxaris.spi.security.Redaction;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes variants to a Mastodon instance: uploads the media (v2, waiting for processing), posts the text ({@code
 * POST /api/v1/statuses}) and each thread part as a reply to the one before ({@code in_reply_to_id}), every status
 * with an {@code Idempotency-Key} derived from the schedule, the attempt and the part. Thread parts already posted
 * (from the checkpoint of an earlier attempt) are never posted again; a failure at part N is reported for part N
 * with the ids of the parts before it, and of media already uploaded, in the checkpoint.
 *
 * <p>A follow-up publish ({@link PublishRequest#followUp()}) posts its text as a reply ({@code in_reply_to_id}) to the
 * last thread part of the part before it, or, for a comment, to the first status itself, with the reply visibility
 * (Mastodon's convention: {@code unlisted} under a public status).
 */
public final class MastodonPublisher implements ChannelPublisher {
    /** Checkpoint key prefix: {@code mastodon.part.0} holds the id of the first status, {@code .1} the next... */
    public static final String PART_KEY = "mastodon.part.";
    /** Checkpoint key: the public URL of the first status. */
    public static final String URL_KEY = "mastodon.url";
    /** Checkpoint key prefix: ids of media uploaded for the first status that is not posted yet. */
    public static final String MEDIA_KEY = "mastodon.media.";
    /** Checkpoint key: index (from 0) of the thread part that failed. */
    public static final String FAILED_PART_KEY = "mastodon.failed_part";

    private static final Logger LOG = LoggerFactory.getLogger(MastodonPublisher.class);
    private static final int RECENT_STATUSES = 40;

    private final Settings settings;
    private final Instances instances;
    private final Sleeper sleeper;
    private final PlatformHttp http;
    private final MediaUploader media;
    private final Attempts<TreeMap<Integer, String>, Attempts.Unanswered> attempts = new Attempts<>(TreeMap::new);
    private final Map<ConnectionId, String> accounts = new ConcurrentHashMap<>();
    private final Object[] flights = new Object[64];

    /** A publisher sharing the channel's instance limits, waiting through {@code sleeper}. */
    public MastodonPublisher(Settings settings, Instances instances, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.instances = Objects.requireNonNull(instances, "instances");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.http = new PlatformHttp(
                "Mastodon",
                settings.http(),
                settings.dryRun() ? Optional.of(new MastodonDryRun(settings)) : Optional.empty());
        this.media = new MediaUploader(settings, sleeper);
        for (int i = 0; i < flights.length; i++) {
            flights[i] = new Object();
        }
    }

    /**
     * The {@code Idempotency-Key} of a thread part: the schedule's key ({@code <schedule id>-<attempt>}) for the
     * first status, with {@code .<n>} appended for the n-th reply. The same on every send of one attempt, new for the
     * next attempt.
     */
    public static String idempotencyKey(PublishRequest request, int part) {
        return part == 0 ? request.idempotencyKey() : request.idempotencyKey() + "." + part;
    }

    @Override
    public PublishOutcome publish(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        List<String> texts = request.variant().texts();
        TreeMap<Integer, String> posted = posted(request);
        Optional<String> rootUrl = Optional.ofNullable(request.checkpoint().get(URL_KEY));
        List<String> mediaIds = List.of();
        String raw = null;
        try {
            Session session = session(request, context);
            session.token();
            MastodonPostOptions options = options(request);
            MastodonInstance instance = instance(session, request.connection(), context);
            checkLengths(session, instance, options, request, posted);
            if (!posted.containsKey(0) && !request.variant().media().isEmpty()) {
                List<String> earlier = earlierMedia(request);
                mediaIds = earlier.size() == request.variant().media().size()
                        ? media.reuse(session, earlier).orElse(List.of())
                        : List.of();
                if (mediaIds.isEmpty()) {
                    mediaIds = media.upload(
                            session, request.variant().media(), context.media(), instance, options, context.clock());
                }
            }
            for (int part = 0; part < texts.size(); part++) {
                if (posted.containsKey(part)) {
                    continue;
                }
                Optional<String> replyTo = replyTo(request, part, posted);
                Posted result = postPart(session, request, options, part, replyTo, part == 0 ? mediaIds : List.of());
                posted.put(part, result.id());
                if (part == 0) {
                    rootUrl = result.url();
                    mediaIds = List.of();
                }
                if (!settings.dryRun()) {
                    attempts.remember(request.scheduleId(), posted);
                }
                if (raw == null) {
                    raw = result.raw();
                }
            }
            if (settings.dryRun()) {
                // a dry run is its own outcome, not a failure: every request was built and validated, none sent
                return PublishOutcome.dryRun("POST "
                        + session.url("api", "v1", "statuses").build() + " not sent, "
                        + (request.followUp().isPresent()
                                ? label(request, 0) + ": "
                                : texts.size() == 1 ? "the status: " : texts.size() + " statuses as a thread: ")
                        + texts);
            }
            attempts.forget(request.scheduleId());
            String root = Objects.requireNonNull(posted.get(0), "posted part 0");
            if (rootUrl.isEmpty()) {
                rootUrl = statusUrl(session, root);
            }
            return new PublishOutcome.Published(
                    root, rootUrl, Optional.ofNullable(raw), checkpoint(posted, rootUrl, List.of()));
        } catch (Fail f) {
            if (settings.dryRun()) {
                return f.failed();
            }
            Map<String, String> checkpoint = checkpoint(posted, rootUrl, mediaIds);
            int failedPart = Checkpoints.firstMissing(posted, texts.size());
            if (failedPart >= 0 && texts.size() > 1) {
                checkpoint.put(FAILED_PART_KEY, Integer.toString(failedPart));
            }
            return f.failed().withCheckpoint(checkpoint);
        }
    }

    /** The connection's instance, checked; its token goes nowhere else. */
    private Session session(PublishRequest request, PublishContext context) throws Fail {
        return new Session(base(request.connection()), context, http);
    }

    private HttpUrl base(ChannelConnection connection) throws Fail {
        Optional<String> configured =
                connection.property(MastodonChannel.PROPERTY_INSTANCE_URL).filter(v -> !v.isBlank());
        if (configured.isEmpty()) {
            if (settings.defaultInstance().isPresent()) {
                return settings.defaultInstance().get();
            }
            throw Fail.of(
                    FailureKind.REJECTED,
                    "missing_instance_url",
                    "the connection does not name its Mastodon instance (connection property "
                            + MastodonChannel.PROPERTY_INSTANCE_URL + ")");
        }
        try {
            return InstanceUrl.parse(configured.get(), settings.plainHttpOnLoopback());
        } catch (IllegalArgumentException e) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "invalid_instance_url",
                    "connection property " + MastodonChannel.PROPERTY_INSTANCE_URL + ": " + e.getMessage());
        }
    }

    private static MastodonPostOptions options(PublishRequest request) throws Fail {
        MastodonPostOptions.Parsed parsed =
                MastodonPostOptions.fromMetadata(request.variant().metadata());
        if (!parsed.isValid()) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "invalid_options",
                    Redaction.truncate(
                            parsed.violations().stream()
                                    .map(v -> v.field() + " " + v.message())
                                    .collect(Collectors.joining("; ")),
                            Classifier.MESSAGE_LIMIT));
        }
        return parsed.options();
    }

    /** The instance's limits (kept on the connection when they changed, so other nodes and restarts have them). */
    private MastodonInstance instance(Session session, ChannelConnection connection, PublishContext context) {
        instances.useClock(context.clock());
        Instances.Known known = instances.limits(session.base(), connection.properties());
        if (known.fromInstance()) {
            Map<String, String> fresh = known.instance().toConnectionProperties();
            boolean changed = fresh.entrySet().stream()
                    .anyMatch(e -> !e.getValue().equals(connection.properties().get(e.getKey())));
            if (changed) {
                try {
                    context.updateConnectionProperties(fresh);
                } catch (RuntimeException e) {
                    LOG.debug(
                            "could not keep the instance's limits on the connection: {}",
                            e.getClass().getSimpleName());
                }
            }
        }
        return known.instance();
    }

    /** Refuses the whole thread before anything is posted when one part is longer than the instance accepts. */
    private static void checkLengths(
            Session session,
            MastodonInstance instance,
            MastodonPostOptions options,
            PublishRequest request,
            Map<Integer, String> posted)
            throws Fail {
        List<String> texts = request.variant().texts();
        for (int part = 0; part < texts.size(); part++) {
            if (posted.containsKey(part)) {
                continue;
            }
            int length = instance.measure(options.contentWarning(), texts.get(part));
            if (length > instance.maxCharacters()) {
                throw Fail.of(
                        FailureKind.REJECTED,
                        "too_long",
                        label(request, part) + " is " + length + " characters"
                                + (options.hasContentWarning() ? " with its content warning" : "") + "; "
                                + session.base().host() + " accepts " + instance.maxCharacters());
            }
        }
    }

    /** Part {@code part} named for messages: the status, part N of M, or the follow-up and what it hangs on. */
    private static String label(PublishRequest request, int part) {
        if (request.followUp().isPresent()) {
            return FollowUps.label(
                    request.followUp().get(), replyTo(request, 0, Map.of()).orElseThrow());
        }
        int parts = request.variant().texts().size();
        return parts > 1 ? "part " + (part + 1) + " of " + parts : "the status";
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

    /** Who sees part {@code part}: the first status of a post as set, every reply (follow-ups too) as replies. */
    private static MastodonPostOptions.Visibility visibility(
            PublishRequest request, MastodonPostOptions options, int part) {
        return part == 0 && request.followUp().isEmpty() ? options.visibility() : options.replyVisibility();
    }

    /** A status the instance created: its id, public URL and the raw answer. */
    private record Posted(String id, Optional<String> url, String raw) {}

    private Posted postPart(
            Session session,
            PublishRequest request,
            MastodonPostOptions options,
            int part,
            Optional<String> replyTo,
            List<String> mediaIds)
            throws Fail {
        List<String> texts = request.variant().texts();
        String label = label(request, part);
        String text = texts.get(part);
        ObjectNode body = Json.object();
        if (!text.isEmpty() || mediaIds.isEmpty()) {
            body.put("status", text);
        }
        body.put("visibility", visibility(request, options, part).wireName());
        if (options.hasContentWarning()) {
            body.put("spoiler_text", options.contentWarning());
        }
        options.language().ifPresent(l -> body.put("language", l));
        if (!mediaIds.isEmpty()) {
            ArrayNode ids = body.putArray("media_ids");
            mediaIds.forEach(ids::add);
            if (options.sensitive()) {
                body.put("sensitive", true);
            }
        }
        replyTo.ifPresent(id -> body.put("in_reply_to_id", id));
        String json = Json.write(body);
        String key = idempotencyKey(request, part);
        Duration waited = Duration.ZERO;
        // one flight per key: a second request with the same key while the first is unanswered could create twice
        synchronized (flights[Math.floorMod(key.hashCode(), flights.length)]) {
            while (true) {
                HttpResult result = send(session, request, part, label, json, key);
                Instant now = session.context().clock().instant();
                if (result.isSuccessful()) {
                    JsonNode answer = result.json();
                    Optional<String> id = Json.text(answer, "/id");
                    if (id.isEmpty()) {
                        attempts.rememberUnanswered(request.scheduleId(), new Attempts.Unanswered(part, now));
                        throw new Fail(new PublishOutcome.Failed(
                                FailureKind.UNKNOWN,
                                "unreadable_response",
                                label + ": Mastodon answered HTTP " + result.status() + " without a status id",
                                Optional.empty(),
                                Optional.of(Classifier.raw(result, session.secrets())),
                                Map.of()));
                    }
                    LOG.debug(
                            "posted {} of schedule {} to {} as {}",
                            label,
                            request.scheduleId(),
                            session.base().host(),
                            id.get());
                    return new Posted(
                            id.get(),
                            Json.text(answer, "/url").or(() -> Json.text(answer, "/uri")),
                            Classifier.raw(result, session.secrets()));
                }
                PublishOutcome.Failed failed = Classifier.classify(result, session.secrets(), now, true);
                Duration pause = settings.mediaPollInterval();
                if (failed.code().equals(Classifier.NOT_PROCESSED)
                        && waited.plus(pause).compareTo(settings.mediaProcessingTimeout()) <= 0) {
                    // the media is not ready yet: wait and send the same request with the same key again
                    LOG.debug(
                            "{} of schedule {}: media not processed yet; trying again in {}",
                            label,
                            request.scheduleId(),
                            pause);
                    pause(pause, label);
                    waited = waited.plus(pause);
                    continue;
                }
                if (failed.kind() == FailureKind.UNKNOWN) {
                    attempts.rememberUnanswered(request.scheduleId(), new Attempts.Unanswered(part, now));
                }
                throw Fail.labelled(label, failed);
            }
        }
    }

    private HttpResult send(Session session, PublishRequest request, int part, String label, String json, String key)
            throws Fail {
        try {
            return session.call(
                    new Request.Builder()
                            .url(session.url("api", "v1", "statuses").build())
                            .header("Idempotency-Key", key)
                            .header("Accept", "application/json")
                            .post(RequestBody.create(json, PlatformHttp.JSON)),
                    true);
        } catch (TransportFailure e) {
            if (e.kindWhenCreating() == FailureKind.RETRYABLE) {
                throw Fail.of(FailureKind.RETRYABLE, e.code(), label + ": " + e.getMessage());
            }
            attempts.rememberUnanswered(
                    request.scheduleId(),
                    new Attempts.Unanswered(part, session.context().clock().instant()));
            throw Fail.of(
                    FailureKind.UNKNOWN,
                    e.answered() ? e.code() : e.code() + "_after_send",
                    label + ": " + e.getMessage() + "; it may or may not be on Mastodon");
        }
    }

    private void pause(Duration pause, String label) throws Fail {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Fail.of(FailureKind.RETRYABLE, "interrupted", "interrupted while waiting to post " + label);
        }
    }

    /** The public URL of a status posted by an earlier attempt ({@code GET /api/v1/statuses/:id}). */
    private Optional<String> statusUrl(Session session, String id) {
        try {
            HttpResult result = session.call(
                    new Request.Builder()
                            .url(session.url("api", "v1", "statuses", id).build())
                            .get(),
                    false);
            if (result.isSuccessful()) {
                return Json.text(result.json(), "/url").or(() -> Json.text(result.json(), "/uri"));
            }
        } catch (TransportFailure | Fail e) {
            LOG.debug("could not read the URL of status {}: {}", id, e.getMessage());
        }
        return Optional.empty();
    }

    @Override
    public boolean supportsLookup() {
        return !settings.dryRun();
    }

    /**
     * Looks among the account's recent statuses ({@code GET /api/v1/accounts/:id/statuses}) for the first part this
     * attempt may not have posted: same text, same content warning, replying to the part before it (or to nothing),
     * created after the variant was last changed. Found: published (when it was the last part), with the ids of every
     * part ({@code mastodon.part.N}) and the first status's URL in the checkpoint. Not found and the
     * unanswered request is older than the grace period: absent, but only when every status of that visibility could
     * be seen (followers-only and direct statuses need a token with {@code read:statuses}). Anything else (a failed
     * read, a thread only partly on the instance, statuses it cannot see): unknown.
     */
    @Override
    public LookupResult lookup(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        List<String> texts = request.variant().texts();
        TreeMap<Integer, String> posted = posted(request);
        return Lookups.guarded(() -> {
            Session session = session(request, context);
            MastodonPostOptions options = options(request);
            int missing = Checkpoints.firstMissing(posted, texts.size());
            Optional<String> rootUrl = Optional.ofNullable(request.checkpoint().get(URL_KEY));
            if (missing < 0) {
                attempts.forget(request.scheduleId());
                return found(session, posted, rootUrl);
            }
            Optional<String> account = account(session, request.connection());
            if (account.isEmpty()) {
                return new LookupResult.Unknown("could not read the Mastodon account to look the status up");
            }
            Instant now = context.clock().instant();
            Recent recent = recent(session, account.get());
            Optional<Match> match = recent.find(request, options, missing, posted);
            if (match.isEmpty()) {
                Duration left = Attempts.graceLeft(
                        attempts.unanswered(request.scheduleId()).map(Attempts.Unanswered::at),
                        now,
                        settings.lookupGrace());
                if (!left.isZero()) {
                    sleeper.sleep(left);
                    recent = recent(session, account.get());
                    match = recent.find(request, options, missing, posted);
                }
            }
            if (match.isEmpty()) {
                MastodonPostOptions.Visibility visibility = visibility(request, options, missing);
                boolean hidden = visibility == MastodonPostOptions.Visibility.PRIVATE
                        || visibility == MastodonPostOptions.Visibility.DIRECT;
                if (hidden && !recent.everything()) {
                    return new LookupResult.Unknown("the token cannot read " + visibility.wireName()
                            + " statuses (no read:statuses scope), so their absence cannot be told");
                }
                LOG.info(
                        "schedule {}: {} is not among the account's recent statuses on {}",
                        request.scheduleId(),
                        label(request, missing),
                        session.base().host());
                return new LookupResult.Absent();
            }
            posted.put(missing, match.get().id());
            if (missing == 0) {
                rootUrl = match.get().url();
            }
            for (int part = missing + 1; part < texts.size(); part++) {
                Optional<Match> next = recent.find(request, options, part, posted);
                if (next.isEmpty()) {
                    break;
                }
                posted.put(part, next.get().id());
            }
            attempts.remember(request.scheduleId(), posted);
            int stillMissing = Checkpoints.firstMissing(posted, texts.size());
            if (stillMissing >= 0) {
                return new LookupResult.Unknown("parts 1 to " + stillMissing + " of the thread are on "
                        + session.base().host() + " (first " + posted.get(0) + ") but part " + (stillMissing + 1)
                        + " is not");
            }
            attempts.forget(request.scheduleId());
            return found(session, posted, rootUrl);
        });
    }

    /** Found, with the ids of every part and the first status's URL in the checkpoint, as a publish leaves them. */
    private LookupResult found(Session session, TreeMap<Integer, String> posted, Optional<String> rootUrl) {
        String root = Objects.requireNonNull(posted.get(0), "posted part 0");
        Optional<String> url = rootUrl.isPresent() ? rootUrl : statusUrl(session, root);
        return new LookupResult.Found(root, url, checkpoint(posted, url, List.of()));
    }

    /** A status of the account that is the part looked for. */
    private record Match(String id, Optional<String> url) {}

    /** The account's recent statuses; {@code everything} when followers-only and direct ones were readable too. */
    private record Recent(JsonNode statuses, boolean everything) {
        Optional<Match> find(
                PublishRequest request, MastodonPostOptions options, int part, Map<Integer, String> posted) {
            String text = request.variant().texts().get(part);
            Optional<String> replyTo = replyTo(request, part, posted);
            Instant since = request.variant().updatedAt().minus(Duration.ofMinutes(5));
            for (JsonNode status : statuses) {
                Optional<String> id = Json.text(status, "/id");
                if (id.isEmpty() || posted.containsValue(id.get())) {
                    continue;
                }
                if (!MastodonText.sameText(text, status.path("content").asText(""))) {
                    continue;
                }
                if (!options.contentWarning()
                        .strip()
                        .equals(status.path("spoiler_text").asText("").strip())) {
                    continue;
                }
                if (!Json.text(status, "/in_reply_to_id").equals(replyTo)) {
                    continue;
                }
                Optional<Instant> created = instant(status.path("created_at").asText(""));
                if (created.isPresent() && created.get().isBefore(since)) {
                    continue;
                }
                return Optional.of(new Match(id.get(), Json.text(status, "/url").or(() -> Json.text(status, "/uri"))));
            }
            return Optional.empty();
        }
    }

    private Recent recent(Session session, String account) throws Fail, TransportFailure {
        Request.Builder read = new Request.Builder()
                .url(session.url("api", "v1", "accounts", account, "statuses")
                        .addQueryParameter("limit", Integer.toString(RECENT_STATUSES))
                        .addQueryParameter("exclude_reblogs", "true")
                        .build())
                .header("Accept", "application/json")
                .get();
        boolean everything = session.mayReadStatuses();
        HttpResult result = everything ? session.call(read, false) : session.callPublic(read);
        if (result.status() == 403 && everything) {
            // the token lacks read:statuses: public and unlisted statuses are readable without it
            everything = false;
            result = session.callPublic(read);
        }
        if (!result.isSuccessful()) {
            throw new Fail(Classifier.classify(
                    result, session.secrets(), session.context().clock().instant(), false));
        }
        if (!result.json().isArray()) {
            throw Fail.of(
                    FailureKind.UNKNOWN,
                    "unreadable_response",
                    "the account's statuses were not a list (HTTP " + result.status() + ")");
        }
        return new Recent(result.json(), everything);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The account's id: from the connection's properties, the cache, or {@code GET
     * /api/v1/accounts/verify_credentials} (then cached and kept on the connection).
     */
    private Optional<String> account(Session session, ChannelConnection connection) throws Fail, TransportFailure {
        Optional<String> id =
                connection.property(MastodonChannel.PROPERTY_ACCOUNT_ID).filter(v -> !v.isBlank());
        if (id.isPresent()) {
            return id;
        }
        String cached = accounts.get(connection.id());
        if (cached != null) {
            return Optional.of(cached);
        }
        HttpResult result = session.call(
                new Request.Builder()
                        .url(session.url("api", "v1", "accounts", "verify_credentials")
                                .build())
                        .header("Accept", "application/json")
                        .get(),
                false);
        if (!result.isSuccessful()) {
            LOG.debug(
                    "{} answered HTTP {} to verify_credentials", session.base().host(), result.status());
            return Optional.empty();
        }
        Optional<String> read = Json.text(result.json(), "/id");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        accounts.put(connection.id(), read.get());
        var properties = new LinkedHashMap<String, String>();
        properties.put(MastodonChannel.PROPERTY_ACCOUNT_ID, read.get());
        Json.text(result.json(), "/acct").ifPresent(acct -> properties.put(MastodonChannel.PROPERTY_USERNAME, acct));
        try {
            session.context().updateConnectionProperties(properties);
        } catch (RuntimeException e) {
            LOG.debug(
                    "could not keep the account id on the connection: {}",
                    e.getClass().getSimpleName());
        }
        return read;
    }

    /** Parts posted so far: the checkpoint of the earlier attempt plus what this publisher remembers. */
    private TreeMap<Integer, String> posted(PublishRequest request) {
        TreeMap<Integer, String> parts = attempts.progress(request.scheduleId()).orElseGet(TreeMap::new);
        Checkpoints.numbered(request.checkpoint(), PART_KEY).forEach(parts::putIfAbsent);
        return parts;
    }

    /** Media ids an earlier attempt uploaded for a first status it did not post. */
    private static List<String> earlierMedia(PublishRequest request) {
        return List.copyOf(Checkpoints.numbered(request.checkpoint(), MEDIA_KEY).values());
    }

    private static Map<String, String> checkpoint(
            TreeMap<Integer, String> posted, Optional<String> rootUrl, List<String> mediaIds) {
        var map = new LinkedHashMap<String, String>();
        Checkpoints.putNumbered(map, PART_KEY, posted);
        if (posted.containsKey(0)) {
            rootUrl.ifPresent(url -> map.put(URL_KEY, url));
        } else {
            for (int i = 0; i < mediaIds.size(); i++) {
                map.put(MEDIA_KEY + i, mediaIds.get(i));
            }
        }
        return map;
    }

    @Override
    public void close() {
        attempts.clear();
        accounts.clear();
        http.close();
        instances.close();
    }

    @Override
    public String toString() {
        return "MastodonPublisher[" + (settings.dryRun() ? "dry run" : "live") + "]";
    }
}
