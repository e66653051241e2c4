package io.luxaris.internal.usecase;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.QueueId;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantStatus;
import io.luxaris.domain.rules.ConnectionRule;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.PostStatusSync;
import io.luxaris.internal.QueueSlots;
import io.luxaris.internal.RateLimits;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.QueueClaim;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.usecase.QueueDraft;
import io.luxaris.usecase.QueueSlot;
import io.luxaris.usecase.Queues;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/** The {@link Queues} of an instance, built by the facade. */
public final class DefaultQueues implements Queues {
    /** Most available slots {@link #enqueue} tries against the rate limits before it calls the queue full. */
    private static final int MAX_RATE_CHECKED = 100;

    /** Most orders {@link #shuffle} draws before it reports that none keeps the rate limits. */
    private static final int MAX_SHUFFLES = 20;

    private final CoreRuntime rt;
    private final DefaultPosts posts;
    private final DefaultSchedules schedules;

    public DefaultQueues(CoreRuntime rt, DefaultPosts posts, DefaultSchedules schedules) {
        this.rt = Objects.requireNonNull(rt, "rt");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
    }

    @Override
    public PostingQueue create(Principal principal, QueueDraft draft) {
        rt.requireCreate(principal, ResourceType.QUEUE);
        ZoneId zone = validate(draft);
        Instant now = rt.now();
        return rt.storage().inTransaction(tx -> {
            requireConnections(tx, principal, draft.connections());
            PostingQueue queue = settled(QueueId.random(), principal.id(), draft, zone, now, now, 0);
            tx.postingQueues().insert(queue);
            return queue;
        });
    }

