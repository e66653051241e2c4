package io.luxaris.memory;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationSessionId;
import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.Lease;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.SuggestionId;
import io.luxaris.domain.TemplateId;
import io.luxaris.domain.VariantId;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.storage.TransactionWork;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * The tables and indexes of the in-memory store, guarded by one read-write lock. Every mutation goes through a
 * {@code put}/{@code remove} primitive that keeps the indexes right and records its undo in the transaction.
 */
final class MemoryDatabase {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    @SuppressWarnings("ThreadLocalUsage") // per database on purpose: each one knows the transaction of each thread
    private final ThreadLocal<MemoryTransaction> current = new ThreadLocal<>();

    final Map<ChannelId, Channel> channels = new HashMap<>();
    final Map<ConnectionId, ChannelConnection> connections = new LinkedHashMap<>();
    final Map<ConnectionId, byte[]> credentials = new HashMap<>();
    /** Posts, each with the ids of its variants and schedules. */
    final Map<PostId, PostRow> posts = new HashMap<>();

    final TreeSet<Key> postsByCreated = new TreeSet<>();
    final Map<VariantId, PostVariant> variants = new HashMap<>();
    /** Schedules, each with its publish events. */
    final Map<ScheduleId, ScheduleRow> schedules = new HashMap<>();

    final Map<VariantId, Set<ScheduleId>> schedulesByVariant = new HashMap<>();
    final Map<ConnectionId, Set<ScheduleId>> schedulesByConnection = new HashMap<>();
    /** Pending schedules by next attempt. */
    final TreeSet<Key> pending = new TreeSet<>();
    /** All schedules by run time. */
    final TreeSet<Key> calendar = new TreeSet<>();
    /** Queued and processing schedules by lease expiry. */
    final TreeSet<Key> leases = new TreeSet<>();
    /** Unconfirmed schedules. */
    final Set<ScheduleId> unconfirmed = new LinkedHashSet<>();

    final Map<String, Set<ScheduleId>> leasesByOwner = new HashMap<>();
    final Map<TemplateId, PostTemplate> templates = new HashMap<>();
    final Map<GenerationSessionId, GenerationSession> sessions = new HashMap<>();
    final TreeSet<Key> sessionsByCreated = new TreeSet<>();
    final Map<SuggestionId, GenerationSuggestion> suggestions = new HashMap<>();
    final Map<GenerationSessionId, List<SuggestionId>> suggestionsBySession = new HashMap<>();
    final Set<io.luxaris.domain.ApprovalSubject> approvals = new java.util.HashSet<>();
    /** Idempotency keys by (scope, key). */
    final Map<List<String>, io.luxaris.spi.storage.IdempotencyRecord> idempotency = new HashMap<>();

    final MemoryRecurrences.Tables recurrences = new MemoryRecurrences.Tables();
    /** Publishing queues and their claimed slots. */
    final MemoryPostingQueues.Tables postingQueues = new MemoryPostingQueues.Tables();

    /**
     * A post as stored, with the ids of its variants and of its schedules: the engine re-derives a post's status from
     * its schedules after every outcome, and finding them on the post's own row saves a lookup in a second table of
     * the same size (a cache miss at a hundred thousand rows).
     */
    static final class PostRow {
        Post post;
        final LinkedHashSet<VariantId> variants = new LinkedHashSet<>(2);
        final LinkedHashSet<ScheduleId> schedules = new LinkedHashSet<>(2);

        PostRow(Post post) {
            this.post = post;
        }
    }

    /**
     * A schedule as stored, with its publish events (none: {@code null}): the engine writes an outcome and its event
     * together, and one lookup finds both.
     */
    static final class ScheduleRow {
        Schedule schedule;

        @Nullable
        ArrayList<PublishEvent> events;

        ScheduleRow(Schedule schedule) {
            this.schedule = schedule;
        }
    }

    @Nullable
    Post post(PostId id) {
        PostRow row = posts.get(id);
        return row == null ? null : row.post;
    }

    @Nullable
    Schedule schedule(ScheduleId id) {
        ScheduleRow row = schedules.get(id);
        return row == null ? null : row.schedule;
    }

    <T extends @Nullable Object> T write(Clock clock, TransactionWork<T> work) {
        MemoryTransaction joined = current.get();
        if (joined != null) {
            if (joined.readOnly()) {
                throw new IllegalStateException("a read-only transaction cannot start a read-write one");
            }
            return work.run(joined);
        }
        lock.writeLock().lock();
        var tx = new MemoryTransaction(this, clock, false);
        current.set(tx);
        try {
            T result = work.run(tx);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollback(tx, e);
            throw e;
        } finally {
            current.remove();
            lock.writeLock().unlock();
        }
    }

