package io.luxaris.examples.quickstart;

import io.luxaris.domain.PublishEvent;
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

/** Prints calendar entries and publish events as plain-text tables. */
final class CalendarTable {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    /** At most this many calendar rows; the newest are kept. */
    static final int MAX_ROWS = 24;

    private CalendarTable() {}

    /**
     * The week's schedules in the zone they were chosen in: run time, channel, account, status, post text. Rows of
     * this run are marked with {@code *}.
     */
    static void calendar(PrintStream out, List<CalendarEntry> entries, Set<ScheduleId> thisRun) {
        if (entries.isEmpty()) {
            out.println("  (nothing this week)");
            return;
        }
        List<CalendarEntry> shown = entries;
        if (entries.size() > MAX_ROWS) {
            shown = entries.subList(entries.size() - MAX_ROWS, entries.size());
            out.println("  (" + (entries.size() - MAX_ROWS) + " earlier entries this week not shown)");
        }
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("", "WHEN", "CHANNEL", "ACCOUNT", "STATUS", "POST"));
        for (CalendarEntry e : shown) {
            Schedule s = e.schedule();
            rows.add(List.of(
                    thisRun.contains(s.id()) ? "*" : "",
                    e.localTime().format(DAY_TIME),
                    e.channel().key(),
                    e.connection().displayName(),
                    status(s),
                    oneLine(e.variant().content(), 56)));
        }
        print(out, rows);
    }

    /** A schedule of this run with its publish events. */
    record ScheduleEvents(int post, String channel, Schedule schedule, List<PublishEvent> events) {}

    /** One row per publish attempt: which post and channel, attempt, outcome, time, external link or error. */
    static void events(PrintStream out, List<ScheduleEvents> schedules, ZoneId zone) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("POST", "CHANNEL", "TRY", "STATUS", "AT", "RESULT"));
        for (ScheduleEvents s : schedules) {
            String post = "#" + s.post();
            if (s.events().isEmpty()) {
                rows.add(List.of(post, s.channel(), "-", status(s.schedule()), "-", "no attempt yet"));
            }
            for (PublishEvent e : s.events()) {
                rows.add(List.of(
                        post,
                        s.channel(),
                        Integer.toString(e.attemptIndex()),
                        e.status().wireName(),
                        e.timestamp().atZone(zone).format(TIME),
                        result(e)));
            }
        }
        print(out, rows);
    }

    /** The post's link (or id) on success; the failure kind, code and safe message otherwise. */
    private static String result(PublishEvent e) {
        if (e.externalUrl().isPresent()) {
            return e.externalUrl().get();
        }
        if (e.externalPostId().isPresent()) {
            return "id " + e.externalPostId().get();
        }
        String kind = e.failureKind().map(k -> k.wireName() + " ").orElse("");
        return oneLine(kind + e.errorCode().orElse("") + ": " + e.errorMessage().orElse(""), 90);
    }

    private static String status(Schedule s) {
        String status = s.status().wireName();
        return s.errorCode().filter("dry_run"::equals).isPresent() ? status + " (dry run)" : status;
    }

    static String oneLine(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= max) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, max - 3)) + "...";
    }

    private static void print(PrintStream out, List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(
                        widths[c], row.get(c).codePointCount(0, row.get(c).length()));
            }
        }
        for (List<String> row : rows) {
            var line = new StringBuilder(" ");
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                line.append(' ').append(cell);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - cell.codePointCount(0, cell.length())));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
