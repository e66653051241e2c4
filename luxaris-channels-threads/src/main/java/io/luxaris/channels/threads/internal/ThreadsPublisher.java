package io.luxaris.channels.threads.internal;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.internal.Attempts;
import io.luxaris.http.internal.Fail;
import io.luxaris.http.internal.FollowUps;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.FollowUpTarget;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.spi.channel.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes variants to Threads, part by part: a container ({@code POST /{user}/threads}: TEXT, IMAGE, or a
 * CAROUSEL of image items; replies with {@code reply_to_id}), its status polled until {@code FINISHED} (waiting
 * through the host's clock), then {@code POST /{user}/threads_publish?creation_id=...}.
 *
 * <p>Threads has no idempotency key; the container is the checkpoint. Its id is recorded before it is published:
 * in this publisher's memory, in the checkpoint of every outcome ({@code threads.container.N}), and in the
 * connection property {@value #PENDING_PROPERTY} (written through the context at once, so it survives a process that
 * dies during the publish). A later attempt first reads the status of a recorded container: {@code FINISHED} is
 * published (no second container), {@code PUBLISHED} is looked up in the account's recent threads and never
 * published again, {@code ERROR} and {@code EXPIRED} get a new container. Parts already published ({@code
 * threads.part.N}) are never touched again; a failure at part N is reported for part N.
 *
 * <p>A follow-up publish ({@link PublishRequest#followUp()}) is a reply: its container names in {@code reply_to_id}
 * the last thread part of the part before it, or, for a comment, the post itself; it counts against the reply quota
 * (1,000 per 24 hours), not the post quota.
 */
public final class ThreadsPublisher implements ChannelPublisher {
    /**
     * Connection property: the container a publish is about to publish ({@code <schedule id> <part> <container
     * id>}), written before {@code threads_publish}. One per connection; the next publish replaces it.
     */
    public static final String PENDING_PROPERTY = "threads_pending_container";
    /** Connection property: the account's Threads user id. */
    public static final String PROPERTY_USER_ID = "user_id";
    /** Connection property: the account's username. */
    public static final String PROPERTY_USERNAME = "username";

    private static final Logger LOG = LoggerFactory.getLogger(ThreadsPublisher.class);
    /** Pages of 100 posts read to find a post again. */
    private static final int LOOKUP_PAGES = 5;
    /** Pages read to see when the oldest post of a full quota window leaves it. */
    private static final int QUOTA_PAGES = 5;
    /** How far before the variant's last change a search for its post starts. */
    private static final Duration SEARCH_MARGIN = Duration.ofMinutes(5);

    private final Settings settings;
    private final Sleeper sleeper;
    private final PlatformHttp http;
    private final Auth auth;
    private final Graph graph;
    private final Images images;
    private final Attempts<Progress, Instant> attempts = new Attempts<>(Progress::copy);
    private final Map<ConnectionId, String> users = new ConcurrentHashMap<>();

    /** A publisher waiting through {@code sleeper} (container polls, the "Media Not Found" pause, lookup grace). */
    public ThreadsPublisher(Settings settings, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.http = new PlatformHttp(
                "Threads",
                settings.http(),
                settings.dryRun() ? Optional.of(new ThreadsDryRun(settings)) : Optional.empty());
        this.auth = new Auth(settings, http);
        this.graph = new Graph(settings);
        this.images = new Images(settings.mediaUrls());
    }

    /** The HTTP client for calls outside the engine (deleting a post); in dry-run mode it sends nothing. */
    public static PlatformHttp http(Settings settings) {
        return new PlatformHttp(
                "Threads",
                settings.http(),
                settings.dryRun() ? Optional.of(new ThreadsDryRun(settings)) : Optional.empty());
    }

    @Override
    public PublishOutcome publish(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        var attempt = new Attempt(request, context);
        List<String> texts = request.variant().texts();
        try {
            attempt.session.ensureFresh();
            String user = userId(attempt.session, request.connection());
            for (int part = 0; part < texts.size(); part++) {
                if (attempt.progress.posted(part).isEmpty()) {
                    String id = attempt.publishPart(user, part);
                    attempt.progress.published(part, id);
                    attempt.remember();
                }
            }
        } catch (Fail f) {
            if (settings.dryRun()) {
                return f.failed();
            }
            attempt.remember();
            Map<String, String> checkpoint = new LinkedHashMap<>(attempt.progress.checkpoint());
            int failedPart = attempt.progress.firstMissing(texts.size());
            if (failedPart >= 0 && texts.size() > 1) {
                checkpoint.put(Progress.FAILED_PART_KEY, Integer.toString(failedPart));
            }
            return f.failed().withCheckpoint(checkpoint);
        }
        if (settings.dryRun()) {
            // a dry run is its own outcome, not a failure: every request was built and validated, none sent
            int media = request.variant().media().size();
            return PublishOutcome.dryRun("POST "
                    + settings.api("{user}", "threads").build() + " and "
                    + settings.api("{user}", "threads_publish").build() + " not sent, "
                    + (request.followUp().isPresent()
                            ? label(request, 0)
                            : texts.size() == 1 ? "the post" : texts.size() + " posts as a thread")
                    + (media == 0 ? "" : " with " + media + (media == 1 ? " image" : " images")) + ": " + texts);
        }
        attempts.forget(request.scheduleId());
        String root = attempt.progress.posted(0).orElseThrow();
        return new PublishOutcome.Published(
                root,
                graph.permalink(attempt.session, root),
                Optional.ofNullable(attempt.raw),
                attempt.progress.checkpoint());
    }

    @Override
    public boolean supportsLookup() {
        return !settings.dryRun();
    }

    /** Every request can be looked up (every part is found by its recorded container or its text, or certainly absent). */
    @Override
    public boolean supportsLookupForEveryRequest() {
        return supportsLookup();
    }

    /**
     * Finds out what an attempt with an unknown outcome did, part by part: a part with a recorded container is
     * published when its container is {@code PUBLISHED} (its id found in the account's recent threads by text and
     * time), and certainly not when the container is anything else (after the grace period); a part without one is
     * searched for by text. Found: every part is on Threads (their ids in the checkpoint, {@code threads.part.N}). Absent: a new attempt cannot post anything twice (it
     * publishes the recorded containers, or creates new ones). Unknown otherwise.
     */
    @Override
    public LookupResult lookup(PublishRequest request, PublishContext context) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        var attempt = new Attempt(request, context);
        List<String> texts = request.variant().texts();
        try {
            attempt.session.ensureFresh();
            String user = userId(attempt.session, request.connection());
            for (int part = 0; part < texts.size(); part++) {
                if (attempt.progress.posted(part).isPresent()) {
                    continue;
                }
                String label = label(request, part);
                Optional<String> container = attempt.progress.container(part);
                if (container.isEmpty()) {
                    List<Graph.Post> matches = attempt.search(user, part);
                    if (matches.size() > 1) {
                        return new LookupResult.Unknown(label + ": several recent threads have its text");
                    }
                    if (matches.isEmpty()) {
                        LOG.info("schedule {}: {} has no container and is not on Threads", request.scheduleId(), label);
                        return new LookupResult.Absent();
                    }
                    attempt.progress.published(part, matches.get(0).id());
                    continue;
                }
                Graph.Status status = graph.status(attempt.session, container.get(), label);
                if (status.state() == Graph.State.FINISHED || status.state() == Graph.State.IN_PROGRESS) {
                    Duration left = Attempts.graceLeft(
                            attempts.unanswered(request.scheduleId()),
                            context.clock().instant(),
                            settings.lookupGrace());
                    if (!left.isZero()) {
                        sleeper.sleep(left);
                        status = graph.status(attempt.session, container.get(), label);
                    }
                }
                if (status.state() != Graph.State.PUBLISHED) {
                    LOG.info(
                            "schedule {}: the container {} of {} is {}: not published",
                            request.scheduleId(),
                            container.get(),
                            label,
                            status.state());
                    return new LookupResult.Absent();
                }
                List<Graph.Post> matches = attempt.search(user, part);
                if (matches.size() != 1) {
                    return new LookupResult.Unknown(label + ": its container " + container.get()
                            + " is published, but " + (matches.isEmpty() ? "no" : "more than one")
                            + " recent thread of the account has its text");
                }
                attempt.progress.published(part, matches.get(0).id());
            }
            attempts.forget(request.scheduleId());
            String root = attempt.progress.posted(0).orElseThrow();
            // every part's published id, as a publish leaves them: the follow-ups hang on the last one
            return new LookupResult.Found(root, graph.permalink(attempt.session, root), attempt.progress.checkpoint());
        } catch (Fail f) {
            return new LookupResult.Unknown("lookup failed: " + f.failed().safeMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LookupResult.Unknown("lookup interrupted");
        } finally {
            if (attempts.progress(request.scheduleId()).isPresent()
                    || attempt.progress.firstMissing(texts.size()) >= 0) {
                attempt.remember();
            }
        }
    }

    @Override
    public RefreshResult refresh(PublishContext context) {
        return auth.session(Objects.requireNonNull(context, "context")).refresh();
    }

    /** The account's user id: the connection property, the cache, or {@code GET /me} (then kept on both). */
    private String userId(Auth.Session session, ChannelConnection connection) throws Fail {
        Optional<String> property =
                connection.property(PROPERTY_USER_ID).map(String::strip).filter(v -> !v.isEmpty());
        if (property.isPresent()) {
            return property.get();
        }
        String cached = users.get(connection.id());
        if (cached != null) {
            return cached;
        }
        if (settings.dryRun()) {
            return "me";
        }
        Graph.Account account = graph.me(session);
        users.put(connection.id(), account.id());
        var properties = new LinkedHashMap<String, String>();
        properties.put(PROPERTY_USER_ID, account.id());
        account.username().ifPresent(name -> properties.put(PROPERTY_USERNAME, name));
        try {
            session.context().updateConnectionProperties(properties);
        } catch (RuntimeException e) {
            LOG.debug(
                    "could not keep the Threads user id on the connection ({})",
                    e.getClass().getSimpleName());
        }
        return account.id();
    }

    /** Part {@code part} named for messages: the post, part N of M, or the follow-up and what it hangs on. */
    private static String label(PublishRequest request, int part) {
        if (request.followUp().isPresent()) {
            FollowUpTarget target = request.followUp().get();
            return FollowUps.label(target, FollowUps.replyTo(target, Progress.PART_KEY));
        }
        int parts = request.variant().texts().size();
        return parts > 1 ? "part " + (part + 1) + " of " + parts : "the post";
    }

    /** One publish or lookup: its session, progress and the first raw answer. */
    private final class Attempt {
        final PublishRequest request;
        final PublishContext context;
        final Auth.Session session;
        final Progress progress;
        final List<String> texts;
        boolean quotaChecked;

        @Nullable
        String raw;

        Attempt(PublishRequest request, PublishContext context) {
            this.request = request;
            this.context = context;
            this.session = auth.session(context);
            this.texts = request.variant().texts();
            this.progress = attempts.progress(request.scheduleId())
                    .orElseGet(Progress::new)
                    .mergeFrom(Progress.fromCheckpoint(request.checkpoint()));
            request.connection().property(PENDING_PROPERTY).ifPresent(pending -> {
                String[] fields = pending.strip().split(" ", -1);
                if (fields.length == 3 && fields[0].equals(request.scheduleId().toString())) {
                    try {
                        progress.createdIfUnknown(Integer.parseInt(fields[1]), fields[2]);
                    } catch (NumberFormatException e) {
                        LOG.debug("ignoring the connection property {}", PENDING_PROPERTY);
                    }
                }
            });
        }

        void remember() {
            if (!settings.dryRun()) {
                attempts.remember(request.scheduleId(), progress);
            }
        }

        /** Publishes part {@code part} (its container recorded before), and returns the published id. */
        String publishPart(String user, int part) throws Fail {
            String label = label(request, part);
            String container = null;
            Optional<String> known = progress.container(part);
            if (known.isPresent()) {
                Graph.Status status = await(known.get(), label);
                switch (status.state()) {
                    case PUBLISHED -> {
                        return publishedId(user, part, known.get(), label);
                    }
                    case FINISHED -> {
                        LOG.debug(
                                "{} of schedule {}: publishing its container {}",
                                label,
                                request.scheduleId(),
                                known.get());
                        container = known.get();
                    }
                    default -> {
                        LOG.info(
                                "{} of schedule {}: its container {} is {}; creating a new one",
                                label,
                                request.scheduleId(),
                                known.get(),
                                status.state());
                        progress.dropContainer(part);
                    }
                }
            }
            if (container == null) {
                Ready ready = createReady(user, part, label);
                if (ready.state() == Graph.State.PUBLISHED) {
                    return publishedId(user, part, ready.container(), label);
                }
                container = ready.container();
            }
            for (int attempt = 1; ; attempt++) {
                checkQuota(user);
                Graph.Publish published;
                try {
                    published = graph.publish(session, user, container, label);
                } catch (Graph.Unanswered u) {
                    attempts.rememberUnanswered(
                            request.scheduleId(), context.clock().instant());
                    throw u.fail();
                }
                if (!published.mediaNotFound()) {
                    LOG.debug(
                            "published {} of schedule {} to Threads as {}",
                            label,
                            request.scheduleId(),
                            published.id().get());
                    if (raw == null) {
                        raw = published.raw();
                    }
                    return published.id().get();
                }
                if (attempt >= settings.publishTries()) {
                    throw new Fail(new PublishOutcome.Failed(
                            FailureKind.RETRYABLE,
                            "media_not_found",
                            label + ": Threads answered 'Media Not Found' " + attempt
                                    + " times for a FINISHED container; will try again later",
                            Optional.empty(),
                            Optional.of(published.raw()),
                            Map.of()));
                }
                LOG.info(
                        "{} of schedule {}: Threads answered 'Media Not Found' for the FINISHED container {};"
                                + " checking it again in {}",
                        label,
                        request.scheduleId(),
                        container,
                        settings.mediaNotFoundDelay());
                sleep(settings.mediaNotFoundDelay());
                Graph.Status status = graph.status(session, container, label);
                if (status.state() == Graph.State.PUBLISHED) {
                    return publishedId(user, part, container, label);
                }
                progress.dropContainer(part);
                Ready ready = createReady(user, part, label);
                if (ready.state() == Graph.State.PUBLISHED) {
                    return publishedId(user, part, ready.container(), label);
                }
                container = ready.container();
            }
        }

        /** A container in a final state. */
        private record Ready(String container, Graph.State state) {}

        /**
         * Creates part {@code part}'s container (for a carousel: its items first), records it before anything can
         * publish it, and waits until it is {@code FINISHED}.
         */
        private Ready createReady(String user, int part, String label) throws Fail {
            List<MediaRef> media = part == 0 ? request.variant().media() : List.of();
            String text = texts.get(part);
            var fields = new LinkedHashMap<String, String>();
            if (media.isEmpty()) {
                fields.put("media_type", "TEXT");
            } else if (media.size() == 1) {
                fields.put("media_type", "IMAGE");
                fields.put("image_url", images.url(media.get(0), context.media(), label + ", image 1 of 1"));
                media.get(0).altText().ifPresent(alt -> fields.put("alt_text", alt));
            } else {
                fields.put("media_type", "CAROUSEL");
                fields.put("children", String.join(",", carouselItems(user, media, label)));
            }
            if (!text.isEmpty()) {
                fields.put("text", text);
            }
            if (part > 0) {
                fields.put("reply_to_id", progress.posted(part - 1).orElseThrow());
            } else if (request.followUp().isPresent()) {
                fields.put("reply_to_id", FollowUps.replyTo(request.followUp().get(), Progress.PART_KEY));
            }
            String container = graph.create(session, user, fields, label);
            record(part, container, label);
            Graph.Status status = await(container, label);
            return switch (status.state()) {
                case FINISHED, PUBLISHED -> new Ready(container, status.state());
                case ERROR ->
                    throw Fail.of(
                            FailureKind.REJECTED,
                            "container_error",
                            label + ": Threads could not prepare the post (container " + container + " is ERROR"
                                    + status.errorMessage().map(m -> ": " + m).orElse("") + ")");
                default ->
                    throw Fail.of(
                            FailureKind.RETRYABLE,
                            "container_" + status.state().name().toLowerCase(java.util.Locale.ROOT),
                            label + ": the new container " + container + " is " + status.state());
            };
        }

        /** The item containers of a carousel, each {@code FINISHED}. */
        private List<String> carouselItems(String user, List<MediaRef> media, String label) throws Fail {
            var items = new ArrayList<String>(media.size());
            for (int i = 0; i < media.size(); i++) {
                MediaRef ref = media.get(i);
                String item = label + ", image " + (i + 1) + " of " + media.size();
                var fields = new LinkedHashMap<String, String>();
                fields.put("media_type", "IMAGE");
                fields.put("image_url", images.url(ref, context.media(), item));
                ref.altText().ifPresent(alt -> fields.put("alt_text", alt));
                fields.put("is_carousel_item", "true");
                String id = graph.create(session, user, fields, item);
                Graph.Status status = await(id, item);
                if (status.state() != Graph.State.FINISHED) {
                    throw Fail.of(
                            status.state() == Graph.State.ERROR ? FailureKind.REJECTED : FailureKind.RETRYABLE,
                            "container_" + status.state().name().toLowerCase(java.util.Locale.ROOT),
                            item + ": Threads could not prepare it (container " + id + " is " + status.state()
                                    + status.errorMessage().map(m -> ": " + m).orElse("") + ")");
                }
                items.add(id);
            }
            return items;
        }

        /** Records a new container before it can be published: memory, checkpoint, and the connection property. */
        private void record(int part, String container, String label) throws Fail {
            progress.created(part, container);
            remember();
            if (settings.dryRun()) {
                return;
            }
            try {
                context.updateConnectionProperties(
                        Map.of(PENDING_PROPERTY, request.scheduleId() + " " + part + " " + container));
            } catch (RuntimeException e) {
                LOG.warn(
                        "{} of schedule {}: the container {} could not be recorded ({}); not publishing it now",
                        label,
                        request.scheduleId(),
                        container,
                        e.getClass().getSimpleName());
                throw Fail.of(
                        FailureKind.RETRYABLE,
                        "checkpoint_not_saved",
                        label + ": the container " + container + " could not be recorded; it is published later");
            }
        }

        /**
         * The container's status once it is no longer {@code IN_PROGRESS}, polling every {@code pollInterval}
         * through the sleeper; still in progress after {@code containerTimeout}: retryable (the container is kept).
         */
        private Graph.Status await(String container, String label) throws Fail {
            Instant deadline = context.clock().instant().plus(settings.containerTimeout());
            long maxPolls = settings.containerTimeout().toMillis()
                            / Math.max(1, settings.pollInterval().toMillis())
                    + 1;
            for (long poll = 0; ; poll++) {
                Graph.Status status = graph.status(session, container, label);
                if (status.state() != Graph.State.IN_PROGRESS) {
                    return status;
                }
                if (poll >= maxPolls || !context.clock().instant().isBefore(deadline)) {
                    throw Fail.of(
                            FailureKind.RETRYABLE,
                            "container_not_ready",
                            label + ": the container " + container + " was still IN_PROGRESS after "
                                    + settings.containerTimeout() + "; it is published on the next attempt");
                }
                sleep(settings.pollInterval());
            }
        }

        /**
         * Before the first {@code threads_publish} of this attempt: the account's quota must have room for the
         * post (if the first part is still to go) and the replies still to go; otherwise rate limited until the
         * oldest post of the window leaves it.
         */
        private void checkQuota(String user) throws Fail {
            if (quotaChecked || settings.dryRun()) {
                return;
            }
            quotaChecked = true;
            Optional<Graph.Quota> quota = graph.quota(session, user);
            if (quota.isEmpty()) {
                return;
            }
            Graph.Quota q = quota.get();
            boolean followUp = request.followUp().isPresent();
            // a follow-up's only part is a reply
            boolean post = progress.posted(0).isEmpty() && !followUp;
            int replies = progress.missingReplies(texts.size())
                    + (followUp && progress.posted(0).isEmpty() ? 1 : 0);
            if (post && q.used() + 1 > q.total()) {
                Instant at = windowFrees(user, q.window());
                throw new Fail(PublishOutcome.rateLimited(
                        "publishing_quota",
                        "Threads' publishing quota of this account is used up (" + q.used() + " of " + q.total()
                                + " posts in " + Duration.ofSeconds(q.window()) + "); trying again at " + at,
                        at));
            }
            if (replies > 0 && q.repliesUsed() + replies > q.repliesTotal()) {
                Instant at = windowFrees(user, q.replyWindow());
                throw new Fail(PublishOutcome.rateLimited(
                        "reply_quota",
                        (followUp ? label(request, 0) + ": " : "")
                                + "Threads' reply quota of this account has no room for " + replies + " more ("
                                + q.repliesUsed()
                                + " of " + q.repliesTotal() + " replies in " + Duration.ofSeconds(q.replyWindow())
                                + "); trying again at " + at,
                        at));
            }
        }

        /**
         * When a full quota window has room again: a minute after the oldest post of the window leaves it (the
         * earliest moment it can), else a whole window from now.
         */
        private Instant windowFrees(String user, long windowSeconds) {
            Instant now = context.clock().instant();
            Duration window = Duration.ofSeconds(windowSeconds);
            try {
                return graph.recent(session, user, now.minus(window), QUOTA_PAGES).stream()
                        .map(Graph.Post::timestamp)
                        .flatMap(Optional::stream)
                        .filter(at -> at.isAfter(now.minus(window)))
                        .min(Comparator.naturalOrder())
                        .map(oldest -> oldest.plus(window).plusSeconds(60))
                        .orElse(now.plus(window));
            } catch (Fail e) {
                return now.plus(window);
            }
        }

        /** The published id of part {@code part}, whose container is {@code PUBLISHED}; never published again. */
        private String publishedId(String user, int part, String container, String label) throws Fail {
            List<Graph.Post> matches = search(user, part);
            if (matches.size() == 1) {
                LOG.info(
                        "{} of schedule {}: its container {} was published already, as {}",
                        label,
                        request.scheduleId(),
                        container,
                        matches.get(0).id());
                return matches.get(0).id();
            }
            throw Fail.of(
                    FailureKind.UNKNOWN,
                    matches.isEmpty() ? "published_not_found" : "published_ambiguous",
                    label + ": its container " + container + " is published, but "
                            + (matches.isEmpty() ? "no" : "more than one")
                            + " recent thread of the account has its text; it is not published again");
        }

        /**
         * The account's recent threads with part {@code part}'s text, posted since shortly before the variant was
         * last changed, other than the parts already known.
         */
        List<Graph.Post> search(String user, int part) throws Fail {
            Instant now = context.clock().instant();
            Instant since = request.variant().updatedAt().minus(SEARCH_MARGIN);
            if (since.isAfter(now)) {
                since = now.minus(SEARCH_MARGIN);
            }
            Instant from = since;
            String text = texts.get(part);
            Set<String> others = progress.publishedIdsExcept(part);
            // a follow-up is none of the posts it hangs on, whatever their texts
            request.followUp().ifPresent(target -> {
                for (var hangsOn : List.of(target.root(), target.parent())) {
                    others.add(hangsOn.externalId());
                    others.addAll(Progress.fromCheckpoint(hangsOn.checkpoint()).publishedIdsExcept(-1));
                }
            });
            return graph.recent(session, user, from, LOOKUP_PAGES).stream()
                    .filter(post -> !others.contains(post.id()))
                    .filter(post -> ThreadsText.sameText(text, post.text()))
                    .filter(post ->
                            post.timestamp().map(at -> !at.isBefore(from)).orElse(true))
                    .toList();
        }

        private void sleep(Duration duration) throws Fail {
            try {
                sleeper.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Fail.of(FailureKind.RETRYABLE, "interrupted", "interrupted while waiting for Threads");
            }
        }
    }

    @Override
    public void close() {
        attempts.clear();
        users.clear();
        http.close();
    }

    @Override
    public String toString() {
        return "ThreadsPublisher[" + settings.baseUrl() + (settings.dryRun() ? ", dry run" : "") + "]";
    }
}