    <T extends @Nullable Object> T read(Clock clock, TransactionWork<T> work) {
        MemoryTransaction joined = current.get();
        if (joined != null) {
            return work.run(joined);
        }
        lock.readLock().lock();
        var tx = new MemoryTransaction(this, clock, true);
        current.set(tx);
        try {
            return work.run(tx);
        } finally {
            tx.commit();
            current.remove();
            lock.readLock().unlock();
        }
    }

    private static void rollback(MemoryTransaction tx, Throwable cause) {
        try {
            tx.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            throw new StorageException("in-memory rollback failed", e);
        }
    }

    // ------------------------------------------------------------------ primitives with undo

    void putChannel(MemoryTransaction tx, Channel channel) {
        Channel old = channels.put(channel.id(), channel);
        tx.undo(() -> {
            if (old == null) {
                channels.remove(channel.id());
            } else {
                channels.put(old.id(), old);
            }
        });
    }

    void putConnection(MemoryTransaction tx, ChannelConnection connection) {
        ChannelConnection old = connections.put(connection.id(), connection);
        tx.undo(() -> {
            if (old == null) {
                connections.remove(connection.id());
            } else {
                connections.put(old.id(), old);
            }
        });
    }

    void putCredentials(MemoryTransaction tx, ConnectionId id, byte[] sealed) {
        byte[] old = credentials.put(id, sealed.clone());
        tx.undo(() -> {
            if (old == null) {
                credentials.remove(id);
            } else {
                credentials.put(id, old);
            }
        });
    }

    void putPost(MemoryTransaction tx, Post post) {
        PostRow row = posts.get(post.id());
        if (row == null) {
            posts.put(post.id(), new PostRow(post));
            postsByCreated.add(new Key(post.createdAt(), post.id().value()));
            tx.undo(() -> {
                posts.remove(post.id());
                postsByCreated.remove(new Key(post.createdAt(), post.id().value()));
            });
            return;
        }
        Post old = row.post;
        row.post = post;
        tx.undo(() -> row.post = old);
    }

    void putVariant(MemoryTransaction tx, PostVariant variant) {
        PostVariant old = variants.put(variant.id(), variant);
        if (old != null) {
            tx.undo(() -> variants.put(old.id(), old));
            return;
        }
        PostRow post = Objects.requireNonNull(posts.get(variant.postId()));
        post.variants.add(variant.id());
        tx.undo(() -> {
            variants.remove(variant.id());
            post.variants.remove(variant.id());
        });
    }

    void removeVariant(MemoryTransaction tx, VariantId id) {
        PostVariant old = variants.remove(id);
        if (old == null) {
            return;
        }
        PostRow post = Objects.requireNonNull(posts.get(old.postId()));
        post.variants.remove(id);
        tx.undo(() -> {
            variants.put(id, old);
            post.variants.add(id);
        });
    }

    void putSchedule(MemoryTransaction tx, Schedule schedule) {
        ScheduleRow row = schedules.get(schedule.id());
        if (row == null) {
            schedules.put(schedule.id(), new ScheduleRow(schedule));
            reindex(null, schedule);
            tx.undo(() -> {
                schedules.remove(schedule.id());
                reindex(schedule, null);
            });
            return;
        }
        Schedule old = row.schedule;
        row.schedule = schedule;
        reindex(old, schedule);
        tx.undo(() -> {
            row.schedule = old;
            reindex(schedule, old);
        });
    }

