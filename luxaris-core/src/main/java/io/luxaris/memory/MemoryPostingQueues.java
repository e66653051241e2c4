package io.luxaris.memory;

import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.QueueId;
import io.luxaris.domain.ScheduleId;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.storage.PostingQueueRepository;
import io.luxaris.spi.storage.QueueClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The in-memory publishing queues; transactions are serialized by the database lock, so a lock is a read. */
final class MemoryPostingQueues implements PostingQueueRepository {
    /** The queue tables of one {@link MemoryDatabase}. */
    static final class Tables {
        final Map<QueueId, PostingQueue> queues = new HashMap<>();
        final Map<QueueId, TreeMap<Instant, ScheduleId>> claims = new HashMap<>();
    }

    private final MemoryTransaction tx;

    @SuppressWarnings("NullAway.Init") // bound on first use, see bound()
    private Tables t;

    MemoryPostingQueues(MemoryTransaction tx) {
        this.tx = tx;
    }

    /** Binds the tables on first use (the transaction creates this before its own fields are set). */
    private MemoryPostingQueues bound() {
        if (t == null) {
            t = tx.db().postingQueues;
        }
        return this;
    }

    @Override
    public void insert(PostingQueue queue) {
        tx.checkWritable();
        bound();
        if (t.queues.containsKey(queue.id())) {
            throw new ConflictException("queue " + queue.id() + " already exists");
        }
        put(queue);
    }

    @Override
    public PostingQueue update(PostingQueue queue) {
        tx.checkWritable();
        bound();
        PostingQueue stored = t.queues.get(queue.id());
        if (stored == null) {
            throw new ConflictException("queue " + queue.id() + " does not exist any more");
        }
        if (stored.version() != queue.version()) {
            throw ConflictException.concurrentModification("queue", queue.id());
        }
        PostingQueue next = new PostingQueue(
                queue.id(),
                stored.ownerPrincipalId(),
                queue.name(),
                queue.connections(),
                queue.zone(),
                queue.slotTimes(),
                queue.days(),
                queue.excludedDates(),
                queue.maxPerDay(),
                stored.createdAt(),
                queue.updatedAt(),
                stored.version() + 1);
        put(next);
        return next;
    }

    private void put(PostingQueue queue) {
        PostingQueue old = t.queues.put(queue.id(), queue);
        tx.undo(() -> {
            if (old == null) {
                t.queues.remove(queue.id());
            } else {
                t.queues.put(old.id(), old);
            }
        });
    }

    @Override
    public Optional<PostingQueue> find(QueueId id) {
        tx.checkReadable();
        bound();
        return Optional.ofNullable(t.queues.get(id));
    }

    @Override
    public Optional<PostingQueue> lock(QueueId id) {
        return find(id);
    }

    @Override
    public List<PostingQueue> list(OwnerScope owners) {
        tx.checkReadable();
        bound();
        return t.queues.values().stream()
                .filter(q -> owners.includes(q.ownerPrincipalId()))
                .sorted(Comparator.comparing(PostingQueue::name).thenComparing(q -> q.id().value()))
                .toList();
    }

    @Override
    public boolean delete(QueueId id) {
        tx.checkWritable();
        bound();
        PostingQueue old = t.queues.remove(id);
        if (old == null) {
            return false;
        }
        TreeMap<Instant, ScheduleId> claims = t.claims.remove(id);
        tx.undo(() -> {
            t.queues.put(id, old);
            if (claims != null) {
                t.claims.put(id, claims);
            }
        });
        return true;
    }

    @Override
    public void claim(QueueId queue, Instant slot, ScheduleId schedule) {
        tx.checkWritable();
        bound();
        if (!t.queues.containsKey(queue)) {
            throw new ConflictException("queue " + queue + " does not exist");
        }
        if (!tx.db().schedules.containsKey(schedule)) {
            throw new ConflictException("schedule " + schedule + " does not exist");
        }
        TreeMap<Instant, ScheduleId> claims = t.claims.computeIfAbsent(queue, k -> new TreeMap<>());
        if (claims.containsKey(slot)) {
            throw new ConflictException("slot " + slot + " of queue " + queue + " is taken");
        }
        claims.put(slot, schedule);
        tx.undo(() -> {
            claims.remove(slot);
            if (claims.isEmpty()) {
                t.claims.remove(queue, claims);
            }
        });
    }

    @Override
    public boolean release(QueueId queue, Instant slot) {
        tx.checkWritable();
        bound();
        TreeMap<Instant, ScheduleId> claims = t.claims.get(queue);
        if (claims == null) {
            return false;
        }
        ScheduleId old = claims.remove(slot);
        if (old == null) {
            return false;
        }
        tx.undo(() -> claims.put(slot, old));
        return true;
    }

    @Override
    public List<QueueClaim> claims(QueueId queue, Instant from, Instant to) {
        tx.checkReadable();
        bound();
        TreeMap<Instant, ScheduleId> claims = t.claims.get(queue);
        var out = new ArrayList<QueueClaim>();
        if (claims == null || !to.isAfter(from)) {
            return out;
        }
        claims.subMap(from, true, to, false)
                .forEach((slot, id) -> out.add(new QueueClaim(
                        queue, slot, Objects.requireNonNull(tx.db().schedule(id)))));
        return out;
    }
}
