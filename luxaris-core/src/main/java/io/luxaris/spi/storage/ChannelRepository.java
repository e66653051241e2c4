package io.luxaris.spi.storage;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelId;
import java.util.List;
import java.util.Optional;

/** The channel catalog. */
public interface ChannelRepository {
    /** Inserts the channel or replaces the stored one with the same id. */
    void upsert(Channel channel);

    Optional<Channel> find(ChannelId id);

    /** Every channel, ordered by key. */
    List<Channel> list();
}
