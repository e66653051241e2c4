package io.luxaris.spi.storage;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import java.util.Objects;

/** A schedule with the post, variant and connection it belongs to. */
public record CalendarRow(Schedule schedule, Post post, PostVariant variant, ChannelConnection connection) {
    public CalendarRow {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
    }
}
