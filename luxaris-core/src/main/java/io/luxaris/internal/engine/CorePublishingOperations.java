package io.luxaris.internal.engine;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.PostStatusSync;
import io.luxaris.spi.engine.ClaimedJobs;
import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import io.luxaris.spi.engine.PublishingOperations;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.storage.ClaimRequest;
import io.luxaris.spi.storage.Fence;
import io.luxaris.spi.storage.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Luxaris's publishing steps on top of the storage SPI: claim (with skips, {@link SkipPolicy}), start (processing,
 * committed before any channel call, credentials opened per connection), publish ({@link ChannelAttempt}),
 * complete ({@link OutcomePlanner}, {@link OutcomeWriter}), heartbeat of the held claims, reap ({@link Reaper}).
 *
 * <p>Schedules of channels that can look every post up ({@link
 * io.luxaris.spi.channel.ChannelPublisher#supportsLookupForEveryRequest()}) are claimed straight to processing, their
 * credentials read in the claim's transaction: their start needs no transaction of its own while it comes within
 * half a lease of the claim (the lease then surely holds); a later start reads their rows to check that the claim
 * still holds. An instance that dies before calling the channel leaves them to the reaper, whose lookup finds them
 * absent and has them published again.
 */
public final class CorePublishingOperations implements PublishingOperations {
    private static final Logger LOG = LoggerFactory.getLogger(CorePublishingOperations.class);
    /** How many connections' opened credentials the engine keeps for their next start. */
    static final int OPENED_CREDENTIALS_KEPT = 4_096;

    private final CoreRuntime rt;
    private final EngineSettings settings;
    private final String instanceId;
    private final Set<ChannelId> channels;
    private final ChannelAttempt attempt;
    private final OutcomeWriter writer;
    private final Reaper reaper;
    /** Credentials opened at start, taken by publish; empty when they could not be decrypted. */
    private final Map<Fence, Optional<Credentials>> credentialsOfStarted = new ConcurrentHashMap<>();
    /** Channels whose schedules are claimed straight to processing. */
    private final Set<ChannelId> startChannels;
    /** Jobs claimed straight to processing and not started yet: when, and their connection's sealed credentials. */
    private final Map<Fence, ClaimedProcessing> claimedProcessing = new ConcurrentHashMap<>();

    private final Map<ConnectionId, Instant> expiryWarned = new ConcurrentHashMap<>();
    /** Credentials opened before, per connection: reused while the stored bytes are the same. */
    private final OpenedCredentials opened = new OpenedCredentials(OPENED_CREDENTIALS_KEPT);

    public CorePublishingOperations(
            CoreRuntime rt, EngineSettings settings, String instanceId, RandomGenerator random) {
        this(rt, settings, instanceId, random, EngineObserver.NONE);
    }

    public CorePublishingOperations(
            CoreRuntime rt,
            EngineSettings settings,
            String instanceId,
            RandomGenerator random,
            EngineObserver observer) {
        this.rt = Objects.requireNonNull(rt, "rt");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(random, "random");
        var ids = new HashSet<ChannelId>();
        var lookupEveryRequest = new HashSet<ChannelId>();
        rt.channels().forEach(c -> {
            ids.add(c.channel().id());
            if (c.publisher().supportsLookupForEveryRequest()) {
                lookupEveryRequest.add(c.channel().id());
            }
        });
        this.channels = Set.copyOf(ids);
        this.startChannels = Set.copyOf(lookupEveryRequest);
        this.attempt = new ChannelAttempt(rt);
        this.writer = new OutcomeWriter(rt, new OutcomePlanner(rt.rules().retryPolicy(), random));
        this.reaper = new Reaper(rt, SafeObserver.of(Objects.requireNonNull(observer, "observer")));
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
    public ClaimedJobs claim(int limit, Set<ConnectionId> busy, Set<ChannelId> busyChannels) {
        var open = new HashSet<>(channels);
        open.removeAll(busyChannels);
        if (open.isEmpty()) {
            return ClaimedJobs.none();
        }
        var start = new HashSet<>(startChannels);
        start.retainAll(open);
        var request = new ClaimRequest(instanceId, limit, settings.leaseDuration(), open, busy, start);
        var notices = new ArrayList<LuxarisEvent>();
        var sealed = new HashMap<ConnectionId, byte[]>();
        ClaimedJobs jobs = rt.storage().inTransaction(tx -> {
            notices.clear();
            sealed.clear();
            List<Schedule> claimed = tx.queue().claim(request);
            if (claimed.isEmpty()) {
                return ClaimedJobs.none();
            }
            ClaimedJobs prepared = prepare(tx, claimed, notices);
            var processing = new LinkedHashSet<ConnectionId>();
            for (PublishJob job : prepared.jobs()) {
                if (job.schedule().status() == ScheduleStatus.PROCESSING) {
                    processing.add(job.connection().id());
                }
            }
            if (!processing.isEmpty()) {
                sealed.putAll(tx.connections().credentialsAll(processing));
            }
            return prepared;
        });
        Instant claimedAt = rt.now();
        long claimedNanos = System.nanoTime();
        for (PublishJob job : jobs.jobs()) {
            if (job.schedule().status() == ScheduleStatus.PROCESSING) {
                claimedProcessing.put(
                        job.fence(),
                        new ClaimedProcessing(
                                claimedAt,
                                claimedNanos,
                                sealed.get(job.connection().id())));
            }
        }
        rt.events().publishAll(notices);
        return jobs;
    }

    /**
     * A job claimed straight to processing: when the claim returned (on the clock and on the monotonic timer, so that
     * neither a clock set back nor one set forward makes a long wait look short), and its connection's sealed
     * credentials.
     */
    private static final class ClaimedProcessing {
        private final Instant at;
        private final long atNanos;
        private final byte @Nullable [] sealed;

        ClaimedProcessing(Instant at, long atNanos, byte @Nullable [] sealed) {
            this.at = at;
            this.atNanos = atNanos;
            this.sealed = sealed;
        }

        /** Whether the claim returned less than {@code within} ago, by the clock and by the monotonic timer. */
        boolean isWithin(Duration within, Instant now, long nowNanos) {
            return now.isBefore(at.plus(within)) && nowNanos - atNanos < within.toNanos();
        }

        byte @Nullable [] sealed() {
            return sealed;
        }
    }

    /** Reads what the claimed schedules need (one call per kind) and skips those that must not be published. */
    private ClaimedJobs prepare(Transaction tx, List<Schedule> claimed, List<LuxarisEvent> notices) {
        Instant now = tx.queue().now();
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
            var channel = rt.channel(s.channelId());
            Optional<SkipPolicy.Skip> skip = SkipPolicy.check(
                    variant,
                    post,
                    connection,
                    channel.isPresent(),
                    s.nextAttemptAt(),
                    now,
                    rt.rules().latenessWindow());
            if (skip.isEmpty()) {
                result.add(new PublishJob(
                        s, variant.get(), connection.get(), channel.get().channel()));
                continue;
            }
            String code = skip.get().code();
            String reason = skip.get().reason();
            Schedule skipped = s.withStatus(ScheduleStatus.SKIPPED, now).toBuilder()
                    .lease(Optional.empty())
                    .error(Optional.of(code), Optional.of(reason))
                    .build();
            if (tx.queue().complete(new Fence(s.id(), s.attemptCount(), instanceId), skipped)) {
                events.add(PublishEvent.cancelled(s.id(), s.attemptCount(), now, code, reason));
                post.ifPresent(p -> touchedPosts.add(p.id()));
                notices.add(new LuxarisEvent.Skipped(now, skipped, reason));
            }
        }
        tx.publishEvents().insertAll(events);
        PostStatusSync.refreshAll(tx, touchedPosts, rt.rules(), now);
        return new ClaimedJobs(result, claimed.size() - result.size());
    }

    /**
     * Starts jobs: queued ones move to processing, and jobs claimed straight to processing start as they are while
     * within half a lease of their claim (their rows are checked when they waited longer), all in one transaction
     * that is left out when every job was claimed straight to processing a moment ago.
     */
    @Override
    public List<PublishJob> start(List<PublishJob> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        Duration halfLease = settings.leaseDuration().dividedBy(2);
        Instant clockNow = rt.now();
        long nanoNow = System.nanoTime();
        var ready = new HashMap<Fence, ClaimedProcessing>();
        var queued = new ArrayList<Fence>();
        var stale = new ArrayList<Fence>();
        for (PublishJob job : jobs) {
            ClaimedProcessing claimed = claimedProcessing.remove(job.fence());
            if (job.schedule().status() != ScheduleStatus.PROCESSING) {
                queued.add(job.fence());
            } else if (claimed != null && claimed.isWithin(halfLease, clockNow, nanoNow)) {
                ready.put(job.fence(), claimed);
            } else {
                stale.add(job.fence());
            }
        }
        record Started(Set<ScheduleId> ids, Map<ConnectionId, byte[]> sealed, Optional<Instant> now) {}
        Started started = queued.isEmpty() && stale.isEmpty()
                ? new Started(Set.of(), Map.of(), Optional.empty())
                : rt.storage().inTransaction(tx -> {
                    var ids = new HashSet<>(tx.queue().markProcessing(queued));
                    ids.addAll(stillHeld(tx, stale));
                    var wanted = new LinkedHashSet<ConnectionId>();
                    jobs.stream()
                            .filter(j -> ids.contains(j.schedule().id()))
                            .forEach(j -> wanted.add(j.connection().id()));
                    Map<ConnectionId, byte[]> sealed =
                            wanted.isEmpty() ? Map.of() : tx.connections().credentialsAll(wanted);
                    return new Started(ids, sealed, Optional.of(tx.queue().now()));
                });
        var opened = new HashMap<ConnectionId, Optional<Credentials>>();
        var result = new ArrayList<PublishJob>(jobs.size());
        var notices = new ArrayList<LuxarisEvent>();
        Instant now = started.now().orElse(clockNow);
        for (PublishJob job : jobs) {
            ClaimedProcessing claimed = ready.get(job.fence());
            if (claimed == null && !started.ids().contains(job.schedule().id())) {
                LOG.debug(
                        "schedule {} was not started: its claim no longer holds",
                        job.schedule().id());
                continue;
            }
            Schedule processing = job.schedule().status() == ScheduleStatus.PROCESSING
                    ? job.schedule()
                    : job.schedule().toBuilder()
                            .status(ScheduleStatus.PROCESSING)
                            .lastAttemptAt(Optional.of(now))
                            .build();
            var startedJob = new PublishJob(processing, job.variant(), job.connection(), job.channel());
            Optional<Credentials> credentials = opened.computeIfAbsent(
                    job.connection().id(),
                    id -> open(
                            id,
                            claimed != null
                                    ? claimed.sealed()
                                    : started.sealed().get(id)));
            credentialsOfStarted.put(startedJob.fence(), credentials);
            result.add(startedJob);
            notices.add(new LuxarisEvent.PublishStarted(now, processing));
            credentials
                    .flatMap(c -> warnIfExpiringSoon(job.connection(), c, now))
                    .ifPresent(notices::add);
        }
        rt.events().publishAll(notices);
        return result;
    }

    /**
     * Of jobs claimed straight to processing a while ago, those whose claim still holds: the row is processing with
     * the same attempt and owner, and the lease has not expired.
     */
    private static Set<ScheduleId> stillHeld(Transaction tx, List<Fence> fences) {
        if (fences.isEmpty()) {
            return Set.of();
        }
        Instant now = tx.queue().now();
        var held = new HashSet<ScheduleId>();
        for (Fence f : fences) { // rare (a job waited half a lease for its slot): a read each
            Schedule s = tx.schedules().find(f.id()).orElse(null);
            if (s != null
                    && s.status() == ScheduleStatus.PROCESSING
                    && s.attemptCount() == f.attempt()
                    && s.lease()
                            .filter(l ->
                                    l.owner().equals(f.owner()) && l.expiresAt().isAfter(now))
                            .isPresent()) {
                held.add(f.id());
            }
        }
        return held;
    }

    /** Opens one connection's sealed credentials; empty when they cannot be decrypted (only its jobs fail). */
    private Optional<Credentials> open(ConnectionId id, byte @Nullable [] sealed) {
        if (sealed == null) {
            return Optional.of(new Credentials(Map.of()));
        }
        try {
            return Optional.of(opened.open(id, sealed, bytes -> rt.open(id, bytes)));
        } catch (RuntimeException e) {
            LOG.error(
                    "the stored credentials of connection {} cannot be decrypted ({}); its schedules fail",
                    id,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** A non-refreshable token that expires within the warning period: tell the host, once per expiry. */
    private Optional<LuxarisEvent> warnIfExpiringSoon(
            ChannelConnection connection, Credentials credentials, Instant now) {
        Optional<Instant> expires = credentials.expiresAt();
        if (expires.isEmpty() || credentials.refreshToken().isPresent()) {
            return Optional.empty();
        }
        if (expires.get().isAfter(now.plus(SchedulingRules.REAUTHORIZE_WARNING))) {
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
        Optional<Credentials> credentials = credentialsOfStarted.remove(job.fence());
        if (credentials == null) {
            ConnectionId id = job.connection().id();
            credentials = open(
                    id,
                    rt.storage()
                            .readOnly(tx -> tx.connections().credentials(id))
                            .orElse(null));
        }
        return attempt.publish(job, credentials);
    }

    @Override
    public RunReport complete(List<JobResult> results) {
        results.forEach(r -> credentialsOfStarted.remove(r.job().fence()));
        return writer.complete(results);
    }

    @Override
    public void release(Collection<PublishJob> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        var fences = jobs.stream().map(PublishJob::fence).toList();
        fences.forEach(credentialsOfStarted::remove);
        fences.forEach(claimedProcessing::remove);
        rt.storage().inTransaction(tx -> tx.queue().release(fences));
    }

    @Override
    public int heartbeat(Collection<Fence> held) {
        var keep = new HashSet<>(held);
        credentialsOfStarted.keySet().retainAll(keep);
        claimedProcessing.keySet().retainAll(keep);
        writer.retainOnly(keep);
        if (held.isEmpty()) {
            return 0;
        }
        var ids = new ArrayList<ScheduleId>(held.size());
        held.forEach(f -> ids.add(f.id()));
        return rt.storage().inTransaction(tx -> tx.queue()
                .heartbeat(instanceId, ids, tx.queue().now().plus(settings.leaseDuration())));
    }

    /** How many started jobs' decrypted credentials are kept for their publish (bounded by what the engine holds). */
    int credentialsKept() {
        return credentialsOfStarted.size();
    }

    /** How many connections' opened credentials are kept for their next start. */
    int credentialsOpenedAndKept() {
        return opened.size();
    }

    @Override
    public int reap() {
        int reaped = reaper.reap();
        try {
            io.luxaris.internal.SeriesMaterialiser.materialiseAll(rt);
        } catch (RuntimeException e) {
            LOG.warn("could not materialise recurring series; the next round tries again", e);
        }
        return reaped;
    }

    @Override
    public Optional<Instant> nextDue() {
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        return rt.storage().readOnly(tx -> tx.queue().nextDue(channels));
    }
}
