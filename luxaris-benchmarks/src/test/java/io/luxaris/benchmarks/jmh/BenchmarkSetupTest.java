package io.luxaris.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxaris.domain.ScheduleStatus;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each benchmark's setup and one operation on small data, so a broken benchmark fails the build instead of the
 * next run. Nothing is timed here.
 */
class BenchmarkSetupTest {
    @Test
    void variantValidation_samplesAreValid_andEveryOperationRuns() {
        var b = new VariantValidationBenchmark();
        b.setUp();
        try {
            assertTrue(b.xWeightedLength() <= 280, "X sample fits 280");
            assertEquals(0, b.xContentRuleAndChannelValidate());
            assertTrue(b.xFacadeCheck().isEmpty());
            assertTrue(b.linkedInEscape().length() > 2_000);
            assertTrue(b.linkedInContentRule().isEmpty());
            assertTrue(b.linkedInHashtagsCommentary().length() > 2_000);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void inMemoryQueue_cyclesCompleteEverySchedule_andRearmPutsThemBack() {
        var b = new InMemoryQueueBenchmark();
        b.backlog = 200;
        b.setUp();
        try {
            for (int round = 0; round < 3; round++) {
                b.rearm();
                assertEquals(1, b.claimProcessComplete_batchOf1());
                b.rearm();
                assertEquals(8, b.claimProcessComplete_batchOf8());
                b.rearm();
                assertEquals(100, b.claimProcessComplete_batchOf100());
            }
        } finally {
            b.tearDown();
        }
    }

    @Test
    void scheduleCreation_schedulesTheDrafts_onEachChannel() {
        for (String channel : new String[] {"noop", "x"}) {
            var b = new ScheduleCreationBenchmark();
            b.channel = channel;
            b.freshStore();
            try {
                var drafts = new ScheduleCreationBenchmark.Drafts();
                drafts.write(b);
                b.schedule(drafts, blackhole());
                assertEquals(ScheduleStatus.PENDING, b.createPostAndSchedule().status());
            } finally {
                b.closeStore();
            }
        }
    }

    @Test
    void calendarQuery_findsTheWeek() {
        var b = new CalendarQueryBenchmark();
        b.schedules = 3_000; // about two days from START: the queried week (four weeks later) is empty
        b.setUp();
        try {
            assertEquals(0, b.weekFirstPageOf50().items().size());
            assertEquals(0, b.wholeWeekPaged());
            b.weekFirstPageOf500();
            b.weekOfOneConnection();
        } finally {
            b.tearDown();
        }
    }

    @Test
    void engineThroughput_publishesEveryDueSchedule_withEachExecutorAndLookup() {
        for (String executor : new String[] {"pool", "direct"}) {
            for (int threads : new int[] {1, 8}) {
                for (String lookup : new String[] {"none", "every"}) {
                    var b = new EngineThroughputBenchmark();
                    b.maxConcurrency = threads;
                    b.executor = executor;
                    b.lookup = lookup;
                    b.schedules = 500;
                    b.dueSchedules();
                    b.runDue();
                    b.check(); // throws unless all 500 were published
                }
            }
        }
    }

    private static Blackhole blackhole() {
        return new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }
}
