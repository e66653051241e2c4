package io.luxaris.internal.engine;

import static io.luxaris.internal.engine.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.FailureKind;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.EngineObserver;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** One engine cycle at a time, against the fake operations, a hand-run executor and a hand-driven ticker. */
class DispatcherTest {
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(T0);
    private final ManualTicker ticker = new ManualTicker();
    private final ManualExecutor executor = new ManualExecutor();
    private final FakeOperations ops = new FakeOperations(clock);
    private final Jobs jobs = new Jobs();

    /** A job on {@code channel} for each connection, in order. */
    private PublishJob[] jobsOn(String channel, String... connections) {
        var made = new PublishJob[connections.length];
        for (int i = 0; i < connections.length; i++) {
            made[i] = jobs.job(channel, connections[i]);
        }
        return made;
    }

    private static EngineSettings.Builder settings() {
        return EngineSettings.builder()
                .maxConcurrency(4)
                .perConnectionConcurrency(1)
                .claimBatchSize(10)
                .leaseDuration(Duration.ofSeconds(60))
                .publishTimeout(PUBLISH_TIMEOUT);
    }

    private Dispatcher dispatcher() {
        return dispatcher(settings().build());
    }

    private Dispatcher dispatcher(EngineSettings settings) {
        return new Dispatcher(ops, settings, clock, ticker, executor, new ReentrantLock(), EngineObserver.NONE);
    }

    private static PublishOutcome.Failed failure(FailureKind kind, String code) {
        return new PublishOutcome.Failed(
                kind, code, "message of " + code, Optional.empty(), Optional.of("raw"), Map.of());
    }

    private static Optional<PublishOutcome.Failed> failureOf(JobResult result) {
        return result.outcome() instanceof PublishOutcome.Failed f ? Optional.of(f) : Optional.empty();
    }

    // ---------------------------------------------------------------- the happy path

    @Test
    void aCycle_claimsFreeCapacity_startsWhatTheLimitsAllow_andRunsTheCallsOnTheExecutor() {
        PublishJob[] due = jobsOn("x", "a", "b", "c", "d", "e", "f");
        ops.due(due);
        Dispatcher dispatcher = dispatcher();

        Dispatcher.Cycle first = dispatcher.cycle(true);

        assertThat(ops.claims()).singleElement().satisfies(c -> assertThat(c.limit())
                .isEqualTo(4));
        assertThat(first.claimed()).isEqualTo(4);
        assertThat(first.full()).isTrue();
        assertThat(ops.starts).singleElement().satisfies(batch -> assertThat(batch)
                .containsExactly(due[0], due[1], due[2], due[3]));
        assertThat(executor.queued()).as("one task handed over for the batch").isEqualTo(1);
        assertThat(ops.publishes()).as("calls run on the executor only").isEmpty();
        assertThat(dispatcher.status(true, true, Optional.empty()))
                .isEqualTo(new EngineStatus(
                        true, 4, 0, 0, Optional.empty(), Jobs.OWNER, false, true, Optional.empty(), 0));

        executor.runAll();
        assertThat(dispatcher.status(true, true, Optional.empty()).pendingCompletions())
                .isEqualTo(4);
        assertThat(dispatcher.status(true, true, Optional.empty()).inFlight()).isZero();
        Dispatcher.Cycle second = dispatcher.cycle(true);

        assertThat(second.report().published()).isEqualTo(4);
        assertThat(ops.written()).extracting(JobResult::job).containsExactly(due[0], due[1], due[2], due[3]);
        assertThat(second.claimed()).isEqualTo(2);
        assertThat(second.full()).as("fewer were due than asked for").isFalse();
        assertThat(second.storeDown()).isEmpty();
    }

    @Test
    void callsThatReturn_runOneAfterAnotherOnOneTask_insteadOfATaskEach() {
        PublishJob[] due = jobsOn("x", "a", "b", "c", "d");
        ops.due(due);
        Dispatcher dispatcher = dispatcher();
        dispatcher.cycle(true);
        assertThat(executor.queued()).isEqualTo(1);

        executor.runNext();

        assertThat(ops.publishes())
                .as("the first task ran every call, in order")
                .containsExactly(due);
        assertThat(executor.queued())
                .as("before its first call it handed over two more for the jobs behind it, in case that call hung")
                .isEqualTo(2);
        executor.runAll(); // they find nothing left and end
        assertThat(ops.publishes()).hasSize(4);
        dispatcher.cycle(true);
        assertThat(ops.written()).extracting(JobResult::job).containsExactly(due);
    }

