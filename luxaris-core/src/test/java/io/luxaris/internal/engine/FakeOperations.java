package io.luxaris.internal.engine;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.ScheduleId;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.ClaimedJobs;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import io.luxaris.spi.engine.PublishingOperations;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.storage.Fence;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link PublishingOperations} in memory for engine tests: a queue of due (already claimed) jobs, every call
 * recorded, and scriptable failures: claim, start and complete throwing transient or non-transient {@link
 * StorageException}s, publish answering any outcome, throwing, or blocking until the test releases it.
 */
final class FakeOperations implements PublishingOperations {
    /** One call of {@link #claim}. */
    record ClaimCall(int limit, Set<ConnectionId> busy, Set<ChannelId> busyChannels) {}

    /** Holds one publish until {@link #release()}; {@link #entered} opens when the publish began. */
    static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void release() {
            released.countDown();
        }

        void awaitEntered() {
            await(entered, "the publish to begin");
        }

        private void hold() {
            entered.countDown();
            await(released, "the test to release the publish");
        }
    }

    private final Clock clock;
    private final ArrayDeque<PublishJob> due = new ArrayDeque<>();
    private final ArrayDeque<RuntimeException> claimFailures = new ArrayDeque<>();
    private final ArrayDeque<Error> claimErrors = new ArrayDeque<>();
    private final ArrayDeque<RuntimeException> startFailures = new ArrayDeque<>();
    private final ArrayDeque<RuntimeException> releaseFailures = new ArrayDeque<>();
    private final Set<ScheduleId> startRefused = new HashSet<>();
    private final Map<ScheduleId, RuntimeException> unwritable = new HashMap<>();
    private final Map<ScheduleId, Gate> gates = new ConcurrentHashMap<>();
    private final Map<ScheduleId, Function<PublishJob, PublishOutcome>> answers = new ConcurrentHashMap<>();
    private volatile Function<PublishJob, PublishOutcome> defaultAnswer =
            job -> PublishOutcome.published("post-of-" + job.schedule().id(), null);
    private boolean storeDown;
    private boolean completionsFail;
    private int skipsPerClaim;
    private Optional<Instant> nextDue = Optional.empty();
    private @Nullable Gate startGate;
    private Runnable onReap = () -> {};
    private Runnable onNextDue = () -> {};

    final List<ClaimCall> claims = new ArrayList<>();
    final List<List<PublishJob>> starts = new ArrayList<>();
    final List<PublishJob> publishes = new ArrayList<>();
    final List<List<JobResult>> completeCalls = new ArrayList<>();
    final List<JobResult> written = new ArrayList<>();
    final List<PublishJob> released = new ArrayList<>();
    final List<List<Fence>> heartbeats = new ArrayList<>();
    final List<Thread> reapThreads = new ArrayList<>();
    final List<Thread> claimThreads = new ArrayList<>();
    final List<String> publishThreads = new ArrayList<>();
    /** Releases and completions in the order they reached the store: "release a" / "complete a". */
    final List<String> sequence = new ArrayList<>();

    private int reapAnswer;

    FakeOperations(Clock clock) {
        this.clock = clock;
    }

    // ---------------------------------------------------------------- scripting

    synchronized FakeOperations due(PublishJob... jobs) {
        due.addAll(List.of(jobs));
        return this;
    }

    synchronized int dueCount() {
        return due.size();
    }

    synchronized void failNextClaim(RuntimeException e) {
        claimFailures.add(e);
    }

    synchronized void errorOnNextClaim(Error e) {
        claimErrors.add(e);
    }

    synchronized void failNextStart(RuntimeException e) {
        startFailures.add(e);
    }

    synchronized void failNextRelease(RuntimeException e) {
        releaseFailures.add(e);
    }

    /** start() leaves these out, as when their claim no longer holds. */
    synchronized void refuseStart(PublishJob job) {
        startRefused.add(job.schedule().id());
    }

    /** Every complete() throws a transient failure while the store is down. */
    /** The whole store is down: claims, starts, completions and heartbeats fail transiently. */
    synchronized void storeDown(boolean value) {
        storeDown = value;
    }

    /** Only writing outcomes fails transiently (claims and starts still work). */
    synchronized void completionsFail(boolean value) {
        completionsFail = value;
    }

    private void failIfDown() {
        if (storeDown) {
            throw new StorageException("the store is down (test)", null, true);
        }
    }

    /** A batch holding this job's failure (as received; once degraded it is written) throws {@code e}. */
    synchronized void cannotWrite(PublishJob job, RuntimeException e) {
        unwritable.put(job.schedule().id(), e);
    }

    synchronized void canWriteAgain(PublishJob job) {
        unwritable.remove(job.schedule().id());
    }

    /** The next claim also reports this many schedules skipped. */
    synchronized void skipOnNextClaim(int n) {
        skipsPerClaim = n;
    }

    synchronized void nextDue(Optional<Instant> value) {
        nextDue = value;
    }

    /** What reap() answers: how many schedules it changed. */
    synchronized void reapAnswer(int n) {
        reapAnswer = n;
    }

    /** Runs on the caller's thread each time nextDue() has been read. */
    synchronized void onNextDue(Runnable hook) {
        onNextDue = hook;
    }

    synchronized void onReap(Runnable hook) {
        onReap = hook;
    }

    void answer(Function<PublishJob, PublishOutcome> answer) {
        defaultAnswer = answer;
    }

    void answer(PublishJob job, Function<PublishJob, PublishOutcome> answer) {
        answers.put(job.schedule().id(), answer);
    }

    /** The publish of {@code job} blocks until the returned gate is released. */
    Gate hold(PublishJob job) {
        var gate = new Gate();
        gates.put(job.schedule().id(), gate);
        return gate;
    }

    /** The next start() blocks, after recording its jobs, until the returned gate is released. */
    synchronized Gate holdNextStart() {
        var gate = new Gate();
        startGate = gate;
        return gate;
    }

    synchronized List<JobResult> writtenFor(PublishJob job) {
        return written.stream()
                .filter(r -> r.job().schedule().id().equals(job.schedule().id()))
                .toList();
    }

    synchronized List<Fence> lastHeartbeat() {
        return heartbeats.get(heartbeats.size() - 1);
    }

    synchronized List<PublishJob> publishes() {
        return List.copyOf(publishes);
    }

    synchronized List<JobResult> written() {
        return List.copyOf(written);
    }

    synchronized List<PublishJob> released() {
        return List.copyOf(released);
    }

    // ---------------------------------------------------------------- the operations

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public synchronized ClaimedJobs claim(int limit, Set<ConnectionId> busy, Set<ChannelId> busyChannels) {
        failIfDown();
        claims.add(new ClaimCall(limit, Set.copyOf(busy), Set.copyOf(busyChannels)));
        claimThreads.add(Thread.currentThread());
        if (!claimFailures.isEmpty()) {
            throw claimFailures.poll();
        }
        if (!claimErrors.isEmpty()) {
            throw claimErrors.poll();
        }
        var jobs = new ArrayList<PublishJob>();
        int skipped = Math.min(skipsPerClaim, limit);
        skipsPerClaim = 0;
        for (Iterator<PublishJob> it = due.iterator(); it.hasNext() && jobs.size() + skipped < limit; ) {
            PublishJob job = it.next();
            if (busy.contains(job.connection().id())
                    || busyChannels.contains(job.channel().id())) {
                continue;
            }
            it.remove();
            jobs.add(job);
        }
        return new ClaimedJobs(jobs, skipped);
    }

    @Override
    public List<PublishJob> start(List<PublishJob> jobs) {
        Gate gate;
        synchronized (this) {
            failIfDown();
            starts.add(List.copyOf(jobs));
            gate = startGate;
            startGate = null;
        }
        if (gate != null) {
            gate.hold(); // outside the monitor: the test and the other threads go on meanwhile
        }
        synchronized (this) {
            if (!startFailures.isEmpty()) {
                throw startFailures.poll();
            }
            return jobs.stream()
                    .filter(j -> !startRefused.contains(j.schedule().id()))
                    .toList();
        }
    }

    @Override
    public JobResult publish(PublishJob job) {
        synchronized (this) {
            publishes.add(job);
            publishThreads.add(Thread.currentThread().getName());
        }
        Gate gate = gates.get(job.schedule().id());
        if (gate != null) {
            gate.hold();
        }
        Instant started = clock.instant();
        PublishOutcome outcome =
                answers.getOrDefault(job.schedule().id(), defaultAnswer).apply(job);
        return new JobResult(job, outcome, started, clock.instant());
    }

    @Override
    public synchronized RunReport complete(List<JobResult> results) {
        completeCalls.add(List.copyOf(results));
        if (storeDown || completionsFail) {
            throw new StorageException("the store is down (test)", null, true);
        }
        for (JobResult r : results) {
            RuntimeException e = unwritable.get(r.job().schedule().id());
            if (e != null && !isDegraded(r)) {
                throw e;
            }
        }
        written.addAll(results);
        results.forEach(r -> sequence.add("complete " + r.job().connection().displayName()));
        RunReport report = RunReport.empty();
        for (JobResult r : results) {
            report = report.plus(count(r.outcome()));
        }
        return report;
    }

    /** What Completions writes when it gives up the platform's text of a failure. */
    private static boolean isDegraded(JobResult r) {
        return r.outcome() instanceof PublishOutcome.Failed f && f.code().equals("outcome_unstorable");
    }

    static RunReport count(PublishOutcome outcome) {
        if (outcome instanceof PublishOutcome.Published) {
            return new RunReport(1, 0, 0, 0, 0, 0);
        }
        FailureKind kind = ((PublishOutcome.Failed) outcome).kind();
        return switch (kind) {
            case RETRYABLE, RATE_LIMITED -> new RunReport(0, 0, 1, 0, 0, 0);
            case UNKNOWN -> new RunReport(0, 0, 0, 1, 0, 0);
            default -> new RunReport(0, 1, 0, 0, 0, 0);
        };
    }

    @Override
    public synchronized void release(Collection<PublishJob> jobs) {
        if (!releaseFailures.isEmpty()) {
            throw releaseFailures.poll();
        }
        released.addAll(jobs);
        jobs.forEach(j -> sequence.add("release " + j.connection().displayName()));
    }

    @Override
    public synchronized int heartbeat(Collection<Fence> held) {
        failIfDown();
        heartbeats.add(List.copyOf(held));
        return held.size();
    }

    @Override
    public int reap() {
        Runnable hook;
        int answer;
        synchronized (this) {
            reapThreads.add(Thread.currentThread());
            hook = onReap;
            answer = reapAnswer;
        }
        hook.run();
        return answer;
    }

    synchronized List<Thread> reapThreads() {
        return List.copyOf(reapThreads);
    }

    synchronized Set<Thread> claimThreads() {
        return new java.util.LinkedHashSet<>(claimThreads);
    }

    synchronized List<ClaimCall> claims() {
        return List.copyOf(claims);
    }

    synchronized List<List<Fence>> heartbeats() {
        return List.copyOf(heartbeats);
    }

    @Override
    public Optional<Instant> nextDue() {
        Optional<Instant> answer;
        Runnable hook;
        synchronized (this) {
            answer = nextDue;
            hook = onNextDue;
        }
        hook.run();
        return answer;
    }

    @Override
    public String instanceId() {
        return Jobs.OWNER;
    }

    static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }
}
