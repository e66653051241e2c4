package io.luxaris.spi.channel;

import java.time.Clock;

/** What Luxaris gives a channel provider when it creates its publisher. */
public interface ChannelEnvironment {
    Clock clock();

    /** The host's media bytes; the only way a publisher gets attachment content. */
    MediaSource mediaSource();
}
