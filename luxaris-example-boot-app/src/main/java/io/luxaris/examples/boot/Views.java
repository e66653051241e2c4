package io.luxaris.examples.boot;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.usecase.CalendarEntry;
import io.luxaris.usecase.PostDetails;
import java.time.Instant;
import java.util.List;

/** What the API answers: flat JSON records made from the domain records (ids as strings, no credentials). */
final class Views {
    private Views() {}

    record ConnectionView(String id, String channel, String name, String status) {
        static ConnectionView of(ChannelConnection c, String channelKey) {
            return new ConnectionView(
                    c.id().toString(),
                    channelKey,
                    c.displayName(),
                    c.status().name().toLowerCase());
        }
    }

    record VariantView(String id, String channel, String content, String status) {
        static VariantView of(PostVariant v, String channelKey) {
            return new VariantView(
                    v.id().toString(),
                    channelKey,
                    v.content(),
                    v.status().name().toLowerCase());
        }
    }

    record PostView(String id, String title, String content, String status, List<VariantView> variants) {
        static PostView of(Post p, List<VariantView> variants) {
            return new PostView(
                    p.id().toString(),
                    p.title().orElse(null),
                    p.baseContent(),
                    p.status().name().toLowerCase(),
                    variants);
        }
    }

    record ScheduleView(
            String id,
            String postId,
            String variantId,
            String connectionId,
            Instant runAt,
            String timezone,
            String status,
            int attempts,
            String externalUrl,
            String errorCode) {
        static ScheduleView of(Schedule s) {
            return new ScheduleView(
                    s.id().toString(),
                    s.postId().toString(),
                    s.variantId().toString(),
                    s.connectionId().toString(),
                    s.runAt(),
                    s.timezone().getId(),
                    s.status().name().toLowerCase(),
                    s.attemptCount(),
                    s.externalUrl().orElse(null),
                    s.errorCode().orElse(null));
        }
    }

    record CalendarView(
            String scheduleId,
            String postId,
            String channel,
            String connection,
            String localTime,
            String status,
            String content) {
        static CalendarView of(CalendarEntry e) {
            return new CalendarView(
                    e.schedule().id().toString(),
                    e.post().id().toString(),
                    e.channel().key(),
                    e.connection().displayName(),
                    e.localTime().toString(),
                    e.schedule().status().name().toLowerCase(),
                    e.variant().content());
        }
    }

    static List<VariantView> variants(PostDetails details, java.util.function.Function<PostVariant, String> key) {
        return details.variants().stream()
                .map(v -> VariantView.of(v, key.apply(v)))
                .toList();
    }
}
