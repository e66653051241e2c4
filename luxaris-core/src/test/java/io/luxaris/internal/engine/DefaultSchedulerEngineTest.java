package io.luxaris.internal.engine;

import static io.luxaris.internal.engine.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.luxaris.domain.FailureKind;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.EngineContext;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.engine.PublishJob;
import io.luxaris.spi.engine.PublishingOperations;
import io.luxaris.spi.engine.RunReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's control: runDue, the background loop, stop, status and wake-ups, against the fake operations. */
class DefaultSchedulerEngineTest {
    private static final Executor DIRECT = Runnable::run;

    private final MutableClock clock = new MutableClock(T0);
    private final ManualTicker ticker = new ManualTicker();
    private final ManualExecutor executor = new ManualExecutor();
    private final FakeOperations ops = new FakeOperations(clock);
    private final Jobs jobs = new Jobs();
    private final List<DefaultSchedulerEngine> engines = new ArrayList<>();
    private final List<FakeOperations.Gate> gates = new ArrayList<>();

    private record Context(PublishingOperations operations, EngineSettings settings, Clock clock, String instanceId)
            implements EngineContext {}

    private static EngineSettings.Builder settings(Executor executor) {
        return EngineSettings.builder()
                .maxConcurrency(4)
                .perConnectionConcurrency(1)
                .claimBatchSize(10)
                .leaseDuration(Duration.ofSeconds(60))
                .maxIdleSleep(Duration.ofHours(1))
                .publishTimeout(Duration.ofMinutes(10))
                .executor(executor);
    }

