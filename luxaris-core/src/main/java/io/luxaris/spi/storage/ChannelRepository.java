package io.luxaris.spi.storage;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelId;
import java.util.List;
import java.util.Optional;

/** The channel catalog. */
public interface ChannelRepository {
    /**
     * Inserts the channel or replaces the stored one with the same id.
     *
     * @param channel the catalog entry
     */
    void upsert(Channel channel);

    /**
     * One channel.
     *
     * @param id the channel's id
     * @return the channel, or empty when it is not stored
     */
    Optional<Channel> find(ChannelId id);

    /** {@return every channel, ordered by key} */
    List<Channel> list();
}
