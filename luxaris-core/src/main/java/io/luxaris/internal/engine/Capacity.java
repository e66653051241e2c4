package io.luxaris.internal.engine;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.spi.engine.PublishJob;
import io.luxaris.spi.storage.Fence;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The engine's capacity accounting: claimed jobs waiting for a slot (a FIFO per connection, so an account's posts
 * keep their order), calls in flight globally, per connection and per channel, calls given up at the publish
 * timeout that still hold a thread, and connections a platform rate-limited until an instant.
 *
 * <p>A call given up at the publish timeout frees its global, connection and channel slots at once (the engine no
 * longer waits for it), but counts against its channel's budget of abandoned calls: a channel whose platform hangs
 * is held back when the budget is used up, and every other channel keeps publishing.
 *
 * <p>Not thread-safe: the engine uses it under its lock.
 */
final class Capacity {
    private final int max;
    private final int perConnection;
    private final OptionalInt perChannel;
    private final int abandonedPerChannel;

    private final Map<ConnectionId, ArrayDeque<PublishJob>> waiting = new LinkedHashMap<>();
    private final Map<ConnectionId, Integer> byConnection = new HashMap<>();
    private final Map<ChannelId, Integer> byChannel = new HashMap<>();
    private final Map<ChannelId, Integer> waitingByChannel = new HashMap<>();
    private final Map<ChannelId, Integer> abandonedByChannel = new HashMap<>();
    private final Map<ConnectionId, Instant> blockedUntil = new HashMap<>();
    /**
     * Calls that returned in time and whose outcome is not written yet. Their slots are free, but once they number
     * {@link #unwrittenLimit} nothing new starts until the writer catches up: this instance never holds more than
     * {@code max + unwrittenLimit} schedules in {@code processing} (running, or with an outcome not yet written).
     */
    private final Map<Fence, PublishJob> unwritten = new HashMap<>();

    private final int unwrittenLimit;

    private int waitingCount;
    private int inFlight;

    /**
     * @param max calls in flight at once
     * @param perConnection calls in flight at once per connection
     * @param perChannel calls in flight at once per channel, when limited
     * @param abandonedPerChannel calls given up at the publish timeout a channel may hold before it is held back
     * @param unwrittenLimit returned calls whose outcome is not written yet, beyond which nothing new starts
     */
    Capacity(int max, int perConnection, OptionalInt perChannel, int abandonedPerChannel, int unwrittenLimit) {
        this.max = max;
        this.perConnection = perConnection;
        this.perChannel = perChannel;
        this.abandonedPerChannel = abandonedPerChannel;
        this.unwrittenLimit = unwrittenLimit;
    }

    /** How many more schedules may be claimed: the slots neither running nor taken by a waiting job. */
    int free() {
        return Math.max(0, max - inFlight - waitingCount);
    }

    /**
     * How many schedules may be claimed ahead of the free slots: none while the jobs waiting already fill every slot,
     * else up to {@code ahead} beyond the free slots (they wait in their connection's queue, their leases held).
     */
    int claimableAhead(int ahead) {
        if (waitingCount >= max) {
            return 0;
        }
        return Math.max(0, max + ahead - inFlight - waitingCount);
    }

    int inFlight() {
        return inFlight;
    }

    int waiting() {
        return waitingCount;
    }

    /** Calls given up at the publish timeout that have not returned yet. */
    int abandoned() {
        int n = 0;
        for (int count : abandonedByChannel.values()) {
            n += count;
        }
        return n;
    }

    /** Connections that must not get more claims: at their limit, or rate-limited until after {@code now}. */
    Set<ConnectionId> busyConnections(Instant now) {
        var busy = new HashSet<ConnectionId>();
        for (var e : byConnection.entrySet()) {
            if (e.getValue() + queued(e.getKey()) >= perConnection) {
                busy.add(e.getKey());
            }
        }
        for (var e : waiting.entrySet()) {
            if (byConnection.getOrDefault(e.getKey(), 0) + e.getValue().size() >= perConnection) {
                busy.add(e.getKey());
            }
        }
        for (ConnectionId id : List.copyOf(blockedUntil.keySet())) {
            if (isBlocked(id, now)) {
                busy.add(id);
            }
        }
        return busy;
    }

    /**
     * Channels that must not get more claims: at their concurrency limit with what runs and waits, or holding
     * their whole budget of abandoned calls (their platform hangs).
     */
    Set<ChannelId> busyChannels() {
        var busy = new HashSet<ChannelId>();
        for (var e : abandonedByChannel.entrySet()) {
            if (e.getValue() >= abandonedPerChannel) {
                busy.add(e.getKey());
            }
        }
        if (perChannel.isPresent()) {
            var seen = new HashSet<ChannelId>(byChannel.keySet());
            seen.addAll(waitingByChannel.keySet());
            for (ChannelId id : seen) {
                if (byChannel.getOrDefault(id, 0) + waitingByChannel.getOrDefault(id, 0) >= perChannel.getAsInt()) {
                    busy.add(id);
                }
            }
        }
        return busy;
    }

    /**
     * Adds claimed jobs to their connections' queues; returns those to hand back instead (their connection is
     * rate-limited or their channel is held back).
     */
    List<PublishJob> enqueue(List<PublishJob> jobs, Instant now) {
        var handBack = new ArrayList<PublishJob>();
        for (PublishJob job : jobs) {
            if (isBlocked(job.connection().id(), now) || isStalled(job.channel().id())) {
                handBack.add(job);
                continue;
            }
            waiting.computeIfAbsent(job.connection().id(), k -> new ArrayDeque<>())
                    .addLast(job);
            waitingByChannel.merge(job.channel().id(), 1, Integer::sum);
            waitingCount++;
        }
        return handBack;
    }

