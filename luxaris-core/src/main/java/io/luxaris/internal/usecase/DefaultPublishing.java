package io.luxaris.internal.usecase;

import io.luxaris.domain.ChannelId;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.engine.SchedulerEngine;
import io.luxaris.spi.storage.Backlog;
import io.luxaris.usecase.Publishing;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@link Publishing} of an instance, built by the facade. */
public final class DefaultPublishing implements Publishing {
    private final SchedulerEngine engine;
    private final CoreRuntime rt;

    public DefaultPublishing(SchedulerEngine engine, CoreRuntime rt) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.rt = Objects.requireNonNull(rt, "rt");
    }

    @Override
    public void start() {
        engine.start();
    }

    @Override
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw io.luxaris.errors.ValidationException.of("grace", "range", "must not be negative but was " + grace);
        }
        engine.stop(grace);
    }

    @Override
    public RunReport runDue() {
        return engine.runDue();
    }

    @Override
    public EngineStatus status() {
        return engine.status();
    }

    @Override
    public Backlog backlog() {
        Set<ChannelId> channels =
                rt.channels().stream().map(c -> c.channel().id()).collect(Collectors.toUnmodifiableSet());
        return rt.storage().readOnly(tx -> tx.queue().backlog(channels));
    }
}
