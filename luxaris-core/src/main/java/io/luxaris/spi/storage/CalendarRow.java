package io.luxaris.spi.storage;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import java.util.Objects;

/**
 * A schedule with the post, variant and connection it belongs to.
 *
 * @param schedule the schedule
 * @param post its post
 * @param variant the variant it publishes
 * @param connection the account it publishes through
 */
public record CalendarRow(Schedule schedule, Post post, PostVariant variant, ChannelConnection connection) {
    /**
     * Checks the components are set.
     *
     * @param schedule the schedule
     * @param post its post
     * @param variant the variant it publishes
     * @param connection the account it publishes through
     */
    public CalendarRow {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
    }
}