    @Test
    void callsThatDoNotReturn_eachGetAThreadOfTheirOwn() throws InterruptedException {
        int calls = 40;
        var settings = settings().maxConcurrency(calls).claimBatchSize(calls).build();
        var inChannel = new CountDownLatch(calls);
        var release = new CountDownLatch(1);
        ops.answer(j -> {
            inChannel.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PublishOutcome.published(
                    "id-" + j.schedule().id(),
                    "https://example.com/" + j.schedule().id());
        });
        var connections = new String[calls];
        for (int i = 0; i < calls; i++) {
            connections[i] = "acct-" + i;
        }
        ops.due(jobsOn("x", connections));
        var pool = Executors.newCachedThreadPool();
        try {
            var dispatcher =
                    new Dispatcher(ops, settings, clock, ticker, pool, new ReentrantLock(), EngineObserver.NONE);
            dispatcher.cycle(true);

            assertThat(inChannel.await(10, TimeUnit.SECONDS))
                    .as("every call is in the channel at once: none waits for another to return")
                    .isTrue();
            assertThat(dispatcher.liveCalls()).isEqualTo(calls);
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ops.publishes()).hasSize(calls);
    }

    @Test
    void aTaskRefusedWhileAnotherRuns_failsTheJobsNoTaskLooksFor_retryably() {
        PublishJob[] due = jobsOn("x", "a", "b", "c");
        ops.due(due);
        Dispatcher dispatcher = dispatcher();
        dispatcher.cycle(true);
        executor.reject(true); // the first task is handed over; the ones it hands over are refused

        executor.runNext();

        assertThat(ops.publishes()).as("the task runs the call it took").containsExactly(due[0]);
        dispatcher.cycle(false);
        assertThat(ops.writtenFor(due[0])).singleElement().satisfies(r -> assertThat(r.outcome())
                .isInstanceOf(PublishOutcome.Published.class));
        for (PublishJob left : List.of(due[1], due[2])) {
            assertThat(ops.writtenFor(left)).singleElement().satisfies(r -> assertThat(failureOf(r))
                    .hasValueSatisfying(f -> {
                        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
                        assertThat(f.code()).isEqualTo("engine_rejected");
                    }));
        }
        assertThat(dispatcher.status(true, true, Optional.empty()).inFlight()).isZero();
    }

    @Test
    void aCycleWithoutClaiming_onlyWritesAndStarts() {
        ops.due(jobs.job("x", "a"));
        Dispatcher.Cycle cycle = dispatcher().cycle(false);
        assertThat(ops.claims()).isEmpty();
        assertThat(cycle.claimed()).isZero();
    }

    @Test
    void skippedSchedules_areCountedInTheCycleReport() {
        ops.skipOnNextClaim(2);
        ops.due(jobs.job("x", "a"));
        Dispatcher.Cycle cycle = dispatcher().cycle(true);
        assertThat(cycle.report().skipped()).isEqualTo(2);
        assertThat(cycle.claimed()).isEqualTo(3);
    }

    @Test
    void theBusyConnectionsAndChannels_areLeftOutOfTheClaim() {
        var settings = settings().maxConcurrency(8).perChannelConcurrency(1).build();
        PublishJob a = jobs.job("x", "a");
        ops.due(a);
        Dispatcher dispatcher = dispatcher(settings);
        dispatcher.cycle(true);

        dispatcher.cycle(true);

        FakeOperations.ClaimCall second = ops.claims().get(1);
        assertThat(second.busy()).containsExactly(a.connection().id());
        assertThat(second.busyChannels()).containsExactly(ChannelId.forKey("x"));
        assertThat(second.limit()).isEqualTo(7);
    }

    // ---------------------------------------------------------------- failures of the calls