    private DefaultSchedulerEngine engine(EngineSettings settings) {
        var engine = new DefaultSchedulerEngine(new Context(ops, settings, clock, Jobs.OWNER), ticker);
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void stopEverything() {
        gates.forEach(FakeOperations.Gate::release);
        // a call the background loop hands over while it stops must run too, or close() waits for it forever
        executor.runEverythingFromNowOn();
        engines.forEach(DefaultSchedulerEngine::close);
    }

    /** Polls {@code condition} (a few ms apart, 10 s at most): for what background threads do. */
    static void eventually(String what, BooleanSupplier condition) {
        eventually(what, condition, () -> {});
    }

    static void eventually(String what, BooleanSupplier condition, Runnable between) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            between.run();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private PublishJob[] due(String... accounts) {
        var out = new PublishJob[accounts.length];
        for (int i = 0; i < accounts.length; i++) {
            out[i] = jobs.job("x", accounts[i]);
        }
        ops.due(out);
        return out;
    }

    // ---------------------------------------------------------------- runDue

    @Test
    void runDue_publishesEverythingDueOnTheCallingThread_andReportsWhatItDid() {
        due("a", "b", "c", "d", "e");
        ops.reapAnswer(3);
        DefaultSchedulerEngine engine =
                engine(settings(DIRECT).maxConcurrency(2).build());

        RunReport report = engine.runDue();

        assertThat(report).isEqualTo(new RunReport(5, 0, 0, 0, 0, 3));
        assertThat(ops.publishThreads).containsOnly(Thread.currentThread().getName());
        assertThat(ops.reapThreads()).hasSize(1);
        assertThat(ops.dueCount()).isZero();
        assertThat(engine.status())
                .isEqualTo(new EngineStatus(
                        false, 0, 0, 0, Optional.empty(), Jobs.OWNER, false, false, Optional.empty(), 0));
    }

    @Test
    void runDue_countsEachOutcomeByWhatItDid() {
        PublishJob[] due = due("a", "b", "c", "d");
        ops.answer(due[1], j -> PublishOutcome.failed(FailureKind.RETRYABLE, "http_503", "later"));
        ops.answer(due[2], j -> PublishOutcome.failed(FailureKind.REJECTED, "duplicate", "no"));
        ops.answer(due[3], j -> PublishOutcome.failed(FailureKind.UNKNOWN, "timeout", "who knows"));
        ops.skipOnNextClaim(2);

        RunReport report = engine(settings(DIRECT).build()).runDue();

        assertThat(report).isEqualTo(new RunReport(1, 1, 1, 1, 2, 0));
        assertThat(report.total()).isEqualTo(6);
    }

    @Test
    void runDue_refusesToRunBesideTheBackgroundLoop() {
        DefaultSchedulerEngine engine = engine(settings(DIRECT).build());
        engine.start();

        assertThatThrownBy(engine::runDue)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the background engine is running");

        engine.stop(Duration.ofSeconds(1));
        assertThat(engine.runDue()).isEqualTo(RunReport.empty());
    }

    @Test
    void whileRunDueRuns_startAndASecondRunDueAreRefused() throws InterruptedException {
        PublishJob[] due = due("a");
        FakeOperations.Gate gate = ops.hold(due[0]);
        gates.add(gate);
        DefaultSchedulerEngine engine = engine(settings(DIRECT).build());
        var report = new AtomicReference<RunReport>();
        var caller = new Thread(() -> report.set(engine.runDue()));
        caller.start();
        gate.awaitEntered();

        assertThatThrownBy(engine::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runDue() is running");
        assertThatThrownBy(engine::runDue)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already running");

        gate.release();
        caller.join(10_000);
        assertThat(report.get().published()).isEqualTo(1);
        engine.start();
        assertThat(engine.status().running()).isTrue();
    }

    @Test
    void runDue_throwsWhenTheOutcomesCannotBeWritten_andKeepsThemForTheNextCall() {
        PublishJob[] due = due("a", "b");
        ops.completionsFail(true);
        DefaultSchedulerEngine engine = engine(settings(DIRECT).build());

        assertThatThrownBy(engine::runDue).isInstanceOf(StorageException.class);
        assertThat(engine.status().pendingCompletions()).isEqualTo(2);

        theStoreIsBack_andTheNextRunDueWritesBothOutcomesOnce(engine, due);
    }

    private void theStoreIsBack_andTheNextRunDueWritesBothOutcomesOnce(
            DefaultSchedulerEngine engine, PublishJob[] due) {
        ops.completionsFail(false);
        RunReport report = engine.runDue();

        assertThat(report.published()).isEqualTo(2);
        assertThat(ops.writtenFor(due[0])).hasSize(1);
        assertThat(ops.writtenFor(due[1])).hasSize(1);
        assertThat(ops.publishes()).as("published once").hasSize(2);
    }

    @Test
    void theDefaultEngine_publishesOnItsOwnThreads_andCloseEndsThem() {
        due("a", "b", "c");
        DefaultSchedulerEngine engine = engineOnItsOwnPool(2);

        RunReport report = engine.runDue();
        engine.close();

        assertThat(report.published()).isEqualTo(3);
        assertThat(ops.publishThreads).allSatisfy(name -> assertThat(name).startsWith("luxaris-publish-"));
    }

    private DefaultSchedulerEngine engineOnItsOwnPool(int maxConcurrency) {
        var engine = DefaultSchedulerEngine.create(new Context(
                ops,
                EngineSettings.builder()
                        .maxConcurrency(maxConcurrency)
                        .leaseDuration(Duration.ofSeconds(60))
                        .build(),
                clock,
                Jobs.OWNER));
        engines.add(engine);
        return engine;
    }

    /** Runs runDue() on a thread of its own: what it returned, or what it threw. */
    private static final class Caller {
        final AtomicReference<RunReport> report = new AtomicReference<>();
        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        final Thread thread;

        Caller(DefaultSchedulerEngine engine) {
            thread = new Thread(() -> {
                try {
                    report.set(engine.runDue());
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            thread.start();
        }

        /** Parked in runDue() until its calls make progress (it waits with a deadline). */
        void awaitWaiting() {
            eventually(
                    "runDue()'s caller to wait for its calls", () -> thread.getState() == Thread.State.TIMED_WAITING);
        }

        void join() throws InterruptedException {
            thread.join(10_000);
            assertThat(thread.isAlive()).as("runDue() returned").isFalse();
        }
    }

    private FakeOperations.Gate hold(PublishJob job) {
        FakeOperations.Gate gate = ops.hold(job);
        gates.add(gate);
        return gate;
    }

    /** Calls runDue() on a thread of its own; returns once the held call began and the caller waits for it. */
    private static Caller runDueUntilItWaitsFor(FakeOperations.Gate heldCall, DefaultSchedulerEngine engine) {
        var caller = new Caller(engine);
        heldCall.awaitEntered();
        caller.awaitWaiting();
        return caller;
    }

    @Test
    void runDue_onItsPool_thePublishThreadThatBringsAnOutcomeBack_writesItAndClaimsTheNext_whileTheCallerWaits()
            throws InterruptedException {
        PublishJob[] due = due("a", "b", "c", "d");
        FakeOperations.Gate gate = hold(due[0]);
        var caller = runDueUntilItWaitsFor(gate, engineOnItsOwnPool(1));

        gate.release();
        caller.join();

        assertThat(caller.report.get().published()).isEqualTo(4);
        assertThat(ops.written())
                .extracting(r -> r.job().schedule().id())
                .containsExactly(
                        due[0].schedule().id(),
                        due[1].schedule().id(),
                        due[2].schedule().id(),
                        due[3].schedule().id());
        assertThat(ops.publishes()).as("published once").hasSize(4);
        List<String> claimedOn =
                ops.claimThreads().stream().map(Thread::getName).toList();
        assertThat(claimedOn).first().as("the first claim's thread").isEqualTo(caller.thread.getName());
        assertThat(claimedOn)
                .as("the threads of the claims after the first outcome came back")
                .anySatisfy(name -> assertThat(name).startsWith("luxaris-publish-"));
    }

    @Test
    void runDue_onItsPool_aStoreFailureInACycleAPublishThreadRuns_isThrownByRunDue_andTheOutcomesAreKept()
            throws InterruptedException {
        PublishJob[] due = due("a", "b");
        FakeOperations.Gate gate = hold(due[0]);
        DefaultSchedulerEngine engine = engineOnItsOwnPool(1);
        var caller = runDueUntilItWaitsFor(gate, engine);

        ops.completionsFail(true);
        gate.release();
        caller.join();

        assertThat(caller.thrown.get()).isInstanceOf(StorageException.class);
        // b was claimed by the publish thread's cycle: its call may still be running when runDue() throws
        eventually("both outcomes kept", () -> engine.status().pendingCompletions() == 2);

        theStoreIsBack_andTheNextRunDueWritesBothOutcomesOnce(engine, due);
    }

    @Test
    void runDue_onItsPool_anOutcomeThatComesBackWhileTheCallerIsInACycle_isLeftToTheCaller_andNothingWaitsForATask()
            throws InterruptedException {
        PublishJob[] first = due("a");
        FakeOperations.Gate call = ops.hold(first[0]);
        gates.add(call);
        DefaultSchedulerEngine engine = engineOnItsOwnPool(2);
        var caller = new Caller(engine);
        call.awaitEntered();
        FakeOperations.Gate start = ops.holdNextStart();
        gates.add(start);
        PublishJob[] second = due("b");
        start.awaitEntered(); // the caller's next cycle claimed b and is starting it

        call.release(); // a's outcome comes back while the caller is in its cycle
        eventually("a's outcome buffered", () -> engine.status().pendingCompletions() == 1);
        start.release();
        caller.join();

        assertThat(caller.report.get().published()).isEqualTo(2);
        assertThat(ops.writtenFor(first[0])).hasSize(1);
        assertThat(ops.writtenFor(second[0])).hasSize(1);
    }

    @Test
    void runDue_onItsPool_anErrorInACyclePublishThreadRuns_leavesTheNextJobsToAnotherTask()
            throws InterruptedException {
        aPublishThreadWritesAsOutcome_thenItsClaimFails_andRunDuePublishesB(
                () -> ops.errorOnNextClaim(new Error("the store's driver broke (test)")));
    }

    @Test
    void runDue_onItsPool_aClaimThatFailsInACyclePublishThreadRuns_isRetriedByTheCaller_andTheReportCountsEveryOutcome()
            throws InterruptedException {
        aPublishThreadWritesAsOutcome_thenItsClaimFails_andRunDuePublishesB(
                () -> ops.failNextClaim(new StorageException("the claim failed once (test)", null, true)));
    }

    /**
     * a's call is held while runDue()'s caller waits (one call in flight); b comes due and the next claim is set to
     * fail; a returns: the publish thread writes a's outcome and its claim fails. The caller's next cycle claims b.
     */
    private void aPublishThreadWritesAsOutcome_thenItsClaimFails_andRunDuePublishesB(Runnable failTheNextClaim)
            throws InterruptedException {
        PublishJob[] first = due("a");
        FakeOperations.Gate call = hold(first[0]);
        var caller = runDueUntilItWaitsFor(call, engineOnItsOwnPool(1));
        failTheNextClaim.run();
        PublishJob[] second = due("b");

        call.release();
        caller.join();

        assertThat(caller.report.get().published())
                .as("a, written by the publish thread, and b")
                .isEqualTo(2);
        assertThat(ops.writtenFor(first[0])).hasSize(1);
        assertThat(ops.writtenFor(second[0]))
                .as("b, claimed by the caller's next cycle")
                .hasSize(1);
    }

    @Test
    void runDue_onItsPool_aCallThatHangs_holdsBackNoOtherCall_andRunDueWaitsForIt() throws InterruptedException {
        PublishJob[] due = due("a", "b", "c", "d", "e", "f");
        FakeOperations.Gate gate = ops.hold(due[0]);
        gates.add(gate);
        DefaultSchedulerEngine engine = engineOnItsOwnPool(2);
        var caller = new Caller(engine);

        eventually("every other outcome written", () -> ops.written().size() == 5);
        assertThat(caller.thread.isAlive())
                .as("runDue() waits for the hanging call")
                .isTrue();
        assertThat(ops.writtenFor(due[0])).isEmpty();

        gate.release();
        caller.join();

        assertThat(caller.report.get().published()).isEqualTo(6);
        assertThat(ops.writtenFor(due[0])).hasSize(1);
    }

    // ---------------------------------------------------------------- the background loop

    @Test
    void start_publishesInTheBackground_andStopEndsIt() {
        due("a", "b", "c");
        DefaultSchedulerEngine engine = engine(settings(DIRECT).build());

        engine.start();
        engine.start(); // idempotent

        eventually("three outcomes written", () -> ops.written().size() == 3);
        assertThat(ops.publishThreads).containsOnly("luxaris-engine-1");
        assertThat(new HashSet<>(ops.reapThreads())).hasSize(1);
        assertThat(engine.status().running()).isTrue();

        engine.stop(Duration.ofSeconds(1));

        assertThat(engine.status().running()).isFalse();
        assertThat(ops.reapThreads().get(0).isAlive()).isFalse();
        engine.stop(Duration.ofSeconds(1)); // stopping a stopped engine does nothing
    }

    @Test
    void startAfterStop_runsOneLoop() {
        DefaultSchedulerEngine engine = engine(settings(DIRECT).build());
        engine.start();
        eventually("the first loop", () -> !ops.reapThreads().isEmpty());
        Thread first = ops.reapThreads().get(0);
        engine.stop(Duration.ofSeconds(1));

        engine.start();
        due("a");
        eventually("the job published", () -> ops.written().size() == 1, () -> engine.wakeUp(clock.instant()));

        assertThat(first.isAlive()).isFalse();
        List<Thread> loops = new ArrayList<>(new HashSet<>(ops.reapThreads()));
        assertThat(loops).hasSize(2);
        assertThat(ops.publishThreads).hasSize(1);
    }

    @Test
    void aLoopStoppedAndRestartedFromItsOwnThread_ends_andOneLoopRemains() throws InterruptedException {
        DefaultSchedulerEngine engine = engine(settings(DIRECT).build());
        var once = new AtomicBoolean();
        ops.onReap(() -> {
            if (once.compareAndSet(false, true)) {
                // a listener or plugin on the coordinator thread restarts the engine: stop cannot join itself
                engine.stop(Duration.ofSeconds(1));
                engine.start();
            }
        });

        engine.start();
        eventually("the restart", once::get);
        eventually("a second loop", () -> ops.claimThreads().size() == 2);
        Thread first = ops.reapThreads().get(0);
        first.join(10_000);

        assertThat(first.isAlive()).as("the stale loop ended").isFalse();
        Thread second =
                ops.claimThreads().stream().filter(t -> t != first).findFirst().orElseThrow();
        assertThat(second.isAlive()).isTrue();
        assertThat(engine.status().running()).isTrue();
    }

    @Test
    void status_tellsWhatRunsAndWaits() {
        PublishJob[] due = due("a", "a");
        DefaultSchedulerEngine engine =
                engine(settings(executor).maxConcurrency(2).build());
        assertThat(engine.status())
                .isEqualTo(new EngineStatus(
                        false, 0, 0, 0, Optional.empty(), Jobs.OWNER, false, false, Optional.empty(), 0));

        engine.start();

        eventually(
                "one job running, one waiting",
                () -> engine.status().inFlight() == 1 && engine.status().queued() == 1 && executor.queued() == 1);
        assertThat(engine.status())
                .usingRecursiveComparison()
                .ignoringFields("lastLoopAt")
                .isEqualTo(new EngineStatus(
                        true, 1, 1, 0, Optional.empty(), Jobs.OWNER, false, true, Optional.empty(), 0));
        assertThat(engine.status().lastLoopAt()).isPresent();
        assertThat(executor.queued()).isEqualTo(1);
        executor.runNext();
        eventually("the second job running", () -> executor.queued() == 1);
        executor.runNext();
        eventually("both written", () -> ops.written().size() == 2);
        assertThat(ops.written()).extracting(r -> r.job()).containsExactly(due[0], due[1]);
    }

    @Test
    void status_tellsWhenTheNextScheduleIsDue() {
        Instant next = T0.plus(Duration.ofHours(1));
        ops.nextDue(Optional.of(next));
        DefaultSchedulerEngine engine = engine(settings(DIRECT).build());

        engine.start();

        eventually(
                "the loop asleep until the next due instant",
                () -> engine.status().nextDue().isPresent());
        assertThat(engine.status().nextDue()).contains(next);
    }

    @Test
    void wakeUp_wakesTheSleepingLoop() {
        DefaultSchedulerEngine engine = engine(settings(DIRECT).build());
        engine.start();
        eventually("the loop running", () -> !ops.reapThreads().isEmpty());
        PublishJob[] due = due("a"); // the hand-driven ticker never moves: only a wake-up ends the sleep

        eventually("the job published", () -> ops.writtenFor(due[0]).size() == 1, () -> engine.wakeUp(clock.instant()));
    }

    @Test
    void afterAClaimThatFoundSome_theNextClaimWaitsForTheClaimPace_evenWhenWokenUp() throws InterruptedException {
        DefaultSchedulerEngine engine = engine(settings(DIRECT).build());
        PublishJob[] first = due("a");
        engine.start();
        eventually("a published", () -> ops.writtenFor(first[0]).size() == 1);
        int claims = ops.claims().size();
        PublishJob[] second = due("b");

        engine.wakeUp(clock.instant()); // b is due now, but the loop claimed some a moment ago
        Thread.sleep(200);
        assertThat(ops.claims())
                .as("no claim within the pace (the ticker has not moved)")
                .hasSize(claims);

        ticker.advance(Duration.ofNanos(DefaultSchedulerEngine.CLAIM_PACE_NANOS));
        eventually("b published after the pace", () -> ops.writtenFor(second[0]).size() == 1);
    }

    @Test
    void aWakeUpJustBeforeTheLoopSleeps_isNotLost() {
        DefaultSchedulerEngine engine = engine(settings(DIRECT).build());
        var job = jobs.job("x", "a");
        var once = new AtomicBoolean();
        ops.onNextDue(() -> {
            if (once.compareAndSet(false, true)) {
                // a schedule is created and committed right after the loop looked: its wake-up comes now
                ops.due(job);
                engine.wakeUp(clock.instant());
            }
        });

        engine.start();

        eventually("the job published", () -> ops.writtenFor(job).size() == 1);
    }

    @Test
    void aStorageFailureInTheLoop_isRetriedAfterAPause() {
        PublishJob[] due = due("a");
        ops.failNextClaim(new StorageException("connection refused (test)", null, true));
        ops.failNextClaim(new IllegalStateException("a bug (test)"));
        DefaultSchedulerEngine engine = engine(settings(DIRECT).build());

        engine.start();

        eventually(
                "the job published after two failed claims",
                () -> ops.writtenFor(due[0]).size() == 1,
                () -> ticker.advance(Duration.ofSeconds(1)));
        assertThat(ops.claims().size()).isGreaterThanOrEqualTo(3);
        assertThat(engine.status().running()).isTrue();
    }

    @Test
    void theHeartbeat_extendsTheLeasesOfWhatWaits_runs_orHasAnOutcomeNotYetWritten() {
        PublishJob[] due = due("a", "a", "b");
        EngineSettings settings = settings(executor).build();
        DefaultSchedulerEngine engine = engine(settings);
        engine.start();
        // the status counts a job in flight just before its call reaches the executor: wait for the task there
        eventually(
                "two jobs running, one waiting",
                () -> engine.status().inFlight() == 2 && engine.status().queued() == 1 && executor.queued() == 1);
        assertThat(ops.heartbeats()).isEmpty();

        ticker.advance(settings.heartbeatInterval());
        ops.completionsFail(true); // the writer cannot write the outcomes yet: they stay held
        executor.runNext(); // one task runs both calls; the writer fails to write them, the heartbeat is due

        eventually("a heartbeat", () -> !ops.heartbeats().isEmpty());
        assertThat(ops.heartbeats().get(0))
                .as("the outcomes of a1 and b not yet written, a2 waiting")
                .containsExactlyInAnyOrder(due[0].fence(), due[1].fence(), due[2].fence());
        ops.completionsFail(false); // the store is back: the engine can write it when it stops
    }

    @Test
    void stop_handsBackWaitingClaims_letsRunningCallsFinish_andWritesTheirOutcomes() throws InterruptedException {
        PublishJob[] due = due("a", "a");
        DefaultSchedulerEngine engine = engine(settings(executor).build());
        engine.start();
        eventually(
                "one job running, one waiting",
                () -> engine.status().inFlight() == 1 && engine.status().queued() == 1 && executor.queued() == 1);

        var stopper = new Thread(() -> engine.stop(Duration.ofHours(1)));
        stopper.start();
        eventually("the waiting claim handed back", () -> ops.released().contains(due[1]));
        assertThat(stopper.isAlive()).as("stop waits for the running call").isTrue();
        executor.runAll();
        stopper.join(10_000);

        assertThat(stopper.isAlive()).isFalse();
        assertThat(ops.writtenFor(due[0])).hasSize(1);
        assertThat(ops.publishes()).containsExactly(due[0]);
        assertThat(engine.status().running()).isFalse();
        assertThat(engine.status().pendingCompletions()).isZero();
    }

    @Test
    void stop_whileTheLoopIsStartingABatch_waitsForTheCallsThatStartLaunches_andWritesTheirOutcomes()
            throws InterruptedException {
        PublishJob[] due = due("a");
        FakeOperations.Gate start = ops.holdNextStart();
        gates.add(start);
        DefaultSchedulerEngine engine = engine(settings(executor).build());
        engine.start();
        start.awaitEntered(); // the store is recording a as processing

        var stopper = new Thread(() -> engine.stop(Duration.ofHours(1)));
        stopper.start();
        eventually("the engine stopping", () -> !engine.status().running());
        start.release();
        eventually("the started call handed to the executor", () -> executor.queued() == 1);
        stopper.join(200);
        assertThat(stopper.isAlive())
                .as("stop waits for the call the start launched")
                .isTrue();
        executor.runAll();
        stopper.join(10_000);

        assertThat(stopper.isAlive()).isFalse();
        assertThat(ops.writtenFor(due[0]))
                .as("its outcome written before stop returned")
                .hasSize(1);
        assertThat(ops.released()).isEmpty();
        assertThat(engine.status().pendingCompletions()).isZero();
    }

    @Test
    void stop_byAnInterruptedThread_stopsWaitingForRunningCalls_insteadOfSpinningUntilTheGraceEnds() {
        due("a");
        DefaultSchedulerEngine engine = engine(settings(executor).build());
        engine.start();
        eventually("the call running", () -> executor.queued() == 1);

        // the manual ticker never reaches the grace's end: only giving up on the interrupt lets stop return
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Thread.currentThread().interrupt();
            try {
                engine.stop(Duration.ofHours(1));
                assertThat(Thread.currentThread().isInterrupted())
                        .as("the interrupt is kept")
                        .isTrue();
            } finally {
                Thread.interrupted();
            }
        });

        assertThat(engine.status().running()).isFalse();
        assertThat(engine.status().inFlight()).isEqualTo(1);
    }

    @Test
    void stop_returnsAfterTheGrace_whenACallIsStillRunning() {
        due("a");
        // the system ticker, and short deadlines of the loop: see WaiterTest.twoWaiters_eachKeepTheirOwnDeadline
        EngineSettings settings = settings(executor)
                .leaseDuration(Duration.ofSeconds(2))
                .reapInterval(Duration.ofMillis(500))
                .build();
        var engine = new DefaultSchedulerEngine(new Context(ops, settings, clock, Jobs.OWNER));
        engines.add(engine);
        engine.start();
        eventually("the call running", () -> executor.queued() == 1);

        engine.stop(Duration.ofMillis(20));

        assertThat(engine.status().running()).isFalse();
        assertThat(engine.status().inFlight()).isEqualTo(1);
        executor.runAll(); // it answers after the engine stopped: the outcome waits for the next run
        assertThat(engine.status().pendingCompletions()).isEqualTo(1);
        assertThat(engine.runDue().published()).isEqualTo(1);
    }
}
