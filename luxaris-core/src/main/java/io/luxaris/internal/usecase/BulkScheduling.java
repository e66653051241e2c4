package io.luxaris.internal.usecase;

import io.luxaris.domain.ApprovalSubject;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.When;
import io.luxaris.domain.rules.ConnectionRule;
import io.luxaris.domain.rules.RateLimitRule;
import io.luxaris.domain.rules.ScheduleTimeRule;
import io.luxaris.errors.AccessDeniedException;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.Idempotency;
import io.luxaris.internal.PostStatusSync;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.usecase.BulkItem;
import io.luxaris.usecase.BulkResult;
import io.luxaris.usecase.IdempotencyKey;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@link Schedules#scheduleAll}: every item checked like a single schedule, the valid ones written in one
 * transaction with batched reads (variants, posts, connections, the connections' neighbouring schedules) and one
 * batched insert. Items of one batch count against each other's rate limits.
 */
final class BulkScheduling {
    static final String OPERATION = "schedules.scheduleAll";

    private final CoreRuntime rt;

    public BulkScheduling(CoreRuntime rt) {
        this.rt = rt;
    }

    BulkResult<Schedule> scheduleAll(
            Principal principal, List<ScheduleRequest> requests, Optional<IdempotencyKey> key) {
        Objects.requireNonNull(principal, "principal");
        checkSize(requests, "requests");
        Optional<String> fingerprint = key.map(k -> fingerprint(OPERATION, requests));
        var events = new ArrayList<LuxarisEvent>();
        BulkResult<Schedule> result = rt.storage().inTransaction(tx -> {
            events.clear();
            if (key.isPresent()) {
                Optional<String> first =
                        Idempotency.claim(rt, tx, principal, key.get().value(), OPERATION, fingerprint.orElseThrow());
                if (first.isPresent()) {
                    return BulkReplay.decode(
                            first.get(), item -> find(tx, item.id().orElseThrow()));
                }
            }
            BulkResult<Schedule> created = write(tx, principal, requests, events);
            key.ifPresent(k ->
                    Idempotency.complete(tx, principal, k.value(), BulkReplay.encode(created, s -> s.id().value())));
            return created;
        });
        rt.events().publishAll(events);
        result.created().stream()
                .filter(s -> s.status() == ScheduleStatus.PENDING)
                .map(Schedule::nextAttemptAt)
                .min(Instant::compareTo)
                .ifPresent(first -> rt.engine().ifPresent(e -> e.wakeUp(first)));
        return result;
    }

    /** Checks the batch's size: required, at most {@link Schedules#MAX_BATCH} items. */
    static void checkSize(List<?> items, String field) {
        if (items == null) {
            throw ValidationException.of(field, "required", "is required");
        }
        if (items.size() > Schedules.MAX_BATCH) {
            throw ValidationException.of(
                    field,
                    "max_size",
                    "has " + items.size() + " items; at most " + Schedules.MAX_BATCH + " are allowed per call");
        }
    }

    private BulkResult<Schedule> write(
            Transaction tx, Principal principal, List<ScheduleRequest> requests, List<LuxarisEvent> events) {
        Instant now = rt.now();
        var variantIds = new LinkedHashSet<VariantId>();
        for (ScheduleRequest r : requests) {
            if (r != null && r.variant() != null) {
                variantIds.add(r.variant());
            }
        }
        Map<VariantId, PostVariant> variants = tx.variants().findAll(variantIds);
        var postIds = new LinkedHashSet<PostId>();
        var connectionIds = new LinkedHashSet<ConnectionId>();
        for (ScheduleRequest r : requests) {
            PostVariant v = r == null ? null : variants.get(r.variant());
            if (v != null) {
                postIds.add(v.postId());
                r.connection().or(v::connectionId).ifPresent(connectionIds::add);
            }
        }
        Map<PostId, Post> posts = tx.posts().findAll(postIds);
        Map<ConnectionId, ChannelConnection> connections = tx.connections().findAll(connectionIds);
        var rates = new RateWindows(tx, requests, now);

        var items = new ArrayList<BulkItem<Schedule>>(requests.size());
        var accepted = new ArrayList<Schedule>();
        for (int i = 0; i < requests.size(); i++) {
            ScheduleRequest r = requests.get(i);
            var v = Validation.start();
            Schedule schedule = check(principal, r, variants, posts, connections, rates, now, v);
            if (schedule == null) {
                items.add(BulkItem.rejected(i, v.violations()));
            } else {
                accepted.add(schedule);
                rates.add(schedule.connectionId(), schedule.runAt());
                items.add(BulkItem.created(i, schedule));
            }
        }
        if (!accepted.isEmpty()) {
            holdForApproval(tx, principal, accepted, items, events, now);
            tx.schedules().insertAll(accepted);
            tx.variants()
                    .markReady(
                            accepted.stream()
                                    .map(Schedule::variantId)
                                    .distinct()
                                    .toList(),
                            now);
            PostStatusSync.refreshAll(
                    tx, accepted.stream().map(Schedule::postId).distinct().toList(), rt.rules(), now);
            accepted.forEach(s -> events.add(new LuxarisEvent.Scheduled(now, s)));
        }
        return new BulkResult<>(items);
    }

    /**
     * Holds as {@code awaiting_approval} the accepted schedules whose host, post or connection requires approval (as
     * a single schedule is held), replacing them in {@code accepted} and in their items.
     */
    private void holdForApproval(
            Transaction tx,
            Principal principal,
            List<Schedule> accepted,
            List<BulkItem<Schedule>> items,
            List<LuxarisEvent> events,
            Instant now) {
        var subjects = new LinkedHashSet<ApprovalSubject>();
        for (Schedule s : accepted) {
            subjects.add(ApprovalSubject.of(s.postId()));
            subjects.add(ApprovalSubject.of(s.connectionId()));
        }
        Set<ApprovalSubject> required =
                rt.approvalRequired() ? Set.of() : tx.approvals().required(subjects);
        var held = new HashMap<ScheduleId, Schedule>();
        for (int i = 0; i < accepted.size(); i++) {
            Schedule s = accepted.get(i);
            if (rt.approvalRequired()
                    || required.contains(ApprovalSubject.of(s.postId()))
                    || required.contains(ApprovalSubject.of(s.connectionId()))) {
                Schedule h =
                        s.toBuilder().status(ScheduleStatus.AWAITING_APPROVAL).build();
                accepted.set(i, h);
                held.put(h.id(), h);
                events.add(new LuxarisEvent.ApprovalRequested(now, h, principal.id()));
            }
        }
        if (!held.isEmpty()) {
            items.replaceAll(item -> item.created()
                    .map(s -> held.containsKey(s.id()) ? BulkItem.created(item.index(), held.get(s.id())) : item)
                    .orElse(item));
        }
    }

    /** The schedule the item creates, or null with the item's violations in {@code v}. */
    private @Nullable Schedule check(
            Principal principal,
            ScheduleRequest r,
            Map<VariantId, PostVariant> variants,
            Map<PostId, Post> posts,
            Map<ConnectionId, ChannelConnection> connections,
            RateWindows rates,
            Instant now,
            Validation v) {
        if (r == null) {
            v.add("request", "required", "is required");
            return null;
        }
        v.required("variant", r.variant());
        v.required("when", r.when());
        if (!v.ok()) {
            return null;
        }
        PostVariant variant = variants.get(r.variant());
        if (variant == null) {
            v.add("variant", "not_found", "variant " + r.variant() + " does not exist");
            return null;
        }
        Post post = posts.get(variant.postId());
        if (post == null) {
            v.add("variant", "not_found", "the post of variant " + r.variant() + " does not exist");
            return null;
        }
        if (!denied(
                v,
                "variant",
                () -> rt.requireWrite(principal, ResourceType.POST, post.ownerPrincipalId(), post.id()))) {
            return null;
        }
        if (post.isArchived()) {
            v.add("variant", "archived", "post " + post.id() + " is archived; it cannot be scheduled");
            return null;
        }
        Optional<ConnectionId> connectionId = r.connection().or(variant::connectionId);
        if (connectionId.isEmpty()) {
            v.add("connection", "required", "name a connection (the variant has no target connection)");
            return null;
        }
        ChannelConnection connection = connections.get(connectionId.get());
        if (connection == null) {
            v.add("connection", "not_found", "connection " + connectionId.get() + " does not exist");
            return null;
        }
        if (!denied(v, "connection", () -> {
            rt.requireRead(principal, ResourceType.CONNECTION, connection.ownerPrincipalId(), connection.id());
            rt.requirePublishWith(principal, connection);
        })) {
            return null;
        }
        Optional<RegisteredChannel> channel = rt.channel(variant.channelId());
        if (channel.isEmpty()) {
            v.add("variant", "channel_disabled", "the variant's channel has no registered provider");
            return null;
        }
        var time = ScheduleTimeRule.resolve(r.when(), now, rt.rules(), "when");
        v.addAll(time.violations());
        v.addAll(ConnectionRule.check(connection, channel.get().channel(), variant.channelId(), "connection"));
        v.addAll(channel.get().validate(variant, Optional.of(connection), "variant"));
        if (time.isValid()) {
            v.addAll(rates.check(connection.id(), time.instant().get()));
        }
        if (!v.ok()) {
            return null;
        }
        return Schedule.pending(
                variant, connection.id(), time.instant().get(), r.when().zone(), now);
    }

    /** Runs an access check; a denial becomes a violation of {@code field}. Returns whether access was granted. */
    private static boolean denied(Validation v, String field, Runnable check) {
        try {
            check.run();
            return true;
        } catch (AccessDeniedException e) {
            v.add(field, "access_denied", String.valueOf(e.getMessage()));
            return false;
        }
    }

    /** Per connection: the run times of its active schedules around the batch's times, and those the batch adds. */
    private final class RateWindows {
        private final Map<ConnectionId, TreeMap<Instant, Integer>> times = new HashMap<>();
        private final Transaction tx;
        private final Duration around;
        private final boolean enabled;
        private final Instant from;
        private final Instant to;

        RateWindows(Transaction tx, List<ScheduleRequest> requests, Instant now) {
            this.tx = tx;
            this.enabled = rt.rules().maxSchedulesPerHourPerConnection().isPresent()
                    || rt.rules().minGapPerConnection().isPresent();
            this.around = RateLimitRule.lookaround(rt.rules());
            Instant min = null;
            Instant max = null;
            if (enabled) {
                for (ScheduleRequest r : requests) {
                    if (r == null || r.when() == null) {
                        continue;
                    }
                    Optional<Instant> at = ScheduleTimeRule.resolve(r.when(), now, rt.rules(), "when")
                            .instant();
                    if (at.isPresent()) {
                        min = min == null || at.get().isBefore(min) ? at.get() : min;
                        max = max == null || at.get().isAfter(max) ? at.get() : max;
                    }
                }
            }
            this.from = min == null ? now : min.minus(around);
            this.to = max == null ? now : max.plus(around).plusNanos(1000);
        }

        List<Violation> check(ConnectionId connection, Instant runAt) {
            if (!enabled) {
                return List.of();
            }
            NavigableMap<Instant, Integer> known = load(connection);
            var others = new ArrayList<Instant>();
            known.subMap(runAt.minus(around), true, runAt.plus(around), true).forEach((at, n) -> {
                for (int k = 0; k < n; k++) {
                    others.add(at);
                }
            });
            return RateLimitRule.check(runAt, others, rt.rules(), "when");
        }

        void add(ConnectionId connection, Instant runAt) {
            if (enabled) {
                load(connection).merge(runAt, 1, Integer::sum);
            }
        }

        private NavigableMap<Instant, Integer> load(ConnectionId connection) {
            return times.computeIfAbsent(connection, c -> {
                var map = new TreeMap<Instant, Integer>();
                tx.schedules().listActiveByConnection(c, from, to).forEach(s -> map.merge(s.runAt(), 1, Integer::sum));
                return map;
            });
        }
    }

    // ---- idempotency ----

    static String fingerprint(String operation, List<ScheduleRequest> requests) {
        var f = Idempotency.fingerprint(operation).add(requests.size());
        for (ScheduleRequest r : requests) {
            if (r == null) {
                f.add((Object) null);
                continue;
            }
            f.add(r.variant()).add(r.connection());
            When when = r.when();
            if (when instanceof When.Local local) {
                f.add("local").add(local.dateTime()).add(local.zone());
            } else if (when instanceof When.Exact exact) {
                f.add("exact").add(exact.instant()).add(exact.zone());
            } else {
                f.add((Object) null);
            }
        }
        return f.hash();
    }

    /** The schedule a single call with an idempotency key created first. */
    static Schedule replayOne(Transaction tx, String stored) {
        return find(tx, Idempotency.decode(stored).get(0).id().orElseThrow());
    }

    private static Schedule find(Transaction tx, String id) {
        ScheduleId scheduleId = new ScheduleId(UUID.fromString(id));
        return tx.schedules()
                .find(scheduleId)
                .orElseThrow(() -> new io.luxaris.errors.NotFoundException("schedule", scheduleId));
    }
}
