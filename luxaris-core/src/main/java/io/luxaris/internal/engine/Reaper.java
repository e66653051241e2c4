package io.luxaris.internal.engine;

import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.Idempotency;
import io.luxaris.internal.Reconciliation;
import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.storage.ReapResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles expired leases of every instance: queued schedules go back to pending (the channel was never called),
 * processing ones become unconfirmed with an event saying why; a channel that can look posts up settles those at
 * once. Also purges expired idempotency keys, a batch per pass.
 */
final class Reaper {
    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);
    private static final int BATCH = 1_000;

    private final CoreRuntime rt;
    private final EngineObserver observer;

    Reaper(CoreRuntime rt, EngineObserver observer) {
        this.rt = rt;
        this.observer = observer;
    }

    /** Returns how many schedules changed. */
    int reap() {
        var notices = new ArrayList<LuxarisEvent>();
        Idempotency.purge(rt);
        ReapResult reaped = rt.storage().inTransaction(tx -> {
            notices.clear();
            ReapResult r = tx.queue().reap(BATCH);
            if (r.unconfirmed().isEmpty()) {
                return r;
            }
            Instant now = tx.queue().now();
            var events = new ArrayList<PublishEvent>();
            for (Schedule s : r.unconfirmed()) {
                String reason = "the engine holding it stopped answering while it was being published (lease of "
                        + s.lease().map(l -> l.owner()).orElse("?")
                        + " expired); it may or may not be on the platform";
                events.add(PublishEvent.unconfirmed(
                        s.id(),
                        s.attemptCount(),
                        now,
                        Optional.of(FailureKind.UNKNOWN),
                        "lease_expired",
                        reason,
                        Optional.empty()));
                notices.add(new LuxarisEvent.Unconfirmed(now, s, reason));
            }
            tx.publishEvents().insertAll(events);
            return r;
        });
        rt.events().publishAll(notices);
        int settled = 0;
        for (Schedule s : reaped.unconfirmed()) {
            var channel = rt.channel(s.channelId());
            if (channel.isPresent() && channel.get().publisher().supportsLookup()) {
                try {
                    var outcome = Reconciliation.reconcile(rt, s.id());
                    if (outcome.result() == Reconciliation.Result.PUBLISHED
                            || outcome.result() == Reconciliation.Result.NOT_PUBLISHED) {
                        settled++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("could not reconcile unconfirmed schedule {}; it stays unconfirmed", s.id(), e);
                }
            }
        }
        if (!reaped.isEmpty()) {
            observer.reaped(reaped.requeued().size(), reaped.unconfirmed().size());
            LOG.info(
                    "reaped expired leases: {} schedule(s) back to pending, {} unconfirmed ({} settled by lookup)",
                    reaped.requeued().size(),
                    reaped.unconfirmed().size(),
                    settled);
        }
        return reaped.requeued().size() + reaped.unconfirmed().size();
    }
}
