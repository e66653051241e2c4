package io.luxaris.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The burst scenario's arithmetic without a database: call durations, per-account order and overlap, bounds. */
class BurstScenarioTest {
    @Test
    void callDurations_areTheSameForTheSameSeed_andWithinTheRange() {
        CallWork a = CallWork.uniform(1_000, 150_000, 400_000, 42);
        CallWork b = CallWork.uniform(1_000, 150_000, 400_000, 42);
        CallWork other = CallWork.uniform(1_000, 150_000, 400_000, 7);
        long[] da = new long[1_000];
        long[] db = new long[1_000];
        long[] dOther = new long[1_000];
        for (int i = 0; i < 1_000; i++) {
            da[i] = a.durationMicros(i);
            db[i] = b.durationMicros(i);
            dOther[i] = other.durationMicros(i);
            assertTrue(da[i] >= 150_000 && da[i] <= 400_000, "duration " + da[i]);
        }
        assertArrayEquals(da, db, "every engine gets the same durations");
        assertTrue(!java.util.Arrays.equals(da, dOther), "another seed, other durations");
        assertThrows(IllegalArgumentException.class, () -> CallWork.uniform(1, 5, 4, 42));
    }

    @Test
    void order_countsCallsThatOvertakeAnEarlierCreatedOne_andCallsThatOverlap() {
        // two accounts: account 0 has schedules 0, 2, 4; account 1 has 1, 3, 5
        long[] start = {100, 100, 300, 150, 200, 400};
        long[] end = {200, 150, 400, 160, 300, 500};
        // account 0: 0 [100,200], 2 [300,400], 4 [200,300]: 4 started before 2 (out of order), none overlap
        // account 1: 1 [100,150], 3 [150,160], 5 [400,500]: in order; 3 starts as 1 ends: no overlap
        int[][] interleaved = {{0, 2, 4}, {1, 3, 5}};
        var order = BurstScenario.order(i -> start[i], i -> end[i], interleaved);
        assertEquals(new BurstScenario.Order(1, 1, 0, 0), order);

        long[] overlapping = {100, 100, 150, 120, 0, 130};
        long[] overlappingEnd = {200, 110, 250, 125, 0, 140};
        // account 0: 0 [100,200], 2 [150,250] overlaps 0; 4 never called (not counted here)
        // account 1: 1 [100,110], 3 [120,125], 5 [130,140]: in order and apart
        assertEquals(
                new BurstScenario.Order(0, 0, 1, 1),
                BurstScenario.order(i -> overlapping[i], i -> overlappingEnd[i], interleaved));
    }

    @Test
    void lowerBound_isTheWorkSpreadOverTheConcurrency_orTheBusiestAccountWhenSerialised() {
        CallWork work = CallWork.uniform(100, 100_000, 100_000, 1); // 100 calls of 0.1 s = 10 s of work
        var settings = new BurstScenario.Settings(
                100, 10, 100_000, 100_000, 1, Duration.ZERO, Duration.ofSeconds(1), 50, false, false);
        // spread: 10 s / 50 = 0.2 s; busiest account: 10 calls of 0.1 s one after another = 1 s
        assertEquals(0.2, BurstScenario.lowerBound(work, settings, false), 1e-9);
        assertEquals(1.0, BurstScenario.lowerBound(work, settings, true), 1e-9);
        assertEquals(10.0, work.totalSeconds(), 1e-9);
    }

    @Test
    void layout_interleavedSpreadsAnAccountsSchedules_groupedKeepsThemTogether() {
        var interleaved =
                new BurstScenario.Settings(10, 3, 1, 1, 1, Duration.ZERO, Duration.ofSeconds(1), 1, false, false);
        var grouped = new BurstScenario.Settings(10, 3, 1, 1, 1, Duration.ZERO, Duration.ofSeconds(1), 1, false, true);
        assertArrayEquals(new int[][] {{0, 3, 6, 9}, {1, 4, 7}, {2, 5, 8}}, interleaved.byAccount());
        assertArrayEquals(new int[][] {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9}}, grouped.byAccount());
    }

    @Test
    void threads_parsesTheMode() {
        assertEquals(false, Threads.virtual("platform"));
        assertEquals(Threads.virtualAvailable(), Threads.virtual("auto"));
        assertThrows(IllegalArgumentException.class, () -> Threads.virtual("green"));
    }
}
