/**
 * The X (API v2) channel for Luxaris: weighted text measure, posts and threads, media upload, OAuth 2.0 with
 * refresh-token rotation (or OAuth 1.0a), error classification and reconciliation by timeline lookup.
 *
 * <p>twitter-text and auto-service-annotations ship without module descriptors, hence the suppression.
 */
@SuppressWarnings("requires-automatic")
module io.luxaris.channels.x {
    requires transitive io.luxaris;
    requires transitive okhttp3;
    requires io.luxaris.http;
    requires com.fasterxml.jackson.databind;
    requires twitter.text;
    requires org.slf4j;
    requires static com.google.auto.service;
    requires static org.jspecify;

    exports io.luxaris.channels.x;

    provides io.luxaris.spi.channel.ChannelProvider with
            io.luxaris.channels.x.XChannel;
}
