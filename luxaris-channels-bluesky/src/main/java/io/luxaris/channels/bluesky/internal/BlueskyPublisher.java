package io.luxaris.channels.bluesky.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.channels.bluesky.BlueskyChannel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.internal.Checkpoints;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.FollowUps;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.FollowUpTarget;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.PublishedPart;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.spi.security.Redaction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.WeakHashMap;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes variants to Bluesky: uploads the images, creates the post ({@code com.atproto.repo.createRecord}) and
 * each thread part as a reply (root and parent as strong references, uri and cid), under record keys derived from the
 * schedule ({@link Tid#forPart}) so that no attempt can create a second copy. A failure at part N is reported for part
 * N with the references of the parts before it in the checkpoint, and those are never posted again.
 *
 * <p>An answer that does not say whether a post was created (a timeout after sending, a redirect, an oversized or
 * unreadable answer) is unknown, and {@link #lookup} settles it by reading the record under its key ({@code
 * com.atproto.repo.getRecord}). A 5xx answer to a create is settled the same way at once (a create under a key that
 * already holds a record fails so), and a later attempt reads each part's key before creating it.
 *
 * <p>A follow-up publish ({@link PublishRequest#followUp()}) creates its text as a reply whose root is the variant's
 * own post and whose parent is the last thread part of the part before it (for a comment: the post itself), both as
 * strong references taken from the checkpoints those publishes (or the lookups that found them) left; a reference the
 * checkpoint does not hold (a post resolved by hand) is read with {@code getRecord}. Its record key derives from the
 * follow-up's own schedule.
 */
public final class BlueskyPublisher implements ChannelPublisher {
    /** Checkpoint key prefix: {@code bluesky.part.0.uri} and {@code bluesky.part.0.cid} of the first post... */
    public static final String PART_KEY = "bluesky.part.";
    /** Checkpoint key: index (from 0) of the thread part that failed. */
    public static final String FAILED_PART_KEY = "bluesky.failed_part";

    private static final Logger LOG = LoggerFactory.getLogger(BlueskyPublisher.class);
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final PlatformHttp http;
    private final Auth auth;
    private final MediaUploader media;
    private final WriteBudget budget;
    /** The connection each context of a running attempt publishes for, so a refresh can log in again. */
    private final Map<PublishContext, ChannelConnection> connections = Collections.synchronizedMap(new WeakHashMap<>());

    public BlueskyPublisher(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = new PlatformHttp(
                "Bluesky",
                settings.http(),
                settings.dryRun() ? Optional.of(new BlueskyDryRun(settings)) : Optional.empty());
        this.auth = new Auth(settings, http);
        this.media = new MediaUploader(settings);
        this.budget = new WriteBudget(settings.writePointsPerHour(), settings.writePointsPerDay());
    }

    /** A strong reference to a record: its AT-URI and the CID of its content. */
    record Ref(String uri, String cid) {}

    /** A part Bluesky holds: its reference, and the raw answer when this attempt created it. */
    private record Posted(Ref ref, Optional<String> raw, Optional<HttpResult> answer) {}

    @Override
    public PublishOutcome publish(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        List<String> texts = request.variant().texts();
        List<MediaRef> attachments = request.variant().media();
        Optional<PublishOutcome.Failed> refused = refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        connections.put(context, request.connection());
        Auth.Session session = auth.session(context, request.connection());
        TreeMap<Integer, Ref> posted = posted(request);
        String raw = null;
        String did = BlueskyDryRun.DID;
        try {
            session.ensureSession();
            did = did(session, context.clock().instant());
            int missing = texts.size() - posted.size();
            Instant now = context.clock().instant();
            Optional<Instant> free = budget.whenAvailable(did, missing * WriteBudget.CREATE, now);
            if (free.isPresent()) {
                throw Fail.rateLimited(
                        "write_budget",
                        "posting " + missing + (missing == 1 ? " record" : " records") + " would exceed the"
                                + " write budget of this account (" + budget.perHour() + " points per hour, "
                                + budget.perDay() + " per day, " + WriteBudget.CREATE + " per post)"
                                + "; enough points are free at " + free.get(),
                        free);
            }
            List<ObjectNode> images = List.of();
            if (!posted.containsKey(0) && !attachments.isEmpty()) {
                images = media.upload(session, attachments, context.media(), now);
            }
            Optional<ObjectNode> followUp = Optional.empty();
            if (request.followUp().isPresent() && !posted.containsKey(0)) {
                followUp = Optional.of(followUpReply(request.followUp().get(), label(request, 0)));
            }
            var mentions = new HashMap<String, Optional<String>>();
            for (int part = 0; part < texts.size(); part++) {
                if (posted.containsKey(part)) {
                    continue;
                }
                Optional<ObjectNode> reply = part == 0 ? followUp : reply(posted, part);
                Posted result =
                        postPart(session, request, did, part, reply, part == 0 ? images : List.of(), mentions, context);
                posted.put(part, result.ref());
                if (raw == null && result.raw().isPresent()) {
                    raw = result.raw().get();
                }
                if (part + 1 < texts.size() && result.answer().isPresent()) {
                    stopWhenExhausted(
                            result.answer().get(),
                            part,
                            texts.size(),
                            context.clock().instant());
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
            // a dry run is its own outcome: every request was built and validated, none sent
            return PublishOutcome.dryRun(
                    "POST " + settings.xrpc(Http.CREATE_RECORD).build() + " not sent, "
                            + (request.followUp().isPresent()
                                    ? label(request, 0) + ": "
                                    : texts.size() == 1 ? "the post: " : texts.size() + " posts as a thread: ")
                            + texts);
        }
        Ref root = Objects.requireNonNull(posted.get(0), "posted part 0");
        return new PublishOutcome.Published(
                root.uri(), Optional.of(postUrl(root.uri())), Optional.ofNullable(raw), checkpoint(posted));
    }

    /** What Bluesky would refuse anyway, found before anything is sent. */
    private static Optional<PublishOutcome.Failed> refuse(PublishRequest request) {
        List<String> texts = request.variant().texts();
        List<MediaRef> attachments = request.variant().media();
        for (int part = 0; part < texts.size(); part++) {
            String label = label(request, part);
            String text = texts.get(part);
            Optional<String> tooLong = BlueskyText.tooLong(text);
            if (tooLong.isPresent()) {
                return Optional.of(
                        PublishOutcome.failed(FailureKind.REJECTED, "text_too_long", label + " " + tooLong.get()));
            }
            if (text.isBlank() && (part > 0 || attachments.isEmpty())) {
                return Optional.of(PublishOutcome.failed(
                        FailureKind.REJECTED,
                        "empty_text",
                        label + " has no text; Bluesky takes an empty text only with images"));
            }
        }
        return Optional.empty();
    }

    private Posted postPart(
            Auth.Session session,
            PublishRequest request,
            String did,
            int part,
            Optional<ObjectNode> reply,
            List<ObjectNode> images,
            Map<String, Optional<String>> mentions,
            PublishContext context)
            throws Fail {
        List<String> texts = request.variant().texts();
        String text = texts.get(part);
        String label = label(request, part);
        String rkey = Tid.forPart(request.scheduleId(), part);
        if (!settings.dryRun() && request.attempt() > 1) {
            // an earlier attempt may have created it without the checkpoint knowing (its answer was lost)
            Optional<Ref> earlier = existing(did, rkey, text, label, session);
            if (earlier.isPresent()) {
                LOG.info(
                        "{} of schedule {} is already on Bluesky as {} (earlier attempt)",
                        label,
                        request.scheduleId(),
                        earlier.get().uri());
                return new Posted(earlier.get(), Optional.empty(), Optional.empty());
            }
        }
        ObjectNode record =
                record(session, text, images, reply, mentions, context.clock().instant());
        ObjectNode body = Json.object()
                .put("repo", did)
                .put("collection", Http.POST_COLLECTION)
                .put("rkey", rkey)
                .put("validate", true);
        body.set("record", record);
        String json = Json.write(body);
        HttpResult result;
        try {
            result = session.call(
                    () -> new Request.Builder()
                            .url(settings.xrpc(Http.CREATE_RECORD).build())
                            .post(RequestBody.create(json, PlatformHttp.JSON))
                            .build(),
                    true);
        } catch (TransportFailure e) {
            if (e.kindWhenCreating() == FailureKind.RETRYABLE) {
                throw Fail.of(FailureKind.RETRYABLE, e.code(), label + ": " + e.getMessage());
            }
            throw Fail.of(
                    FailureKind.UNKNOWN,
                    e.answered() ? e.code() : e.code() + "_after_send",
                    label + ": " + e.getMessage() + "; it may or may not be on Bluesky (record key " + rkey + ")");
        }
        Instant now = context.clock().instant();
        if (result.isSuccessful()) {
            Optional<String> uri = Json.text(result.json(), "/uri");
            Optional<String> cid = Json.text(result.json(), "/cid");
            if (uri.isEmpty() || cid.isEmpty()) {
                throw new Fail(new PublishOutcome.Failed(
                        FailureKind.UNKNOWN,
                        "unreadable_response",
                        label + ": Bluesky answered HTTP " + result.status() + " without the post's uri and cid",
                        Optional.empty(),
                        Optional.of(Classifier.raw(result, session.secrets())),
                        Map.of()));
            }
            budget.spend(did, WriteBudget.CREATE, now);
            LOG.debug("posted {} of schedule {} to Bluesky as {}", label, request.scheduleId(), uri.get());
            return new Posted(
                    new Ref(uri.get(), cid.get()),
                    Optional.of(Classifier.raw(result, session.secrets())),
                    Optional.of(result));
        }
        PublishOutcome.Failed failed = Classifier.classify(result, session.secrets(), now);
        if (result.status() >= 500 && result.status() != 501 && !settings.dryRun()) {
            // a create under a key that holds a record already fails with a 5xx, and so may one that went through
            Check check = check(did, rkey, text);
            if (check instanceof Present p) {
                LOG.info(
                        "Bluesky answered HTTP {} to {} of schedule {}, which is there as {}",
                        result.status(),
                        label,
                        request.scheduleId(),
                        p.ref().uri());
                return new Posted(p.ref(), Optional.of(Classifier.raw(result, session.secrets())), Optional.empty());
            }
            if (check instanceof Different) {
                throw keyTaken(label, rkey, failed);
            }
            if (check instanceof Unreadable u) {
                throw new Fail(new PublishOutcome.Failed(
                        FailureKind.UNKNOWN,
                        failed.code(),
                        Redaction.truncate(
                                label + ": " + failed.safeMessage() + "; whether it was created could not be read ("
                                        + u.reason() + ")",
                                Classifier.MESSAGE_LIMIT),
                        Optional.empty(),
                        failed.rawResponse(),
                        Map.of()));
            }
            // absent: nothing was created; a retry writes the same key, so it cannot create a second post
        }
        throw Fail.labelled(label, failed);
    }

    /** Stops a thread whose next part the account's rate limit (as the last answer reports it) has no room for. */
    private void stopWhenExhausted(HttpResult answer, int part, int parts, Instant now) throws Fail {
        Optional<Long> remaining = Classifier.remaining(answer.headers());
        if (remaining.isPresent() && remaining.get() < WriteBudget.CREATE) {
            Optional<Instant> reset = Classifier.resetAt(answer.headers(), now);
            throw Fail.rateLimited(
                    "rate_limit_exhausted",
                    "Bluesky's rate limit has " + remaining.get() + " left after part " + (part + 1) + " of " + parts
                            + Optional.ofNullable(answer.headers().get("ratelimit-policy"))
                                    .map(p -> " (policy " + p + ")")
                                    .orElse("")
                            + "; the rest of the thread waits"
                            + reset.map(at -> " until " + at).orElse(""),
                    reset);
        }
    }

    private static Fail keyTaken(String label, String rkey, PublishOutcome.Failed failed) {
        return new Fail(new PublishOutcome.Failed(
                FailureKind.REJECTED,
                "record_key_taken",
                label + ": the record key " + rkey + " of this schedule holds a different post; nothing was posted",
                Optional.empty(),
                failed.rawResponse(),
                Map.of()));
    }

    /** The part's record under its key, when it holds this text; a different text there fails the attempt. */
    private Optional<Ref> existing(String did, String rkey, String text, String label, Auth.Session session)
            throws Fail {
        Check check = check(did, rkey, text);
        if (check instanceof Present p) {
            return Optional.of(p.ref());
        }
        if (check instanceof Different) {
            throw new Fail(PublishOutcome.failed(
                    FailureKind.REJECTED,
                    "record_key_taken",
                    label + ": the record key " + rkey + " of this schedule holds a different post; nothing was"
                            + " posted"));
        }
        if (check instanceof Unreadable u) {
            throw Fail.of(
                    FailureKind.RETRYABLE,
                    "lookup_failed",
                    Redaction.scrub(
                            label + ": could not read whether an earlier attempt created it (" + u.reason() + ")",
                            session.secrets()));
        }
        return Optional.empty();
    }

    /** What a record key holds. */
    private sealed interface Check permits Present, Absent, Different, Unreadable {}

    private record Present(Ref ref) implements Check {}

    private record Absent() implements Check {}

    private record Different() implements Check {}

    private record Unreadable(String reason) implements Check {}

    /** Reads the post under {@code rkey} in {@code did}'s repository ({@code getRecord}, no authentication). */
    private Check check(String did, String rkey, String text) {
        HttpResult result;
        try {
            result = getRecord(did, rkey);
        } catch (TransportFailure e) {
            return new Unreadable(String.valueOf(e.getMessage()));
        }
        if (result.isSuccessful()) {
            JsonNode json = result.json();
            Optional<String> uri = Json.text(json, "/uri");
            Optional<String> cid = Json.text(json, "/cid");
            if (uri.isEmpty() || cid.isEmpty() || !json.path("value").isObject()) {
                return new Unreadable("Bluesky's answer to getRecord had no uri, cid or value");
            }
            return text.equals(json.path("value").path("text").asText(null))
                    ? new Present(new Ref(uri.get(), cid.get()))
                    : new Different();
        }
        if (result.status() >= 400
                && result.status() < 500
                && Classifier.error(result).equals("RecordNotFound")) {
            return new Absent();
        }
        return new Unreadable("getRecord answered HTTP " + result.status()
                + Optional.of(Classifier.error(result))
                        .filter(e -> !e.isEmpty())
                        .map(e -> " " + Redaction.truncate(e, 60))
                        .orElse(""));
    }

    /** {@code getRecord} of the post {@code rkey} in {@code did}'s repository (no authentication). */
    private HttpResult getRecord(String did, String rkey) throws TransportFailure {
        return http.execute(
                new Request.Builder()
                        .url(settings.xrpc(Http.GET_RECORD)
                                .addQueryParameter("repo", did)
                                .addQueryParameter("collection", Http.POST_COLLECTION)
                                .addQueryParameter("rkey", rkey)
                                .build())
                        .get()
                        .build(),
                false);
    }

    @Override
    public boolean supportsLookup() {
        return !settings.dryRun();
    }

    /** Every request can be looked up (every part is read under its own record key). */
    @Override
    public boolean supportsLookupForEveryRequest() {
        return supportsLookup();
    }

    /**
     * Reads each part this attempt may not have posted under its record key: all there (with their texts) is
     * published, with every part's uri and cid in the checkpoint ({@code bluesky.part.N.uri}, {@code .cid}); the first
     * one missing is absent (a new attempt writes the same keys, so it cannot post twice); a failed read, or a key
     * holding another text, stays unknown.
     */
    @Override
    public LookupResult lookup(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        if (settings.dryRun()) {
            return new LookupResult.Unknown("a dry run posts nothing");
        }
        connections.put(context, request.connection());
        Auth.Session session = auth.session(context, request.connection());
        String did;
        try {
            did = did(session, context.clock().instant());
        } catch (Fail f) {
            return new LookupResult.Unknown("lookup failed: " + f.failed().safeMessage());
        }
        List<String> texts = request.variant().texts();
        TreeMap<Integer, Ref> posted = posted(request);
        for (int part = 0; part < texts.size(); part++) {
            if (posted.containsKey(part)) {
                continue;
            }
            String rkey = Tid.forPart(request.scheduleId(), part);
            Check check = check(did, rkey, texts.get(part));
            String label = label(request, part);
            if (check instanceof Present p) {
                posted.put(part, p.ref());
            } else if (check instanceof Absent) {
                LOG.info(
                        "schedule {}: {} is not on Bluesky (record key {} is free)", request.scheduleId(), label, rkey);
                return new LookupResult.Absent();
            } else if (check instanceof Different) {
                return new LookupResult.Unknown(
                        "the record key " + rkey + " of " + label + " holds a different post on Bluesky");
            } else {
                return new LookupResult.Unknown(
                        Redaction.scrub("lookup failed: " + ((Unreadable) check).reason(), session.secrets()));
            }
        }
        String root = Objects.requireNonNull(posted.get(0), "posted part 0").uri();
        // every part's strong reference, as a publish leaves them: the follow-ups hang on the last one
        return new LookupResult.Found(root, Optional.of(postUrl(root)), checkpoint(posted));
    }

    /**
     * Renews the session after an auth-expired outcome: refreshed, or (when Bluesky refuses the refresh token) a new
     * login with the app password of the connection the engine just published for with this context.
     */
    @Override
    public RefreshResult refresh(PublishContext context) {
        Objects.requireNonNull(context, "context");
        if (settings.dryRun()) {
            return new RefreshResult.Unsupported();
        }
        ChannelConnection connection = connections.get(context);
        Auth.Session session = connection != null
                ? auth.session(context, connection)
                : auth.session(context, ConnectionId.random(), Map.of());
        return session.refresh();
    }

    /**
     * The reply references of a follow-up: the variant's own post as root, the part it hangs on (the parent's last
     * thread part, or the post itself for a comment) as parent.
     */
    private ObjectNode followUpReply(FollowUpTarget target, String label) throws Fail {
        Ref root = strongRef(target.root(), target.root().externalId(), label);
        Ref parent = strongRef(FollowUps.hangsOn(target), FollowUps.replyTo(target, PART_KEY, ".uri"), label);
        ObjectNode reply = Json.object();
        reply.putObject("root").put("uri", root.uri()).put("cid", root.cid());
        reply.putObject("parent").put("uri", parent.uri()).put("cid", parent.cid());
        return reply;
    }

    /**
     * The strong reference of the post {@code uri}, one of {@code part}'s: its cid from the checkpoint {@code part}'s
     * publish left, else read with {@code getRecord} (in a dry run, a placeholder).
     */
    private Ref strongRef(PublishedPart part, String uri, String label) throws Fail {
        TreeMap<Integer, String> uris = Checkpoints.numbered(part.checkpoint(), PART_KEY, ".uri");
        TreeMap<Integer, String> cids = Checkpoints.numbered(part.checkpoint(), PART_KEY, ".cid");
        Optional<String> cid = uris.entrySet().stream()
                .filter(e -> e.getValue().equals(uri))
                .map(e -> cids.get(e.getKey()))
                .filter(Objects::nonNull)
                .findFirst();
        if (cid.isPresent()) {
            return new Ref(uri, cid.get());
        }
        if (settings.dryRun()) {
            return new Ref(uri, "dry-run-cid-read-with-getRecord");
        }
        AtUri at;
        try {
            at = AtUri.parse(uri);
        } catch (IllegalArgumentException e) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "invalid_parent",
                    label + ": what it hangs on is not a Bluesky post ('" + Redaction.truncate(uri, 200) + "')");
        }
        HttpResult result;
        try {
            result = getRecord(at.did(), at.rkey());
        } catch (TransportFailure e) {
            throw Fail.of(
                    FailureKind.RETRYABLE,
                    "parent_" + e.code(),
                    label + ": reading the post it hangs on failed: " + e.getMessage());
        }
        if (result.isSuccessful()) {
            Optional<String> read = Json.text(result.json(), "/cid");
            if (read.isPresent()) {
                return new Ref(uri, read.get());
            }
            throw Fail.of(
                    FailureKind.RETRYABLE,
                    "parent_unreadable",
                    label + ": Bluesky's answer to getRecord of " + uri + " had no cid");
        }
        if (result.status() >= 400
                && result.status() < 500
                && Classifier.error(result).equals("RecordNotFound")) {
            throw Fail.of(
                    FailureKind.REJECTED,
                    "parent_not_found",
                    label + ": the post it hangs on (" + uri + ") is not on Bluesky (deleted?); nothing was posted");
        }
        throw Fail.of(
                result.status() >= 500 || result.status() == 429 ? FailureKind.RETRYABLE : FailureKind.REJECTED,
                "parent_unreadable",
                label + ": reading the post it hangs on (" + uri + ") failed with HTTP " + result.status());
    }

    /** The reply references of part {@code part}: the first post as root, the part before as parent. */
    private static Optional<ObjectNode> reply(Map<Integer, Ref> posted, int part) {
        if (part == 0) {
            return Optional.empty();
        }
        Ref root = Objects.requireNonNull(posted.get(0), "posted part 0");
        Ref parent = Objects.requireNonNull(posted.get(part - 1), "posted part before");
        ObjectNode reply = Json.object();
        reply.putObject("root").put("uri", root.uri()).put("cid", root.cid());
        reply.putObject("parent").put("uri", parent.uri()).put("cid", parent.cid());
        return Optional.of(reply);
    }

    /** The {@code app.bsky.feed.post} record of one part. */
    private ObjectNode record(
            Auth.Session session,
            String text,
            List<ObjectNode> images,
            Optional<ObjectNode> reply,
            Map<String, Optional<String>> mentions,
            Instant now)
            throws Fail {
        ObjectNode record = Json.object()
                .put("$type", Http.POST_COLLECTION)
                .put("text", text)
                .put("createdAt", CREATED_AT.format(now.truncatedTo(ChronoUnit.MILLIS)));
        if (!settings.languages().isEmpty()) {
            ArrayNode langs = record.putArray("langs");
            settings.languages().forEach(langs::add);
        }
        ArrayNode facets = Json.array();
        for (Facets.Facet facet : Facets.detect(text)) {
            ObjectNode feature = Json.object();
            switch (facet.kind()) {
                case LINK ->
                    feature.put("$type", "app.bsky.richtext.facet#link").put("uri", facet.value());
                case TAG -> feature.put("$type", "app.bsky.richtext.facet#tag").put("tag", facet.value());
                case MENTION -> {
                    Optional<String> did = mentions.get(facet.value());
                    if (did == null) {
                        did = resolve(session, facet.value(), now);
                        mentions.put(facet.value(), did);
                    }
                    if (did.isEmpty()) {
                        continue; // an unknown handle stays plain text, as in the Bluesky app
                    }
                    feature.put("$type", "app.bsky.richtext.facet#mention").put("did", did.get());
                }
                default -> throw new IllegalStateException(facet.kind().name());
            }
            ObjectNode entry = facets.addObject();
            entry.putObject("index").put("byteStart", facet.byteStart()).put("byteEnd", facet.byteEnd());
            entry.putArray("features").add(feature);
        }
        if (!facets.isEmpty()) {
            record.set("facets", facets);
        }
        if (!images.isEmpty()) {
            ObjectNode embed = record.putObject("embed").put("$type", "app.bsky.embed.images");
            ArrayNode list = embed.putArray("images");
            images.forEach(list::add);
        }
        reply.ifPresent(r -> record.set("reply", r));
        return record;
    }

    /** The DID of a mentioned handle ({@code resolveHandle}); empty when Bluesky knows no such handle. */
    private Optional<String> resolve(Auth.Session session, String handle, Instant now) throws Fail {
        HttpResult result;
        try {
            result = http.execute(
                    new Request.Builder()
                            .url(settings.xrpc(Http.RESOLVE_HANDLE)
                                    .addQueryParameter("handle", handle)
                                    .build())
                            .get()
                            .build(),
                    false);
        } catch (TransportFailure e) {
            throw Fail.of(
                    e.kindBeforeCreating(), "mention_" + e.code(), "resolving @" + handle + ": " + e.getMessage());
        }
        if (result.isSuccessful()) {
            Optional<String> did = Json.text(result.json(), "/did").filter(d -> d.startsWith("did:"));
            if (did.isEmpty()) {
                throw Fail.of(
                        FailureKind.RETRYABLE,
                        "mention_unreadable_response",
                        "Bluesky's answer to resolving @" + handle + " had no DID");
            }
            return did;
        }
        PublishOutcome.Failed failed = Classifier.classify(result, session.secrets(), now);
        if (failed.kind() == FailureKind.RETRYABLE || failed.kind() == FailureKind.RATE_LIMITED) {
            throw new Fail(new PublishOutcome.Failed(
                    failed.kind(),
                    "mention_" + failed.code(),
                    Redaction.truncate("resolving @" + handle + ": " + failed.safeMessage(), Classifier.MESSAGE_LIMIT),
                    failed.retryAt(),
                    failed.rawResponse(),
                    Map.of()));
        }
        LOG.debug("@{} is not a Bluesky handle (HTTP {}); it stays plain text", handle, result.status());
        return Optional.empty();
    }

    /** The repository's DID: known from the session, or resolved from the handle. */
    private String did(Auth.Session session, Instant now) throws Fail {
        Optional<String> did = session.did();
        if (did.isPresent()) {
            return did.get();
        }
        if (settings.dryRun()) {
            return BlueskyDryRun.DID;
        }
        Optional<String> handle = session.handle();
        if (handle.isEmpty()) {
            throw Fail.of(
                    FailureKind.AUTH_REVOKED,
                    "missing_identifier",
                    "the Bluesky connection names no account (connection property "
                            + BlueskyChannel.PROPERTY_IDENTIFIER + " or " + BlueskyChannel.PROPERTY_DID
                            + "); reconnect the account");
        }
        String resolved = resolve(session, handle.get(), now)
                .orElseThrow(() -> Fail.of(
                        FailureKind.AUTH_REVOKED,
                        "unknown_handle",
                        "Bluesky knows no account @" + handle.get() + "; reconnect the account"));
        session.rememberDid(resolved);
        return resolved;
    }

    /**
     * Deletes a post ({@code com.atproto.repo.deleteRecord}; deleting a record that is not there succeeds too).
     *
     * @throws Fail when Bluesky refuses or cannot be reached
     */
    public void delete(String uri, PublishContext context, Map<String, String> properties) throws Fail {
        AtUri at = AtUri.parse(uri);
        var props = new LinkedHashMap<>(properties);
        props.putIfAbsent(BlueskyChannel.PROPERTY_DID, at.did());
        Auth.Session session = auth.session(context, ConnectionId.random(), props);
        session.ensureSession();
        ObjectNode body = Json.object()
                .put("repo", at.did())
                .put("collection", at.collection())
                .put("rkey", at.rkey());
        String json = Json.write(body);
        HttpResult result;
        try {
            result = session.call(
                    () -> new Request.Builder()
                            .url(settings.xrpc(Http.DELETE_RECORD).build())
                            .post(RequestBody.create(json, PlatformHttp.JSON))
                            .build(),
                    false);
        } catch (TransportFailure e) {
            throw Fail.of(
                    e.kindBeforeCreating(), e.code(), "deleting " + uri + " from Bluesky failed: " + e.getMessage());
        }
        Instant now = context.clock().instant();
        if (!result.isSuccessful()) {
            PublishOutcome.Failed failed = Classifier.classify(result, session.secrets(), now);
            throw new Fail(new PublishOutcome.Failed(
                    failed.kind(),
                    failed.code(),
                    Redaction.truncate("Bluesky did not delete " + uri + ": " + failed.safeMessage(), 1000),
                    failed.retryAt(),
                    failed.rawResponse(),
                    Map.of()));
        }
        budget.spend(at.did(), WriteBudget.DELETE, now);
    }

    /** An {@code at://{did}/{collection}/{rkey}} URI of a post. */
    public record AtUri(String did, String collection, String rkey) {
        private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile(
                "at://(did:[a-z]+:[a-zA-Z0-9._:%-]+)/(app\\.bsky\\.feed\\.post)/([a-zA-Z0-9._:~-]{1,512})");

        /** Parses a post's AT-URI; anything else is an {@link IllegalArgumentException}. */
        public static AtUri parse(String uri) {
            var m = SHAPE.matcher(Objects.requireNonNull(uri, "uri"));
            if (!m.matches()) {
                throw new IllegalArgumentException("not the AT-URI of a Bluesky post (at://did:.../app.bsky.feed.post/"
                        + "...): '" + Redaction.truncate(uri, 200) + "'");
            }
            return new AtUri(m.group(1), m.group(2), m.group(3));
        }
    }

    /** {@code https://bsky.app/profile/{did}/post/{rkey}} of a post's AT-URI. */
    public static String postUrl(String uri) {
        AtUri at = AtUri.parse(uri);
        return "https://bsky.app/profile/" + at.did() + "/post/" + at.rkey();
    }

    /** Parts posted so far, from the checkpoint of an earlier attempt. */
    private static TreeMap<Integer, Ref> posted(PublishRequest request) {
        var parts = new TreeMap<Integer, Ref>();
        Map<String, String> checkpoint = request.checkpoint();
        checkpoint.forEach((key, value) -> {
            if (key.startsWith(PART_KEY) && key.endsWith(".uri") && !value.isBlank()) {
                String index = key.substring(PART_KEY.length(), key.length() - ".uri".length());
                String cid = checkpoint.get(PART_KEY + index + ".cid");
                try {
                    int part = Integer.parseInt(index);
                    if (cid != null
                            && !cid.isBlank()
                            && part >= 0
                            && part < request.variant().texts().size()) {
                        parts.put(part, new Ref(value, cid));
                    }
                } catch (NumberFormatException e) {
                    LOG.debug("ignoring checkpoint entry {}", key);
                }
            }
        });
        // a part counts only when every part before it is known too (a reply needs its parent)
        int first = Checkpoints.firstMissing(parts, request.variant().texts().size());
        if (first >= 0) {
            parts.tailMap(first).clear();
        }
        return parts;
    }

    private static Map<String, String> checkpoint(TreeMap<Integer, Ref> posted) {
        var map = new LinkedHashMap<String, String>();
        posted.forEach((part, ref) -> {
            map.put(PART_KEY + part + ".uri", ref.uri());
            map.put(PART_KEY + part + ".cid", ref.cid());
        });
        return map;
    }

    /** Part {@code part} named for messages: the post, part N of M, or the follow-up and what it hangs on. */
    private static String label(PublishRequest request, int part) {
        if (request.followUp().isPresent()) {
            FollowUpTarget target = request.followUp().get();
            return FollowUps.label(target, FollowUps.replyTo(target, PART_KEY, ".uri"));
        }
        int parts = request.variant().texts().size();
        return parts > 1 ? "part " + (part + 1) + " of " + parts : "the post";
    }

    @Override
    public void close() {
        auth.clear();
        budget.clear();
        http.close();
    }

    @Override
    public String toString() {
        return "BlueskyPublisher[" + settings.pdsUrl() + (settings.dryRun() ? ", dry run" : "") + "]";
    }
}
