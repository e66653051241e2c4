/**
 * The Bluesky (AT Protocol) channel for Luxaris: posts, threads and images through a PDS's XRPC API, with app-password
 * sessions kept and refreshed, facets for links, mentions and hashtags, and record keys derived from the schedule so
 * an unknown outcome is settled by reading the record, never by posting again.
 *
 * <p>auto-service-annotations ships without a module descriptor, hence the suppression.
 */
@SuppressWarnings("requires-automatic")
module io.luxaris.channels.bluesky {
    requires transitive io.luxaris;
    requires transitive okhttp3;
    requires io.luxaris.http;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static com.google.auto.service;
    requires static org.jspecify;

    exports io.luxaris.channels.bluesky;

    provides io.luxaris.spi.channel.ChannelProvider with
            io.luxaris.channels.bluesky.BlueskyChannel;
}
