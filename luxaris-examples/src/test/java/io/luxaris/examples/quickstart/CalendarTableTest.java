package io.luxaris.examples.quickstart;

import static io.luxaris.examples.quickstart.Sample.AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.examples.quickstart.CalendarTable.ScheduleEvents;
import io.luxaris.usecase.CalendarEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The week's calendar and the publish events as the quickstart prints them, at 80 and 120 columns (and at 80 when
 * the output is not a terminal, which is the same width): every line fits, long cells are cut with "..." or, for
 * results, continued on the next lines.
 */
class CalendarTableTest {
    private final Schedule earlier = Sample.schedule("x", AT.minusSeconds(86_400), ScheduleStatus.FAILED);
    private final Schedule x = Sample.schedule("x", AT, ScheduleStatus.DRY_RUN);
    private final Schedule linkedin = Sample.schedule("linkedin", AT, ScheduleStatus.DRY_RUN);
    private final Schedule outbox = Sample.schedule("outbox", AT, ScheduleStatus.SUCCESS);

    private List<CalendarEntry> week() {
        return List.of(
                Sample.entry(earlier, "@quickstart"),
                Sample.entry(x, "@quickstart"),
                Sample.entry(linkedin, "Quickstart on LinkedIn"),
                Sample.entry(outbox, "local outbox"));
    }

    private List<ScheduleEvents> events() {
        return List.of(
                new ScheduleEvents(
                        1,
                        "x",
                        x,
                        List.of(Sample.dryRun(
                                x, AT, "POST https://api.x.com/2/tweets not sent, the post: [" + Sample.TEXT + "]"))),
                new ScheduleEvents(
                        1,
                        "linkedin",
                        linkedin,
                        List.of(Sample.dryRun(
                                linkedin,
                                AT,
                                "POST https://api.linkedin.com/rest/posts not sent: {\"author\":"
                                        + "\"urn:li:person:quickstart\",\"commentary\":\"" + Sample.TEXT + "\"}"))),
                new ScheduleEvents(
                        1,
                        "outbox",
                        outbox,
                        List.of(Sample.published(
                                outbox,
                                AT,
                                "file:///home/alice/luxaris-quickstart-data/outbox.jsonl"
                                        + "#b8893643-5c88-4ece-96e1-0bf69e6d7eed"))));
    }

    private String calendar(int maxLine) {
        return Sample.capture(
                out -> CalendarTable.calendar(out, week(), Set.of(x.id(), linkedin.id(), outbox.id()), maxLine));
    }

    private String events(int maxLine) {
        return Sample.capture(out -> CalendarTable.events(out, events(), Sample.BERLIN, maxLine));
    }

    @Test
    void theCalendar_at80Columns_cutsTheAccountAndThePost() {
        assertThat(calendar(new Screen(true, 80).maxLine()).lines())
                .containsExactly(
                        "    WHEN                CHANNEL  ACCOUNT          STATUS  POST",
                        "    Wed 02 Dec 08:26:12 x        @quickstart      failed  Luxaris 0.1: sched...",
                        "  * Thu 03 Dec 08:26:12 x        @quickstart      dry_run Luxaris 0.1: sched...",
                        "  * Thu 03 Dec 08:26:12 linkedin Quickstart on... dry_run Luxaris 0.1: sched...",
                        "  * Thu 03 Dec 08:26:12 outbox   local outbox     success Luxaris 0.1: sched...");
    }

    @Test
    void theCalendar_at120Columns_showsMoreOfThePost() {
        assertThat(calendar(new Screen(true, 120).maxLine()).lines())
                .containsExactly(
                        "    WHEN                CHANNEL  ACCOUNT                STATUS  POST",
                        "    Wed 02 Dec 08:26:12 x        @quickstart            failed  Luxaris 0.1: schedule posts in your own timezone. (q...",
                        "  * Thu 03 Dec 08:26:12 x        @quickstart            dry_run Luxaris 0.1: schedule posts in your own timezone. (q...",
                        "  * Thu 03 Dec 08:26:12 linkedin Quickstart on LinkedIn dry_run Luxaris 0.1: schedule posts in your own timezone. (q...",
                        "  * Thu 03 Dec 08:26:12 outbox   local outbox           success Luxaris 0.1: schedule posts in your own timezone. (q...");
    }

