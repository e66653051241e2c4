package io.luxaris.examples.quickstart;

import io.luxaris.LuxarisEvent;
import io.luxaris.LuxarisListener;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A progress bar driven by Luxaris lifecycle events. Registered with {@code Luxaris.builder().listener(...)}, it is
 * called on the engine's worker threads after each outcome is committed, so it only records and redraws.
 *
 * <p>On a terminal it redraws one line; otherwise (a pipe, a file, a test) it prints a line per outcome.
 */
final class ProgressBar implements LuxarisListener {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private String label = "";
    private boolean labelShown;
    /** The schedules of this run, by id, with the channel each goes to. */
    private final Map<ScheduleId, String> tracked = new LinkedHashMap<>();
    /** How each tracked schedule ended, once it did. */
    private final Map<ScheduleId, String> outcomes = new LinkedHashMap<>();

    private long startedAt;
    private String activity = "";

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Follows {@code schedule}; events of other schedules (from earlier runs, say) are ignored. */
    synchronized void track(Schedule schedule, String channel) {
        tracked.put(schedule.id(), channel);
    }

    /** Draws the empty bar; {@code label} starts its line (on a terminal) or its first line (otherwise). */
    synchronized void start(String label, String waiting) {
        this.label = label;
        startedAt = System.nanoTime();
        activity = waiting;
        draw(true);
    }

    @Override
    public void onEvent(LuxarisEvent event) {
        // LuxarisEvent is sealed; these are the events of a publish attempt
        if (event instanceof LuxarisEvent.PublishStarted e) {
            update(e.schedule(), null, "publishing");
        } else if (event instanceof LuxarisEvent.Published e) {
            update(e.schedule(), "published", null);
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
     * Waits until every tracked schedule has an outcome (success, failure, skipped, unconfirmed: nothing the engine
     * will still change by itself) or the timeout passes. Returns whether all did.
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

    /** Draws the final bar with the elapsed time and ends its line. */
    synchronized void finish(boolean complete) {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        activity = String.format(Locale.ROOT, "%s in %.1f s", complete ? "done" : "stopped waiting", seconds);
        draw(true);
        if (terminal) {
            out.println();
        }
    }

    /** How many schedules of this run ended with this outcome prefix ("published", "dry run"...). */
    synchronized long count(String outcomePrefix) {
        return outcomes.values().stream()
                .filter(o -> o.startsWith(outcomePrefix))
                .count();
    }

    private synchronized void update(Schedule schedule, String outcome, String doing) {
        String channel = tracked.get(schedule.id());
        if (channel == null) {
            return;
        }
        if (outcome != null) {
            outcomes.put(schedule.id(), outcome);
            activity = channel + " " + outcome;
            draw(true);
            notifyAll();
        } else {
            activity = channel + " " + doing;
            // without a terminal, only outcomes get a line of their own
            draw(false);
        }
    }

    private void draw(boolean outcome) {
        if (!terminal && !outcome) {
            return;
        }
        int total = tracked.size();
        int done = outcomes.size();
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String prefix = terminal || !labelShown ? label : " ".repeat(label.length());
        labelShown = true;
        String line = prefix + "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + "  "
                + activity;
        if (terminal) {
            // \r returns to the start of the line; padding clears what a longer previous line left
            out.print("\r" + pad(line, 100));
            out.flush();
        } else {
            out.println(line);
        }
    }

    private static String failure(PublishEvent event) {
        String code = event.errorCode().orElse("error");
        if (code.equals("dry_run")) {
            return "dry run (built, not sent)";
        }
        return "failed: " + code;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
