package io.luxaris.internal.engine;

import static io.luxaris.internal.engine.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.errors.StorageException;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private final FakeOperations ops = new FakeOperations(new MutableClock(T0));
    private final Jobs jobs = new Jobs();
    private final ManualTicker ticker = new ManualTicker();
    private final Outbox outbox = new Outbox(ops, 10, EngineObserver.NONE, written -> {});

    private JobResult published(PublishJob job) {
        return new JobResult(
                job, PublishOutcome.published("id-" + job.schedule().id(), null), T0, T0);
    }

    @Test
    void aFlush_releasesTheHandedBackClaimsBeforeWritingTheOutcomes() {
        PublishJob back = jobs.job("x", "back");
        PublishJob done = jobs.job("x", "done");
        outbox.handBack(List.of(back));
        outbox.add(published(done));
        assertThat(outbox.isEmpty()).isFalse();
        assertThat(outbox.pendingOutcomes()).isEqualTo(1);
        assertThat(outbox.fences()).containsExactly(done.fence());

        assertThat(outbox.flush().report().published()).isEqualTo(1);

        assertThat(ops.sequence).containsExactly("release back", "complete done");
        assertThat(outbox.isEmpty()).isTrue();
    }

    @Test
    void aReleaseTheStoreRefuses_isLeftToTheLeaseToExpire_andDoesNotStopTheWrites() {
        PublishJob back = jobs.job("x", "back");
        PublishJob done = jobs.job("x", "done");
        ops.failNextRelease(new StorageException("release failed (test)", null, true));
        outbox.handBack(List.of(back));
        outbox.add(published(done));

        assertThat(outbox.flush().report().published()).isEqualTo(1);

        assertThat(ops.released()).isEmpty();
        assertThat(outbox.isEmpty()).as("not retried: the reaper returns it").isTrue();
    }

    @Test
    void flushOrThrow_throwsTheStoresFailure_andKeepsTheOutcomes() {
        outbox.add(published(jobs.job("x", "a")));
        ops.storeDown(true);

        assertThatThrownBy(outbox::flushOrThrow).isInstanceOf(StorageException.class);

        assertThat(outbox.pendingOutcomes()).isEqualTo(1);
        ops.storeDown(false);
        assertThat(outbox.flushOrThrow().published()).isEqualTo(1);
    }

    @Test
    void beforeStopping_theOutboxRetriesWhileTheStoreIsDown_andWritesEverythingWhenItIsBack() {
        PublishJob job = jobs.job("x", "a");
        outbox.add(published(job));
        ops.storeDown(true);
        var pauses = new ArrayList<Duration>();

        outbox.flushBeforeStop(Duration.ofSeconds(10), ticker, pause -> {
            pauses.add(pause);
            ticker.advance(pause);
            if (pauses.size() == 3) {
                ops.storeDown(false);
            }
        });

        assertThat(pauses).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(ops.writtenFor(job)).hasSize(1);
        assertThat(outbox.pendingOutcomes()).isZero();
    }

    @Test
    void beforeStopping_theOutboxGivesUpAtItsDeadline_andDropsWhatItCouldNotWrite() {
        outbox.add(published(jobs.job("x", "a")));
        outbox.add(published(jobs.job("x", "b")));
        ops.storeDown(true);
        var paused = new ArrayList<Duration>();

        outbox.flushBeforeStop(Duration.ofSeconds(1), ticker, pause -> {
            paused.add(pause);
            ticker.advance(pause);
        });

        assertThat(outbox.pendingOutcomes())
                .as("their leases expire; the reaper makes them unconfirmed")
                .isZero();
        assertThat(ops.written()).isEmpty();
        assertThat(paused.stream().mapToLong(Duration::toMillis).sum()).isGreaterThan(1000);
    }
}
