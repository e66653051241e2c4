package io.luxaris.engine;

import io.luxaris.LuxarisEvent;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.Limits;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.PublishEventId;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantStatus;
import io.luxaris.domain.rules.LatenessRule;
import io.luxaris.domain.rules.RetryPolicy;
import io.luxaris.internal.AttemptContext;
import io.luxaris.internal.PostStatusSync;
import io.luxaris.internal.Reconciliation;
import io.luxaris.internal.Redactor;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.internal.Runtime;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.spi.engine.ClaimedJobs;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import io.luxaris.spi.engine.PublishingOperations;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.storage.ClaimRequest;
import io.luxaris.spi.storage.Completion;
import io.luxaris.spi.storage.Fence;
import io.luxaris.spi.storage.ReapResult;
import io.luxaris.spi.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Luxaris's publishing steps on top of the storage SPI: claim (with skips), start (processing, committed before
 * any channel call), publish (channel call with refresh-once and lookup), complete (one transaction per batch:
 * schedule, publish event, variant, post, connection), heartbeat and reap.
 */
public final class CorePublishingOperations implements PublishingOperations {
    private static final Logger LOG = LoggerFactory.getLogger(CorePublishingOperations.class);
    /** How long before a non-refreshable token expires that hosts are told to ask for a reconnect. */
    static final java.time.Duration EXPIRY_WARNING = java.time.Duration.ofDays(7);

    private final Runtime rt;
    private final EngineSettings settings;
    private final String instanceId;
    private final Set<ChannelId> channels;
    private final RandomGenerator random;
    private final Map<ScheduleId, Credentials> credentialsOfStarted = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Instant> expiryWarned = new ConcurrentHashMap<>();

