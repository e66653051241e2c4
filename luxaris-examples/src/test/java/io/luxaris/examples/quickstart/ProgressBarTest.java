package io.luxaris.examples.quickstart;

import static io.luxaris.examples.quickstart.Sample.AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.events.LuxarisEvent;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The progress bar at 80 and 120 columns (one line redrawn in place, never longer than the screen) and when the
 * output is not a terminal (a plain line per event), fed the events of one post to X, LinkedIn and the outbox.
 */
class ProgressBarTest {
    private static final String LABEL = " 7. Publishing   ";

    private final Schedule x = Sample.schedule("x", AT, ScheduleStatus.PROCESSING);
    private final Schedule linkedin = Sample.schedule("linkedin", AT, ScheduleStatus.PROCESSING);
    private final Schedule outbox = Sample.schedule("outbox", AT, ScheduleStatus.PROCESSING);

    /** Runs the bar through a publish of the three schedules: 5.7 s from start to finish. */
    private String run(Screen screen) {
        return Sample.capture(out -> {
            var clock = new AtomicLong();
            var bar = new ProgressBar(out, screen, clock::get);
            bar.track(x, "x");
            bar.track(linkedin, "linkedin");
            bar.track(outbox, "outbox");
            bar.start(LABEL, "waiting until 08:26:12");
            bar.onEvent(new LuxarisEvent.PublishStarted(AT, x));
            bar.onEvent(new LuxarisEvent.DryRun(AT, x, Sample.dryRun(x, AT, "POST https://api.x.com/2/tweets")));
            bar.onEvent(new LuxarisEvent.PublishStarted(AT, linkedin));
            bar.onEvent(new LuxarisEvent.PublishFailed(AT, linkedin, Sample.failed(linkedin, AT, "http_422")));
            bar.onEvent(new LuxarisEvent.PublishStarted(AT, outbox));
            bar.onEvent(
                    new LuxarisEvent.Published(AT, outbox, Sample.published(outbox, AT, "file:///tmp/outbox.jsonl#1")));
            clock.set(5_700_000_000L);
            bar.finish(true);
        });
    }

    /** What an interactive terminal shows one after the other: the text between carriage returns and newlines. */
    private static List<String> frames(String output) {
        return Arrays.stream(output.split("[\r\n]")).filter(f -> !f.isEmpty()).toList();
    }

    @Test
    void at80Columns_oneLineIsRedrawnInPlace_79CharactersWide_andEndsWithANewline() {
        String output = run(new Screen(true, 80));

        assertThat(frames(output))
                .containsExactly(
                        pad("[------------------------] 0/3  waiting until 08:26:12", 79),
                        pad("[------------------------] 0/3  x publishing", 79),
                        pad("[########----------------] 1/3  x dry run, not sent", 79),
                        pad("[########----------------] 1/3  linkedin publishing", 79),
                        pad("[################--------] 2/3  linkedin failed: http_422", 79),
                        pad("[################--------] 2/3  outbox publishing", 79),
                        pad("[########################] 3/3  outbox published", 79),
                        pad("[########################] 3/3  done in 5.7 s", 79));
        assertThat(output).startsWith("\r" + LABEL).endsWith(System.lineSeparator());
        assertThat(output.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void at120Columns_theBarIsWider_andTheLineStillFits() {
        String output = run(new Screen(true, 120));

        assertThat(frames(output))
                .containsExactly(
                        pad("[----------------------------------------] 0/3  waiting until 08:26:12", 119),
                        pad("[----------------------------------------] 0/3  x publishing", 119),
                        pad("[#############---------------------------] 1/3  x dry run, not sent", 119),
                        pad("[#############---------------------------] 1/3  linkedin publishing", 119),
                        pad("[##########################--------------] 2/3  linkedin failed: http_422", 119),
                        pad("[##########################--------------] 2/3  outbox publishing", 119),
                        pad("[########################################] 3/3  outbox published", 119),
                        pad("[########################################] 3/3  done in 5.7 s", 119));
    }

    @Test
    void at40Columns_theActivityIsCut_ratherThanWrapped() {
        assertThat(frames(run(new Screen(true, 40))))
                .allSatisfy(frame -> assertThat(frame).hasSize(39));
        assertThat(frames(run(new Screen(true, 40))).get(2)).isEqualTo(LABEL + "[###-------] 1/3  x...");
    }

    @Test
    void withoutATerminal_eachOutcomeIsAPlainLine_withTheCountAndTheChannel() {
        String output = run(new Screen(false, 80));

        assertThat(output.lines())
                .containsExactly(
                        " 7. Publishing   waiting until 08:26:12 (3 to publish)",
                        "                 1/3 x        dry run, not sent",
                        "                 2/3 linkedin failed: http_422",
                        "                 3/3 outbox   published",
                        "                 3/3 done in 5.7 s");
        assertThat(output).doesNotContain("\r");
    }

    private static String pad(String bar, int width) {
        String line = LABEL + bar;
        return line + " ".repeat(width - line.length());
    }
}
