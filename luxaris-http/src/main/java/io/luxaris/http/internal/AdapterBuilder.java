package io.luxaris.http.internal;

import io.luxaris.spi.channel.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The settings every adapter's public builder has, kept in one place: the HTTP client settings (shared client,
 * timeouts, response cap), dry-run mode with its preview sink, and the sleeper; plus the checks the builders' own
 * settings use ({@link #positive}, {@link #notNegative}, {@link #nonBlank}, {@link #url}). A public builder holds
 * one and delegates its setters to it; every setter validates its value at once and names the setting in the
 * message. Mutable, not thread-safe (like the builders).
 *
 * @param <P> the adapter's request preview type (what its dry-run sink receives)
 */
public final class AdapterBuilder<P> {
    private HttpSettings http;
    private boolean dryRun;
    private Consumer<P> dryRunSink = preview -> {};
    private Optional<Sleeper> sleeper = Optional.empty();

    /** With {@link HttpSettings#API_TIMEOUTS}. */
    public AdapterBuilder() {
        this(HttpSettings.API_TIMEOUTS);
    }

    /** With the given default timeouts. */
    public AdapterBuilder(HttpSettings.Timeouts defaultTimeouts) {
        this.http = HttpSettings.of(defaultTimeouts);
    }

    /** The host's shared OkHttp client. */
    public void httpClient(OkHttpClient client) {
        http = http.withSharedClient(client);
    }

    /** The connect timeout. */
    public void connectTimeout(Duration timeout) {
        http = http.withConnectTimeout(timeout);
    }

    /** The read timeout. */
    public void readTimeout(Duration timeout) {
        http = http.withReadTimeout(timeout);
    }

    /** The write timeout. */
    public void writeTimeout(Duration timeout) {
        http = http.withWriteTimeout(timeout);
    }

    /** The whole-call timeout. */
    public void callTimeout(Duration timeout) {
        http = http.withCallTimeout(timeout);
    }

    /** The largest response body read. */
    public void maxResponseBytes(long bytes) {
        http = http.withMaxResponseBytes(bytes);
    }

    /** Dry-run mode. */
    public void dryRun() {
        dryRun = true;
    }

    /** Dry-run mode, handing each request built to {@code sink}. */
    public void dryRun(Consumer<P> sink) {
        dryRunSink = Objects.requireNonNull(sink, "sink");
        dryRun = true;
    }

    /** How the adapter waits (else the environment's sleeper). */
    public void sleeper(Sleeper value) {
        sleeper = Optional.of(Objects.requireNonNull(value, "sleeper"));
    }

    /** The HTTP client settings given so far. */
    public HttpSettings http() {
        return http;
    }

    /** Whether dry-run mode was asked for. */
    public boolean isDryRun() {
        return dryRun;
    }

    /** Where dry-run previews go (nowhere unless given). */
    public Consumer<P> dryRunSink() {
        return dryRunSink;
    }

    /** The sleeper given, if any. */
    public Optional<Sleeper> sleeper() {
        return sleeper;
    }

    /** {@code url} parsed, when it is an http(s) URL; else an exception naming the setting. */
    public static HttpUrl url(String url, String name) {
        Objects.requireNonNull(url, name);
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL but was '" + url + "'");
        }
        return parsed;
    }

    /** {@code value}, when it is positive. */
    public static Duration positive(Duration value, String name) {
        return HttpSettings.positive(value, name);
    }

    /** {@code value}, when it is zero or positive. */
    public static Duration notNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative but was " + value);
        }
        return value;
    }

    /** {@code value}, when it is not blank. */
    public static String nonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "AdapterBuilder[" + http + ", dryRun=" + dryRun + ", sleeper=" + sleeper.isPresent() + "]";
    }
}
