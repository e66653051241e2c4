/**
 * The Threads (Meta) channel for Luxaris: two-step containers with status polling, images Meta fetches from public
 * URLs, reply chains, the publishing quota, long-lived token refresh, lookup by container status and honest error
 * classification.
 *
 * <p>auto-service-annotations ships without a module descriptor, hence the suppression.
 */
@SuppressWarnings("requires-automatic")
module io.luxaris.channels.threads {
    requires transitive io.luxaris;
    requires transitive okhttp3;
    requires io.luxaris.http;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static com.google.auto.service;
    requires static org.jspecify;

    exports io.luxaris.channels.threads;

    provides io.luxaris.spi.channel.ChannelProvider with
            io.luxaris.channels.threads.ThreadsChannel;
}
