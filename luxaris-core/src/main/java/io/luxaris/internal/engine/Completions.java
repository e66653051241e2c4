package io.luxaris.internal.engine;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import io.luxaris.domain.FailureKind;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.storage.Fence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outcomes waiting to be written, and how they are written: in batches; when a batch fails, one by one, so that
 * one outcome the store refuses never holds back the others; an outcome the store keeps refusing is written
 * degraded (its status and kind kept, the platform's text dropped); one that cannot be written even so is given
 * up (its lease expires and the reaper records it as unconfirmed). While the store is down (every write fails
 * transiently) nothing is given up: the outcomes wait, in order.
 *
 * <p>Thread-safe: calls finish on the publish threads while the coordinator flushes.
 */
final class Completions {
    private static final Logger LOG = LoggerFactory.getLogger(Completions.class);
    /**
     * Transient failures of one outcome while the store was answering (other outcomes were written, or the engine's
     * next claim worked) before it is written degraded.
     */
    static final int STRIKES_BEFORE_DEGRADING = 3;

    @GuardedBy("this")
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();

    /** Entries a flush has taken and is writing (still held: their leases are kept alive). */
    @GuardedBy("this")
    private final Set<Entry> writing = new LinkedHashSet<>(); // Entry: identity equality

    private final int batchSize;
    private final Consumer<List<JobResult>> settled;

    /**
     * @param settled told of the outcomes that leave for good: written (as received or degraded), given up, or
     *     dropped by {@link #clear()}; never of those put back to be tried again
     */
    Completions(int batchSize, Consumer<List<JobResult>> settled) {
        this.batchSize = batchSize;
        this.settled = settled;
    }

    private static final class Entry {
        final JobResult result;
        /** Failures while the store answered. */
        int strikes;
        /** Failed transiently when nothing else could be written: a strike if the store turns out to answer. */
        boolean suspect;

        Entry(JobResult result) {
            this.result = result;
        }
    }

    /** What one flush did: the written outcomes' report, and the failure that stopped it, if the store is down. */
    record Flushed(RunReport report, Optional<StorageException> storeDown) {}

    synchronized void add(JobResult result) {
        queue.addLast(new Entry(result));
    }

    synchronized int size() {
        return queue.size();
    }

    /** The claims of the outcomes not yet written, waiting or being written (their leases are kept alive). */
    synchronized List<Fence> fences() {
        var fences = new ArrayList<Fence>(queue.size() + writing.size());
        queue.forEach(e -> fences.add(e.result.job().fence()));
        writing.forEach(e -> fences.add(e.result.job().fence()));
        return fences;
    }

    /**
     * Writes what is buffered with {@code writer} (one call per batch; it throws when the store fails). Returns
     * when the buffer is empty or the store is down; never throws for a store failure.
     */
    Flushed flush(Function<List<JobResult>, RunReport> writer) {
        var pass = new Pass(writer);
        try {
            while (true) {
                List<Entry> batch = take();
                if (batch.isEmpty()) {
                    return new Flushed(pass.report, Optional.empty());
                }
                pass.write(batch);
            }
        } catch (StoreDown down) {
            return new Flushed(pass.report, Optional.of(down.cause));
        }
    }

    /** Nothing could be written and the failure was transient: stop this flush, keep everything. */
    private static final class StoreDown extends Exception {
        private static final long serialVersionUID = 1L;
        final transient StorageException cause;

        StoreDown(StorageException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    /** One flush: what it wrote so far. */
    private final class Pass {
        private final Function<List<JobResult>, RunReport> writer;
        private RunReport report = RunReport.empty();

        Pass(Function<List<JobResult>, RunReport> writer) {
            this.writer = writer;
        }

        /**
         * Writes one batch: struck-out outcomes degraded, the rest together, or one by one when the batch fails.
         * Whatever fails transiently is put back (struck when others were written); nothing is dropped but an
         * outcome the store refuses for good even degraded.
         */
        void write(List<Entry> batch) throws StoreDown {
            var failed = new ArrayList<Entry>();
            var done = new ArrayList<Entry>(batch.size());
            @Nullable StorageException lastTransient = null;
            int handled = 0;
            var normal = new ArrayList<Entry>(batch.size());
            for (Entry entry : batch) {
                if (entry.strikes < STRIKES_BEFORE_DEGRADING) {
                    normal.add(entry);
                    continue;
                }
                StorageException t = writeDegraded(entry, "it failed " + entry.strikes + " times");
                if (t == null) {
                    handled++;
                    done.add(entry);
                } else {
                    failed.add(entry);
                    lastTransient = t;
                }
            }
            if (!normal.isEmpty()) {
                try {
                    report = report.plus(writer.apply(results(normal)));
                    handled += normal.size();
                    done.addAll(normal);
                    normal.clear();
                } catch (RuntimeException e) {
                    if (normal.size() == 1 && isTransient(e)) {
                        failed.addAll(normal);
                        lastTransient = (StorageException) e;
                        normal.clear();
                    }
                }
            }
            for (Entry entry : normal) { // the batch failed: one by one
                StorageException t = writeOne(entry);
                if (t == null) {
                    handled++;
                    done.add(entry);
                } else {
                    failed.add(entry);
                    lastTransient = t;
                }
            }
            settle(done);
            if (failed.isEmpty()) {
                return;
            }
            if (handled == 0) {
                failed.forEach(e -> e.suspect = true);
                putBack(failed, true);
                throw new StoreDown(Objects.requireNonNull(lastTransient));
            }
            // the store works: what failed transiently beside written outcomes is struck (degraded when struck out)
            failed.forEach(e -> e.strikes++);
            putBack(failed, false);
        }

        /** Writes one outcome (degraded when the store refuses it for good); the transient failure, or null. */
        private @Nullable StorageException writeOne(Entry entry) {
            try {
                report = report.plus(writer.apply(List.of(entry.result)));
                return null;
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    return (StorageException) e;
                }
                StorageException t = writeDegraded(entry, e.getMessage());
                if (t != null) {
                    entry.strikes = Math.max(entry.strikes, STRIKES_BEFORE_DEGRADING - 1); // degraded next time
                }
                return t;
            }
        }

        /** Writes the outcome without the platform's text; the transient failure, or null (written, or given up). */
        private @Nullable StorageException writeDegraded(Entry entry, @Nullable String cause) {
            try {
                report = report.plus(writer.apply(List.of(degrade(entry.result))));
                LOG.warn(
                        "the outcome of schedule {} could not be stored as received ({}); stored without the"
                                + " platform's text",
                        entry.result.job().schedule().id(),
                        cause);
                return null;
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    return (StorageException) e;
                }
                LOG.error(
                        "could not record the outcome of schedule {} even without the platform's text; its lease will"
                                + " expire and it will be marked unconfirmed",
                        entry.result.job().schedule().id(),
                        e);
                return null;
            }
        }
    }

    /**
     * The store answered another request (a claim, a start): outcomes that failed transiently when nothing could be
     * written were not failing because of an outage, and take a strike.
     */
    synchronized void storeAnswered() {
        for (Entry entry : queue) {
            if (entry.suspect) {
                entry.suspect = false;
                entry.strikes++;
            }
        }
    }

    /**
     * The outcome with only what Luxaris itself made: the status and failure kind are kept; the platform's text
     * (raw response, message, checkpoint, URL) is dropped. A post id that is not plain printable ASCII cannot be
     * trusted: the outcome becomes unknown.
     */
    static JobResult degrade(JobResult result) {
        PublishOutcome outcome = result.outcome();
        PublishOutcome safe;
        if (outcome instanceof PublishOutcome.Published p && isPrintableAscii(p.externalId())) {
            safe = new PublishOutcome.Published(p.externalId(), Optional.empty(), Optional.empty(), Map.of());
        } else if (outcome instanceof PublishOutcome.DryRun) {
            safe = PublishOutcome.dryRun("(the preview could not be stored)");
        } else if (outcome instanceof PublishOutcome.Failed f) {
            safe = new PublishOutcome.Failed(
                    f.kind(),
                    "outcome_unstorable",
                    "the platform's answer could not be stored; its text was dropped",
                    f.retryAt(),
                    Optional.empty(),
                    Map.of());
        } else {
            safe = PublishOutcome.failed(
                    FailureKind.UNKNOWN,
                    "outcome_unstorable",
                    "published, but the platform's answer could not be stored; check the platform");
        }
        // a lookup that settled an unknown outcome keeps its trail (unconfirmed, then reconciled), without the text
        Optional<PublishOutcome.Failed> settled = result.settledUnknown()
                .map(u -> new PublishOutcome.Failed(
                        u.kind(),
                        "outcome_unstorable",
                        "the platform's answer could not be stored; its text was dropped",
                        u.retryAt(),
                        Optional.empty(),
                        Map.of()));
        return new JobResult(result.job(), safe, result.startedAt(), result.finishedAt(), settled);
    }

    private static boolean isPrintableAscii(String s) {
        if (s.isEmpty() || s.length() > 256) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTransient(RuntimeException e) {
        return e instanceof StorageException s && s.isTransient();
    }

    private synchronized List<Entry> take() {
        var batch = new ArrayList<Entry>(Math.min(batchSize, queue.size()));
        while (!queue.isEmpty() && batch.size() < batchSize) {
            Entry entry = queue.pollFirst();
            batch.add(entry);
            writing.add(entry);
        }
        return batch;
    }

    /** Written or given up: no longer held; the listener is told outside the lock. */
    private void settle(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        synchronized (this) {
            entries.forEach(writing::remove);
        }
        settled.accept(results(entries));
    }

    /** Back in front (in order) when the store is down, behind the others when only these failed. */
    private synchronized void putBack(List<Entry> entries, boolean front) {
        entries.forEach(writing::remove);
        if (front) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                queue.addFirst(entries.get(i));
            }
        } else {
            entries.forEach(queue::addLast);
        }
    }

    /** Drops what is buffered (a stopped engine that could not write it; the leases expire). */
    int clear() {
        List<Entry> dropped;
        synchronized (this) {
            dropped = List.copyOf(queue);
            queue.clear();
        }
        settle(dropped);
        return dropped.size();
    }

    private static List<JobResult> results(List<Entry> batch) {
        var results = new ArrayList<JobResult>(batch.size());
        batch.forEach(e -> results.add(e.result));
        return results;
    }
}