    /**
     * Moves a schedule's index entries from {@code before} to {@code after} (either may be null), touching only
     * the indexes whose key changed: most writes (claim, start, complete) change the status and lease only.
     */
    @SuppressWarnings("NullAway") // null before: an insert; null after: an insert undone; the checks guard every use
    private void reindex(@Nullable Schedule before, @Nullable Schedule after) {
        boolean wasPending = before != null && before.status() == ScheduleStatus.PENDING;
        boolean isPending = after != null && after.status() == ScheduleStatus.PENDING;
        if (wasPending && (!isPending || !before.nextAttemptAt().equals(after.nextAttemptAt()))) {
            pending.remove(new Key(before.nextAttemptAt(), before.id().value()));
        }
        if (isPending && (!wasPending || !before.nextAttemptAt().equals(after.nextAttemptAt()))) {
            pending.add(new Key(after.nextAttemptAt(), after.id().value()));
        }
        if (before != null && before.status() == ScheduleStatus.UNCONFIRMED) {
            unconfirmed.remove(before.id());
        }
        if (after != null && after.status() == ScheduleStatus.UNCONFIRMED) {
            unconfirmed.add(after.id());
        }
        if (before != null && (after == null || !before.runAt().equals(after.runAt()))) {
            calendar.remove(new Key(before.runAt(), before.id().value()));
        }
        if (after != null && (before == null || !before.runAt().equals(after.runAt()))) {
            calendar.add(new Key(after.runAt(), after.id().value()));
        }
        Lease oldLease = before != null && holdsLease(before) ? before.lease().get() : null;
        Lease newLease = after != null && holdsLease(after) ? after.lease().get() : null;
        if (!Objects.equals(oldLease, newLease)) {
            if (oldLease != null) {
                leases.remove(new Key(oldLease.expiresAt(), before.id().value()));
                removeFrom(leasesByOwner, oldLease.owner(), before.id());
            }
            if (newLease != null) {
                leases.add(new Key(newLease.expiresAt(), after.id().value()));
                leasesByOwner
                        .computeIfAbsent(newLease.owner(), k -> new LinkedHashSet<>())
                        .add(after.id());
            }
        }
        if (after == null) {
            removeFromPost(before);
            removeFrom(schedulesByVariant, before.variantId(), before.id());
            removeFrom(schedulesByConnection, before.connectionId(), before.id());
            return;
        }
        if (before == null || !before.postId().equals(after.postId())) {
            if (before != null) {
                removeFromPost(before);
            }
            Objects.requireNonNull(posts.get(after.postId())).schedules.add(after.id());
        }
        if (before == null || !before.variantId().equals(after.variantId())) {
            if (before != null) {
                removeFrom(schedulesByVariant, before.variantId(), before.id());
            }
            schedulesByVariant
                    .computeIfAbsent(after.variantId(), k -> new LinkedHashSet<>())
                    .add(after.id());
        }
        if (before == null || !before.connectionId().equals(after.connectionId())) {
            if (before != null) {
                removeFrom(schedulesByConnection, before.connectionId(), before.id());
            }
            schedulesByConnection
                    .computeIfAbsent(after.connectionId(), k -> new LinkedHashSet<>())
                    .add(after.id());
        }
    }

    private void removeFromPost(Schedule s) {
        PostRow post = posts.get(s.postId());
        if (post != null) {
            post.schedules.remove(s.id());
        }
    }

    static boolean holdsLease(Schedule s) {
        return s.lease().isPresent()
                && (s.status() == ScheduleStatus.QUEUED || s.status() == ScheduleStatus.PROCESSING);
    }

    void addEvent(MemoryTransaction tx, ScheduleRow row, PublishEvent event) {
        ArrayList<PublishEvent> list = row.events;
        if (list == null) {
            list = new ArrayList<>(2);
            row.events = list;
        }
        list.add(event);
        ArrayList<PublishEvent> added = list;
        tx.undo(() -> {
            added.remove(added.size() - 1);
            if (added.isEmpty()) {
                row.events = null;
            }
        });
    }

    void putTemplate(MemoryTransaction tx, PostTemplate template) {
        PostTemplate old = templates.put(template.id(), template);
        tx.undo(() -> {
            if (old == null) {
                templates.remove(template.id());
            } else {
                templates.put(old.id(), old);
            }
        });
    }

    void removeTemplate(MemoryTransaction tx, TemplateId id) {
        PostTemplate old = templates.remove(id);
        if (old != null) {
            tx.undo(() -> templates.put(id, old));
        }
    }

    void putSession(MemoryTransaction tx, GenerationSession session) {
        GenerationSession old = sessions.put(session.id(), session);
        if (old == null) {
            sessionsByCreated.add(new Key(session.createdAt(), session.id().value()));
        }
        tx.undo(() -> {
            if (old == null) {
                sessions.remove(session.id());
                sessionsByCreated.remove(
                        new Key(session.createdAt(), session.id().value()));
            } else {
                sessions.put(old.id(), old);
            }
        });
    }

    void putSuggestion(MemoryTransaction tx, GenerationSuggestion suggestion) {
        GenerationSuggestion old = suggestions.put(suggestion.id(), suggestion);
        if (old == null) {
            suggestionsBySession
                    .computeIfAbsent(suggestion.sessionId(), k -> new ArrayList<>())
                    .add(suggestion.id());
        }
        tx.undo(() -> {
            if (old == null) {
                suggestions.remove(suggestion.id());
                List<SuggestionId> list = Objects.requireNonNull(suggestionsBySession.get(suggestion.sessionId()));
                list.remove(list.size() - 1);
                if (list.isEmpty()) {
                    suggestionsBySession.remove(suggestion.sessionId());
                }
            } else {
                suggestions.put(old.id(), old);
            }
        });
    }

    private static <K, V> void removeFrom(Map<K, ? extends java.util.Collection<V>> index, K key, V value) {
        var set = index.get(key);
        if (set != null) {
            set.remove(value);
            if (set.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
