package io.luxaris.internal.engine;

import static io.luxaris.internal.engine.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.FailureKind;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CompletionsTest {
    private final Jobs jobs = new Jobs();
    /** What the buffer said left for good (written, given up, dropped): the engine frees those calls' slots. */
    private final List<JobResult> settled = new ArrayList<>();

    /** A writer that records what it wrote and throws what {@code failure} says for a batch. */
    private static final class Writer implements Function<List<JobResult>, RunReport> {
        final List<List<JobResult>> calls = new ArrayList<>();
        final List<JobResult> written = new ArrayList<>();
        Function<List<JobResult>, RuntimeException> failure = batch -> null;

        @Override
        public RunReport apply(List<JobResult> batch) {
            if (calls.size() >= 1_000) {
                throw new AssertionError("flush did not return after 1000 writes: it retries the same outcomes");
            }
            calls.add(List.copyOf(batch));
            RuntimeException e = failure.apply(batch);
            if (e != null) {
                throw e;
            }
            written.addAll(batch);
            RunReport report = RunReport.empty();
            for (JobResult r : batch) {
                report = report.plus(FakeOperations.count(r.outcome()));
            }
            return report;
        }

        /** Fails every batch holding a result that matches. */
        void failWhen(Predicate<JobResult> match, RuntimeException e) {
            failure = batch -> batch.stream().anyMatch(match) ? e : null;
        }
    }

    private static StorageException transientFailure() {
        return new StorageException("connection lost (test)", null, true);
    }

    private static StorageException permanentFailure() {
        return new StorageException("value too long (test)", null, false);
    }

    private JobResult published(String account) {
        var job = jobs.job("x", account);
        return new JobResult(job, PublishOutcome.published("id-" + account, "https://x/" + account), T0, T0);
    }

    private JobResult rejected(String account) {
        var job = jobs.job("x", account);
        var outcome = new PublishOutcome.Failed(
                FailureKind.REJECTED,
                "duplicate",
                "the platform refused it",
                Optional.empty(),
                Optional.of("{\"raw\":true}"),
                Map.of("part", "1"));
        return new JobResult(job, outcome, T0, T0);
    }

    private List<JobResult> published(int n) {
        var out = new ArrayList<JobResult>();
        for (int i = 0; i < n; i++) {
            out.add(published("@" + i));
        }
        return out;
    }

    private Completions buffered(int batchSize, List<JobResult> results) {
        var completions = new Completions(batchSize, settled::addAll);
        results.forEach(completions::add);
        return completions;
    }

    @Test
    void outcomesAreWrittenInBatchesOfTheBatchSize_inOrder() {
        List<JobResult> results = published(5);
        var completions = buffered(2, results);
        var writer = new Writer();

        Completions.Flushed flushed = completions.flush(writer);

        assertThat(writer.calls).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(writer.written).containsExactlyElementsOf(results);
        assertThat(flushed.report().published()).isEqualTo(5);
        assertThat(flushed.storeDown()).isEmpty();
        assertThat(completions.size()).isZero();
    }

    @Test
    void aBatchFailingNonTransiently_isWrittenOneByOne() {
        List<JobResult> results = published(3);
        var completions = buffered(10, results);
        var writer = new Writer();
        writer.failure = batch -> batch.size() > 1 ? permanentFailure() : null;

        Completions.Flushed flushed = completions.flush(writer);

        assertThat(writer.calls).extracting(List::size).containsExactly(3, 1, 1, 1);
        assertThat(writer.written).containsExactlyElementsOf(results);
        assertThat(flushed.report().published()).isEqualTo(3);
        assertThat(flushed.storeDown()).isEmpty();
    }

    @Test
    void aPoisonOutcome_isWrittenDegraded_andTheOthersAreWritten() {
        JobResult first = published("@a");
        JobResult poison = rejected("@poison");
        JobResult last = published("@c");
        var completions = buffered(10, List.of(first, poison, last));
        var writer = new Writer();
        writer.failWhen(r -> r.equals(poison), permanentFailure());

        Completions.Flushed flushed = completions.flush(writer);

        assertThat(writer.written).hasSize(3);
        assertThat(writer.written).contains(first, last);
        JobResult degraded = writer.written.stream()
                .filter(r -> r.job().equals(poison.job()))
                .findFirst()
                .orElseThrow();
        var outcome = (PublishOutcome.Failed) degraded.outcome();
        assertThat(outcome.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(outcome.code()).isEqualTo("outcome_unstorable");
        assertThat(outcome.rawResponse()).isEmpty();
        assertThat(outcome.checkpoint()).isEmpty();
        assertThat(flushed.report().failed()).isEqualTo(1);
        assertThat(flushed.report().published()).isEqualTo(2);
        assertThat(completions.size()).isZero();
    }

    @Test
    void anOutcomeThatCannotBeWrittenEvenDegraded_isGivenUp_andTheOthersAreWritten() {
        JobResult poison = rejected("@poison");
        JobResult other = published("@b");
        var completions = buffered(10, List.of(poison, other));
        var writer = new Writer();
        writer.failWhen(r -> r.job().equals(poison.job()), permanentFailure());

        Completions.Flushed flushed = completions.flush(writer);

        assertThat(writer.written).containsExactly(other);
        assertThat(flushed.storeDown()).isEmpty();
        assertThat(completions.size())
                .as("given up: its lease expires and the reaper takes it")
                .isZero();
        assertThat(settled).as("given up leaves for good too").containsExactlyInAnyOrder(poison, other);
    }

    @Test
    void aDegradedWriteFailingTransiently_keepsTheOutcomeForTheNextFlush() {
        JobResult poison = rejected("@poison");
        JobResult other = published("@b");
        var completions = buffered(10, List.of(poison, other));
        var writer = new Writer();
        writer.failure = batch -> {
            for (JobResult r : batch) {
                if (r.equals(poison)) {
                    return permanentFailure(); // as received: refused for good
                }
                if (r.job().equals(poison.job())) {
                    return transientFailure(); // degraded: the store hiccups
                }
            }
            return null;
        };

        completions.flush(writer);

        assertThat(writer.written).containsExactly(other);
        assertThat(completions.fences()).containsExactly(poison.job().fence());
        assertThat(settled).as("the kept outcome has not left").containsExactly(other);
    }

    @Test
    void anOutcomeFailingTransientlyWhileOthersAreWritten_isWrittenDegradedAfterItsStrikes() {
        JobResult suspect = rejected("@suspect");
        var writer = new Writer();
        writer.failWhen(r -> r.equals(suspect), transientFailure());
        var completions = new Completions(10, settled::addAll);
        completions.add(suspect);

        for (int round = 1; round <= Completions.STRIKES_BEFORE_DEGRADING; round++) {
            JobResult other = published("@other" + round);
            completions.add(other);
            completions.flush(writer);
            assertThat(writer.written).contains(other);
            if (round == 1) {
                assertThat(writer.written)
                        .as("one failure beside written outcomes is not yet a reason to drop its text")
                        .noneMatch(r -> r.job().equals(suspect.job()));
            }
        }

        assertThat(writer.written)
                .filteredOn(r -> r.job().equals(suspect.job()))
                .singleElement()
                .satisfies(r ->
                        assertThat(((PublishOutcome.Failed) r.outcome()).code()).isEqualTo("outcome_unstorable"));
        assertThat(completions.size()).isZero();
    }

    @Test
    void whileEveryWriteFailsTransiently_nothingIsDropped_theOrderIsKept_andTheStoreIsReportedDown() {
        List<JobResult> results = published(5);
        var completions = buffered(2, results);
        var writer = new Writer();
        writer.failure = batch -> transientFailure();

        for (int i = 0; i < 3; i++) {
            Completions.Flushed flushed = completions.flush(writer);
            assertThat(flushed.storeDown()).containsInstanceOf(StorageException.class);
            assertThat(flushed.report()).isEqualTo(RunReport.empty());
        }
        assertThat(settled).as("nothing left while the store is down").isEmpty();
        JobResult later = published("@later");
        completions.add(later);
        assertThat(completions.fences())
                .containsExactlyElementsOf(
                        java.util.stream.Stream.concat(results.stream(), java.util.stream.Stream.of(later))
                                .map(r -> r.job().fence())
                                .toList());

        writer.failure = batch -> null;
        Completions.Flushed back = completions.flush(writer);

        assertThat(back.storeDown()).isEmpty();
        assertThat(back.report().published()).isEqualTo(6);
        assertThat(settled).hasSize(6);
        assertThat(writer.written)
                .containsExactlyElementsOf(
                        java.util.stream.Stream.concat(results.stream(), java.util.stream.Stream.of(later))
                                .toList());
        assertThat(writer.written)
                .noneMatch(r -> r.outcome() instanceof PublishOutcome.Failed f
                        && f.code().equals("outcome_unstorable"));
    }

    @Test
    void clear_dropsWhatIsBuffered() {
        var completions = buffered(2, published(3));
        assertThat(completions.clear()).isEqualTo(3);
        assertThat(completions.size()).isZero();
        assertThat(completions.fences()).isEmpty();
        assertThat(settled).as("dropped outcomes leave for good").hasSize(3);
    }

    @Test
    void outcomesBeingWritten_stayHeld_untilTheirWriteReturns() {
        List<JobResult> results = published(3);
        var completions = buffered(10, results);
        var heldDuringTheWrite = new ArrayList<io.luxaris.spi.storage.Fence>();
        var settledDuringTheWrite = new ArrayList<JobResult>();

        completions.flush(batch -> {
            heldDuringTheWrite.addAll(completions.fences());
            settledDuringTheWrite.addAll(settled);
            return RunReport.empty();
        });

        assertThat(heldDuringTheWrite)
                .as("a heartbeat during the write keeps their leases")
                .containsExactlyElementsOf(
                        results.stream().map(r -> r.job().fence()).toList());
        assertThat(settledDuringTheWrite).isEmpty();
        assertThat(settled).containsExactlyElementsOf(results);
        assertThat(completions.fences()).isEmpty();
    }

    @Test
    void degrade_keepsAPublishedOutcomeWithAPlainPostId_withoutThePlatformsText() {
        var job = jobs.job("x", "@a");
        var result = new JobResult(
                job,
                new PublishOutcome.Published(
                        "1861000000000000002",
                        Optional.of("https://x.example/1"),
                        Optional.of("{\"raw\":1}"),
                        Map.of("k", "v")),
                T0,
                T0.plusSeconds(1));

        JobResult degraded = Completions.degrade(result);

        assertThat(degraded.outcome())
                .isEqualTo(new PublishOutcome.Published(
                        "1861000000000000002", Optional.empty(), Optional.empty(), Map.of()));
        assertThat(degraded.job()).isEqualTo(job);
        assertThat(degraded.startedAt()).isEqualTo(T0);
        assertThat(degraded.finishedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void degrade_turnsAPublishedOutcomeWithAnUnsafePostId_intoUnknown() {
        for (String unsafe : List.of("id\u0000with-nul", "ünïcode", "x".repeat(257), "tab\there")) {
            var result = new JobResult(jobs.job("x", "@a"), PublishOutcome.published(unsafe, null), T0, T0);

            var outcome = (PublishOutcome.Failed) Completions.degrade(result).outcome();

            assertThat(outcome.kind()).as(unsafe).isEqualTo(FailureKind.UNKNOWN);
            assertThat(outcome.code()).isEqualTo("outcome_unstorable");
            assertThat(outcome.safeMessage()).doesNotContain(unsafe);
        }
    }

    @Test
    void degrade_keepsAFailuresKindAndRetryTime_andDropsItsText() {
        var retryAt = T0.plusSeconds(900);
        var result = new JobResult(
                jobs.job("x", "@a"),
                new PublishOutcome.Failed(
                        FailureKind.RATE_LIMITED,
                        "http_429",
                        "slow down \u0000 secret-ish text",
                        Optional.of(retryAt),
                        Optional.of("raw"),
                        Map.of("part", "2")),
                T0,
                T0);

        var outcome = (PublishOutcome.Failed) Completions.degrade(result).outcome();

        assertThat(outcome.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(outcome.retryAt()).contains(retryAt);
        assertThat(outcome.code()).isEqualTo("outcome_unstorable");
        assertThat(outcome.safeMessage()).doesNotContain("slow down");
        assertThat(outcome.rawResponse()).isEmpty();
        assertThat(outcome.checkpoint()).isEmpty();
    }
}