    @Test
    void aTaskTheExecutorRefuses_isARetryableEngineRejectedOutcome_andItsSlotIsFree() {
        PublishJob job = jobs.job("x", "a");
        ops.due(job);
        executor.reject(true);
        Dispatcher dispatcher = dispatcher();

        dispatcher.cycle(true);

        assertThat(dispatcher.status(true, true, Optional.empty()).inFlight()).isZero();
        assertThat(ops.publishes()).isEmpty();
        dispatcher.cycle(false);
        assertThat(ops.writtenFor(job)).singleElement().satisfies(r -> assertThat(failureOf(r))
                .hasValueSatisfying(f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
                    assertThat(f.code()).isEqualTo("engine_rejected");
                }));
    }

    @Test
    void aPublishThatThrows_isAnUnknownEngineErrorOutcome_andItsSlotIsFree() {
        PublishJob job = jobs.job("x", "a");
        ops.due(job);
        ops.answer(j -> {
            throw new IllegalStateException("bug in the operations");
        });
        Dispatcher dispatcher = dispatcher();
        dispatcher.cycle(true);

        executor.runAll();

        assertThat(dispatcher.status(true, true, Optional.empty()).inFlight()).isZero();
        dispatcher.cycle(false);
        assertThat(ops.writtenFor(job)).singleElement().satisfies(r -> assertThat(failureOf(r))
                .hasValueSatisfying(f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
                    assertThat(f.code()).isEqualTo("engine_error");
                }));
    }

    @Test
    void anErrorFromPublish_isStillHeardOf() {
        PublishJob job = jobs.job("x", "a");
        ops.due(job);
        ops.answer(j -> {
            throw new NoClassDefFoundError("a plugin's missing class");
        });
        Dispatcher dispatcher = dispatcher();
        dispatcher.cycle(true);

        executor.runAll();
        dispatcher.cycle(false);

        assertThat(ops.writtenFor(job))
                .singleElement()
                .satisfies(r -> assertThat(failureOf(r).orElseThrow().code()).isEqualTo("engine_error"));
        assertThat(dispatcher.liveCalls()).isZero();
    }

    @Test
    void aVirtualMachineErrorFromPublish_isHeardOf_andRethrown() {
        PublishJob job = jobs.job("x", "a");
        ops.due(job);
        ops.answer(j -> {
            throw new OutOfMemoryError("test");
        });
        Dispatcher dispatcher = dispatcher();
        dispatcher.cycle(true);

        assertThatThrownBy(executor::runNext).isInstanceOf(OutOfMemoryError.class);

        assertThat(dispatcher.status(true, true, Optional.empty()).inFlight()).isZero();
        dispatcher.cycle(false);
        assertThat(ops.writtenFor(job))
                .singleElement()
                .satisfies(r -> assertThat(failureOf(r).orElseThrow().code()).isEqualTo("engine_error"));
    }

    // ---------------------------------------------------------------- failures of the store

    @Test
    void startFailing_handsTheClaimsBackAndReleasesThem_withoutCallingTheChannel() {
        PublishJob a = jobs.job("x", "a");
        PublishJob b = jobs.job("x", "b");
        ops.due(a, b);
        var failure = new StorageException("start failed (test)", null, true);
        ops.failNextStart(failure);
        Dispatcher dispatcher = dispatcher();

        assertThatThrownBy(() -> dispatcher.cycle(true)).isSameAs(failure);

        assertThat(dispatcher.status(true, true, Optional.empty()).inFlight()).isZero();
        assertThat(dispatcher.status(true, true, Optional.empty()).queued()).isZero();
        dispatcher.cycle(true);
        assertThat(ops.released()).containsExactlyInAnyOrder(a, b);
        assertThat(executor.queued()).isZero();
        assertThat(ops.publishes()).isEmpty();
        assertThat(dispatcher.held()).isEmpty();
    }

    @Test
    void aJobStartRefuses_isNeitherCalledNorHeld_andItsSlotIsFree() {
        PublishJob kept = jobs.job("x", "a");
        PublishJob lost = jobs.job("x", "b");
        ops.due(kept, lost);
        ops.refuseStart(lost);
        Dispatcher dispatcher = dispatcher();

        dispatcher.cycle(true);

        assertThat(executor.queued()).isEqualTo(1);
        assertThat(dispatcher.status(true, true, Optional.empty()).inFlight()).isEqualTo(1);
        assertThat(dispatcher.held()).containsExactly(kept.fence());
    }

    @Test
    void claimFailing_throwsOutOfTheCycle_andTheNextCycleClaimsAgain() {
        PublishJob job = jobs.job("x", "a");
        ops.due(job);
        ops.failNextClaim(new StorageException("claim failed (test)", null, true));
        Dispatcher dispatcher = dispatcher();

        assertThatThrownBy(() -> dispatcher.cycle(true)).isInstanceOf(StorageException.class);
        assertThat(dispatcher.held()).isEmpty();

        dispatcher.cycle(true);
        executor.runAll();
        dispatcher.cycle(true);
        assertThat(ops.writtenFor(job)).hasSize(1);
    }

    @Test
    void aBatchTheStoreRefuses_isWrittenOneByOne() {
        PublishJob good = jobs.job("x", "a");
        PublishJob poison = jobs.job("x", "b");
        PublishJob other = jobs.job("x", "c");
        ops.due(good, poison, other);
        ops.answer(poison, j -> failure(FailureKind.REJECTED, "duplicate"));
        ops.cannotWrite(poison, new StorageException("bad bytes (test)", null, false));
        Dispatcher dispatcher = dispatcher();
        dispatcher.cycle(true);
        executor.runAll();

        Dispatcher.Cycle cycle = dispatcher.cycle(false);

        assertThat(ops.completeCalls.get(0)).hasSize(3);
        assertThat(ops.written()).extracting(JobResult::job).containsExactlyInAnyOrder(good, poison, other);
        assertThat(failureOf(ops.writtenFor(poison).get(0)).orElseThrow().code())
                .isEqualTo("outcome_unstorable");
        assertThat(cycle.report().published()).isEqualTo(2);
        assertThat(cycle.report().failed()).isEqualTo(1);
        assertThat(cycle.storeDown()).isEmpty();
    }

    @Test
    void whileTheStoreIsDown_nothingIsClaimedOrLost_andWhenItIsBackEveryOutcomeIsWrittenInOrder() {
        PublishJob a = jobs.job("x", "a");
        PublishJob b = jobs.job("x", "b");
        PublishJob c = jobs.job("x", "c");
        ops.due(a, b, c);
        Dispatcher dispatcher = dispatcher();
        dispatcher.cycle(true);
        executor.runAll();
        PublishJob later = jobs.job("x", "d");
        ops.due(later);
        ops.storeDown(true);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> dispatcher.cycle(true))
                    .as("the outcomes cannot be written and the claim fails too")
                    .isInstanceOf(StorageException.class);
        }

        assertThat(ops.claims()).hasSize(1);
        assertThat(dispatcher.status(true, true, Optional.empty()).pendingCompletions())
                .isEqualTo(3);
        assertThat(dispatcher.held()).containsExactly(a.fence(), b.fence(), c.fence());
        ops.storeDown(false);
        Dispatcher.Cycle back = dispatcher.cycle(true);
        assertThat(back.storeDown()).isEmpty();
        assertThat(back.report().published()).isEqualTo(3);
        assertThat(ops.written()).extracting(JobResult::job).containsExactly(a, b, c);
        assertThat(back.claimed()).isEqualTo(1);
    }

    @Test
    void oneOutcomeTheStoreRefusesTransiently_doesNotStopPublishing() {
        PublishJob a = jobs.job("x", "a");
        PublishJob suspect = jobs.job("x", "b");
        PublishJob c = jobs.job("x", "c");
        ops.due(a, suspect, c);
        ops.answer(suspect, j -> failure(FailureKind.REJECTED, "duplicate"));
        ops.cannotWrite(suspect, new StorageException("lock timeout on its row (test)", null, true));
        Dispatcher dispatcher = dispatcher();
        dispatcher.cycle(true);
        executor.runAll();
        PublishJob later = jobs.job("x", "d");
        ops.due(later);

        for (int i = 0; i < 10; i++) {
            dispatcher.cycle(true);
            executor.runAll();
        }

        assertThat(ops.writtenFor(a)).hasSize(1);
        assertThat(ops.writtenFor(c)).hasSize(1);
        assertThat(ops.writtenFor(later)).as("publishing went on").hasSize(1);
        assertThat(ops.writtenFor(suspect)).as("written degraded").hasSize(1);
    }

    // ---------------------------------------------------------------- the publish timeout

    @Test
    void aCallPastThePublishTimeout_isRecordedUnconfirmed_itsSlotFreed_andItsLateAnswerIgnored() {
        PublishJob job = jobs.job("x", "a");
        ops.due(job);
        Dispatcher dispatcher = dispatcher();
        dispatcher.cycle(true);

        ticker.advance(PUBLISH_TIMEOUT);
        dispatcher.cycle(true);
        assertThat(ops.writtenFor(job))
                .as("exactly at the timeout it is still waited for")
                .isEmpty();
        ticker.advance(Duration.ofMillis(1));
        dispatcher.cycle(true);

        assertThat(ops.writtenFor(job)).singleElement().satisfies(r -> assertThat(failureOf(r))
                .hasValueSatisfying(f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
                    assertThat(f.code()).isEqualTo("publish_timeout");
                    assertThat(f.safeMessage()).contains("30 s");
                }));
        assertThat(dispatcher.status(true, true, Optional.empty()).inFlight()).isZero();
        assertThat(dispatcher.liveCalls()).isZero();
        assertThat(dispatcher.held()).doesNotContain(job.fence());

        executor.runNext(); // the channel answers at last: published
        dispatcher.cycle(true);

        assertThat(ops.writtenFor(job)).as("the late answer is only logged").hasSize(1);
        assertThat(dispatcher.status(true, true, Optional.empty()).pendingCompletions())
                .isZero();
    }

    @Test
    void aHangingChannel_isHeldBack_whileAnotherChannelKeepsPublishing() throws InterruptedException {
        // maxConcurrency 4: a channel may hold one abandoned call
        assertThat(Dispatcher.abandonedPerChannel(settings().build())).isEqualTo(1);
        PublishJob hanging = jobs.job("slow", "a");
        PublishJob behind = jobs.job("slow", "a");
        PublishJob fast = jobs.job("fast", "b");
        ops.due(hanging, behind, fast);
        FakeOperations.Gate hangs = ops.hold(hanging);
        Dispatcher dispatcher = dispatcher();
        dispatcher.cycle(true); // hanging and fast start, behind waits for its connection
        // the first publish task takes hanging (handing over another for fast) and hangs in the channel
        var publishThread = new Thread(executor::runNext);
        publishThread.start();
        hangs.awaitEntered();
        executor.runNext(); // the task handed over takes fast: it answers; hanging does not
        assertThat(ops.publishes()).contains(fast);
        PublishJob fast2 = jobs.job("fast", "c");
        PublishJob slow2 = jobs.job("slow", "d");
        ops.due(slow2, fast2);
        ticker.advance(PUBLISH_TIMEOUT.plusSeconds(1));

        dispatcher.cycle(true);

        assertThat(ops.writtenFor(hanging))
                .singleElement()
                .satisfies(r -> assertThat(failureOf(r).orElseThrow().code()).isEqualTo("publish_timeout"));
        assertThat(ops.released())
                .as("its channel's waiting job is handed back")
                .containsExactly(behind);
        FakeOperations.ClaimCall last = ops.claims().get(ops.claims().size() - 1);
        assertThat(last.busyChannels()).containsExactly(ChannelId.forKey("slow"));
        assertThat(ops.dueCount()).as("the slow channel's job is not claimed").isEqualTo(1);
        executor.runNext(); // a new task: the one in the hanging call does not look for jobs
        assertThat(ops.publishes()).as("the other channel keeps publishing").contains(fast2);

        hangs.release(); // the hanging call answers at last: its channel's budget is back
        publishThread.join(10_000);
        assertThat(publishThread.isAlive()).isFalse();
        dispatcher.cycle(true);
        assertThat(ops.claims().get(ops.claims().size() - 1).busyChannels()).isEmpty();
        assertThat(ops.dueCount()).isZero();
    }

    // ---------------------------------------------------------------- rate limits

    @Test
    void aRateLimitedOutcome_blocksItsConnection_andHandsItsWaitingJobsBackBeforeTheOutcomeIsWritten() {
        PublishJob a1 = jobs.job("x", "a");
        PublishJob a2 = jobs.job("x", "a");
        PublishJob a3 = jobs.job("x", "a");
        PublishJob b1 = jobs.job("x", "b");
        ops.due(a1, a2, a3, b1);
        Instant reset = T0.plus(Duration.ofMinutes(15));
        ops.answer(a1, j -> PublishOutcome.rateLimited("http_429", "too many requests", reset));
        Dispatcher dispatcher = dispatcher(settings().maxConcurrency(8).build());
        dispatcher.cycle(true);
        assertThat(dispatcher.status(true, true, Optional.empty()).queued()).isEqualTo(2);

        executor.runAll();
        assertThat(dispatcher.status(true, true, Optional.empty()).queued()).isZero();
        dispatcher.cycle(true);

        assertThat(ops.released()).containsExactly(a2, a3);
        assertThat(ops.sequence).containsSubsequence("release a", "release a", "complete a");
        assertThat(ops.sequence.indexOf("complete a")).isGreaterThan(ops.sequence.lastIndexOf("release a"));
        var aId = a1.connection().id();
        assertThat(ops.claims().get(1).busy()).contains(aId);

        clock.set(reset);
        dispatcher.cycle(true);
        assertThat(ops.claims().get(2).busy()).doesNotContain(aId);
    }

    // ---------------------------------------------------------------- the writer thread

    @Test
    void withASeparateWriter_aCycleClaimsAndStarts_andLeavesTheOutcomesToTheWriter() {
        PublishJob a = jobs.job("x", "a");
        PublishJob b = jobs.job("x", "b");
        ops.due(a);
        Dispatcher dispatcher = dispatcher();
        dispatcher.setSeparateWriter(true);
        dispatcher.cycle(true);
        executor.runAll();
        ops.due(b);

        Dispatcher.Cycle cycle = dispatcher.cycle(true);

        assertThat(cycle.claimed()).isEqualTo(1);
        assertThat(ops.written()).as("the coordinator's cycle writes nothing").isEmpty();
        dispatcher.awaitOutcomes(ticker.nanoTime() + PUBLISH_TIMEOUT.toNanos(), () -> true); // returns at once
        assertThat(dispatcher.outbox().flush().report().published()).isEqualTo(1);
        assertThat(ops.written()).extracting(JobResult::job).containsExactly(a);
    }

    @Test
    void aReturnedCallFreesItsSlot_butUnwrittenOutcomes_holdBackNewStarts_onceTheyNumberMaxConcurrencyAndABatch() {
        var settings = settings().maxConcurrency(2).claimBatchSize(2).build();
        assertThat(Dispatcher.unwrittenLimit(settings)).isEqualTo(4);
        PublishJob[] due = jobsOn("x", "a", "b", "c", "d", "e", "f");
        ops.due(due);
        Dispatcher dispatcher = dispatcher(settings);
        dispatcher.setSeparateWriter(true);
        dispatcher.setClaimAhead(true);
        dispatcher.cycle(true); // claims a batch (a, b) and starts it
        executor.runAll(); // a and b return: their slots are free, their outcomes not written
        dispatcher.cycle(true); // claims c, d and starts them: two outcomes wait, fewer than the limit
        assertThat(ops.starts).hasSize(2);
        assertThat(ops.starts.get(1)).containsExactly(due[2], due[3]);

        executor.runAll(); // four outcomes wait to be written (maxConcurrency + a claim batch)
        dispatcher.cycle(true); // claims e, f

        assertThat(ops.starts).as("e and f wait for the writer").hasSize(2);
        assertThat(dispatcher.status(true, true, Optional.empty()).inFlight()).isZero();
        assertThat(dispatcher.status(true, true, Optional.empty()).queued()).isEqualTo(2);
        assertThat(dispatcher.status(true, true, Optional.empty()).pendingCompletions())
                .isEqualTo(4);

        dispatcher.outbox().flush(); // the writer writes them
        dispatcher.cycle(true);

        assertThat(ops.starts).hasSize(3);
        assertThat(ops.starts.get(2)).containsExactly(due[4], due[5]);
    }

    @Test
    void aCoordinatorAsleepWithoutAFreeSlot_wakesWhenOneIsFree_toClaimAgain() throws InterruptedException {
        var settings = settings().maxConcurrency(1).build();
        ops.due(jobs.job("x", "a"));
        Dispatcher dispatcher = dispatcher(settings);
        dispatcher.setSeparateWriter(true);
        dispatcher.cycle(true); // a runs: no free slot, so the next due instant is not asked
        assertThat(dispatcher.canClaim()).isFalse();
        var sleeper = new Thread(() -> dispatcher.sleep(
                Optional.empty(), ticker.nanoTime() + Duration.ofHours(1).toNanos(), () -> true, true, Long.MIN_VALUE));
        sleeper.start();
        sleeper.join(200);
        assertThat(sleeper.isAlive()).as("nothing to do yet").isTrue();

        executor.runAll(); // a returns: its slot is free

        sleeper.join(10_000);
        assertThat(sleeper.isAlive()).as("woken to claim").isFalse();
    }

    // ---------------------------------------------------------------- held claims

    @Test
    void held_isWhatWaits_runs_orHasAnOutcomeNotYetWritten_notWhatWasGivenUpOrLost() {
        Dispatcher dispatcher = dispatcher(settings().maxConcurrency(8).build());
        PublishJob abandoned = jobs.job("slow", "z");
        ops.due(abandoned);
        dispatcher.cycle(true);
        ticker.advance(PUBLISH_TIMEOUT.plusSeconds(1));
        dispatcher.cycle(true); // given up, and its unconfirmed outcome written
        assertThat(ops.writtenFor(abandoned)).hasSize(1);

        PublishJob unwritten = jobs.job("x", "b");
        PublishJob live = jobs.job("x", "a");
        PublishJob waiting = jobs.job("x", "a");
        PublishJob lost = jobs.job("x", "c");
        ops.due(unwritten, live, waiting, lost);
        ops.refuseStart(lost);
        dispatcher.cycle(true);
        executor.runNext(); // the abandoned call answers late: ignored
        executor.runNext(); // unwritten's call returns
        ops.completionsFail(true);
        dispatcher.cycle(true);

        assertThat(dispatcher.held()).containsExactlyInAnyOrder(waiting.fence(), live.fence(), unwritten.fence());
    }

    @Test
    void aStoppingDispatcher_handsItsWaitingClaimsBack_andClaimsNoMore() {
        PublishJob a1 = jobs.job("x", "a");
        PublishJob a2 = jobs.job("x", "a");
        ops.due(a1, a2);
        Dispatcher dispatcher = dispatcher();
        dispatcher.cycle(true);

        dispatcher.setStopping(true);
        dispatcher.releaseWaiting();

        assertThat(ops.released()).containsExactly(a2);
        assertThat(dispatcher.canClaim()).isFalse();
        assertThat(dispatcher.isStopping()).isTrue();
        ops.due(jobs.job("x", "b"));
        dispatcher.cycle(true);
        assertThat(ops.claims()).hasSize(1);
        assertThat(executor.queued()).isEqualTo(1);
    }

    @Test
    void awaitCalls_returnsWhenTheLastLiveCallFinished_orFalseAtTheGrace() {
        PublishJob job = jobs.job("x", "a");
        ops.due(job);
        Dispatcher dispatcher = dispatcher();
        assertThat(dispatcher.awaitCalls(Duration.ZERO)).as("no call runs").isTrue();
        dispatcher.cycle(true);

        assertThat(dispatcher.awaitCalls(Duration.ZERO)).isFalse();
        executor.runAll();
        assertThat(dispatcher.awaitCalls(Duration.ofHours(1))).isTrue();
    }

    @Test
    void awaitProgress_tellsWhetherTheDispatcherIsIdle() {
        Dispatcher dispatcher = dispatcher();
        assertThat(dispatcher.awaitProgress(ticker.nanoTime())).isTrue();
        ops.due(jobs.job("x", "a"));
        dispatcher.cycle(true);
        assertThat(dispatcher.awaitProgress(ticker.nanoTime()))
                .as("a call runs")
                .isFalse();
        executor.runAll();
        assertThat(dispatcher.awaitProgress(ticker.nanoTime()))
                .as("an outcome is not written")
                .isFalse();
        dispatcher.cycle(false);
        assertThat(dispatcher.awaitProgress(ticker.nanoTime())).isTrue();
    }

    @Test
    void sleep_remembersTheNextDueInstant_forTheStatus() {
        Dispatcher dispatcher = dispatcher();
        Instant due = T0.plusSeconds(3600);
        dispatcher.sleep(Optional.of(due), ticker.nanoTime(), () -> true, false, Long.MIN_VALUE);
        assertThat(dispatcher.status(false, false, Optional.empty()).nextDue()).contains(due);
        assertThat(dispatcher.status(false, false, Optional.empty()).running()).isFalse();
    }
}
