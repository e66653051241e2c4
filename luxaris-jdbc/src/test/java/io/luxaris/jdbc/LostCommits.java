package io.luxaris.jdbc;

import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.storage.Completion;
import io.luxaris.spi.storage.Fence;
import io.luxaris.spi.storage.ScheduleQueue;
import io.luxaris.spi.storage.Storage;
import io.luxaris.spi.storage.StorageProvider;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.spi.storage.TransactionWork;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A storage decorator that loses the acknowledgement of a commit: the transaction is committed for real, then the
 * caller gets a transient {@link StorageException}, as when the database connection breaks after the server
 * committed but before the answer arrived. The caller cannot know whether its work was written.
 *
 * <p>Which transactions are hit is decided from outside the engine, by what a transaction did on the engine's
 * {@link ScheduleQueue}: claimed schedules ({@link Kind#CLAIM}), moved claimed schedules to processing ({@link
 * Kind#START}), or wrote outcomes ({@link Kind#COMPLETE}); transactions of each kind are numbered from 1. Built on
 * dynamic proxies of the SPI interfaces, so that it keeps compiling when they gain methods.
 */
final class LostCommits {
    /** What a read-write transaction did on the queue (the first that applies). */
    enum Kind {
        CLAIM,
        START,
        COMPLETE
    }

    /** Decides whether the {@code nth} (from 1) committed transaction of {@code kind} loses its acknowledgement. */
    @FunctionalInterface
    interface Rule {
        boolean loses(Kind kind, int nth);
    }

    /** A commit whose acknowledgement was lost: the schedules it claimed, started or completed. */
    record Lost(Kind kind, int nth, List<ScheduleId> schedules, long atNanos) {}

    private final Rule rule;
    private final Map<Kind, AtomicInteger> counts = new EnumMap<>(Kind.class);
    private final List<Lost> lost = new CopyOnWriteArrayList<>();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    LostCommits(Rule rule) {
        this.rule = rule;
        for (Kind k : Kind.values()) {
            counts.put(k, new AtomicInteger());
        }
    }

    /** Loses the acknowledgement of the first committed transaction of {@code kind}. */
    static LostCommits first(Kind kind) {
        return new LostCommits((k, n) -> k == kind && n == 1);
    }

    /** Loses the acknowledgement of every {@code every}-th committed transaction of {@code kind}. */
    static LostCommits every(Kind kind, int every) {
        return new LostCommits((k, n) -> k == kind && n % every == 0);
    }

    /** The commits whose acknowledgement was lost so far. */
    List<Lost> lost() {
        return List.copyOf(lost);
    }

    /** The schedules touched by lost commits of {@code kind}. */
    List<ScheduleId> lostSchedules(Kind kind) {
        var ids = new ArrayList<ScheduleId>();
        lost.stream().filter(l -> l.kind() == kind).forEach(l -> ids.addAll(l.schedules()));
        return ids;
    }

    /** How many transactions of {@code kind} committed (acknowledged or not). */
    int committed(Kind kind) {
        return counts.get(kind).get();
    }

    /** {@code target} with these faults: what Luxaris is built with instead of {@code target}. */
    StorageProvider around(StorageProvider target) {
        return context -> open(target.open(context));
    }

    private Storage open(Storage storage) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("inTransaction") && args != null && args.length == 1) {
                return inTransaction(storage, (TransactionWork<?>) args[0]);
            }
            return invoke(storage, method, args);
        };
        return (Storage) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Storage.class}, h);
    }

    private Object inTransaction(Storage storage, TransactionWork<?> work) {
        int[] level = depth.get();
        if (level[0] > 0) {
            return storage.inTransaction(work); // joins the outer transaction: nothing is committed here
        }
        var seen = new Seen[1];
        level[0]++;
        Object result;
        try {
            result = storage.inTransaction(tx -> {
                seen[0] = new Seen(); // a storage may run the work again
                return work.run(transaction(tx, seen[0]));
            });
        } finally {
            level[0]--;
        }
        Seen s = seen[0];
        Kind kind = s == null ? null : s.kind();
        if (kind != null) {
            int nth = counts.get(kind).incrementAndGet();
            if (rule.loses(kind, nth)) {
                lost.add(new Lost(kind, nth, List.copyOf(s.of(kind)), System.nanoTime()));
                throw new StorageException(
                        "the database connection was lost after the commit (injected by the test)", null, true);
            }
        }
        return result;
    }

    private Transaction transaction(Transaction tx, Seen seen) {
        InvocationHandler h = (proxy, method, args) -> {
            Object result = invoke(tx, method, args);
            if (method.getName().equals("queue") && result instanceof ScheduleQueue q) {
                return queue(q, seen);
            }
            return result;
        };
        return (Transaction) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Transaction.class}, h);
    }

    private ScheduleQueue queue(ScheduleQueue queue, Seen seen) {
        InvocationHandler h = (proxy, method, args) -> {
            Object result = invoke(queue, method, args);
            switch (method.getName()) {
                case "claim" -> ((List<?>) result).forEach(s -> seen.claimed.add(((Schedule) s).id()));
                case "markProcessing" -> ((List<?>) result).forEach(id -> seen.started.add((ScheduleId) id));
                case "complete" -> {
                    if (Boolean.TRUE.equals(result)) {
                        seen.completed.add(((Fence) args[0]).id());
                    }
                }
                case "completeAll" -> {
                    List<?> completions = (List<?>) args[0];
                    boolean[] written = (boolean[]) result;
                    for (int i = 0; i < written.length; i++) {
                        if (written[i]) {
                            seen.completed.add(
                                    ((Completion) completions.get(i)).fence().id());
                        }
                    }
                }
                default -> {}
            }
            return result;
        };
        return (ScheduleQueue)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ScheduleQueue.class}, h);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** What one transaction did on the queue. */
    private static final class Seen {
        final List<ScheduleId> claimed = new ArrayList<>();
        final List<ScheduleId> started = new ArrayList<>();
        final List<ScheduleId> completed = new ArrayList<>();

        Kind kind() {
            if (!claimed.isEmpty()) {
                return Kind.CLAIM;
            }
            if (!started.isEmpty()) {
                return Kind.START;
            }
            return completed.isEmpty() ? null : Kind.COMPLETE;
        }

        List<ScheduleId> of(Kind kind) {
            return switch (kind) {
                case CLAIM -> claimed;
                case START -> started;
                case COMPLETE -> completed;
            };
        }
    }
}
