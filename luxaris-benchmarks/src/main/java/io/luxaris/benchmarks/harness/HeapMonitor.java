package io.luxaris.benchmarks.harness;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Heap use during a measured run: after a full GC and a reset of the pools' peak counters at the start, a daemon
 * thread samples every 10 ms. Reports the peak heap in use (sampled), the sum of the heap pools' own peaks (an upper
 * bound: pools peak at different moments), the largest heap in use right after a collection (about the live set),
 * and the collections' count and time.
 */
final class HeapMonitor implements AutoCloseable {
    private static final double MB = 1024.0 * 1024.0;

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
            .toList();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final long gcCountBefore;
    private final long gcMillisBefore;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakAfterGc;

    private HeapMonitor() {
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        gcCountBefore = collectors.stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
        gcMillisBefore = collectors.stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
        sampler = new Thread(this::sample, "luxbench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapMonitor start() {
        return new HeapMonitor();
    }

    private void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > peakUsed) {
                peakUsed = used;
            }
            long afterGc = 0;
            for (MemoryPoolMXBean p : pools) {
                MemoryUsage u = p.getCollectionUsage();
                if (u != null) {
                    afterGc += u.getUsed();
                }
            }
            if (afterGc > peakAfterGc) {
                peakAfterGc = afterGc;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and adds the figures to {@code result}. */
    void report(Result result) {
        close();
        long poolPeaks =
                pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long gcCount = collectors.stream()
                        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                        .sum()
                - gcCountBefore;
        long gcMillis = collectors.stream()
                        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                        .sum()
                - gcMillisBefore;
        result.put("peakHeapMb", round(peakUsed / MB))
                .put("peakHeapPoolsSumMb", round(poolPeaks / MB))
                .put("maxHeapAfterGcMb", round(peakAfterGc / MB))
                .put("gcCount", gcCount)
                .put("gcMillis", gcMillis)
                .put(
                        "maxHeapMb",
                        round(ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getMax()
                                / MB));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
