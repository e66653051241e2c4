/**
 * The LinkedIn channel for Luxaris: the versioned REST Posts API with little-text escaping, mentions and hashtags,
 * single and multi-image posts, 3-legged OAuth helpers and honest error classification.
 *
 * <p>auto-service-annotations ships without a module descriptor, hence the suppression.
 */
@SuppressWarnings("requires-automatic")
module io.luxaris.channels.linkedin {
    requires transitive io.luxaris;
    requires transitive okhttp3;
    requires io.luxaris.http;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static com.google.auto.service;
    requires static org.jspecify;

    exports io.luxaris.channels.linkedin;

    provides io.luxaris.spi.channel.ChannelProvider with
            io.luxaris.channels.linkedin.LinkedInChannel;
}
