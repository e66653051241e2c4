package io.luxaris.spring.boot.autoconfigure;

import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several observers as one, each guarded so that one that throws does not keep the others from hearing. */
final class CompositeEngineObserver implements EngineObserver {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeEngineObserver.class);

    private final List<EngineObserver> observers;

    private CompositeEngineObserver(List<EngineObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    static EngineObserver of(List<EngineObserver> observers) {
        return switch (observers.size()) {
            case 0 -> EngineObserver.NONE;
            case 1 -> observers.get(0);
            default -> new CompositeEngineObserver(observers);
        };
    }

    private void each(String what, java.util.function.Consumer<EngineObserver> call) {
        for (EngineObserver o : observers) {
            try {
                call.accept(o);
            } catch (RuntimeException e) {
                LOG.warn("engine observer {} failed in {}", o.getClass().getName(), what, e);
            }
        }
    }

    @Override
    public void claimed(int asked, int claimed, int skipped) {
        each("claimed", o -> o.claimed(asked, claimed, skipped));
    }

    @Override
    public PublishScope publishing(PublishJob job) {
        var scopes = new ArrayList<PublishScope>(observers.size());
        each("publishing", o -> scopes.add(o.publishing(job)));
        return (JobResult result) -> {
            // closed in reverse, like nested scopes
            for (int i = scopes.size() - 1; i >= 0; i--) {
                PublishScope scope = scopes.get(i);
                try {
                    scope.close(result);
                } catch (RuntimeException e) {
                    LOG.warn("closing the publish scope of an engine observer failed", e);
                }
            }
        };
    }

    @Override
    public void outcomesWritten(int count) {
        each("outcomesWritten", o -> o.outcomesWritten(count));
    }

    @Override
    public void abandoned(PublishJob job) {
        each("abandoned", o -> o.abandoned(job));
    }

    @Override
    public void throttled(PublishJob job, Instant until) {
        each("throttled", o -> o.throttled(job, until));
    }

    @Override
    public void reaped(int requeued, int unconfirmed) {
        each("reaped", o -> o.reaped(requeued, unconfirmed));
    }
}
