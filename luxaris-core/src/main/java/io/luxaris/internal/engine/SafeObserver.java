package io.luxaris.internal.engine;

import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.engine.PublishJob;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's observer behind a guard: whatever it throws is logged and the engine goes on. */
final class SafeObserver implements EngineObserver {
    private static final Logger LOG = LoggerFactory.getLogger(SafeObserver.class);

    private final EngineObserver delegate;

    private SafeObserver(EngineObserver delegate) {
        this.delegate = delegate;
    }

    static EngineObserver of(EngineObserver observer) {
        return observer == NONE || observer instanceof SafeObserver ? observer : new SafeObserver(observer);
    }

    @Override
    public void claimed(int asked, int claimed, int skipped) {
        guard(() -> delegate.claimed(asked, claimed, skipped));
    }

    @Override
    public PublishScope publishing(PublishJob job) {
        PublishScope[] scope = {PublishScope.NONE};
        guard(() -> scope[0] = delegate.publishing(job));
        PublishScope inner = scope[0] == null ? PublishScope.NONE : scope[0];
        return result -> guard(() -> inner.close(result));
    }

    @Override
    public void outcomesWritten(int count) {
        guard(() -> delegate.outcomesWritten(count));
    }

    @Override
    public void abandoned(PublishJob job) {
        guard(() -> delegate.abandoned(job));
    }

    @Override
    public void throttled(PublishJob job, Instant until) {
        guard(() -> delegate.throttled(job, until));
    }

    @Override
    public void reaped(int requeued, int unconfirmed) {
        guard(() -> delegate.reaped(requeued, unconfirmed));
    }

    private void guard(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Luxaris engine observer {} failed", delegate.getClass().getName(), e);
        }
    }
}
