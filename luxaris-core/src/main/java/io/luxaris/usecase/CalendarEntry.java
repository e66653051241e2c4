package io.luxaris.usecase;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import java.time.ZonedDateTime;

/**
 * One calendar line: a schedule with its post, variant, channel and connection.
 *
 * @param schedule the schedule
 * @param post its post
 * @param variant the variant it publishes
 * @param channel the variant's channel, as in the catalog
 * @param connection the account it publishes through
 */
public record CalendarEntry(
        Schedule schedule, Post post, PostVariant variant, Channel channel, ChannelConnection connection) {
    /** {@return the run time in the zone the author chose it in} */
    public ZonedDateTime localTime() {
        return schedule.localRunAt();
    }
}
