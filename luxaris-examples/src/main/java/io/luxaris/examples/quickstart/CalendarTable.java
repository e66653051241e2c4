package io.luxaris.examples.quickstart;

import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.usecase.CalendarEntry;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Prints calendar entries and publish events as plain-text tables that fit the screen's width. */
final class CalendarTable {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    /** At most this many calendar rows. */
    static final int MAX_ROWS = 24;

    private CalendarTable() {}

    /**
     * The week's schedules in the zone they were chosen in: run time, channel, account, status, post text. Rows of
     * this run are marked with {@code *} and shown first when there are more than {@link #MAX_ROWS}; a note says
     * what was left out.
     */
    static void calendar(PrintStream out, List<CalendarEntry> entries, Set<ScheduleId> thisRun, int maxLine) {
        if (entries.isEmpty()) {
            out.println("  (nothing this week)");
            return;
        }
        List<CalendarEntry> shown = entries;
        if (entries.size() > MAX_ROWS) {
            // this run's rows first (the newest of them when even they are too many), then the latest others
            List<CalendarEntry> mine = entries.stream()
                    .filter(e -> thisRun.contains(e.schedule().id()))
                    .toList();
            List<CalendarEntry> others = entries.stream()
                    .filter(e -> !thisRun.contains(e.schedule().id()))
                    .toList();
            List<CalendarEntry> keptMine = mine.subList(Math.max(0, mine.size() - MAX_ROWS), mine.size());
            int room = MAX_ROWS - keptMine.size();
            List<CalendarEntry> keptOthers = others.subList(Math.max(0, others.size() - room), others.size());
            shown = entries.stream()
                    .filter(e -> keptMine.contains(e) || keptOthers.contains(e))
                    .toList();
            int hiddenMine = mine.size() - keptMine.size();
            int hiddenOthers = others.size() - keptOthers.size();
            var hidden = new ArrayList<String>();
            if (hiddenMine > 0) {
                hidden.add(hiddenMine + " of this run (all are in the events below)");
            }
            if (hiddenOthers > 0) {
                hidden.add(hiddenOthers + " from earlier runs");
            }
            out.println(TextTable.cut("  (not shown: " + String.join(", ", hidden) + ")", maxLine));
        }
        var table = new TextTable("", "WHEN", "CHANNEL", "ACCOUNT", "STATUS", "POST")
                .shrink(5, 28)
                .shrink(3, 16)
                .shrink(5, 12)
                .shrink(3, 8);
        for (CalendarEntry e : shown) {
            Schedule s = e.schedule();
            table.row(
                    thisRun.contains(s.id()) ? "*" : "",
                    e.localTime().format(DAY_TIME),
                    e.channel().key(),
                    e.connection().displayName(),
                    s.status().wireName(),
                    oneLine(e.variant().content()));
        }
        table.lines(maxLine).forEach(out::println);
    }

    /** A schedule of this run with its publish events. */
    record ScheduleEvents(int post, String channel, Schedule schedule, List<PublishEvent> events) {}

    /**
     * One row per publish attempt: which post and channel, attempt, outcome, time, and the result: the external
     * link (or id) on success, what would have been sent for a dry run, the failure kind, code and safe message
     * otherwise. Results continue on up to three lines rather than being cut.
     */
    static void events(PrintStream out, List<ScheduleEvents> schedules, ZoneId zone, int maxLine) {
        var table = new TextTable("POST", "CHANNEL", "TRY", "STATUS", "AT", "RESULT")
                .shrink(5, 20)
                .wrap(5, 3);
        for (ScheduleEvents s : schedules) {
            String post = "#" + s.post();
            if (s.events().isEmpty()) {
                table.row(post, s.channel(), "-", s.schedule().status().wireName(), "-", "no attempt yet");
            }
            for (PublishEvent e : s.events()) {
                table.row(
                        post,
                        s.channel(),
                        Integer.toString(e.attemptIndex()),
                        e.status().wireName(),
                        e.timestamp().atZone(zone).format(TIME),
                        result(e));
            }
        }
        table.lines(maxLine).forEach(out::println);
    }

    /** The post's link (or id) on success; the preview of a dry run; the failure kind, code and message otherwise. */
    private static String result(PublishEvent e) {
        if (e.externalUrl().isPresent()) {
            return e.externalUrl().get();
        }
        if (e.externalPostId().isPresent()) {
            return "id " + e.externalPostId().get();
        }
        if (e.status() == PublishEventStatus.DRY_RUN) {
            return oneLine(e.rawResponse().orElse("built and validated, not sent"));
        }
        String kind = e.failureKind().map(k -> k.wireName() + " ").orElse("");
        return oneLine(kind + e.errorCode().orElse("") + ": " + e.errorMessage().orElse(""));
    }

    /** The text on one line: runs of white space (line breaks included) become one space. */
    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
