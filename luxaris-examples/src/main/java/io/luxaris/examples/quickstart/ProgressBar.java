package io.luxaris.examples.quickstart;

import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.events.LuxarisListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A progress bar driven by Luxaris lifecycle events. Registered with {@code Luxaris.builder().listener(...)}, it is
 * called on the engine's worker threads after each outcome is committed, so it only records and redraws.
 *
 * <p>On an interactive terminal it redraws one line, sized to the screen's width (the bar and the activity shrink,
 * nothing wraps). Otherwise (a pipe, a file, a test) it prints a plain line per publish event: the count, the
 * channel and what happened.
 */
final class ProgressBar implements LuxarisListener {
    private static final int MAX_BAR = 40;
    private static final int MIN_BAR = 10;
    /** Room kept for the activity text before the bar is made narrower. */
    private static final int ACTIVITY_ROOM = 30;

    private final PrintStream out;
    private final Screen screen;
    private final LongSupplier nanoTime;
    private String label = "";
    private String indent = "";
    /** The schedules of this run, by id, with the channel each goes to. */
    private final Map<ScheduleId, String> tracked = new LinkedHashMap<>();
    /** How each tracked schedule ended, once it did. */
    private final Map<ScheduleId, String> outcomes = new LinkedHashMap<>();

    private long startedAt;
    private String activity = "";

    ProgressBar(PrintStream out, Screen screen) {
        this(out, screen, System::nanoTime);
    }

    /** With the time source that measures the elapsed time (tests pass their own). */
    ProgressBar(PrintStream out, Screen screen, LongSupplier nanoTime) {
        this.out = out;
        this.screen = screen;
        this.nanoTime = nanoTime;
    }

    /** Follows {@code schedule}; events of other schedules (from earlier runs, say) are ignored. */
    synchronized void track(Schedule schedule, String channel) {
        tracked.put(schedule.id(), channel);
    }

    /** Draws the empty bar (or prints the first line); {@code label} starts it, {@code waiting} says what is next. */
    synchronized void start(String label, String waiting) {
        this.label = label;
        this.indent = " ".repeat(label.length());
        startedAt = nanoTime.getAsLong();
        activity = waiting;
        if (screen.interactive()) {
            redraw();
        } else {
            println(label + waiting + " (" + tracked.size() + " to publish)");
        }
    }

    @Override
    public void onEvent(LuxarisEvent event) {
        // LuxarisEvent is sealed; these are the events of a publish attempt
        if (event instanceof LuxarisEvent.PublishStarted e) {
            update(e.schedule(), null, "publishing");
        } else if (event instanceof LuxarisEvent.Published e) {
            update(e.schedule(), "published", null);
        } else if (event instanceof LuxarisEvent.DryRun e) {
            update(e.schedule(), "dry run, not sent", null);
        } else if (event instanceof LuxarisEvent.PublishFailed e) {
            update(e.schedule(), failure(e.event()), null);
        } else if (event instanceof LuxarisEvent.RetryScheduled e) {
            update(e.schedule(), null, "retry planned (" + e.event().errorCode().orElse("error") + ")");
        } else if (event instanceof LuxarisEvent.Unconfirmed e) {
            update(e.schedule(), "unconfirmed: " + e.reason(), null);
        } else if (event instanceof LuxarisEvent.Skipped e) {
            update(e.schedule(), "skipped: " + e.reason(), null);
        } else if (event instanceof LuxarisEvent.Cancelled e) {
            update(e.schedule(), "cancelled", null);
        }
    }

    /**
     * Waits until every tracked schedule has an outcome (published, dry run, failed, skipped, unconfirmed: nothing
     * the engine will still change by itself) or the timeout passes. Returns whether all did.
     */
    synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outcomes.size() < tracked.size()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Draws the final bar (or prints the last line) with the elapsed time, and ends its line. */
    synchronized void finish(boolean complete) {
        double seconds = (nanoTime.getAsLong() - startedAt) / 1e9;
        activity = String.format(Locale.ROOT, "%s in %.1f s", complete ? "done" : "stopped waiting", seconds);
        if (screen.interactive()) {
            redraw();
            out.println();
        } else {
            println(indent + outcomes.size() + "/" + tracked.size() + " " + activity);
        }
        out.flush();
    }

    private synchronized void update(Schedule schedule, String outcome, String doing) {
        String channel = tracked.get(schedule.id());
        if (channel == null) {
            return;
        }
        if (outcome != null) {
            outcomes.put(schedule.id(), outcome);
            activity = channel + " " + outcome;
            notifyAll();
        } else {
            activity = channel + " " + doing;
        }
        if (screen.interactive()) {
            redraw();
        } else if (outcome != null || !doing.equals("publishing")) {
            // a plain line per outcome (and per planned retry); the start of each attempt would only double them
            String count =
                    String.format(Locale.ROOT, "%" + digits(tracked.size()) + "d/%d", outcomes.size(), tracked.size());
            println(indent + count + " " + String.format(Locale.ROOT, "%-8s", channel) + " "
                    + (outcome != null ? outcome : doing));
        }
    }

    /** Redraws the bar's line in place: carriage return, the line, spaces over what a longer one left. */
    private void redraw() {
        int total = tracked.size();
        int done = outcomes.size();
        String count = done + "/" + total;
        int fixed = label.length() + 2 + 1 + count.length() + 2;
        int bar = Math.max(MIN_BAR, Math.min(MAX_BAR, screen.maxLine() - fixed - ACTIVITY_ROOM));
        int filled = total == 0 ? bar : done * bar / total;
        String line = label + "[" + "#".repeat(filled) + "-".repeat(bar - filled) + "] " + count + "  " + activity;
        line = TextTable.cut(line, screen.maxLine());
        out.print("\r" + line + " ".repeat(screen.maxLine() - TextTable.length(line)));
        out.flush();
    }

    private void println(String line) {
        out.println(TextTable.cut(line, screen.maxLine()));
    }

    private static int digits(int n) {
        return Integer.toString(n).length();
    }

    private static String failure(PublishEvent event) {
        return "failed: " + event.errorCode().orElse("error");
    }
}
