package io.luxaris.internal.engine;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantStatus;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.FollowUpChain;
import io.luxaris.internal.PostStatusSync;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.storage.Completion;
import io.luxaris.spi.storage.Fence;
import io.luxaris.spi.storage.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch of outcomes in one transaction (schedule, publish events, variant, post, connection), then tells
 * the listeners. Every committed outcome is told exactly once, after its commit: when a write fails in a way that
 * may have committed (the connection died during the commit), its plan is kept, and the retry that finds the
 * fence gone checks for the plan's own event to tell "committed earlier" from "claim lost".
 */
final class OutcomeWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeWriter.class);

    private final CoreRuntime rt;
    private final OutcomePlanner planner;
    /** Plans of writes that were attempted and may or may not have committed, by claim. */
    private final Map<Fence, Attempt> attempted = new ConcurrentHashMap<>();

    /** A plan and when it was first tried (a plan younger than {@link #KEEP_UNHELD} is kept even if not held). */
    private record Attempt(OutcomePlanner.Planned plan, long atNanos) {}

    /**
     * How long a plan is kept without its claim being held: the engine's writer may try an outcome that came after
     * the held claims were listed for a heartbeat.
     */
    private static final long KEEP_UNHELD = TimeUnit.MINUTES.toNanos(1);

    /** How precisely a connection's last use is kept. */
    static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);

    OutcomeWriter(CoreRuntime rt, OutcomePlanner planner) {
        this.rt = rt;
        this.planner = planner;
    }

    RunReport complete(List<JobResult> results) {
        if (results.isEmpty()) {
            return RunReport.empty();
        }
        var notices = new ArrayList<LuxarisEvent>();
        var outcomes = new ArrayList<ScheduleStatus>();
        rt.storage().inTransaction(tx -> {
            notices.clear();
            outcomes.clear();
            write(tx, results, notices, outcomes);
            return null;
        });
        results.forEach(r -> attempted.remove(r.job().fence()));
        rt.events().publishAll(notices);
        for (LuxarisEvent notice : notices) {
            if (notice instanceof LuxarisEvent.Scheduled next) { // a follow-up part: wake the engine when it is due
                rt.engine().ifPresent(e -> e.wakeUp(next.schedule().nextAttemptAt()));
            }
        }
        return count(outcomes);
    }

    private void write(
            Transaction tx, List<JobResult> results, List<LuxarisEvent> notices, List<ScheduleStatus> outcomes) {
        Instant now = tx.queue().now();
        var plans = new ArrayList<OutcomePlanner.Planned>(results.size());
        var earlier = new ArrayList<OutcomePlanner.Planned>(results.size());
        var completions = new ArrayList<Completion>(results.size());
        for (JobResult result : results) {
            Attempt tried = attempted.get(result.job().fence());
            OutcomePlanner.Planned before = tried == null ? null : tried.plan();
            OutcomePlanner.Planned plan =
                    before != null && before.source().equals(result) ? before : planner.plan(result, now);
            attempted.put(result.job().fence(), new Attempt(plan, tried == null ? System.nanoTime() : tried.atNanos()));
            plans.add(plan);
            earlier.add(before);
            completions.add(new Completion(result.job().fence(), plan.outcome()));
        }
        boolean[] written = tx.queue().completeAll(completions);
        var events = new ArrayList<PublishEvent>(results.size());
        var touchedPosts = new LinkedHashSet<PostId>();
        var publishedVariants = new LinkedHashSet<VariantId>();
        var usedConnections = new LinkedHashSet<ConnectionId>();
        var reauthorized = new HashSet<ConnectionId>();
        var followUps = new ArrayList<Schedule>(0);
        for (int i = 0; i < written.length; i++) {
            OutcomePlanner.Planned p = plans.get(i);
            Schedule s = p.source().job().schedule();
            if (!written[i]) {
                OutcomePlanner.Planned before = earlier.get(i);
                if (before != null && committedEarlier(tx, before)) {
                    notices.addAll(before.notices()); // an earlier try committed; its notices were never sent
                    outcomes.add(before.outcome().status());
                } else {
                    LOG.info(
                            "outcome of schedule {} attempt {} ({}) arrived after its claim was lost; not recorded",
                            s.id(),
                            s.attemptCount(),
                            p.outcome().status().wireName());
                }
                continue;
            }
            events.addAll(p.events());
            notices.addAll(p.notices());
            ScheduleStatus status = p.outcome().status();
            outcomes.add(status);
            if (status == ScheduleStatus.SUCCESS) {
                if (useWorthRecording(p.source().job().connection(), now)) {
                    usedConnections.add(s.connectionId());
                }
                // the next follow-up part, in this transaction: nothing is lost between the success and the chain
                FollowUpChain.next(s, p.source().job().variant(), now).ifPresent(followUps::add);
                if (s.isFollowUp()) {
                    continue; // the variant is published already; a follow-up does not change the post's status
                }
                publishedVariants.add(s.variantId());
                touchedPosts.add(s.postId());
                continue;
            }
            if (status == ScheduleStatus.DRY_RUN) {
                touchedPosts.add(s.postId()); // the post leaves "scheduled"; the variant stays ready
                continue;
            }
            if (status == ScheduleStatus.FAILED) {
                touchedPosts.add(s.postId());
                markVariantFailedIfNothingLeft(tx, s, now);
            }
            p.deferUntil().ifPresent(until -> tx.queue().defer(s.connectionId(), until));
            if (p.reauthReason().isPresent() && reauthorized.add(s.connectionId())) {
                needsReauthorization(tx, s.connectionId(), p.reauthReason().get(), now)
                        .ifPresent(notices::add);
            }
        }
        if (!publishedVariants.isEmpty()) {
            tx.variants().markPublished(publishedVariants, now);
        }
        if (!usedConnections.isEmpty()) {
            tx.connections().touchAll(usedConnections, now);
        }
        tx.publishEvents().insertAll(events);
        if (!followUps.isEmpty()) {
            tx.schedules().insertAll(followUps);
            followUps.forEach(f -> notices.add(new LuxarisEvent.Scheduled(now, f)));
        }
        PostStatusSync.refreshAll(tx, touchedPosts, rt.rules(), now);
    }

    /**
     * Whether a publish through this connection (as it was read at the claim) moves its last use: it is recorded to
     * the minute ({@link ChannelConnection#lastUsedAt()}), so a busy account's row is written about once a minute
     * instead of once per post (in a burst of ten posts per account it was a tenth of the database's time).
     */
    static boolean useWorthRecording(ChannelConnection connection, Instant now) {
        return connection
                .lastUsedAt()
                .map(at -> !at.isAfter(now.minus(LAST_USE_GRANULARITY)))
                .orElse(true);
    }

    private static boolean committedEarlier(Transaction tx, OutcomePlanner.Planned plan) {
        var ids = new HashSet<>();
        plan.events().forEach(e -> ids.add(e.id()));
        return tx.publishEvents().listBySchedule(plan.source().job().schedule().id()).stream()
                .anyMatch(e -> ids.contains(e.id()));
    }

    private static Optional<LuxarisEvent> needsReauthorization(
            Transaction tx, ConnectionId id, String reason, Instant now) {
        Optional<ChannelConnection> connection = tx.connections().find(id);
        if (connection.isEmpty() || connection.get().status() != ConnectionStatus.CONNECTED) {
            return Optional.empty();
        }
        ChannelConnection errored =
                tx.connections().update(connection.get().withStatus(ConnectionStatus.ERROR, Optional.of(reason), now));
        return Optional.of(new LuxarisEvent.ConnectionNeedsReauthorization(now, errored, reason));
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
                                || o.status() == ScheduleStatus.UNCONFIRMED
                                || o.status() == ScheduleStatus.AWAITING_APPROVAL));
        if (!open) {
            tx.variants().update(variant.withStatus(VariantStatus.FAILED, now));
        }
    }

    /** Forgets the kept plans of claims the engine no longer holds (their outcome was given up). */
    void retainOnly(Collection<Fence> held) {
        var keep = new HashSet<>(held);
        long now = System.nanoTime();
        attempted
                .entrySet()
                .removeIf(e -> !keep.contains(e.getKey()) && now - e.getValue().atNanos() > KEEP_UNHELD);
    }

    private static RunReport count(List<ScheduleStatus> outcomes) {
        int published = 0;
        int failed = 0;
        int retried = 0;
        int unconfirmed = 0;
        int dryRuns = 0;
        for (ScheduleStatus status : outcomes) {
            switch (status) {
                case SUCCESS -> published++;
                case FAILED -> failed++;
                case PENDING -> retried++;
                case UNCONFIRMED -> unconfirmed++;
                case DRY_RUN -> dryRuns++;
                default -> {}
            }
        }
        return new RunReport(published, failed, retried, unconfirmed, 0, 0, dryRuns);
    }
}
