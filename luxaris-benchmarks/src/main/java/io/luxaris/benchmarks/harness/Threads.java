package io.luxaris.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

/**
 * The kind of threads the engines run their calls on ({@code --threads platform|virtual|auto}): virtual threads
 * exist from Java 21; this module compiles for Java 17, so the virtual-thread executor is looked up at run time.
 * {@code auto} is what JobRunr does by itself: virtual on 21+, platform before.
 */
final class Threads {
    private Threads() {}

    /** Whether this JVM has virtual threads (Java 21+). */
    static boolean virtualAvailable() {
        return Runtime.version().feature() >= 21;
    }

    /**
     * {@code true} for virtual threads: from {@code platform}, {@code virtual} or {@code auto}.
     *
     * @throws IllegalArgumentException for another word, or {@code virtual} on a JVM without virtual threads
     */
    static boolean virtual(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "platform" -> false;
            case "auto" -> virtualAvailable();
            case "virtual" -> {
                if (!virtualAvailable()) {
                    throw new IllegalArgumentException("--threads virtual needs Java 21 or later but this is Java "
                            + Runtime.version().feature());
                }
                yield true;
            }
            default -> throw new IllegalArgumentException("--threads must be platform, virtual or auto: " + mode);
        };
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()} (Java 21+). */
    static ExecutorService virtualPerTask() {
        try {
            return (ExecutorService) java.util.concurrent.Executors.class
                    .getMethod("newVirtualThreadPerTaskExecutor")
                    .invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM has no virtual threads (Java " + Runtime.version() + ")", e);
        }
    }

    /** Platform threads alive at most since the last {@link #resetPeak()} (virtual threads are not counted). */
    static int peakPlatform() {
        return ManagementFactory.getThreadMXBean().getPeakThreadCount();
    }

    static void resetPeak() {
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    }
}
