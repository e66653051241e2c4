package io.luxaris.http.internal;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The settings every adapter's OAuth helper builder has ({@code XOAuth2}, {@code LinkedInOAuth}, {@code
 * ThreadsOAuth}, {@code MastodonOAuth}): the host's shared OkHttp client and the clock. A public builder holds one
 * and delegates its setters to it, as the channel builders do with {@link AdapterBuilder}. Mutable, not thread-safe
 * (like the builders).
 */
public final class OAuthBuilder {
    private Optional<OkHttpClient> httpClient = Optional.empty();
    private Clock clock = Clock.systemUTC();

    /** The host's shared OkHttp client (never shut down by Luxaris; redirects are still not followed). */
    public void httpClient(OkHttpClient client) {
        httpClient = Optional.of(Objects.requireNonNull(client, "httpClient"));
    }

    /** The clock; default the UTC system clock. */
    public void clock(Clock value) {
        clock = Objects.requireNonNull(value, "clock");
    }

    /** The clock given, else the UTC system clock. */
    public Clock clock() {
        return clock;
    }

    /** {@link HttpSettings#defaults()}, on the shared client when one was given. */
    public HttpSettings http() {
        HttpSettings defaults = HttpSettings.defaults();
        return httpClient.map(defaults::withSharedClient).orElse(defaults);
    }

    /** A client of these settings for {@code platform}. */
    public PlatformHttp platformHttp(String platform) {
        return new PlatformHttp(platform, http());
    }
}
