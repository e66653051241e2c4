package io.luxaris.examples.quickstart;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.ChannelStatus;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.PublishEventId;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.usecase.CalendarEntry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Hand-made schedules, calendar entries and publish events like the quickstart's, and captured output. */
final class Sample {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Thursday 3 December 2026, 08:26:12 in Berlin. */
    static final Instant AT = Instant.parse("2026-12-03T07:26:12Z");

    static final String TEXT =
            "Luxaris 0.1: schedule posts in your own timezone. (quickstart run at 08:26:09," + " post 1 of 2)";

    private Sample() {}

    static Schedule schedule(String channel, Instant runAt, ScheduleStatus status) {
        return Schedule.pending(variant(channel), ConnectionId.random(), runAt, BERLIN, runAt).toBuilder()
                .status(status)
                .build();
    }

    static PostVariant variant(String channel) {
        Post post = Post.draft("quickstart-user", Optional.empty(), TEXT, List.of(), Map.of(), AT);
        return new PostVariant(
                VariantId.random(),
                post.id(),
                ChannelId.forKey(channel),
                Optional.empty(),
                TEXT,
                List.of(),
                List.of(),
                Optional.empty(),
                VariantSource.GENERATED,
                VariantStatus.READY,
                Map.of(),
                AT,
                AT,
                Optional.empty(),
                0);
    }

    static CalendarEntry entry(Schedule schedule, String account) {
        PostVariant variant = variant(channelKey(schedule));
        Post post = Post.draft("quickstart-user", Optional.empty(), TEXT, List.of(), Map.of(), AT);
        var channel = new Channel(
                schedule.channelId(),
                channelKey(schedule),
                channelKey(schedule),
                ChannelStatus.ACTIVE,
                ChannelLimits.builder(280).build(),
                AT,
                AT);
        var connection = new ChannelConnection(
                schedule.connectionId(),
                "quickstart-user",
                schedule.channelId(),
                account,
                ConnectionStatus.CONNECTED,
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                AT,
                AT,
                Optional.empty(),
                0);
        return new CalendarEntry(schedule, post, variant, channel, connection);
    }

    private static String channelKey(Schedule schedule) {
        for (String key : List.of("x", "linkedin", "outbox")) {
            if (ChannelId.forKey(key).equals(schedule.channelId())) {
                return key;
            }
        }
        throw new IllegalArgumentException("unknown channel of " + schedule);
    }

    static PublishEvent published(Schedule s, Instant at, String url) {
        return event(s, at, PublishEventStatus.SUCCESS, Optional.of(url), Optional.empty(), Optional.empty());
    }

    static PublishEvent dryRun(Schedule s, Instant at, String preview) {
        return event(s, at, PublishEventStatus.DRY_RUN, Optional.empty(), Optional.empty(), Optional.of(preview));
    }

    static PublishEvent failed(Schedule s, Instant at, String code) {
        return new PublishEvent(
                PublishEventId.random(),
                s.id(),
                1,
                at,
                PublishEventStatus.FAILED,
                Optional.empty(),
                Optional.empty(),
                Optional.of(FailureKind.REJECTED),
                Optional.of(code),
                Optional.of("the platform refused the post"),
                Optional.empty());
    }

    private static PublishEvent event(
            Schedule s,
            Instant at,
            PublishEventStatus status,
            Optional<String> url,
            Optional<String> code,
            Optional<String> raw) {
        return new PublishEvent(
                PublishEventId.random(),
                s.id(),
                1,
                at,
                status,
                url.map(u -> u.substring(u.lastIndexOf('#') + 1)),
                url,
                Optional.empty(),
                code,
                Optional.empty(),
                raw);
    }

    /** What {@code print} wrote, as text. */
    static String capture(Consumer<PrintStream> print) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            print.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
