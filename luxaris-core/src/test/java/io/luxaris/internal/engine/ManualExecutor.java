package io.luxaris.internal.engine;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Queues tasks and runs them only when the test says; can be told to refuse them. */
final class ManualExecutor implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean rejecting;
    private boolean direct;

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (rejecting) {
                throw new RejectedExecutionException("refused by the test");
            }
            if (!direct) {
                tasks.addLast(task);
                return;
            }
        }
        task.run();
    }

    /**
     * Runs what is queued, then every task at once on the thread that hands it over: for tearing down an engine whose
     * background thread may still hand over calls while it stops.
     */
    void runEverythingFromNowOn() {
        synchronized (this) {
            direct = true;
        }
        runAll();
    }

    synchronized void reject(boolean value) {
        rejecting = value;
    }

    synchronized int queued() {
        return tasks.size();
    }

    /** Runs the oldest queued task on the calling thread. */
    void runNext() {
        Runnable task;
        synchronized (this) {
            task = tasks.pollFirst();
        }
        if (task == null) {
            throw new IllegalStateException("no task is queued");
        }
        task.run();
    }

    void runAll() {
        while (queued() > 0) {
            runNext();
        }
    }
}
