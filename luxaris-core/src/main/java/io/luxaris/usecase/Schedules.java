package io.luxaris.usecase;

import io.luxaris.ConflictException;
import io.luxaris.LuxarisEvent;
import io.luxaris.NotFoundException;
import io.luxaris.Principal;
import io.luxaris.ValidationException;
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
import io.luxaris.domain.rules.RateLimitRule;
import io.luxaris.domain.rules.ScheduleTimeRule;
import io.luxaris.internal.Idempotency;
import io.luxaris.internal.PostStatusSync;
import io.luxaris.internal.Reconciliation;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.internal.Runtime;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Scheduling: publish a variant through a connection at a time given in the author's zone; move, re-target or
 * cancel a pending schedule; read its publish events; resolve an unconfirmed one by hand. The post's status is
 * re-derived after every change.
 */
public final class Schedules {
    /** The most items one bulk call ({@link #scheduleAll}, {@link Posts#createAll}) takes. */
    public static final int MAX_BATCH = 1_000;

    private final Runtime rt;
    private final Posts posts;
    private final Approvals approvals;
    private final BulkScheduling bulk;
    private final Queues queues;

    Schedules(Runtime rt, Posts posts) {
        this.rt = Objects.requireNonNull(rt, "rt");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.approvals = new Approvals(rt);
        this.bulk = new BulkScheduling(rt);
        this.queues = new Queues(rt, posts, this);
    }

    /** The queues use case, which puts variants into queue slots through this one. */
    Queues queues() {
        return queues;
    }

    /**
     * Puts a variant into the next free slot of a queue; see {@link Queues#enqueue}.
     *
     * @param principal the acting principal
     * @param variant the variant to publish
     * @param queue the queue
     * @return the new pending schedule at the slot's time
     * @throws ValidationException when {@code variant} or {@code queue} is missing, the queue is full within the
     *     horizon, the variant's connection is not the queue's, the connection is unusable or the content does not fit
     * @throws NotFoundException when the variant, the queue or the connection does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the post or the queue, or read or
     *     publish with the connection
     * @throws ConflictException when the post is archived, or changed concurrently
     * @throws io.luxaris.StorageException when the storage fails
     */
    public Schedule enqueue(Principal principal, io.luxaris.domain.VariantId variant, io.luxaris.domain.QueueId queue) {
        return queues.enqueue(principal, variant, queue);
    }

    /**
     * Schedules many variants at once: every item is checked like {@link #schedule(Principal, ScheduleRequest)}
     * (items of the batch count against each other's rate limits); the valid items are created together in one
     * transaction, the invalid ones are reported with their violations (fields relative to the item, such as {@code
     * when}) and create nothing. One invalid item does not fail the batch. A problem of the whole call (the list is
     * missing or too long, the storage fails, a row changed concurrently) fails it and creates nothing.
     *
     * @param principal the acting principal
     * @param requests at most {@value #MAX_BATCH} requests
     * @return one item per request, in request order: the new pending schedule or the item's violations (rules as
     *     for a single schedule, plus {@code not_found} and {@code access_denied} for the variant or connection, and
     *     {@code archived})
     * @throws ValidationException on {@code requests}: {@code required} when it is null, {@code max_size} when it
     *     holds more than {@value #MAX_BATCH} items
     * @throws ConflictException when a row changed concurrently: retry
     * @throws io.luxaris.StorageException when the storage fails
     */
    public BulkResult<Schedule> scheduleAll(Principal principal, List<ScheduleRequest> requests) {
        return bulk.scheduleAll(principal, requests, Optional.empty());
    }

    /**
     * {@link #scheduleAll(Principal, List)} made safe to repeat: a repeated call with the same key and the same
     * requests returns the first call's result (the same schedule ids, the same rejected items) and creates nothing.
     *
     * @param principal the acting principal; keys are scoped to it
     * @param requests at most {@value #MAX_BATCH} requests
     * @param key the caller's idempotency key
     * @return one item per request, in request order
     * @throws ValidationException when {@code requests} is missing or too long
     * @throws ConflictException when the key was used with different requests, or a row changed concurrently
     * @throws io.luxaris.StorageException when the storage fails
     */
    public BulkResult<Schedule> scheduleAll(Principal principal, List<ScheduleRequest> requests, IdempotencyKey key) {
        return bulk.scheduleAll(principal, requests, Optional.of(Objects.requireNonNull(key, "key")));
    }

