/**
 * The Mastodon channel for Luxaris: any instance (its limits read from {@code /api/v2/instance}), statuses and
 * threads sent with an {@code Idempotency-Key}, asynchronous media (v2) with alt text and focus, visibility, content
 * warnings and language, OAuth helpers, lookup of unknown outcomes, delete, and honest error classification.
 *
 * <p>auto-service-annotations ships without a module descriptor, hence the suppression.
 */
@SuppressWarnings("requires-automatic")
module io.luxaris.channels.mastodon {
    requires transitive io.luxaris;
    requires transitive okhttp3;
    requires io.luxaris.http;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static com.google.auto.service;
    requires static org.jspecify;

    exports io.luxaris.channels.mastodon;

    provides io.luxaris.spi.channel.ChannelProvider with
            io.luxaris.channels.mastodon.MastodonChannel;
}
