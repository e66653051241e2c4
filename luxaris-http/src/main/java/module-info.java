/**
 * The HTTP layer Luxaris' OkHttp adapters share: send-aware calls that know whether a request left the machine, a
 * client factory with safe defaults (redirects never followed, connect/read/write/call timeouts, response bodies read
 * up to a cap), one lenient JSON reader, token-endpoint forms and answers, redacted request previews and raw
 * responses. Not an API: its package is exported to the adapter modules only.
 */
@SuppressWarnings("module") // qualified exports name modules that are not on this module's path when it compiles
module io.luxaris.http {
    requires transitive io.luxaris;
    requires transitive okhttp3;
    requires transitive com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static org.jspecify;

    exports io.luxaris.http.internal to
            io.luxaris.channels.x,
            io.luxaris.channels.linkedin,
            io.luxaris.channels.bluesky,
            io.luxaris.channels.mastodon,
            io.luxaris.channels.threads,
            io.luxaris.generation.openai;
}