    /**
     * Counts the schedules with run time in {@code [from, to)} of posts the principal may see (the calendar's access
     * rule), grouped by any of status, channel and connection, with one storage query. The range may span at most
     * {@value Limits#CALENDAR_RANGE_DAYS} days.
     *
     * @param principal the acting principal
     * @param from the start of the range, inclusive
     * @param to the end of the range, exclusive
     * @param groupBy what to group by; none: one total (omitted when there is nothing to count)
     * @return the non-empty groups, ordered by status, channel key and connection id
     * @throws ValidationException when {@code from} or {@code to} is missing or out of range, the range is empty or
     *     too long, or {@code groupBy} holds null
     * @throws io.luxaris.StorageException when the storage fails
     */
    public List<ScheduleCount> counts(Principal principal, Instant from, Instant to, CountBy... groupBy) {
        return ScheduleCounts.count(rt, principal, from, to, groupBy);
    }

    /**
     * Schedules a variant. Checks: the time is in the future and within the horizon (DST gaps rejected unless the rules
     * shift them), the connection is connected, on the variant's channel and usable by the principal, the content fits
     * that connection's limits, and the per-connection rate limits hold. The variant becomes ready and the post
     * scheduled. When the host ({@code Luxaris.Builder.approvalRequired}), the post or the connection ({@link
     * #requireApproval(Principal, PostId, boolean)}) requires approval, the schedule is held as {@code
     * awaiting_approval} until {@link #approve} or {@link #reject}.
     *
     * @param principal the acting principal
     * @param request the variant, the connection (default: the variant's own) and the time
     * @return the new schedule, pending or awaiting approval; {@link Schedule#runAt()} is the instant in UTC
     * @throws ValidationException when {@code variant}, {@code when} or {@code connection} is missing, the time breaks
     *     a rule ({@code in_past}, {@code horizon}, {@code dst_gap}, {@code rate_limit}, {@code min_gap}), the
     *     connection is unusable ({@code channel_mismatch}, {@code connection_status}, {@code channel_disabled}) or the
     *     content does not fit it
     * @throws NotFoundException when the variant or the connection does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the post, or read or publish with the
     *     connection
     * @throws ConflictException when the post is archived, or changed concurrently
     * @throws io.luxaris.StorageException when the storage fails
     */
    public Schedule schedule(Principal principal, ScheduleRequest request) {
        return schedule(principal, request, Optional.empty());
    }

    /**
     * {@link #schedule(Principal, ScheduleRequest)} made safe to repeat: the key is claimed in the transaction that
     * creates the schedule, so a repeated call with the same key and request returns the first call's schedule (the
     * same id, as it is now) and creates nothing, also when two instances race with one key.
     *
     * @param principal the acting principal; keys are scoped to it
     * @param request the variant, the connection (default: the variant's own) and the time
     * @param key the caller's idempotency key
     * @return the new pending schedule, or the one the first call with this key created
     * @throws ValidationException as {@link #schedule(Principal, ScheduleRequest)}
     * @throws NotFoundException when the variant or the connection does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the post, or read or publish with the
     *     connection
     * @throws ConflictException when the key was used with a different request, the post is archived, or it changed
     *     concurrently
     * @throws io.luxaris.StorageException when the storage fails
     */
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

    /**
     * Schedules one post to several targets (a variant through a connection, each at its own time) in one call:
     * every target is checked as {@link #schedule} checks one (and the rate limits count the targets of the call
     * too), then all are created in one transaction, or none when any check fails. Targets needing approval are held
     * as {@code awaiting_approval}, the others are pending; each has its own status from then on, and the post's
     * status shows partial success ({@code partially_published}) when some targets are published and others are not.
     *
     * @param principal the acting principal
     * @param post the post whose variants are scheduled
     * @param targets one request per target, at most {@link Limits#SCHEDULE_TARGETS}
     * @return the new schedules, one per target in the order of {@code targets}
     * @throws ValidationException when {@code post} or {@code targets} is missing, {@code targets} is empty or too long
     *     ({@code too_many}), a target's {@code variant} or {@code when} is missing, its variant belongs to another post
     *     ({@code other_post}), or a target breaks a rule of {@link #schedule}; the fields are named {@code
     *     targets[i].variant}, {@code targets[i].when} and {@code targets[i].connection}
     * @throws NotFoundException when the post, a variant or a connection does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the post, or read or publish with a
     *     connection
     * @throws ConflictException when the post is archived, or changed concurrently
     * @throws io.luxaris.StorageException when the storage fails
     */
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
            @Nullable
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

