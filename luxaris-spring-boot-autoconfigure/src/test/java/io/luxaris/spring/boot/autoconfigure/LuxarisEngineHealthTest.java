package io.luxaris.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.errors.StorageException;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.storage.Backlog;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LuxarisEngineHealthTest {
    private final SettableClock clock = SettableClock.at("2026-11-24T10:00:00Z");
    private final AtomicReference<EngineStatus> status = new AtomicReference<>();
    private final AtomicInteger backlogReads = new AtomicInteger();
    private final AtomicReference<RuntimeException> backlogFailure = new AtomicReference<>();
    private final LuxarisEngineHealth health = new LuxarisEngineHealth(
            status::get,
            () -> {
                backlogReads.incrementAndGet();
                if (backlogFailure.get() != null) {
                    throw backlogFailure.get();
                }
                return new Backlog(4, Optional.of(clock.instant().minusSeconds(75)), 2, clock.instant());
            },
            Duration.ofSeconds(90),
            Duration.ofSeconds(15),
            clock);

    private EngineStatus engine(boolean running, boolean draining, boolean loopAlive, Instant lastLoopAt) {
        return new EngineStatus(
                running, 3, 1, 0, Optional.empty(), "node-1", draining, loopAlive, Optional.ofNullable(lastLoopAt), 0);
    }

    @Test
    void aRunningEngineWhoseLoopGoesRound_isUp_withItsCountsAndTheBacklog() {
        status.set(engine(true, false, true, clock.instant().minusSeconds(10)));
        var report = health.check();
        assertThat(report.state()).isEqualTo(LuxarisEngineHealth.State.UP);
        assertThat(report.details())
                .containsEntry("engine", "running")
                .containsEntry("instanceId", "node-1")
                .containsEntry("inFlight", 3)
                .containsEntry("queued", 1)
                .containsEntry("due", 4L)
                .containsEntry("oldestDueAgeSeconds", 75L)
                .containsEntry("unconfirmed", 2L)
                .doesNotContainKey("reason");
    }

    @Test
    void anEngineWhoseLoopThreadDied_isDown() {
        status.set(engine(true, false, false, clock.instant().minusSeconds(1)));
        var report = health.check();
        assertThat(report.state()).isEqualTo(LuxarisEngineHealth.State.DOWN);
        assertThat(report.details()).containsEntry("reason", "the engine loop thread is gone");
    }

    @Test
    void anEngineWhoseLoopIsStuckPastTheThreshold_isDown() {
        Instant last = clock.instant().minusSeconds(90);
        status.set(engine(true, false, true, last));
        assertThat(health.check().state()).isEqualTo(LuxarisEngineHealth.State.UP);
        clock.advance(Duration.ofSeconds(1));
        var report = health.check();
        assertThat(report.state()).isEqualTo(LuxarisEngineHealth.State.DOWN);
        assertThat((String) report.details().get("reason")).contains("has not gone round since " + last);
    }

    @Test
    void aDrainingEngine_isOutOfService() {
        status.set(engine(false, true, true, clock.instant()));
        assertThat(health.check().state()).isEqualTo(LuxarisEngineHealth.State.OUT_OF_SERVICE);
    }

    @Test
    void anEngineThatWasNotStarted_isUp() {
        status.set(engine(false, false, false, null));
        var report = health.check();
        assertThat(report.state()).isEqualTo(LuxarisEngineHealth.State.UP);
        assertThat(report.details()).containsEntry("engine", "stopped");
    }

    @Test
    void anUnreadableBacklog_isADetail_neverDown() {
        status.set(engine(true, false, true, clock.instant()));
        backlogFailure.set(new StorageException("cannot connect to the Luxaris database at db:5432/app", null, true));
        var report = health.check();
        assertThat(report.state()).isEqualTo(LuxarisEngineHealth.State.UP);
        assertThat((String) report.details().get("backlog"))
                .isEqualTo("unavailable (StorageException: cannot connect to the Luxaris database at db:5432/app)");
    }

    @Test
    void theBacklog_isReadOncePerRefreshInterval() {
        status.set(engine(true, false, true, clock.instant()));
        health.check();
        health.check();
        clock.advance(Duration.ofSeconds(14));
        health.check();
        assertThat(backlogReads).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        health.check();
        assertThat(backlogReads).hasValue(2);
    }

    @Test
    void theDefaultStallThreshold_isTheLongestSleepPlusALease() {
        assertThat(LuxarisEngineHealth.defaultStallThreshold(EngineSettings.defaults()))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(LuxarisEngineHealth.defaultStallThreshold(EngineSettings.builder()
                        .maxIdleSleep(Duration.ofMinutes(2))
                        .leaseDuration(Duration.ofSeconds(20))
                        .build()))
                .isEqualTo(Duration.ofSeconds(140));
        assertThat(LuxarisEngineHealth.defaultStallThreshold(EngineSettings.builder()
                        .maxIdleSleep(Duration.ofSeconds(5))
                        .leaseDuration(Duration.ofSeconds(20))
                        .build()))
                .isEqualTo(Duration.ofSeconds(50));
    }
}