    @Test
    void theEvents_at80Columns_continueLongResultsOnTheNextLines() {
        assertThat(events(new Screen(true, 80).maxLine()).lines())
                .containsExactly(
                        "  POST CHANNEL  TRY STATUS  AT       RESULT",
                        "  #1   x        1   dry_run 08:26:12 POST https://api.x.com/2/tweets not sent,",
                        "                                     the post: [Luxaris 0.1: schedule posts in",
                        "                                     your own timezone. (quickstart run at 0...",
                        "  #1   linkedin 1   dry_run 08:26:12 POST https://api.linkedin.com/rest/posts",
                        "                                     not sent: {\"author\":\"urn:li:person:quickst",
                        "                                     art\",\"commentary\":\"Luxaris 0.1: schedul...",
                        "  #1   outbox   1   success 08:26:12 file:///home/alice/luxaris-quickstart-data",
                        "                                     /outbox.jsonl#b8893643-5c88-4ece-96e1-0bf6",
                        "                                     9e6d7eed");
    }

    @Test
    void theEvents_at120Columns_needFewerLines() {
        assertThat(events(new Screen(true, 120).maxLine()).lines())
                .containsExactly(
                        "  POST CHANNEL  TRY STATUS  AT       RESULT",
                        "  #1   x        1   dry_run 08:26:12 POST https://api.x.com/2/tweets not sent, the post: [Luxaris 0.1: schedule posts",
                        "                                     in your own timezone. (quickstart run at 08:26:09, post 1 of 2)]",
                        "  #1   linkedin 1   dry_run 08:26:12 POST https://api.linkedin.com/rest/posts not sent:",
                        "                                     {\"author\":\"urn:li:person:quickstart\",\"commentary\":\"Luxaris 0.1: schedule posts in",
                        "                                     your own timezone. (quickstart run at 08:26:09, post 1 of 2)\"}",
                        "  #1   outbox   1   success 08:26:12 file:///home/alice/luxaris-quickstart-data/outbox.jsonl#b8893643-5c88-4ece-96e1-0b",
                        "                                     f69e6d7eed");
    }

    @Test
    void withoutATerminal_theTablesAreAsWideAsAt80Columns_unlessCOLUMNSSaysOtherwise() {
        Screen plain = Screen.plain(java.util.Map.of());
        assertThat(plain.interactive()).isFalse();
        assertThat(calendar(plain.maxLine())).isEqualTo(calendar(new Screen(true, 80).maxLine()));
        assertThat(events(plain.maxLine())).isEqualTo(events(new Screen(true, 80).maxLine()));
        assertThat(Screen.plain(java.util.Map.of("COLUMNS", "120")).maxLine()).isEqualTo(119);
        assertThat(Screen.plain(java.util.Map.of("COLUMNS", "wide")).maxLine()).isEqualTo(79);
    }

    @Test
    void everyLine_fitsTheScreen_from80Columns() {
        for (int width : List.of(80, 100, 120, 200)) {
            int maxLine = new Screen(true, width).maxLine();
            assertThat((calendar(maxLine) + events(maxLine)).lines())
                    .as("at %d columns", width)
                    .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(maxLine));
        }
    }

    @Test
    void moreRowsThanFit_showThisRunFirst_andSayWhatWasLeftOut() {
        var entries = new ArrayList<CalendarEntry>();
        var thisRun = new java.util.HashSet<ScheduleId>();
        for (int i = 0; i < 30; i++) {
            Schedule s = Sample.schedule("outbox", AT.minusSeconds(3600 - i), ScheduleStatus.SUCCESS);
            entries.add(Sample.entry(s, "local outbox"));
        }
        for (int i = 0; i < 6; i++) {
            Schedule s = Sample.schedule("x", AT.plusSeconds(i), ScheduleStatus.DRY_RUN);
            entries.add(Sample.entry(s, "@quickstart"));
            thisRun.add(s.id());
        }
        String output = Sample.capture(out -> CalendarTable.calendar(out, entries, thisRun, 79));
        List<String> lines = output.lines().toList();

        assertThat(lines.get(0)).isEqualTo("  (not shown: 12 from earlier runs)");
        assertThat(lines).filteredOn(l -> l.startsWith("  * ")).hasSize(6);
        assertThat(lines).hasSize(2 + CalendarTable.MAX_ROWS);

        var many = new java.util.HashSet<ScheduleId>();
        entries.forEach(e -> many.add(e.schedule().id()));
        String all = Sample.capture(out -> CalendarTable.calendar(out, entries, many, 79));
        assertThat(all.lines().findFirst()).contains("  (not shown: 12 of this run (all are in the events below))");
        assertThat(all).doesNotContain("earlier");
    }
}
