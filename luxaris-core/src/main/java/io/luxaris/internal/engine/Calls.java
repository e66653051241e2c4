package io.luxaris.internal.engine;

import io.luxaris.spi.engine.PublishJob;
import io.luxaris.spi.storage.Fence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Channel calls in progress, by claim, with when each started (on the engine's ticker) and whether the engine gave
 * up on it at the publish timeout. A call the engine gave up on is recorded as unconfirmed at once; whatever it
 * returns later is only logged.
 *
 * <p>Not thread-safe: the engine uses it under its lock.
 */
final class Calls {
    private final long timeoutNanos;
    private final Map<Fence, Call> running = new HashMap<>();

    Calls(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /** One call: the job, its start on the ticker, and whether the engine stopped waiting for it. */
    static final class Call {
        final PublishJob job;
        final long startedNanos;
        boolean abandoned;

        Call(PublishJob job, long startedNanos) {
            this.job = job;
            this.startedNanos = startedNanos;
        }
    }

    void started(PublishJob job, long nowNanos) {
        running.put(job.fence(), new Call(job, nowNanos));
    }

    /** The call of this claim returned (or never ran); null when the engine did not know it. */
    @Nullable
    Call finished(Fence fence) {
        return running.remove(fence);
    }

    /** Marks calls running longer than the publish timeout as abandoned and returns their jobs. */
    List<PublishJob> abandonOverdue(long nowNanos) {
        var overdue = new ArrayList<PublishJob>();
        for (Call call : running.values()) {
            if (!call.abandoned && nowNanos - call.startedNanos > timeoutNanos) {
                call.abandoned = true;
                overdue.add(call.job);
            }
        }
        return overdue;
    }

    /** Calls the engine still waits for. */
    int live() {
        int n = 0;
        for (Call call : running.values()) {
            if (!call.abandoned) {
                n++;
            }
        }
        return n;
    }

    /** When the earliest live call reaches its timeout, or {@link Long#MAX_VALUE}. */
    long nextTimeout() {
        long at = Long.MAX_VALUE;
        for (Call call : running.values()) {
            if (!call.abandoned) {
                at = Math.min(at, call.startedNanos + timeoutNanos);
            }
        }
        return at;
    }

    /** The claims of the live calls (their leases are kept alive while the engine waits for them). */
    List<Fence> liveFences() {
        var fences = new ArrayList<Fence>(running.size());
        running.forEach((fence, call) -> {
            if (!call.abandoned) {
                fences.add(fence);
            }
        });
        return fences;
    }
}
