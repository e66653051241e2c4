package io.luxaris.internal.usecase;

import io.luxaris.domain.ApprovalSubject;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Limits;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantStatus;
import io.luxaris.domain.When;
import io.luxaris.domain.rules.ConnectionRule;
import io.luxaris.domain.rules.ScheduleTimeRule;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.Idempotency;
import io.luxaris.internal.PostStatusSync;
import io.luxaris.internal.RateLimits;
import io.luxaris.internal.Reconciliation;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.usecase.BulkResult;
import io.luxaris.usecase.CountBy;
import io.luxaris.usecase.FollowUpPart;
import io.luxaris.usecase.IdempotencyKey;
import io.luxaris.usecase.ScheduleCount;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.Schedules;
import io.luxaris.usecase.UnconfirmedResolution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/** The {@link Schedules} of an instance, built by the facade. */
public final class DefaultSchedules implements Schedules {
    private final CoreRuntime rt;
    private final DefaultPosts posts;
    private final Approvals approvals;
    private final BulkScheduling bulk;
    private final DefaultQueues queues;
    private final FollowUpParts followUpParts;

    public DefaultSchedules(CoreRuntime rt, DefaultPosts posts) {
        this.rt = Objects.requireNonNull(rt, "rt");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.approvals = new Approvals(rt);
        this.bulk = new BulkScheduling(rt);
        this.queues = new DefaultQueues(rt, posts, this);
        this.followUpParts = new FollowUpParts(rt);
    }