    /**
     * Moves a pending or held (awaiting approval) schedule to another time (same checks as scheduling).
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @param when the new time
     * @return the moved schedule
     * @throws ValidationException when {@code when} is missing or breaks a rule ({@code in_past}, {@code horizon},
     *     {@code dst_gap}, {@code rate_limit}, {@code min_gap})
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the schedule is neither pending nor awaiting approval, or changed concurrently
     * @throws io.luxaris.StorageException when the storage fails
     */
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

    /**
     * Publishes a pending or held (awaiting approval) schedule through another connection of the same channel.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @param connectionId the new connection
     * @return the changed schedule
     * @throws ValidationException when {@code connection} is missing or unusable ({@code channel_mismatch}, {@code
     *     connection_status}, {@code channel_disabled}), the content does not fit it, or its rate limits would break
     * @throws NotFoundException when the schedule or the connection does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the post, or read or publish with the
     *     connection
     * @throws ConflictException when the schedule is neither pending nor awaiting approval, or changed concurrently
     * @throws io.luxaris.StorageException when the storage fails
     */
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

    /**
     * Cancels a pending, queued, unconfirmed or held (awaiting approval) schedule; the post's status is derived again (draft when nothing is
     * left). Cancelling a cancelled schedule returns it unchanged.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @return the cancelled schedule
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the schedule is being published right now or finished, or changed concurrently
     * @throws io.luxaris.StorageException when the storage fails
     */
    public Schedule cancel(Principal principal, ScheduleId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        var event = new ArrayList<LuxarisEvent>();
        Schedule cancelled = rt.storage().inTransaction(tx -> {
            Schedule schedule = writableSchedule(tx, principal, id);
            if (schedule.status() == ScheduleStatus.CANCELLED) {
                return schedule;
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

    /**
     * One schedule.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @return the schedule
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not read its post
     * @throws io.luxaris.StorageException when the storage fails
     */
    public Schedule get(Principal principal, ScheduleId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> readableSchedule(tx, principal, id));
    }

    /**
     * The schedules of a post, by run time.
     *
     * @param principal the acting principal
     * @param post the post's id
     * @return its schedules, of every status
     * @throws NotFoundException when the post does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not read the post
     * @throws io.luxaris.StorageException when the storage fails
     */
    public List<Schedule> listForPost(Principal principal, PostId post) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(post, "post");
        return rt.storage().readOnly(tx -> {
            posts.readablePost(tx, principal, post);
            return tx.schedules().listByPost(post);
        });
    }

    /**
     * The publish attempts of a schedule, oldest first.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @return its publish events
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not read its post
     * @throws io.luxaris.StorageException when the storage fails
     */
    public List<PublishEvent> events(Principal principal, ScheduleId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> {
            readableSchedule(tx, principal, id);
            return tx.publishEvents().listBySchedule(id);
        });
    }

    /**
     * Resolves an unconfirmed schedule with what a person found on the platform: published (with its external id and
     * URL), not published and to be published again at a time, or not published and cancelled. A publish event records
     * the resolution.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @param resolution what was found
     * @return the schedule as resolved: success, pending or cancelled
     * @throws ValidationException when {@code resolution} is missing, its {@code externalId} or {@code url} breaks a
     *     rule, or its time ({@code resolution.when}) is missing or breaks a rule
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the schedule is not unconfirmed, or changed concurrently
     * @throws io.luxaris.StorageException when the storage fails
     */
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

    /**
     * Asks the platform about an unconfirmed schedule, where its channel can look posts up: found, it becomes
     * published; certainly absent, it is published again now; otherwise it stays unconfirmed. Returns the schedule as
     * it is afterwards. A channel without lookup leaves it to {@link #resolveUnconfirmed}.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @return the schedule after the lookup
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the schedule is not unconfirmed
     * @throws SecurityException when the connection's stored credentials cannot be decrypted
     * @throws io.luxaris.StorageException when the storage fails
     */
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

    /**
     * Approves a schedule held for approval: it becomes pending and is published at its time, or at once when its time
     * has passed but lies within the lateness window; beyond that window it is skipped as too late ({@code too_late},
     * like a schedule the engine finds too late), and an {@link LuxarisEvent.Approved} is followed by a {@link
     * LuxarisEvent.Skipped}.
     *
     * @param principal the approving principal; the access policy's {@code canApprove} must allow it for the post
     * @param id the schedule's id
     * @param note a note for the author (null or blank: none), at most {@link Limits#APPROVAL_NOTE} characters
     * @return the schedule: pending, or skipped when it was too late
     * @throws ValidationException when the note is too long ({@code max_length}) or holds an invalid character
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not approve schedules of the post
     * @throws ConflictException when the schedule is not awaiting approval, or changed concurrently
     * @throws io.luxaris.StorageException when the storage fails
     */
    public Schedule approve(Principal principal, ScheduleId id, String note) {
        return approvals.approve(principal, id, note);
    }

    /**
     * Rejects a schedule held for approval: it is cancelled, with the error code {@code approval_rejected} and the
     * message {@code rejected by <principal>: <note>}. Its post's status is derived again.
     *
     * @param principal the reviewing principal; the access policy's {@code canApprove} must allow it for the post
     * @param id the schedule's id
     * @param note why (null or blank: no reason given), at most {@link Limits#APPROVAL_NOTE} characters
     * @return the cancelled schedule
     * @throws ValidationException when the note is too long ({@code max_length}) or holds an invalid character
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not approve schedules of the post
     * @throws ConflictException when the schedule is not awaiting approval, or changed concurrently
     * @throws io.luxaris.StorageException when the storage fails
     */
    public Schedule reject(Principal principal, ScheduleId id, String note) {
        return approvals.reject(principal, id, note);
    }

    /**
     * Sets or lifts the requirement that schedules of a post need approval. It applies to schedules created
     * afterwards; schedules already held stay held until approved or rejected. Setting it needs write access to the
     * post; lifting it needs the access policy's {@code canApprove}, so an author cannot lift a reviewer's rule.
     *
     * @param principal the acting principal
     * @param post the post's id
     * @param required true to require approval, false to lift the requirement
     * @throws ValidationException when {@code post} is missing
     * @throws NotFoundException when the post does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the post (setting) or approve for it
     *     (lifting)
     * @throws io.luxaris.StorageException when the storage fails
     */
    public void requireApproval(Principal principal, PostId post, boolean required) {
        approvals.requireForPost(principal, post, required);
    }

    /**
     * Sets or lifts the requirement that schedules through a connection need approval, as {@link
     * #requireApproval(Principal, PostId, boolean)} does for a post.
     *
     * @param principal the acting principal
     * @param connection the connection's id
     * @param required true to require approval, false to lift the requirement
     * @throws ValidationException when {@code connection} is missing
     * @throws NotFoundException when the connection does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the connection (setting) or approve
     *     for it (lifting)
     * @throws io.luxaris.StorageException when the storage fails
     */
    public void requireApproval(Principal principal, ConnectionId connection, boolean required) {
        approvals.requireForConnection(principal, connection, required);
    }

    /** The rate-limit violations of one schedule at {@code runAt}, reported on the field {@code when}. */
    List<io.luxaris.Violation> rateLimits(
            Transaction tx, ConnectionId connection, Instant runAt, Optional<ScheduleId> self) {
        return rateLimits(tx, connection, runAt, self, List.of(), "when");
    }

    private List<io.luxaris.Violation> rateLimits(
            Transaction tx,
            ConnectionId connection,
            Instant runAt,
            Optional<ScheduleId> self,
            List<Instant> sameCall,
            String field) {
        if (rt.rules().maxSchedulesPerHourPerConnection().isEmpty()
                && rt.rules().minGapPerConnection().isEmpty()) {
            return List.of();
        }
        Duration around = RateLimitRule.lookaround(rt.rules());
        List<Instant> others = new ArrayList<>(
                tx.schedules().listActiveByConnection(connection, runAt.minus(around), runAt.plus(around)).stream()
                        .filter(s -> self.isEmpty() || !s.id().equals(self.get()))
                        .map(Schedule::runAt)
                        .toList());
        others.addAll(sameCall);
        return RateLimitRule.check(runAt, others, rt.rules(), field);
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
