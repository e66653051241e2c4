package io.luxaris.examples.quickstart;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.Schedule;
import io.luxaris.spi.security.Principal;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.QueueDraft;
import io.luxaris.usecase.QueueSlot;
import io.luxaris.usecase.VariantDraft;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The queue step of the quickstart: a queue with two daily slots on one account (the next days excluded), two posts
 * put into it (each takes the next free slot), then taken out again so that nothing is posted later (a cancelled
 * post frees its slot).
 */
final class QuickstartQueue {
    static final String NAME = "quickstart queue";
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm", Locale.ROOT);

    private QuickstartQueue() {}

    /** Runs the step on the account of {@code channel}; returns the lines to print. */
    static List<String> show(
            Luxaris luxaris, Principal author, String channel, ChannelConnection account, ZoneId zone) {
        // the next 8 days are excluded, so that the demo never shows in this week's calendar
        LocalDate today = LocalDate.now(zone);
        var draft = QueueDraft.of(NAME, account.id(), zone.getId(), LocalTime.of(9, 0), LocalTime.of(17, 0))
                .excluding(IntStream.range(0, 8).mapToObj(today::plusDays).toArray(LocalDate[]::new));
        PostingQueue queue = luxaris.queues().list(author).stream()
                .filter(q -> q.name().equals(NAME))
                .findFirst()
                .map(q -> luxaris.queues().update(author, q.id(), draft))
                .orElseGet(() -> luxaris.queues().create(author, draft));
        var lines = new ArrayList<String>();
        lines.add(
                "\"" + NAME + "\" on " + channel + " " + account.displayName() + ", daily at 09:00 and 17:00 " + zone);
        var queued = new ArrayList<Schedule>();
        for (int i = 1; i <= 2; i++) {
            String text = "Queued tip " + i + " from the Luxaris quickstart";
            var variant = luxaris.posts()
                    .create(author, PostDraft.of(text).withVariant(VariantDraft.of(channel, text)))
                    .firstVariant();
            Schedule schedule = luxaris.schedules().enqueue(author, variant.id(), queue.id());
            queued.add(schedule);
            lines.add("queued tip " + i + " -> slot " + schedule.localRunAt().format(SLOT));
        }
        for (Schedule s : queued) {
            luxaris.schedules().cancel(author, s.id());
        }
        List<QueueSlot> free = luxaris.queues().preview(author, queue.id(), 2);
        lines.add("taken out again (nothing is posted later); next free slots: "
                + free.stream().map(s -> s.localTime().format(SLOT)).toList());
        return lines;
    }
}