    @Override
    public List<FollowUpPart> followUps(Principal principal, ScheduleId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> followUpParts.list(tx, readableSchedule(tx, principal, id)));
    }

    @Override
    public Schedule retryFollowUp(Principal principal, ScheduleId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        var events = new ArrayList<LuxarisEvent>();
        Schedule again = rt.storage().inTransaction(tx -> {
            events.clear();
            Schedule failed = writableSchedule(tx, principal, id);
            if (tx.posts().find(failed.postId()).map(Post::isArchived).orElse(false)) {
                throw new ConflictException("post " + failed.postId() + " is archived and cannot change any more");
            }
            return followUpParts.retry(tx, failed, events);
        });
        rt.events().publishAll(events);
        rt.engine().ifPresent(e -> e.wakeUp(again.nextAttemptAt()));
        return again;
    }

    /** The queues use case, which puts variants into queue slots through this one. */
    public DefaultQueues queues() {
        return queues;
    }

    @Override
    public Schedule enqueue(Principal principal, io.luxaris.domain.VariantId variant, io.luxaris.domain.QueueId queue) {
        return queues.enqueue(principal, variant, queue);
    }

    @Override
    public BulkResult<Schedule> scheduleAll(Principal principal, List<ScheduleRequest> requests) {
        return bulk.scheduleAll(principal, requests, Optional.empty());
    }

    @Override
    public BulkResult<Schedule> scheduleAll(Principal principal, List<ScheduleRequest> requests, IdempotencyKey key) {
        return bulk.scheduleAll(principal, requests, Optional.of(Objects.requireNonNull(key, "key")));
    }

    @Override
    public List<ScheduleCount> counts(Principal principal, Instant from, Instant to, CountBy... groupBy) {
        return ScheduleCounts.count(rt, principal, from, to, groupBy);
    }

    @Override
    public Schedule schedule(Principal principal, ScheduleRequest request) {
        return schedule(principal, request, Optional.empty());
    }

    @Override
    public Schedule schedule(Principal principal, ScheduleRequest request, IdempotencyKey key) {
        return schedule(principal, request, Optional.of(Objects.requireNonNull(key, "key")));
    }

    private Schedule schedule(Principal principal, ScheduleRequest request, Optional<IdempotencyKey> key) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(request, "request");
        var v = Validation.start();
        v.required("variant", request.variant());
        v.required("when", request.when());
        v.throwIfInvalid();
        return create(principal, Optional.empty(), List.of(request), i -> "", key)
                .get(0);
    }

    @Override
    public List<Schedule> scheduleTargets(Principal principal, PostId post, List<ScheduleRequest> targets) {
        Objects.requireNonNull(principal, "principal");
        var v = Validation.start();
        v.required("post", post);
        if (v.required("targets", targets)) {
            if (targets.isEmpty()) {
                v.add("targets", "required", "name at least one target");
            }
            v.maxSize("targets", targets, Limits.SCHEDULE_TARGETS);
            for (int i = 0; i < targets.size() && v.ok(); i++) {
                ScheduleRequest target = targets.get(i);
                if (v.required("targets[" + i + "]", target)) {
                    v.required("targets[" + i + "].variant", target.variant());
                    v.required("targets[" + i + "].when", target.when());
                }
            }
        }
        v.throwIfInvalid();
        return create(principal, Optional.of(post), List.copyOf(targets), i -> "targets[" + i + "].", Optional.empty());
    }

    /**
     * Checks and creates the schedules of one call in one transaction: all or nothing. Held for approval when the
     * host, the post or the connection requires it.
     */
    private List<Schedule> create(
            Principal principal,
            Optional<PostId> postId,
            List<ScheduleRequest> requests,
            IntFunction<String> field,
            Optional<IdempotencyKey> key) {
        var events = new ArrayList<LuxarisEvent>();
        Optional<String> fingerprint = key.map(k -> BulkScheduling.fingerprint("schedules.schedule", requests));
        List<Schedule> created = rt.storage().inTransaction(tx -> {
            if (key.isPresent()) {
                Optional<String> first = Idempotency.claim(
                        rt, tx, principal, key.get().value(), "schedules.schedule", fingerprint.orElseThrow());
                if (first.isPresent()) {
                    return List.of(BulkScheduling.replayOne(tx, first.get()));
                }
            }
            Instant now = rt.now();
            Post post = postId.map(id -> writableLivePost(tx, principal, id)).orElse(null);
            var checks = Validation.start();
            var planned = new ArrayList<Schedule>();
            var variants = new LinkedHashMap<VariantId, PostVariant>();
            var batch = new HashMap<ConnectionId, List<Instant>>();
            for (int i = 0; i < requests.size(); i++) {
                ScheduleRequest request = requests.get(i);
                String f = field.apply(i);
                PostVariant variant = tx.variants()
                        .find(request.variant())
                        .orElseThrow(() -> new NotFoundException("variant", request.variant()));
                if (post == null) {
                    post = writableLivePost(tx, principal, variant.postId());
                } else if (!variant.postId().equals(post.id())) {
                    checks.add(f + "variant", "other_post", "the variant belongs to another post");
                    continue;
                }
                Optional<ConnectionId> connectionId = request.connection().or(variant::connectionId);
                if (connectionId.isEmpty()) {
                    checks.add(
                            f + "connection", "required", "name a connection (the variant has no target connection)");
                    continue;
                }
                ChannelConnection connection = usableConnection(tx, principal, connectionId.get());
                RegisteredChannel channel = channelOf(variant, f + "variant");
                var time = ScheduleTimeRule.resolve(request.when(), now, rt.rules(), f + "when");
                checks.addAll(time.violations());
                checks.addAll(
                        ConnectionRule.check(connection, channel.channel(), variant.channelId(), f + "connection"));
                checks.addAll(channel.validate(variant, Optional.of(connection), f + "variant"));
                if (time.isValid()) {
                    Instant at = time.instant().get();
                    List<Instant> sameCall = batch.computeIfAbsent(connection.id(), k -> new ArrayList<>());
                    checks.addAll(rateLimits(tx, connection.id(), at, Optional.empty(), sameCall, f + "when"));
                    sameCall.add(at);
                    planned.add(Schedule.pending(
                            variant, connection.id(), at, request.when().zone(), now));
                    variants.putIfAbsent(variant.id(), variant);
                }
            }
            checks.throwIfInvalid();
            var subjects = new ArrayList<ApprovalSubject>();
            subjects.add(ApprovalSubject.of(Objects.requireNonNull(post).id()));
            planned.forEach(s -> subjects.add(ApprovalSubject.of(s.connectionId())));
            var required = tx.approvals().required(subjects);
            boolean postHeld = rt.approvalRequired() || required.contains(ApprovalSubject.of(post.id()));
            var stored = new ArrayList<Schedule>();
            for (Schedule schedule : planned) {
                boolean held = postHeld || required.contains(ApprovalSubject.of(schedule.connectionId()));
                Schedule s = held
                        ? schedule.toBuilder()
                                .status(ScheduleStatus.AWAITING_APPROVAL)
                                .build()
                        : schedule;
                tx.schedules().insert(s);
                stored.add(s);
                events.add(new LuxarisEvent.Scheduled(now, s));
                if (held) {
                    events.add(new LuxarisEvent.ApprovalRequested(now, s, principal.id()));
                }
            }
            for (PostVariant variant : variants.values()) {
                if (variant.status() == VariantStatus.DRAFT || variant.status() == VariantStatus.FAILED) {
                    tx.variants().update(variant.withStatus(VariantStatus.READY, now));
                }
            }
            PostStatusSync.refresh(tx, post.id(), rt.rules(), now);
            key.ifPresent(k -> Idempotency.complete(
                    tx,
                    principal,
                    k.value(),
                    Idempotency.encode(stored.stream()
                            .map(c -> Idempotency.Item.created(c.id().value()))
                            .toList())));
            return List.copyOf(stored);
        });
        rt.events().publishAll(events);
        created.stream()
                .filter(s -> s.status() == ScheduleStatus.PENDING)
                .map(Schedule::nextAttemptAt)
                .min(Instant::compareTo)
                .ifPresent(due -> rt.engine().ifPresent(e -> e.wakeUp(due)));
        return created;
    }

    private Post writableLivePost(Transaction tx, Principal principal, PostId id) {
        Post post = posts.writablePost(tx, principal, id);
        if (post.isArchived()) {
            throw new ConflictException("post " + post.id() + " is archived; it cannot be scheduled");
        }
        return post;
    }

    @Override
    public Schedule reschedule(Principal principal, ScheduleId id, When when) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        if (when == null) {
            throw ValidationException.of("when", "required", "is required");
        }
        var event = new ArrayList<LuxarisEvent>();
        Schedule moved = rt.storage().inTransaction(tx -> {
            Schedule schedule = writableSchedule(tx, principal, id);
            requirePending(schedule, "moved");
            ChannelConnection connection = rt.connection(tx, schedule.connectionId());
            Instant now = rt.now();
            var checks = Validation.start();
            var time = ScheduleTimeRule.resolve(when, now, rt.rules(), "when");
            checks.addAll(time.violations());
            if (time.isValid()) {
                checks.addAll(
                        rateLimits(tx, connection.id(), time.instant().get(), Optional.of(id), List.of(), "when"));
            }
            checks.throwIfInvalid();
            Schedule updated = tx.schedules()
                    .update(schedule.toBuilder()
                            .runAt(time.instant().get())
                            .nextAttemptAt(time.instant().get())
                            .timezone(when.zone())
                            .updatedAt(now)
                            .build());
            event.add(new LuxarisEvent.Rescheduled(now, updated));
            return updated;
        });
        rt.events().publishAll(event);
        rt.engine().ifPresent(e -> e.wakeUp(moved.nextAttemptAt()));
        return moved;
    }

    @Override
    public Schedule changeConnection(Principal principal, ScheduleId id, ConnectionId connectionId) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        if (connectionId == null) {
            throw ValidationException.of("connection", "required", "is required");
        }
        var event = new ArrayList<LuxarisEvent>();
        Schedule changed = rt.storage().inTransaction(tx -> {
            Schedule schedule = writableSchedule(tx, principal, id);
            requirePending(schedule, "re-targeted");
            PostVariant variant = tx.variants().find(schedule.variantId()).orElseThrow();
            ChannelConnection connection = usableConnection(tx, principal, connectionId);
            RegisteredChannel channel = channelOf(variant, "variant");
            var checks = Validation.start();
            checks.addAll(ConnectionRule.check(connection, channel.channel(), variant.channelId(), "connection"));
            checks.addAll(channel.validate(variant, Optional.of(connection), "variant"));
            checks.addAll(rateLimits(tx, connectionId, schedule.runAt(), Optional.of(id), List.of(), "when"));
            checks.throwIfInvalid();
            Instant now = rt.now();
            Schedule updated = tx.schedules()
                    .update(schedule.toBuilder()
                            .connectionId(connectionId)
                            .updatedAt(now)
                            .build());
            event.add(new LuxarisEvent.Rescheduled(now, updated));
            return updated;
        });
        rt.events().publishAll(event);
        return changed;
    }

    @Override
    public Schedule cancel(Principal principal, ScheduleId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        var event = new ArrayList<LuxarisEvent>();
        Schedule cancelled = rt.storage().inTransaction(tx -> {
            Schedule schedule = writableSchedule(tx, principal, id);
            if (schedule.status() == ScheduleStatus.CANCELLED) {
                return schedule;
            }
            if (schedule.status() == ScheduleStatus.SUCCESS
                    && !schedule.isFollowUp()
                    && followUpParts.cancelPending(tx, schedule, event) > 0) {
                return schedule; // published; the follow-up parts still to come are cancelled
            }
            Instant now = rt.now();
            Schedule updated = tx.schedules()
                    .update(schedule.withStatus(ScheduleStatus.CANCELLED, now).toBuilder()
                            .lease(Optional.empty())
                            .build());
            PostStatusSync.refresh(tx, schedule.postId(), rt.rules(), now);
            event.add(new LuxarisEvent.Cancelled(now, updated));
            return updated;
        });
        rt.events().publishAll(event);
        return cancelled;
    }

    @Override
    public Schedule get(Principal principal, ScheduleId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> readableSchedule(tx, principal, id));
    }

    @Override
    public List<Schedule> listForPost(Principal principal, PostId post) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(post, "post");
        return rt.storage().readOnly(tx -> {
            posts.readablePost(tx, principal, post);
            return tx.schedules().listByPost(post);
        });
    }

    @Override
    public List<PublishEvent> events(Principal principal, ScheduleId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> {
            readableSchedule(tx, principal, id);
            return tx.publishEvents().listBySchedule(id);
        });
    }

    @Override
    public Schedule resolveUnconfirmed(Principal principal, ScheduleId id, UnconfirmedResolution resolution) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        if (resolution == null) {
            throw ValidationException.of("resolution", "required", "is required");
        }
        if (resolution instanceof UnconfirmedResolution.Republish r && r.when() == null) {
            throw ValidationException.of("resolution.when", "required", "is required");
        }
        if (resolution instanceof UnconfirmedResolution.Published p) {
            var v = Validation.start();
            v.text("resolution.externalId", p.externalId(), Limits.EXTERNAL_REF);
            p.url().ifPresent(u -> v.maxLength("resolution.url", u, Limits.EXTERNAL_REF));
            v.throwIfInvalid();
        }
        var events = new ArrayList<LuxarisEvent>();
        Schedule resolved = rt.storage().inTransaction(tx -> {
            Schedule schedule = writableSchedule(tx, principal, id);
            if (schedule.status() != ScheduleStatus.UNCONFIRMED) {
                throw new ConflictException(
                        "schedule " + id + " is " + schedule.status().wireName() + ", not unconfirmed");
            }
            Instant now = rt.now();
            String note = "resolved by " + principal.id();
            Schedule updated;
            PublishEvent record;
            if (resolution instanceof UnconfirmedResolution.Published p) {
                updated = schedule.withStatus(ScheduleStatus.SUCCESS, now).toBuilder()
                        .lease(Optional.empty())
                        .external(Optional.of(p.externalId()), p.url())
                        .error(Optional.empty(), Optional.empty())
                        .build();
                record = PublishEvent.success(
                                schedule.id(), schedule.attemptCount(), now, p.externalId(), p.url(), Optional.empty())
                        .withNote("resolved_published", note);
                PostVariant variant = tx.variants().find(schedule.variantId()).orElseThrow();
                if (!variant.isPublished()) {
                    tx.variants().update(variant.withStatus(VariantStatus.PUBLISHED, now));
                }
                io.luxaris.internal.FollowUpChain.next(schedule, variant, now).ifPresent(next -> {
                    tx.schedules().insert(next);
                    events.add(new LuxarisEvent.Scheduled(now, next));
                });
            } else if (resolution instanceof UnconfirmedResolution.Republish r) {
                var time = ScheduleTimeRule.resolve(r.when(), now, rt.rules(), "resolution.when");
                if (!time.isValid()) {
                    throw new ValidationException(time.violations());
                }
                updated = schedule.withStatus(ScheduleStatus.PENDING, now).toBuilder()
                        .lease(Optional.empty())
                        .nextAttemptAt(time.instant().get())
                        .error(Optional.of("resolved_not_published"), Optional.of(note))
                        .build();
                record = PublishEvent.retried(
                        schedule.id(),
                        schedule.attemptCount(),
                        now,
                        Optional.empty(),
                        "resolved_not_published",
                        note + "; publishing again",
                        Optional.empty());
            } else {
                updated = schedule.withStatus(ScheduleStatus.CANCELLED, now).toBuilder()
                        .lease(Optional.empty())
                        .error(Optional.of("resolved_not_published"), Optional.of(note))
                        .build();
                record = PublishEvent.cancelled(
                        schedule.id(), schedule.attemptCount(), now, "resolved_not_published", note + "; cancelled");
            }
            Schedule stored = tx.schedules().update(updated);
            tx.publishEvents().insert(record);
            PostStatusSync.refresh(tx, schedule.postId(), rt.rules(), now);
            switch (stored.status()) {
                case SUCCESS -> events.add(new LuxarisEvent.Published(now, stored, record));
                case PENDING -> events.add(new LuxarisEvent.Rescheduled(now, stored));
                default -> events.add(new LuxarisEvent.Cancelled(now, stored));
            }
            return stored;
        });
        rt.events().publishAll(events);
        if (resolved.status() == ScheduleStatus.PENDING) {
            rt.engine().ifPresent(e -> e.wakeUp(resolved.nextAttemptAt()));
        }
        return resolved;
    }

    @Override
    public Schedule reconcile(Principal principal, ScheduleId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Schedule schedule = rt.storage().readOnly(tx -> writableSchedule(tx, principal, id));
        if (schedule.status() != ScheduleStatus.UNCONFIRMED) {
            throw new ConflictException(
                    "schedule " + id + " is " + schedule.status().wireName() + ", not unconfirmed");
        }
        var outcome = Reconciliation.reconcile(rt, id);
        if (outcome.schedule().status() == ScheduleStatus.PENDING) {
            rt.engine().ifPresent(e -> e.wakeUp(outcome.schedule().nextAttemptAt()));
        }
        return outcome.schedule();
    }

    @Override
    public Schedule approve(Principal principal, ScheduleId id, String note) {
        return approvals.approve(principal, id, note);
    }

    @Override
    public Schedule reject(Principal principal, ScheduleId id, String note) {
        return approvals.reject(principal, id, note);
    }

    @Override
    public void requireApproval(Principal principal, PostId post, boolean required) {
        approvals.requireForPost(principal, post, required);
    }

    @Override
    public void requireApproval(Principal principal, ConnectionId connection, boolean required) {
        approvals.requireForConnection(principal, connection, required);
    }

    @Override
    public boolean approvalRequired(Principal principal, PostId post) {
        return approvals.requiredForPost(principal, post);
    }

    @Override
    public boolean approvalRequired(Principal principal, ConnectionId connection) {
        return approvals.requiredForConnection(principal, connection);
    }

    private List<io.luxaris.errors.Violation> rateLimits(
            Transaction tx,
            ConnectionId connection,
            Instant runAt,
            Optional<ScheduleId> self,
            List<Instant> sameCall,
            String field) {
        return RateLimits.check(
                tx, rt.rules(), connection, runAt, self.map(Set::of).orElse(Set.of()), sameCall, field);
    }

    ChannelConnection usableConnection(Transaction tx, Principal principal, ConnectionId id) {
        ChannelConnection connection = rt.connection(tx, id);
        rt.requireRead(principal, ResourceType.CONNECTION, connection.ownerPrincipalId(), id);
        rt.requirePublishWith(principal, connection);
        return connection;
    }

    /** The variant's registered channel; a missing provider is reported on the field {@code variant}. */
    RegisteredChannel channelOf(PostVariant variant) {
        return channelOf(variant, "variant");
    }

    private RegisteredChannel channelOf(PostVariant variant, String field) {
        return rt.channel(variant.channelId())
                .orElseThrow(() -> ValidationException.of(
                        field, "channel_disabled", "the variant's channel has no registered provider"));
    }

    private static void requirePending(Schedule schedule, String what) {
        if (schedule.status() != ScheduleStatus.PENDING && schedule.status() != ScheduleStatus.AWAITING_APPROVAL) {
            throw new ConflictException("schedule " + schedule.id() + " is "
                    + schedule.status().wireName() + "; only a pending or held schedule can be " + what);
        }
    }

    private Schedule readableSchedule(Transaction tx, Principal principal, ScheduleId id) {
        Schedule schedule = tx.schedules().find(id).orElseThrow(() -> new NotFoundException("schedule", id));
        posts.readablePost(tx, principal, schedule.postId());
        return schedule;
    }

    private Schedule writableSchedule(Transaction tx, Principal principal, ScheduleId id) {
        Schedule schedule = tx.schedules().find(id).orElseThrow(() -> new NotFoundException("schedule", id));
        posts.writablePost(tx, principal, schedule.postId());
        return schedule;
    }
}
