package io.luxaris.http.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * How an adapter's HTTP client is built: the host's shared client (if any), timeouts set on the adapter's builder,
 * the adapter's default timeouts, and the largest response body read. Immutable; the {@code with...} methods
 * validate their value and name the setting in the message. {@link #toString()} shows no client internals.
 *
 * @param sharedClient the host's client to derive from (never closed by Luxaris)
 * @param defaultTimeouts timeouts used when neither the builder nor the shared client sets one
 * @param connectTimeout connect timeout set on the builder
 * @param readTimeout read timeout (between two reads) set on the builder
 * @param writeTimeout write timeout set on the builder
 * @param callTimeout whole-call timeout (connecting, sending, waiting, reading the body) set on the builder
 * @param maxResponseBytes the largest response body read; a longer one is not buffered
 */
public record HttpSettings(
        Optional<OkHttpClient> sharedClient,
        Timeouts defaultTimeouts,
        Optional<Duration> connectTimeout,
        Optional<Duration> readTimeout,
        Optional<Duration> writeTimeout,
        Optional<Duration> callTimeout,
        long maxResponseBytes) {
    /** Default cap of a response body: platform API answers are JSON of a few kilobytes. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 2L * 1024 * 1024;
    /** The cap can be raised to this at most. */
    public static final long MAX_RESPONSE_BYTES_LIMIT = 64L * 1024 * 1024;
    /** Timeouts for platform APIs: connect 10 s, read 30 s, write 30 s, whole call 60 s. */
    public static final Timeouts API_TIMEOUTS = new Timeouts(
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60));

    /** Default timeouts of an adapter. */
    public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {
        public Timeouts {
            positive(connect, "connectTimeout");
            positive(read, "readTimeout");
            positive(write, "writeTimeout");
            positive(call, "callTimeout");
        }
    }

    public HttpSettings {
        Objects.requireNonNull(sharedClient, "sharedClient");
        Objects.requireNonNull(defaultTimeouts, "defaultTimeouts");
        connectTimeout.ifPresent(t -> positive(t, "connectTimeout"));
        readTimeout.ifPresent(t -> positive(t, "readTimeout"));
        writeTimeout.ifPresent(t -> positive(t, "writeTimeout"));
        callTimeout.ifPresent(t -> positive(t, "callTimeout"));
        requireMaxResponseBytes(maxResponseBytes);
    }

    /** {@link #API_TIMEOUTS}, no shared client, {@link #DEFAULT_MAX_RESPONSE_BYTES}. */
    public static HttpSettings defaults() {
        return of(API_TIMEOUTS);
    }

    /** The given default timeouts, no shared client, {@link #DEFAULT_MAX_RESPONSE_BYTES}. */
    public static HttpSettings of(Timeouts timeouts) {
        return new HttpSettings(
                Optional.empty(),
                timeouts,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DEFAULT_MAX_RESPONSE_BYTES);
    }

    public HttpSettings withSharedClient(OkHttpClient client) {
        return new HttpSettings(
                Optional.of(Objects.requireNonNull(client, "httpClient")),
                defaultTimeouts,
                connectTimeout,
                readTimeout,
                writeTimeout,
                callTimeout,
                maxResponseBytes);
    }

    public HttpSettings withConnectTimeout(Duration timeout) {
        return new HttpSettings(
                sharedClient,
                defaultTimeouts,
                Optional.of(positive(timeout, "connectTimeout")),
                readTimeout,
                writeTimeout,
                callTimeout,
                maxResponseBytes);
    }

    public HttpSettings withReadTimeout(Duration timeout) {
        return new HttpSettings(
                sharedClient,
                defaultTimeouts,
                connectTimeout,
                Optional.of(positive(timeout, "readTimeout")),
                writeTimeout,
                callTimeout,
                maxResponseBytes);
    }

    public HttpSettings withWriteTimeout(Duration timeout) {
        return new HttpSettings(
                sharedClient,
                defaultTimeouts,
                connectTimeout,
                readTimeout,
                Optional.of(positive(timeout, "writeTimeout")),
                callTimeout,
                maxResponseBytes);
    }

    public HttpSettings withCallTimeout(Duration timeout) {
        return new HttpSettings(
                sharedClient,
                defaultTimeouts,
                connectTimeout,
                readTimeout,
                writeTimeout,
                Optional.of(positive(timeout, "callTimeout")),
                maxResponseBytes);
    }

    public HttpSettings withMaxResponseBytes(long bytes) {
        return new HttpSettings(
                sharedClient, defaultTimeouts, connectTimeout, readTimeout, writeTimeout, callTimeout, bytes);
    }

    /** The connect timeout in effect: the builder's, else the shared client's, else the default. */
    public Duration effectiveConnectTimeout() {
        return connectTimeout.orElseGet(() -> sharedClient
                .map(c -> Duration.ofMillis(c.connectTimeoutMillis()))
                .orElse(defaultTimeouts.connect()));
    }

    /** The read timeout in effect: the builder's, else the shared client's, else the default. */
    public Duration effectiveReadTimeout() {
        return readTimeout.orElseGet(() ->
                sharedClient.map(c -> Duration.ofMillis(c.readTimeoutMillis())).orElse(defaultTimeouts.read()));
    }

    /** The write timeout in effect: the builder's, else the shared client's, else the default. */
    public Duration effectiveWriteTimeout() {
        return writeTimeout.orElseGet(() ->
                sharedClient.map(c -> Duration.ofMillis(c.writeTimeoutMillis())).orElse(defaultTimeouts.write()));
    }

    /**
     * The whole-call timeout in effect: the builder's, else the shared client's when it has one, else the default.
     * Never none: a platform that trickles its answer cannot hold a call forever.
     */
    public Duration effectiveCallTimeout() {
        return callTimeout.orElseGet(() -> sharedClient
                .filter(c -> c.callTimeoutMillis() > 0)
                .map(c -> Duration.ofMillis(c.callTimeoutMillis()))
                .orElse(defaultTimeouts.call()));
    }

    /** {@code value}, when it is positive. */
    public static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + value);
        }
        return value;
    }

    /** {@code bytes}, when it is a usable response cap. */
    public static long requireMaxResponseBytes(long bytes) {
        if (bytes < 1024 || bytes > MAX_RESPONSE_BYTES_LIMIT) {
            throw new IllegalArgumentException(
                    "maxResponseBytes must be within 1024.." + MAX_RESPONSE_BYTES_LIMIT + " but was " + bytes);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "HttpSettings[sharedClient=" + sharedClient.isPresent() + ", connectTimeout="
                + effectiveConnectTimeout() + ", readTimeout=" + effectiveReadTimeout() + ", writeTimeout="
                + effectiveWriteTimeout() + ", callTimeout=" + effectiveCallTimeout() + ", maxResponseBytes="
                + maxResponseBytes + "]";
    }
}