    public CorePublishingOperations(Runtime rt, EngineSettings settings, String instanceId, RandomGenerator random) {
        this.rt = Objects.requireNonNull(rt, "rt");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.random = Objects.requireNonNull(random, "random");
        var ids = new HashSet<ChannelId>();
        rt.channels().forEach(c -> ids.add(c.channel().id()));
        this.channels = Set.copyOf(ids);
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public Instant now() {
        return rt.storage().readOnly(tx -> tx.queue().now());
    }

    @Override
    public ClaimedJobs claim(int limit, Set<ConnectionId> busy) {
        if (channels.isEmpty()) {
            return ClaimedJobs.none();
        }
        var notices = new ArrayList<LuxarisEvent>();
        ClaimedJobs jobs = rt.storage().inTransaction(tx -> {
            notices.clear();
            List<Schedule> claimed =
                    tx.queue().claim(new ClaimRequest(instanceId, limit, settings.leaseDuration(), channels, busy));
            if (claimed.isEmpty()) {
                return ClaimedJobs.none();
            }
            Instant now = tx.queue().now();
            // what the batch needs, read with one call per kind rather than per schedule
            var variantIds = new LinkedHashSet<VariantId>();
            var postIds = new LinkedHashSet<PostId>();
            var connectionIds = new LinkedHashSet<ConnectionId>();
            for (Schedule s : claimed) {
                variantIds.add(s.variantId());
                postIds.add(s.postId());
                connectionIds.add(s.connectionId());
            }
            Map<VariantId, PostVariant> variants = tx.variants().findAll(variantIds);
            Map<PostId, Post> posts = tx.posts().findAll(postIds);
            Map<ConnectionId, ChannelConnection> connections = tx.connections().findAll(connectionIds);
            var result = new ArrayList<PublishJob>(claimed.size());
            var events = new ArrayList<PublishEvent>();
            var touchedPosts = new LinkedHashSet<PostId>();
            for (Schedule s : claimed) {
                Optional<PostVariant> variant = Optional.ofNullable(variants.get(s.variantId()));
                Optional<Post> post = Optional.ofNullable(posts.get(s.postId()));
                Optional<ChannelConnection> connection = Optional.ofNullable(connections.get(s.connectionId()));
                Optional<RegisteredChannel> channel = rt.channel(s.channelId());
                String skip = null;
                String code = null;
                if (variant.isEmpty() || post.isEmpty()) {
                    code = "variant_missing";
                    skip = "the variant no longer exists";
                } else if (post.get().isArchived()) {
                    code = "post_archived";
                    skip = "the post was archived";
                } else if (connection.isEmpty()) {
                    code = "connection_missing";
                    skip = "the connection no longer exists";
                } else if (connection.get().status() != ConnectionStatus.CONNECTED) {
                    code = "connection_" + connection.get().status().wireName();
                    skip = "the connection is " + connection.get().status().wireName()
                            + connection
                                    .get()
                                    .statusReason()
                                    .map(r -> " (" + r + ")")
                                    .orElse("");
                } else if (channel.isEmpty()) {
                    code = "channel_unavailable";
                    skip = "no provider for the channel is registered";
                } else if (LatenessRule.isTooLate(
                        s.nextAttemptAt(), now, rt.rules().latenessWindow())) {
                    code = "too_late";
                    skip = "found "
                            + java.time.Duration.between(s.nextAttemptAt(), now).toMinutes()
                            + " min after it was due, beyond the lateness window of "
                            + rt.rules().latenessWindow().toMinutes() + " min; not publishing stale content";
                }
                if (skip == null) {
                    result.add(new PublishJob(
                            s, variant.get(), connection.get(), channel.get().channel()));
                    continue;
                }
                Schedule skipped = s.withStatus(ScheduleStatus.SKIPPED, now).toBuilder()
                        .lease(Optional.empty())
                        .error(Optional.of(code), Optional.of(skip))
                        .build();
                Fence fence = new Fence(s.id(), s.attemptCount(), instanceId);
                if (tx.queue().complete(fence, skipped)) {
                    PublishEvent event = new PublishEvent(
                            PublishEventId.random(),
                            s.id(),
                            s.attemptCount(),
                            now,
                            PublishEventStatus.CANCELLED,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(code),
                            Optional.of(skip),
                            Optional.empty());
                    events.add(event);
                    post.ifPresent(p -> touchedPosts.add(p.id()));
                    notices.add(new LuxarisEvent.Skipped(now, skipped, skip));
                }
            }
            tx.publishEvents().insertAll(events);
            PostStatusSync.refreshAll(tx, touchedPosts, rt.rules(), now);
            return new ClaimedJobs(result, claimed.size() - result.size());
        });
        rt.events().publishAll(notices);
        return jobs;
    }

    @Override
    public List<PublishJob> start(List<PublishJob> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        var fences = jobs.stream().map(PublishJob::fence).toList();
        record Started(List<ScheduleId> ids, Map<ConnectionId, Credentials> credentials, Instant now) {}
        Started started = rt.storage().inTransaction(tx -> {
            List<ScheduleId> ids = tx.queue().markProcessing(fences);
            var idSet = new HashSet<>(ids);
            var wanted = new LinkedHashSet<ConnectionId>();
            for (PublishJob job : jobs) {
                if (idSet.contains(job.schedule().id())) {
                    wanted.add(job.connection().id());
                }
            }
            return new Started(ids, rt.credentialsAll(tx, wanted), tx.queue().now());
        });
        var idSet = new HashSet<>(started.ids());
        var result = new ArrayList<PublishJob>(idSet.size());
        var notices = new ArrayList<LuxarisEvent>();
        for (PublishJob job : jobs) {
            if (!idSet.contains(job.schedule().id())) {
                LOG.debug(
                        "schedule {} was not started: its claim no longer holds",
                        job.schedule().id());
                continue;
            }
            Schedule processing = job.schedule().toBuilder()
                    .status(ScheduleStatus.PROCESSING)
                    .lastAttemptAt(Optional.of(started.now()))
                    .build();
            var startedJob = new PublishJob(processing, job.variant(), job.connection(), job.channel());
            Credentials credentials = started.credentials().get(job.connection().id());
            credentialsOfStarted.put(processing.id(), credentials);
            result.add(startedJob);
            notices.add(new LuxarisEvent.PublishStarted(started.now(), processing));
            warnIfExpiringSoon(job.connection(), credentials, started.now()).ifPresent(notices::add);
        }
        rt.events().publishAll(notices);
        return result;
    }

    /** A non-refreshable token that expires within the warning period: tell the host, once per expiry. */
    private Optional<LuxarisEvent> warnIfExpiringSoon(
            ChannelConnection connection, Credentials credentials, Instant now) {
        Optional<Instant> expires = credentials.expiresAt();
        if (expires.isEmpty() || credentials.refreshToken().isPresent()) {
            return Optional.empty();
        }
        if (expires.get().isAfter(now.plus(EXPIRY_WARNING))) {
            return Optional.empty();
        }
        Instant previous = expiryWarned.put(connection.id(), expires.get());
        if (expires.get().equals(previous)) {
            return Optional.empty();
        }
        return Optional.of(new LuxarisEvent.ConnectionExpiringSoon(now, connection, expires.get()));
    }

    @Override
    public JobResult publish(PublishJob job) {
        Instant startedAt = rt.now();
        Credentials credentials = credentialsOfStarted.remove(job.schedule().id());
        if (credentials == null) {
            credentials = rt.storage()
                    .readOnly(tx -> rt.credentials(tx, job.connection().id()));
        }
        var context = new AttemptContext(rt, job.connection().id(), credentials);
        RegisteredChannel channel = rt.channel(job.channel().id()).orElseThrow();
        ChannelPublisher publisher = channel.publisher();
        var request = new PublishRequest(
                job.schedule().id(),
                job.schedule().attemptCount(),
                job.variant(),
                job.connection(),
                job.schedule().checkpoint());
        PublishOutcome outcome = call(publisher, request, context);
        if (outcome instanceof PublishOutcome.Failed f && f.kind() == FailureKind.AUTH_EXPIRED) {
            outcome = refreshAndRetry(publisher, request, context, f);
        }
        if (outcome instanceof PublishOutcome.Failed f
                && f.kind() == FailureKind.UNKNOWN
                && publisher.supportsLookup()) {
            outcome = reconcile(publisher, request, context, f);
        }
        return new JobResult(job, sanitize(outcome, context.secrets()), startedAt, rt.now());
    }

    private static PublishOutcome call(ChannelPublisher publisher, PublishRequest request, AttemptContext context) {
        try {
            PublishOutcome outcome = publisher.publish(request, context);
            if (outcome == null) {
                return PublishOutcome.failed(
                        FailureKind.UNKNOWN, "publisher_error", "the channel publisher returned nothing");
            }
            return outcome;
        } catch (RuntimeException e) {
            // we cannot know whether the request left: treat as unknown (never retried blindly)
            LOG.warn(
                    "channel publisher {} threw while publishing schedule {}",
                    publisher.getClass().getName(),
                    request.scheduleId(),
                    e);
            return PublishOutcome.failed(
                    FailureKind.UNKNOWN,
                    "publisher_error",
                    "the channel publisher failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private PublishOutcome refreshAndRetry(
            ChannelPublisher publisher, PublishRequest request, AttemptContext context, PublishOutcome.Failed expired) {
        RefreshResult refresh;
        try {
            refresh = publisher.refresh(context);
        } catch (RuntimeException e) {
            LOG.warn(
                    "channel publisher {} threw while refreshing credentials",
                    publisher.getClass().getName(),
                    e);
            refresh = new RefreshResult.TransientFailure(
                    "refresh_error",
                    "refreshing the credentials failed (" + e.getClass().getSimpleName() + ")");
        }
        if (refresh instanceof RefreshResult.Refreshed) {
            // repeat with what the failed call already did (thread parts posted before the token expired)
            var checkpoint = new java.util.LinkedHashMap<>(request.checkpoint());
            checkpoint.putAll(expired.checkpoint());
            var again = new PublishRequest(
                    request.scheduleId(), request.attempt(), request.variant(), request.connection(), checkpoint);
            return call(publisher, again, context);
        }
        if (refresh instanceof RefreshResult.Revoked r) {
            return new PublishOutcome.Failed(
                    FailureKind.AUTH_REVOKED,
                    r.code(),
                    r.safeMessage(),
                    Optional.empty(),
                    expired.rawResponse(),
                    expired.checkpoint());
        }
        if (refresh instanceof RefreshResult.TransientFailure t) {
            return new PublishOutcome.Failed(
                    FailureKind.RETRYABLE,
                    t.code(),
                    t.safeMessage(),
                    Optional.empty(),
                    expired.rawResponse(),
                    expired.checkpoint());
        }
        return expired;
    }

    private static PublishOutcome reconcile(
            ChannelPublisher publisher, PublishRequest request, AttemptContext context, PublishOutcome.Failed unknown) {
        LookupResult found;
        try {
            found = publisher.lookup(request, context);
        } catch (RuntimeException e) {
            LOG.warn(
                    "channel publisher {} threw while looking up schedule {}",
                    publisher.getClass().getName(),
                    request.scheduleId(),
                    e);
            return unknown;
        }
        if (found instanceof LookupResult.Found f) {
            return new PublishOutcome.Published(f.externalId(), f.url(), unknown.rawResponse(), unknown.checkpoint());
        }
        if (found instanceof LookupResult.Absent) {
            return new PublishOutcome.Failed(
                    FailureKind.RETRYABLE,
                    unknown.code(),
                    unknown.safeMessage() + "; the post was looked up and is not on the platform",
                    Optional.empty(),
                    unknown.rawResponse(),
                    unknown.checkpoint());
        }
        return unknown;
    }

    private static PublishOutcome sanitize(PublishOutcome outcome, Collection<String> secrets) {
        if (outcome instanceof PublishOutcome.DryRun d) {
            // dry run: the preview is kept as the event's raw response, so it gets the same scrubbing and limit
            return new PublishOutcome.DryRun(Redactor.scrubAndTruncate(d.preview(), secrets, Limits.RAW_RESPONSE));
        }
        if (outcome instanceof PublishOutcome.Published p) {
            return new PublishOutcome.Published(
                    Redactor.truncate(p.externalId(), Limits.EXTERNAL_REF),
                    p.url().map(u -> Redactor.truncate(u, Limits.EXTERNAL_REF)),
                    Redactor.scrubAndTruncate(p.rawResponse(), secrets, Limits.RAW_RESPONSE),
                    p.checkpoint());
        }
        var f = (PublishOutcome.Failed) outcome;
        return new PublishOutcome.Failed(
                f.kind(),
                Redactor.truncate(Redactor.scrub(f.code(), secrets), Limits.ERROR_CODE),
                Redactor.scrubAndTruncate(f.safeMessage(), secrets, Limits.ERROR_MESSAGE),
                f.retryAt(),
                Redactor.scrubAndTruncate(f.rawResponse(), secrets, Limits.RAW_RESPONSE),
                f.checkpoint());
    }

    @Override
    public RunReport complete(List<JobResult> results) {
        if (results.isEmpty()) {
            return RunReport.empty();
        }
        var notices = new ArrayList<LuxarisEvent>();
        rt.storage().inTransaction(tx -> {
            notices.clear();
            Instant now = tx.queue().now();
            var planned = new ArrayList<Planned>(results.size());
            var completions = new ArrayList<Completion>(results.size());
            for (JobResult result : results) {
                Planned p = plan(result, now);
                planned.add(p);
                completions.add(new Completion(result.job().fence(), p.outcome()));
            }
            boolean[] written = tx.queue().completeAll(completions);
            var events = new ArrayList<PublishEvent>(results.size());
            var touchedPosts = new LinkedHashSet<PostId>();
            var publishedVariants = new LinkedHashSet<VariantId>();
            var usedConnections = new LinkedHashSet<ConnectionId>();
            var reauthorized = new HashSet<ConnectionId>();
            for (int i = 0; i < written.length; i++) {
                Planned p = planned.get(i);
                Schedule s = p.job().schedule();
                if (!written[i]) {
                    LOG.info(
                            "outcome of schedule {} attempt {} ({}) arrived after its claim was lost; not recorded",
                            s.id(),
                            s.attemptCount(),
                            p.outcome()
                                    .externalPostId()
                                    .map(id -> "published as " + id)
                                    .orElse(p.event().status().wireName()));
                    continue;
                }
                events.add(p.event());
                notices.add(p.notice());
                if (p.outcome().status() == ScheduleStatus.SUCCESS) {
                    publishedVariants.add(s.variantId());
                    usedConnections.add(s.connectionId());
                    touchedPosts.add(s.postId());
                    continue;
                }
                if (p.outcome().status() == ScheduleStatus.FAILED) {
                    touchedPosts.add(s.postId());
                    markVariantFailedIfNothingLeft(tx, s, now);
                }
                if (p.outcome().status() == ScheduleStatus.DRY_RUN) {
                    touchedPosts.add(s.postId()); // DRY RUN: the post leaves "scheduled"; the variant stays ready
                }
                p.deferUntil().ifPresent(until -> tx.queue().defer(s.connectionId(), until));
                if (p.reauthReason().isPresent() && reauthorized.add(s.connectionId())) {
                    Optional<ChannelConnection> connection = tx.connections().find(s.connectionId());
                    if (connection.isPresent() && connection.get().status() == ConnectionStatus.CONNECTED) {
                        ChannelConnection errored = tx.connections()
                                .update(connection.get().withStatus(ConnectionStatus.ERROR, p.reauthReason(), now));
                        notices.add(new LuxarisEvent.ConnectionNeedsReauthorization(
                                now, errored, p.reauthReason().get()));
                    }
                }
            }
            if (!publishedVariants.isEmpty()) {
                tx.variants().markPublished(publishedVariants, now);
            }
            if (!usedConnections.isEmpty()) {
                tx.connections().touchAll(usedConnections, now);
            }
            tx.publishEvents().insertAll(events);
            PostStatusSync.refreshAll(tx, touchedPosts, rt.rules(), now);
            return null;
        });
        rt.events().publishAll(notices);
        int published = 0;
        int failed = 0;
        int retried = 0;
        int unconfirmed = 0;
        int dryRuns = 0;
        for (LuxarisEvent notice : notices) {
            if (notice instanceof LuxarisEvent.Published) {
                published++;
            } else if (notice instanceof LuxarisEvent.PublishFailed) {
                failed++;
            } else if (notice instanceof LuxarisEvent.RetryScheduled) {
                retried++;
            } else if (notice instanceof LuxarisEvent.Unconfirmed) {
                unconfirmed++;
            } else if (notice instanceof LuxarisEvent.DryRun) {
                dryRuns++; // DRY RUN: counted apart, neither published nor failed
            }
        }
        return new RunReport(published, failed, retried, unconfirmed, 0, 0, dryRuns);
    }

    /** What one attempt's outcome writes, decided before anything is written. */
    private record Planned(
            PublishJob job,
            Schedule outcome,
            PublishEvent event,
            LuxarisEvent notice,
            Optional<String> reauthReason,
            Optional<Instant> deferUntil) {}

    private Planned plan(JobResult result, Instant now) {
        PublishJob job = result.job();
        Schedule s = job.schedule();
        int attempt = s.attemptCount();
        Schedule.Builder next = s.toBuilder()
                .lease(Optional.empty())
                .lastAttemptAt(Optional.of(result.startedAt()))
                .checkpoint(result.outcome().checkpoint())
                .updatedAt(now);
        PublishEvent event;
        LuxarisEvent notice;
        Optional<String> reauthReason = Optional.empty();
        Optional<Instant> deferUntil = Optional.empty();
        if (result.outcome() instanceof PublishOutcome.Published p) {
            Schedule done = next.status(ScheduleStatus.SUCCESS)
                    .external(Optional.of(p.externalId()), p.url())
                    .error(Optional.empty(), Optional.empty())
                    .build();
            event = event(
                    s,
                    now,
                    PublishEventStatus.SUCCESS,
                    Optional.of(p.externalId()),
                    p.url(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    p.rawResponse());
            return new Planned(
                    job, done, event, new LuxarisEvent.Published(now, done, event), reauthReason, deferUntil);
        }
        // ---- DRY RUN: its own outcome, never a failure. The schedule ends dry_run (no error, no external id), the
        // publish event is dry_run with the redacted preview as raw response, the listener gets DryRun (never
        // PublishFailed). complete(...) re-derives the post status (no variant or connection change) and counts it
        // in RunReport.dryRuns.
        if (result.outcome() instanceof PublishOutcome.DryRun d) {
            Schedule dry = next.status(ScheduleStatus.DRY_RUN)
                    .external(Optional.empty(), Optional.empty())
                    .error(Optional.empty(), Optional.empty())
                    .build();
            event = event(
                    s,
                    now,
                    PublishEventStatus.DRY_RUN,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    d.rawResponse());
            return new Planned(job, dry, event, new LuxarisEvent.DryRun(now, dry, event), reauthReason, deferUntil);
        }
        var f = (PublishOutcome.Failed) result.outcome();
        RetryPolicy retry = rt.rules().retryPolicy();
        Schedule outcome;
        switch (f.kind()) {
            case RETRYABLE, RATE_LIMITED -> {
                if (retry.exhausted(attempt)) {
                    outcome = next.status(ScheduleStatus.FAILED)
                            .error(
                                    Optional.of(f.code()),
                                    Optional.of(Redactor.truncate(
                                            f.safeMessage() + " (gave up after " + attempt + " attempts)",
                                            Limits.ERROR_MESSAGE)))
                            .build();
                    event = failedEvent(s, now, PublishEventStatus.FAILED, f);
                    notice = new LuxarisEvent.PublishFailed(now, outcome, event);
                } else {
                    Instant at = retry.nextAttemptAt(attempt, now, f.retryAt(), random);
                    outcome = next.status(ScheduleStatus.PENDING)
                            .nextAttemptAt(at)
                            .error(Optional.of(f.code()), Optional.of(f.safeMessage()))
                            .build();
                    event = failedEvent(s, now, PublishEventStatus.RETRIED, f);
                    notice = new LuxarisEvent.RetryScheduled(now, outcome, event);
                    if (f.kind() == FailureKind.RATE_LIMITED && f.retryAt().isPresent()) {
                        deferUntil = f.retryAt();
                    }
                }
            }
            case AUTH_EXPIRED, AUTH_REVOKED -> {
                outcome = next.status(ScheduleStatus.FAILED)
                        .error(Optional.of(f.code()), Optional.of(f.safeMessage()))
                        .build();
                event = failedEvent(s, now, PublishEventStatus.FAILED, f);
                notice = new LuxarisEvent.PublishFailed(now, outcome, event);
                reauthReason = Optional.of(
                        f.kind() == FailureKind.AUTH_EXPIRED
                                ? "the authorization expired and could not be refreshed (" + f.code() + ")"
                                : "the authorization was revoked (" + f.code() + ")");
            }
            case REJECTED -> {
                outcome = next.status(ScheduleStatus.FAILED)
                        .error(Optional.of(f.code()), Optional.of(f.safeMessage()))
                        .build();
                event = failedEvent(s, now, PublishEventStatus.FAILED, f);
                notice = new LuxarisEvent.PublishFailed(now, outcome, event);
            }
            default -> {
                outcome = next.status(ScheduleStatus.UNCONFIRMED)
                        .error(Optional.of(f.code()), Optional.of(f.safeMessage()))
                        .build();
                event = failedEvent(s, now, PublishEventStatus.UNCONFIRMED, f);
                notice = new LuxarisEvent.Unconfirmed(now, outcome, f.safeMessage());
            }
        }
        return new Planned(job, outcome, event, notice, reauthReason, deferUntil);
    }

    private static void markVariantFailedIfNothingLeft(Transaction tx, Schedule s, Instant now) {
        PostVariant variant = tx.variants().find(s.variantId()).orElse(null);
        if (variant == null || variant.status() != VariantStatus.READY) {
            return;
        }
        boolean open = tx.schedules().listByVariant(s.variantId()).stream()
                .anyMatch(o -> !o.id().equals(s.id())
                        && (o.status().isActive()
                                || o.status() == ScheduleStatus.SUCCESS
                                || o.status() == ScheduleStatus.UNCONFIRMED));
        if (!open) {
            tx.variants().update(variant.withStatus(VariantStatus.FAILED, now));
        }
    }

    private static PublishEvent failedEvent(
            Schedule s, Instant now, PublishEventStatus status, PublishOutcome.Failed f) {
        return event(
                s,
                now,
                status,
                Optional.empty(),
                Optional.empty(),
                Optional.of(f.kind()),
                Optional.of(f.code()),
                Optional.of(f.safeMessage()),
                f.rawResponse());
    }

    private static PublishEvent event(
            Schedule s,
            Instant now,
            PublishEventStatus status,
            Optional<String> externalId,
            Optional<String> url,
            Optional<FailureKind> kind,
            Optional<String> code,
            Optional<String> message,
            Optional<String> raw) {
        return new PublishEvent(
                PublishEventId.random(),
                s.id(),
                s.attemptCount(),
                now,
                status,
                externalId,
                url,
                kind,
                code,
                message,
                raw);
    }

    @Override
    public void release(Collection<PublishJob> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        var fences = jobs.stream().map(PublishJob::fence).toList();
        rt.storage().inTransaction(tx -> tx.queue().release(fences));
    }

    @Override
    public int heartbeat() {
        return rt.storage().inTransaction(tx -> tx.queue()
                .heartbeat(instanceId, tx.queue().now().plus(settings.leaseDuration())));
    }

    @Override
    public int reap() {
        var notices = new ArrayList<LuxarisEvent>();
        ReapResult reaped = rt.storage().inTransaction(tx -> {
            ReapResult r = tx.queue().reap(1_000);
            if (r.unconfirmed().isEmpty()) {
                return r;
            }
            Instant now = tx.queue().now();
            var events = new ArrayList<PublishEvent>();
            for (Schedule s : r.unconfirmed()) {
                String reason = "the engine holding it stopped answering while it was being published (lease of "
                        + s.lease().map(l -> l.owner()).orElse("?") + " expired); it may or may not be on the platform";
                events.add(event(
                        s,
                        now,
                        PublishEventStatus.UNCONFIRMED,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(FailureKind.UNKNOWN),
                        Optional.of("lease_expired"),
                        Optional.of(reason),
                        Optional.empty()));
                notices.add(new LuxarisEvent.Unconfirmed(now, s, reason));
            }
            tx.publishEvents().insertAll(events);
            return r;
        });
        rt.events().publishAll(notices);
        int settled = 0;
        for (Schedule s : reaped.unconfirmed()) {
            // a channel that can look posts up settles the unknown outcome at once
            var channel = rt.channel(s.channelId());
            if (channel.isPresent() && channel.get().publisher().supportsLookup()) {
                try {
                    var outcome = Reconciliation.reconcile(rt, s.id());
                    if (outcome.result() == Reconciliation.Result.PUBLISHED
                            || outcome.result() == Reconciliation.Result.NOT_PUBLISHED) {
                        settled++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("could not reconcile unconfirmed schedule {}; it stays unconfirmed", s.id(), e);
                }
            }
        }
        if (!reaped.isEmpty()) {
            LOG.info(
                    "reaped expired leases: {} schedule(s) back to pending, {} unconfirmed ({} settled by lookup)",
                    reaped.requeued().size(),
                    reaped.unconfirmed().size(),
                    settled);
        }
        return reaped.requeued().size() + reaped.unconfirmed().size();
    }

    @Override
    public Optional<Instant> nextDue() {
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        return rt.storage().readOnly(tx -> tx.queue().nextDue(channels));
    }
}