    /** Whether some waiting job could start now (not while {@link #unwrittenLimit} outcomes wait to be written). */
    boolean canDispatch(Instant now) {
        if (waitingCount == 0 || inFlight >= max || unwritten.size() >= unwrittenLimit) {
            return false;
        }
        for (ArrayDeque<PublishJob> queue : waiting.values()) {
            if (!queue.isEmpty() && canStart(queue.peekFirst(), now)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes every waiting job the limits allow to start now, reserving their slots (none while
     * {@link #unwrittenLimit} outcomes wait to be written).
     */
    List<PublishJob> takeStartable(Instant now) {
        var batch = new ArrayList<PublishJob>();
        var it = waiting.entrySet().iterator();
        while (it.hasNext() && inFlight < max && unwritten.size() < unwrittenLimit) {
            ArrayDeque<PublishJob> queue = it.next().getValue();
            while (!queue.isEmpty() && inFlight < max && canStart(queue.peekFirst(), now)) {
                PublishJob job = queue.pollFirst();
                unwait(job);
                reserve(job);
                batch.add(job);
            }
            if (queue.isEmpty()) {
                it.remove();
            }
        }
        return batch;
    }

    /** A reserved job that was not started, or whose call returned in time: frees its slots. */
    void release(PublishJob job) {
        inFlight--;
        decrement(byConnection, job.connection().id());
        decrement(byChannel, job.channel().id());
    }

    /** A call returned in time: its slots are free; its outcome counts as unwritten until {@link #written}. */
    void returned(PublishJob job) {
        release(job);
        unwritten.put(job.fence(), job);
    }

    /** The outcome of a returned call was written or given up. False if it was not counted as unwritten. */
    boolean written(Fence fence) {
        return unwritten.remove(fence) != null;
    }

    /** Returned calls whose outcome is not written yet. */
    int unwritten() {
        return unwritten.size();
    }

    /** The engine gave up waiting for a running call: its slots are free, its channel's abandoned budget is not. */
    void abandon(PublishJob job) {
        release(job);
        abandonedByChannel.merge(job.channel().id(), 1, Integer::sum);
    }

    /** An abandoned call finally returned. */
    void abandonedReturned(PublishJob job) {
        decrement(abandonedByChannel, job.channel().id());
    }

    /**
     * A platform rate-limited a connection until {@code until}: hold it back and return its waiting jobs, to be
     * handed back so that the deferral moves them to the reset time.
     */
    List<PublishJob> block(ConnectionId id, Instant until) {
        blockedUntil.merge(id, until, (a, b) -> a.isAfter(b) ? a : b);
        ArrayDeque<PublishJob> queue = waiting.remove(id);
        if (queue == null) {
            return List.of();
        }
        queue.forEach(this::unwait);
        return List.copyOf(queue);
    }

    /** Waiting jobs of channels that are held back now (their platform hangs): to be handed back. */
    List<PublishJob> takeStalled() {
        var out = new ArrayList<PublishJob>();
        var it = waiting.values().iterator();
        while (it.hasNext()) {
            ArrayDeque<PublishJob> queue = it.next();
            if (!queue.isEmpty() && isStalled(queue.peekFirst().channel().id())) {
                queue.forEach(j -> {
                    unwait(j);
                    out.add(j);
                });
                it.remove();
            }
        }
        return out;
    }

    /** Empties the waiting queues (a stopping engine hands them back). */
    List<PublishJob> drainWaiting() {
        var all = new ArrayList<PublishJob>();
        waiting.values().forEach(all::addAll);
        waiting.clear();
        waitingByChannel.clear();
        waitingCount = 0;
        return all;
    }

    /** The claims of the waiting jobs (they are held: their leases are kept alive). */
    List<Fence> waitingFences() {
        var fences = new ArrayList<Fence>(waitingCount);
        waiting.values().forEach(q -> q.forEach(j -> fences.add(j.fence())));
        return fences;
    }

    private boolean canStart(PublishJob job, Instant now) {
        if (byConnection.getOrDefault(job.connection().id(), 0) >= perConnection) {
            return false;
        }
        if (perChannel.isPresent() && byChannel.getOrDefault(job.channel().id(), 0) >= perChannel.getAsInt()) {
            return false;
        }
        return !isStalled(job.channel().id()) && !isBlocked(job.connection().id(), now);
    }

    private boolean isStalled(ChannelId channel) {
        return abandonedByChannel.getOrDefault(channel, 0) >= abandonedPerChannel;
    }

    private boolean isBlocked(ConnectionId id, Instant now) {
        Instant until = blockedUntil.get(id);
        if (until == null) {
            return false;
        }
        if (!now.isBefore(until)) {
            blockedUntil.remove(id);
            return false;
        }
        return true;
    }

    private int queued(ConnectionId id) {
        ArrayDeque<PublishJob> q = waiting.get(id);
        return q == null ? 0 : q.size();
    }

    private void reserve(PublishJob job) {
        inFlight++;
        byConnection.merge(job.connection().id(), 1, Integer::sum);
        byChannel.merge(job.channel().id(), 1, Integer::sum);
    }

    private void unwait(PublishJob job) {
        waitingCount--;
        decrement(waitingByChannel, job.channel().id());
    }

    private static <K> void decrement(Map<K, Integer> counts, K key) {
        counts.computeIfPresent(key, (k, v) -> v > 1 ? v - 1 : null);
    }
}
