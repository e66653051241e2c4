package io.luxaris.usecase;

import io.luxaris.ConflictException;
import io.luxaris.LuxarisEvent;
import io.luxaris.NotFoundException;
import io.luxaris.Principal;
import io.luxaris.ValidationException;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
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
import io.luxaris.domain.VariantStatus;
import io.luxaris.domain.When;
import io.luxaris.domain.rules.ConnectionRule;
import io.luxaris.domain.rules.RateLimitRule;
import io.luxaris.domain.rules.ScheduleTimeRule;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scheduling: publish a variant through a connection at a time given in the author's zone; move, re-target or
 * cancel a pending schedule; read its publish events; resolve an unconfirmed one by hand. The post's status is
 * re-derived after every change.
 */
public final class Schedules {
    private final Runtime rt;
    private final Posts posts;
    private final Queues queues;

    Schedules(Runtime rt, Posts posts) {
        this.rt = Objects.requireNonNull(rt, "rt");
        this.posts = Objects.requireNonNull(posts, "posts");
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
     * Schedules a variant. Checks: the time is in the future and within the horizon (DST gaps rejected unless the rules
     * shift them), the connection is connected, on the variant's channel and usable by the principal, the content fits
     * that connection's limits, and the per-connection rate limits hold. The variant becomes ready and the post
     * scheduled.
     *
     * @param principal the acting principal
     * @param request the variant, the connection (default: the variant's own) and the time
     * @return the new pending schedule; {@link Schedule#runAt()} is the instant in UTC
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
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(request, "request");
        var v = Validation.start();
        v.required("variant", request.variant());
        v.required("when", request.when());
        v.throwIfInvalid();
        var event = new ArrayList<LuxarisEvent>();
        Schedule created = rt.storage().inTransaction(tx -> {
            PostVariant variant = tx.variants()
                    .find(request.variant())
                    .orElseThrow(() -> new NotFoundException("variant", request.variant()));
            Post post = posts.writablePost(tx, principal, variant.postId());
            if (post.isArchived()) {
                throw new ConflictException("post " + post.id() + " is archived; it cannot be scheduled");
            }
            Optional<ConnectionId> connectionId = request.connection().or(variant::connectionId);
            if (connectionId.isEmpty()) {
                throw ValidationException.of(
                        "connection", "required", "name a connection (the variant has no target connection)");
            }
            ChannelConnection connection = usableConnection(tx, principal, connectionId.get());
            RegisteredChannel channel = channelOf(variant);
            Instant now = rt.now();
            var checks = Validation.start();
            var time = ScheduleTimeRule.resolve(request.when(), now, rt.rules(), "when");
            checks.addAll(time.violations());
            checks.addAll(ConnectionRule.check(connection, channel.channel(), variant.channelId(), "connection"));
            checks.addAll(channel.validate(variant, Optional.of(connection), "variant"));
            if (time.isValid()) {
                checks.addAll(rateLimits(tx, connection.id(), time.instant().get(), Optional.empty()));
            }
            checks.throwIfInvalid();
            Schedule schedule = Schedule.pending(
                    variant,
                    connection.id(),
                    time.instant().get(),
                    request.when().zone(),
                    now);
            tx.schedules().insert(schedule);
            if (variant.status() == VariantStatus.DRAFT || variant.status() == VariantStatus.FAILED) {
                tx.variants().update(variant.withStatus(VariantStatus.READY, now));
            }
            PostStatusSync.refresh(tx, post.id(), rt.rules(), now);
            event.add(new LuxarisEvent.Scheduled(now, schedule));
            return schedule;
        });
        rt.events().publishAll(event);
        rt.engine().ifPresent(e -> e.wakeUp(created.nextAttemptAt()));
        return created;
    }

    /**
     * Moves a pending schedule to another time (same checks as scheduling).
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @param when the new time
     * @return the moved schedule
     * @throws ValidationException when {@code when} is missing or breaks a rule ({@code in_past}, {@code horizon},
     *     {@code dst_gap}, {@code rate_limit}, {@code min_gap})
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the schedule is not pending, or changed concurrently
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
                checks.addAll(rateLimits(tx, connection.id(), time.instant().get(), Optional.of(id)));
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
     * Publishes a pending schedule through another connection of the same channel.
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
     * @throws ConflictException when the schedule is not pending, or changed concurrently
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
            RegisteredChannel channel = channelOf(variant);
            var checks = Validation.start();
            checks.addAll(ConnectionRule.check(connection, channel.channel(), variant.channelId(), "connection"));
            checks.addAll(channel.validate(variant, Optional.of(connection), "variant"));
            checks.addAll(rateLimits(tx, connectionId, schedule.runAt(), Optional.of(id)));
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
     * Cancels a pending, queued or unconfirmed schedule; the post's status is derived again (draft when nothing is
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
                record = event(
                        schedule,
                        now,
                        PublishEventStatus.SUCCESS,
                        Optional.of(p.externalId()),
                        p.url(),
                        Optional.of("resolved_published"),
                        Optional.of(note));
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
                record = event(
                        schedule,
                        now,
                        PublishEventStatus.RETRIED,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("resolved_not_published"),
                        Optional.of(note + "; publishing again"));
            } else {
                updated = schedule.withStatus(ScheduleStatus.CANCELLED, now).toBuilder()
                        .lease(Optional.empty())
                        .error(Optional.of("resolved_not_published"), Optional.of(note))
                        .build();
                record = event(
                        schedule,
                        now,
                        PublishEventStatus.CANCELLED,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("resolved_not_published"),
                        Optional.of(note + "; cancelled"));
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

    private static PublishEvent event(
            Schedule schedule,
            Instant now,
            PublishEventStatus status,
            Optional<String> externalId,
            Optional<String> url,
            Optional<String> code,
            Optional<String> message) {
        return new PublishEvent(
                PublishEventId.random(),
                schedule.id(),
                schedule.attemptCount(),
                now,
                status,
                externalId,
                url,
                Optional.empty(),
                code,
                message,
                Optional.empty());
    }

    List<io.luxaris.Violation> rateLimits(
            Transaction tx, ConnectionId connection, Instant runAt, Optional<ScheduleId> self) {
        if (rt.rules().maxSchedulesPerHourPerConnection().isEmpty()
                && rt.rules().minGapPerConnection().isEmpty()) {
            return List.of();
        }
        Duration around = RateLimitRule.lookaround(rt.rules());
        List<Instant> others =
                tx.schedules().listActiveByConnection(connection, runAt.minus(around), runAt.plus(around)).stream()
                        .filter(s -> self.isEmpty() || !s.id().equals(self.get()))
                        .map(Schedule::runAt)
                        .toList();
        return RateLimitRule.check(runAt, others, rt.rules(), "when");
    }

    ChannelConnection usableConnection(Transaction tx, Principal principal, ConnectionId id) {
        ChannelConnection connection = rt.connection(tx, id);
        rt.requireRead(principal, ResourceType.CONNECTION, connection.ownerPrincipalId(), id);
        rt.requirePublishWith(principal, connection);
        return connection;
    }

    RegisteredChannel channelOf(PostVariant variant) {
        return rt.channel(variant.channelId())
                .orElseThrow(() -> ValidationException.of(
                        "variant", "channel_disabled", "the variant's channel has no registered provider"));
    }

    private static void requirePending(Schedule schedule, String what) {
        if (schedule.status() != ScheduleStatus.PENDING) {
            throw new ConflictException("schedule " + schedule.id() + " is "
                    + schedule.status().wireName() + "; only a pending schedule can be " + what);
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
