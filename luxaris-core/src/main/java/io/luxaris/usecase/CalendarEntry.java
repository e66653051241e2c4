package io.luxaris.usecase;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import java.time.ZonedDateTime;

/** One calendar line: a schedule with its post, variant, channel and connection. */
public record CalendarEntry(
        Schedule schedule, Post post, PostVariant variant, Channel channel, ChannelConnection connection) {
    /** The run time in the zone the author chose it in. */
    public ZonedDateTime localTime() {
        return schedule.localRunAt();
    }
}