    @Override
    public PostingQueue update(Principal principal, QueueId id, QueueDraft draft) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        ZoneId zone = validate(draft);
        return rt.storage().inTransaction(tx -> {
            PostingQueue queue = writableQueue(tx, principal, id);
            requireConnections(tx, principal, draft.connections());
            return tx.postingQueues()
                    .update(settled(
                            id, queue.ownerPrincipalId(), draft, zone, queue.createdAt(), rt.now(), queue.version()));
        });
    }

    @Override
    public boolean delete(Principal principal, QueueId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().inTransaction(tx -> {
            Optional<PostingQueue> queue = tx.postingQueues().lock(id);
            if (queue.isEmpty()) {
                return false;
            }
            rt.requireWrite(principal, ResourceType.QUEUE, queue.get().ownerPrincipalId(), id);
            return tx.postingQueues().delete(id);
        });
    }

    @Override
    public PostingQueue get(Principal principal, QueueId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> readableQueue(tx, principal, id));
    }

    @Override
    public List<PostingQueue> list(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        var owners = rt.access().readableOwners(principal, ResourceType.QUEUE);
        return rt.storage().readOnly(tx -> tx.postingQueues().list(owners));
    }

    @Override
    public Schedule enqueue(Principal principal, VariantId variant, QueueId queue) {
        return put(principal, variant, queue, false);
    }

    @Override
    public Schedule shareNext(Principal principal, VariantId variant, QueueId queue) {
        return put(principal, variant, queue, true);
    }

    @Override
    public List<QueueSlot> preview(Principal principal, QueueId id, int count) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Validation.start().range("count", count, 1, MAX_PREVIEW).throwIfInvalid();
        return rt.storage().readOnly(tx -> {
            QueueBook book = new QueueBook(readableQueue(tx, principal, id), tx, rt.now(), rt.rules());
            var out = new ArrayList<QueueSlot>();
            for (int i = book.nextAvailable(0); i >= 0 && out.size() < count; i = book.nextAvailable(i + 1)) {
                out.add(slot(book, book.slot(i).get().at(), Optional.empty()));
            }
            return out;
        });
    }

    @Override
    public List<QueueSlot> queued(Principal principal, QueueId id, int count) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Validation.start().range("count", count, 1, MAX_PREVIEW).throwIfInvalid();
        return rt.storage().readOnly(tx -> {
            QueueBook book = new QueueBook(readableQueue(tx, principal, id), tx, rt.now(), rt.rules());
            return taken(book, count);
        });
    }

    @Override
    public List<QueueSlot> move(Principal principal, QueueId id, ScheduleId schedule, Instant slot) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        var v = Validation.start();
        v.required("schedule", schedule);
        v.required("slot", slot);
        v.throwIfInvalid();
        var events = new ArrayList<LuxarisEvent>();
        List<QueueSlot> changed = rt.storage().inTransaction(tx -> {
            QueueBook book = lockedBook(tx, principal, id);
            int target = book.indexOf(slot);
            if (target < 0) {
                throw ValidationException.of(
                        "slot", "not_a_slot", "is " + slot + ", not an upcoming slot of queue " + id);
            }
            int source = queuedIndex(book, schedule);
            if (source == target) {
                return List.of();
            }
            QueueSlots.Slot from = book.slot(source).get();
            QueueSlots.Slot to = book.slot(target).get();
            Optional<QueueClaim> other = book.holder(to.at());
            if (other.isEmpty() && !from.date().equals(to.date()) && !book.available(to)) {
                throw ValidationException.of(
                        "slot",
                        "max_per_day",
                        "its day " + to.date() + " holds " + book.queue().maxPerDay() + " posts already");
            }
            Schedule moving =
                    writablePending(tx, principal, book.holder(from.at()).get().schedule());
            Optional<Schedule> swapped = other.map(c -> writablePending(tx, principal, c.schedule()));
            var moves = new ArrayList<RateLimits.Move>();
            moves.add(new RateLimits.Move(moving.id(), moving.connectionId(), to.at()));
            swapped.ifPresent(s -> moves.add(new RateLimits.Move(s.id(), s.connectionId(), from.at())));
            Validation.start()
                    .addAll(RateLimits.checkMoves(tx, rt.rules(), moves, "slot"))
                    .throwIfInvalid();
            book.vacate(from);
            swapped.ifPresent(s -> book.vacate(to));
            var out = new ArrayList<QueueSlot>();
            out.add(place(tx, book, moving, to, events));
            swapped.ifPresent(s -> out.add(place(tx, book, s, from, events)));
            return out;
        });
        publish(events);
        return changed;
    }

    @Override
    public List<QueueSlot> shuffle(Principal principal, QueueId id, OptionalLong seed) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(seed, "seed");
        Random random = seed.isPresent() ? new Random(seed.getAsLong()) : new SecureRandom();
        var events = new ArrayList<LuxarisEvent>();
        List<QueueSlot> shuffled = rt.storage().inTransaction(tx -> {
            QueueBook book = lockedBook(tx, principal, id);
            var taken = new ArrayList<QueueSlots.Slot>();
            var queued = new ArrayList<Schedule>();
            for (int i = 0; book.slot(i).isPresent(); i++) {
                QueueSlots.Slot s = book.slot(i).get();
                Optional<QueueClaim> claim = book.holder(s.at());
                if (claim.isPresent() && claim.get().schedule().status() == ScheduleStatus.PENDING) {
                    taken.add(s);
                    queued.add(writablePending(tx, principal, claim.get().schedule()));
                }
            }
            keepingRateLimits(tx, taken, queued, random);
            taken.forEach(book::vacate);
            var out = new ArrayList<QueueSlot>();
            for (int i = 0; i < taken.size(); i++) {
                out.add(place(tx, book, queued.get(i), taken.get(i), events));
            }
            return out;
        });
        publish(events);
        return shuffled;
    }

    // ------------------------------------------------------------------ internals

    private Schedule put(Principal principal, VariantId variantId, QueueId queueId, boolean first) {
        Objects.requireNonNull(principal, "principal");
        var v = Validation.start();
        v.required("variant", variantId);
        v.required("queue", queueId);
        v.throwIfInvalid();
        var events = new ArrayList<LuxarisEvent>();
        Schedule created = rt.storage().inTransaction(tx -> {
            PostVariant variant =
                    tx.variants().find(variantId).orElseThrow(() -> new NotFoundException("variant", variantId));
            Post post = posts.writablePost(tx, principal, variant.postId());
            if (post.isArchived()) {
                throw new ConflictException("post " + post.id() + " is archived; it cannot be scheduled");
            }
            QueueBook book = lockedBook(tx, principal, queueId);
            ConnectionId connectionId = connectionFor(book.queue(), variant);
            ChannelConnection connection = schedules.usableConnection(tx, principal, connectionId);
            RegisteredChannel channel = schedules.channelOf(variant);
            var checks = Validation.start();
            checks.addAll(ConnectionRule.check(connection, channel.channel(), variant.channelId(), "connection"));
            checks.addAll(channel.validate(variant, Optional.of(connection), "variant"));
            checks.throwIfInvalid();
            int free = first ? book.nextAvailable(0) : withinRateLimits(tx, book, connection.id());
            if (free < 0) {
                throw ValidationException.of(
                        "queue",
                        "full",
                        "queue " + queueId + " has no free slot within the scheduling horizon"
                                + (first ? "" : " that keeps the connection's rate limits"));
            }
            Instant now = rt.now();
            int target = free;
            Schedule schedule = Schedule.pending(
                    variant,
                    connection.id(),
                    book.slot(free).get().at(),
                    book.queue().zone(),
                    now);
            if (first) {
                // push the posts in slots [0, free) back: each into the next slot that is taken or available
                List<Integer> chain = new ArrayList<>();
                for (int i = 0; i < free; i++) {
                    if (book.holder(book.slot(i).get().at()).isPresent()) {
                        chain.add(i);
                    }
                }
                chain.add(free);
                var moves = new ArrayList<RateLimits.Move>();
                moves.add(new RateLimits.Move(
                        schedule.id(),
                        connection.id(),
                        book.slot(chain.get(0)).get().at()));
                for (int k = 0; k < chain.size() - 1; k++) {
                    Schedule pushed = book.holder(book.slot(chain.get(k)).get().at())
                            .get()
                            .schedule();
                    moves.add(new RateLimits.Move(
                            pushed.id(),
                            pushed.connectionId(),
                            book.slot(chain.get(k + 1)).get().at()));
                }
                Validation.start()
                        .addAll(RateLimits.checkMoves(tx, rt.rules(), moves, "queue"))
                        .throwIfInvalid();
                for (int k = chain.size() - 2; k >= 0; k--) {
                    QueueSlots.Slot from = book.slot(chain.get(k)).get();
                    QueueSlots.Slot to = book.slot(chain.get(k + 1)).get();
                    Schedule pushed = writablePending(
                            tx, principal, book.holder(from.at()).get().schedule());
                    book.vacate(from);
                    place(tx, book, pushed, to, events);
                }
                target = chain.get(0);
            }
            QueueSlots.Slot slot = book.slot(target).get();
            schedule = schedule.toBuilder()
                    .runAt(slot.at())
                    .nextAttemptAt(slot.at())
                    .build();
            tx.schedules().insert(schedule);
            book.take(slot, schedule.id());
            if (variant.status() == VariantStatus.DRAFT || variant.status() == VariantStatus.FAILED) {
                tx.variants().update(variant.withStatus(VariantStatus.READY, now));
            }
            PostStatusSync.refresh(tx, post.id(), rt.rules(), now);
            events.add(new LuxarisEvent.Scheduled(now, schedule));
            return schedule;
        });
        publish(events);
        return created;
    }

    /**
     * The first available slot whose time keeps the per-connection rate limits of the rules, as an index; -1 when
     * none of the first {@value #MAX_RATE_CHECKED} available slots does, or none is left.
     */
    private int withinRateLimits(Transaction tx, QueueBook book, ConnectionId connection) {
        int checked = 0;
        for (int i = book.nextAvailable(0); i >= 0 && checked < MAX_RATE_CHECKED; i = book.nextAvailable(i + 1)) {
            if (RateLimits.check(tx, rt.rules(), connection, book.slot(i).get().at(), Set.of(), List.of(), "when")
                    .isEmpty()) {
                return i;
            }
            checked++;
        }
        return -1;
    }

    /**
     * Shuffles {@code queued} (the schedules in {@code taken}, in order) in place into an order in which every
     * schedule keeps the per-connection rate limits at its new slot: the first of up to {@value #MAX_SHUFFLES}
     * draws that does; refused with the violations of the last draw when none does. Without limits the first draw
     * is kept, so a seed gives the same order as before limits were checked.
     */
    private void keepingRateLimits(Transaction tx, List<QueueSlots.Slot> taken, List<Schedule> queued, Random random) {
        List<io.luxaris.errors.Violation> violations = List.of();
        for (int draw = 0; draw < MAX_SHUFFLES; draw++) {
            Collections.shuffle(queued, random);
            var moves = new ArrayList<RateLimits.Move>();
            for (int i = 0; i < taken.size(); i++) {
                Schedule s = queued.get(i);
                moves.add(new RateLimits.Move(
                        s.id(), s.connectionId(), taken.get(i).at()));
            }
            violations = RateLimits.checkMoves(tx, rt.rules(), moves, "queue");
            if (violations.isEmpty()) {
                return;
            }
        }
        throw new ValidationException(violations);
    }

    /** Moves a pending schedule into a vacated slot and claims it. */
    private QueueSlot place(
            Transaction tx, QueueBook book, Schedule schedule, QueueSlots.Slot slot, List<LuxarisEvent> events) {
        Instant now = rt.now();
        Schedule moved = tx.schedules()
                .update(schedule.toBuilder()
                        .runAt(slot.at())
                        .nextAttemptAt(slot.at())
                        .timezone(book.queue().zone())
                        .updatedAt(now)
                        .build());
        book.take(slot, moved.id());
        events.add(new LuxarisEvent.Rescheduled(now, moved));
        return slot(book, slot.at(), Optional.of(moved.id()));
    }

    private void publish(List<LuxarisEvent> events) {
        rt.events().publishAll(events);
        rt.engine().ifPresent(e -> events.forEach(ev -> e.wakeUp(scheduleOf(ev).nextAttemptAt())));
    }

    private static Schedule scheduleOf(LuxarisEvent event) {
        return event instanceof LuxarisEvent.Scheduled s ? s.schedule() : ((LuxarisEvent.Rescheduled) event).schedule();
    }

    private static List<QueueSlot> taken(QueueBook book, int count) {
        var out = new ArrayList<QueueSlot>();
        for (int i = 0; book.slot(i).isPresent() && out.size() < count; i++) {
            Instant at = book.slot(i).get().at();
            book.holder(at)
                    .ifPresent(
                            c -> out.add(slot(book, at, Optional.of(c.schedule().id()))));
        }
        return out;
    }

    private static QueueSlot slot(QueueBook book, Instant at, Optional<ScheduleId> schedule) {
        return new QueueSlot(book.queue().id(), at, book.queue().zone(), schedule);
    }

    private static int queuedIndex(QueueBook book, ScheduleId schedule) {
        for (int i = 0; book.slot(i).isPresent(); i++) {
            Optional<QueueClaim> claim = book.holder(book.slot(i).get().at());
            if (claim.isPresent() && claim.get().schedule().id().equals(schedule)) {
                return i;
            }
        }
        throw ValidationException.of(
                "schedule",
                "not_queued",
                "schedule " + schedule + " holds no upcoming slot of queue "
                        + book.queue().id());
    }

    private Schedule writablePending(Transaction tx, Principal principal, Schedule schedule) {
        posts.writablePost(tx, principal, schedule.postId());
        if (schedule.status() != ScheduleStatus.PENDING) {
            throw new ConflictException("schedule " + schedule.id() + " is "
                    + schedule.status().wireName() + "; only a pending schedule can move to another slot");
        }
        return schedule;
    }

    private static ConnectionId connectionFor(PostingQueue queue, PostVariant variant) {
        if (variant.connectionId().isPresent()
                && queue.connections().contains(variant.connectionId().get())) {
            return variant.connectionId().get();
        }
        if (queue.connections().size() == 1) {
            return queue.connections().get(0);
        }
        throw ValidationException.of(
                "connection",
                "not_in_queue",
                "the variant's connection is not one of the queue's "
                        + queue.connections().size() + " connections");
    }

    private QueueBook lockedBook(Transaction tx, Principal principal, QueueId id) {
        PostingQueue queue = tx.postingQueues().lock(id).orElseThrow(() -> new NotFoundException("queue", id));
        rt.requireWrite(principal, ResourceType.QUEUE, queue.ownerPrincipalId(), id);
        return new QueueBook(queue, tx, rt.now(), rt.rules());
    }

    private PostingQueue writableQueue(Transaction tx, Principal principal, QueueId id) {
        PostingQueue queue = tx.postingQueues().lock(id).orElseThrow(() -> new NotFoundException("queue", id));
        rt.requireWrite(principal, ResourceType.QUEUE, queue.ownerPrincipalId(), id);
        return queue;
    }

    private PostingQueue readableQueue(Transaction tx, Principal principal, QueueId id) {
        PostingQueue queue = tx.postingQueues().find(id).orElseThrow(() -> new NotFoundException("queue", id));
        rt.requireRead(principal, ResourceType.QUEUE, queue.ownerPrincipalId(), id);
        return queue;
    }

    private void requireConnections(Transaction tx, Principal principal, List<ConnectionId> ids) {
        for (ConnectionId id : ids) {
            ChannelConnection connection = rt.connection(tx, id);
            rt.requireRead(principal, ResourceType.CONNECTION, connection.ownerPrincipalId(), id);
            rt.requirePublishWith(principal, connection);
        }
    }

    /** The queue with a validated draft's settings. */
    private static PostingQueue settled(
            QueueId id, String owner, QueueDraft draft, ZoneId zone, Instant created, Instant updated, long version) {
        return new PostingQueue(
                id,
                owner,
                draft.name(),
                draft.connections(),
                zone,
                draft.slotTimes(),
                draft.days(),
                draft.excludedDates(),
                draft.maxPerDay(),
                created,
                updated,
                version);
    }

    private static ZoneId validate(QueueDraft draft) {
        if (draft == null) {
            throw ValidationException.of("draft", "required", "is required");
        }
        var v = Validation.start();
        v.text("name", draft.name(), PostingQueue.NAME);
        if (draft.connections().isEmpty()) {
            v.add("connections", "required", "name at least one connection");
        }
        v.maxSize("connections", draft.connections(), PostingQueue.MAX_CONNECTIONS);
        DefaultPosts.noNulls(v, "connections", draft.connections());
        if (new HashSet<>(draft.connections()).size() < draft.connections().size()) {
            v.add("connections", "duplicate", "names a connection twice");
        }
        ZoneId zone = null;
        if (draft.zone() == null || draft.zone().isBlank()) {
            v.add("zone", "required", "is required");
        } else {
            try {
                zone = ZoneId.of(draft.zone());
                if (zone instanceof ZoneOffset || draft.zone().length() > 64) {
                    zone = null;
                }
            } catch (DateTimeException e) {
                zone = null;
            }
            if (zone == null) {
                v.add("zone", "invalid", "must be an IANA zone such as Europe/Berlin");
            }
        }
        if (draft.slotTimes().isEmpty()) {
            v.add("slotTimes", "required", "name at least one slot time");
        }
        v.maxSize("slotTimes", draft.slotTimes(), PostingQueue.MAX_SLOTS);
        DefaultPosts.noNulls(v, "slotTimes", draft.slotTimes());
        var times = new HashSet<LocalTime>();
        for (LocalTime time : draft.slotTimes()) {
            if (time != null && (time.getSecond() != 0 || time.getNano() != 0)) {
                v.add("slotTimes", "precision", "is " + time + "; slot times are whole minutes");
            }
            if (time != null && !times.add(time)) {
                v.add("slotTimes", "duplicate", "names " + time + " twice");
            }
        }
        Set<DayOfWeek> days = draft.days();
        if (days.isEmpty()) {
            v.add("days", "required", "enable at least one day of the week");
        }
        DefaultPosts.noNulls(v, "days", days);
        v.maxSize("excludedDates", draft.excludedDates(), PostingQueue.MAX_EXCLUDED_DATES);
        DefaultPosts.noNulls(v, "excludedDates", draft.excludedDates());
        for (LocalDate date : draft.excludedDates()) {
            if (date != null && (date.getYear() < 1970 || date.getYear() > 9999)) {
                v.add("excludedDates", "range", "is " + date + "; it must be within 1970..9999");
            }
        }
        v.range("maxPerDay", draft.maxPerDay(), 1, PostingQueue.MAX_SLOTS);
        v.throwIfInvalid();
        return Objects.requireNonNull(zone);
    }
}
