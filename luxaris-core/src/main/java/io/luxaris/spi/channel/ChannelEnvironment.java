package io.luxaris.spi.channel;

import java.time.Clock;
import java.util.Objects;

/** What Luxaris gives a channel provider when it creates its publisher. */
public interface ChannelEnvironment {
    /**
     * An environment with this clock and media source, sleeping as {@link #sleeper()} describes.
     *
     * @param clock the host's clock
     * @param mediaSource the host's media bytes
     * @return the environment
     */
    static ChannelEnvironment of(Clock clock, MediaSource mediaSource) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(mediaSource, "mediaSource");
        return new ChannelEnvironment() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public MediaSource mediaSource() {
                return mediaSource;
            }
        };
    }

    /**
     * The host's clock (the one given to {@code Luxaris.builder().clock(...)}); default the UTC system clock.
     *
     * @return the clock
     */
    default Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * How the channel waits (polling, retry delays, grace periods); default {@link Sleeper#forClock(Clock)
     * Sleeper.forClock(clock())}: the host's clock itself when it is also a {@link Sleeper} (a test clock that advances
     * instead of blocking), real waiting otherwise.
     *
     * @return the sleeper
     */
    default Sleeper sleeper() {
        return Sleeper.forClock(clock());
    }

    /**
     * The host's media bytes; the only way a publisher gets attachment content.
     *
     * @return the media source
     */
    MediaSource mediaSource();
}
