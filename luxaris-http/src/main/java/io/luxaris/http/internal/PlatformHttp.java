package io.luxaris.http.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one platform and tells apart "never left" from "may have reached it". A network interceptor
 * marks a call as sent once a connection is open and the request is about to be written; an I/O failure before that
 * is a connect failure (safe to send again), after it the outcome is unknown. Calls that must not be repeated
 * (creating a post, spending a one-time code, rotating a token) go through a client that never silently repeats a
 * request on a broken connection.
 *
 * <p>The client ({@link #client(HttpSettings)}) follows no redirect, plain or TLS, whatever a shared client says,
 * and always has a whole-call timeout. An answer is read up to {@link HttpSettings#maxResponseBytes()}: a success
 * (or redirect, or informational answer) over it fails with {@value TransportFailure#RESPONSE_TOO_LARGE} without
 * being buffered; an error answer over it keeps its beginning and is classified by its status. A 3xx fails with
 * {@value TransportFailure#UNEXPECTED_REDIRECT}.
 *
 * <p>In dry-run mode nothing is sent: each request is logged (redacted), shown to the {@link DryRun} and answered
 * with its placeholder.
 */
public final class PlatformHttp implements AutoCloseable {
    /** JSON request bodies, UTF-8. */
    public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Binary request bodies (uploads). */
    public static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private static final Logger LOG = LoggerFactory.getLogger(PlatformHttp.class);
    /** How much of an oversized error body is kept (for the raw response, which keeps 4 KiB). */
    private static final long KEPT_ERROR_PREFIX = 16 * 1024;

    private final String platform;
    private final HttpSettings settings;
    private final OkHttpClient client;
    private final OkHttpClient noRetryClient;
    private final @Nullable DryRun dryRun;

    /** Sends requests to {@code platform} (a name for messages: {@code X}, {@code LinkedIn}, {@code OpenAI}). */
    public PlatformHttp(String platform, HttpSettings settings) {
        this(platform, settings, Optional.empty());
    }

    /** Like {@link #PlatformHttp(String, HttpSettings)}, sending nothing when {@code dryRun} is present. */
    public PlatformHttp(String platform, HttpSettings settings, Optional<DryRun> dryRun) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dryRun = Objects.requireNonNull(dryRun, "dryRun").orElse(null);
        this.client = client(settings)
                .newBuilder()
                .addNetworkInterceptor(chain -> {
                    SendMark mark = chain.request().tag(SendMark.class);
                    if (mark != null) {
                        mark.sent = true;
                    }
                    return chain.proceed(chain.request());
                })
                .build();
        this.noRetryClient = client.newBuilder().retryOnConnectionFailure(false).build();
    }

    /** A URL under {@code base}: its path, then each of {@code segments} (each one encoded, a {@code /} in one too). */
    public static HttpUrl.Builder url(HttpUrl base, String... segments) {
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    /**
     * A client with safe defaults: derived from the shared client when there is one (its pool, dispatcher, proxy
     * and TLS), with the settings' timeouts, a whole-call timeout always, and redirects (plain and TLS) never
     * followed: a redirect could take a token or a post's bytes to another host.
     */
    public static OkHttpClient client(HttpSettings settings) {
        OkHttpClient.Builder builder = settings.sharedClient()
                .map(OkHttpClient::newBuilder)
                .orElseGet(() -> new OkHttpClient.Builder()
                        .connectTimeout(settings.defaultTimeouts().connect())
                        .readTimeout(settings.defaultTimeouts().read())
                        .writeTimeout(settings.defaultTimeouts().write()));
        settings.connectTimeout().ifPresent(builder::connectTimeout);
        settings.readTimeout().ifPresent(builder::readTimeout);
        settings.writeTimeout().ifPresent(builder::writeTimeout);
        return builder.callTimeout(settings.effectiveCallTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    public HttpSettings settings() {
        return settings;
    }

    /** Whether requests are only built and shown, never sent. */
    public boolean isDryRun() {
        return dryRun != null;
    }

    /**
     * Sends {@code request} and reads the answer within the cap. {@code notRepeatable} marks calls that the HTTP
     * client must never repeat on its own.
     *
     * @throws TransportFailure when no usable answer came (see {@link TransportFailure#sent()})
     */
    public HttpResult execute(Request request, boolean notRepeatable) throws TransportFailure {
        String method = request.method();
        String path = request.url().encodedPath();
        if (dryRun != null) {
            RequestPreview preview = RequestPreview.of(request);
            LOG.info("{} dry run, not sent: {}", platform, preview);
            try {
                dryRun.show(preview);
            } catch (RuntimeException e) {
                LOG.warn("the dry-run sink failed", e);
            }
            return dryRun.answer(request);
        }
        var mark = new SendMark();
        Request tagged = request.newBuilder().tag(SendMark.class, mark).build();
        OkHttpClient use = notRepeatable ? noRetryClient : client;
        try (Response response = use.newCall(tagged).execute()) {
            int status = response.code();
            LOG.debug("{} {} {} -> HTTP {}", platform, method, path, status);
            if (status >= 300 && status < 400) {
                throw new TransportFailure(
                        TransportFailure.UNEXPECTED_REDIRECT,
                        status,
                        platform + " answered HTTP " + status + " with a redirect"
                                + location(response).map(l -> " to " + l).orElse("")
                                + "; redirects are not followed");
            }
            return read(response, method, path);
        } catch (IOException e) {
            boolean sent = mark.sent;
            if (e instanceof ConnectException
                    || e instanceof UnknownHostException
                    || e instanceof NoRouteToHostException) {
                sent = false;
            }
            String code;
            if (!sent) {
                code = TransportFailure.CONNECT_FAILED;
            } else if (e instanceof InterruptedIOException) {
                code = TransportFailure.TIMEOUT;
            } else {
                code = TransportFailure.CONNECTION_LOST;
            }
            LOG.debug(
                    "{} {} {} got no answer ({}, sent={})",
                    platform,
                    method,
                    path,
                    e.getClass().getSimpleName(),
                    sent);
            String message = sent
                    ? "the request reached " + platform + " but no answer came back ("
                            + e.getClass().getSimpleName() + ")"
                    : "could not connect to " + platform + " (" + e.getClass().getSimpleName() + ")";
            throw new TransportFailure(sent, code, message, e);
        }
    }

    /** The body up to the cap; an error answer over it keeps its beginning, anything else over it fails. */
    private HttpResult read(Response response, String method, String path) throws IOException, TransportFailure {
        int status = response.code();
        boolean error = status >= 400;
        long cap = settings.maxResponseBytes();
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        Charset charset = type == null
                ? StandardCharsets.UTF_8
                : Objects.requireNonNullElse(type.charset(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        if (!error && body.contentLength() > cap) {
            throw tooLarge(status, cap);
        }
        BufferedSource source = body.source();
        if (!source.request(cap + 1)) {
            return new HttpResult(method, path, status, response.headers(), source.readString(charset));
        }
        if (!error) {
            throw tooLarge(status, cap);
        }
        LOG.debug(
                "{} {} {} -> HTTP {} with a body over {} bytes; keeping its beginning",
                platform,
                method,
                path,
                status,
                cap);
        long kept = Math.min(KEPT_ERROR_PREFIX, cap);
        return new HttpResult(
                method, path, status, response.headers(), source.getBuffer().readString(kept, charset), true);
    }

    private TransportFailure tooLarge(int status, long cap) {
        return new TransportFailure(
                TransportFailure.RESPONSE_TOO_LARGE,
                status,
                platform + " answered HTTP " + status + " with a body larger than " + cap + " bytes; it was not read");
    }

    /** Where a redirect pointed, as scheme, host and port only (its path or query may carry secrets). */
    private static Optional<String> location(Response response) {
        String location = response.header("Location");
        if (location == null) {
            return Optional.empty();
        }
        HttpUrl target = response.request().url().resolve(location);
        return target == null
                ? Optional.empty()
                : Optional.of(target.scheme() + "://" + target.host() + ":" + target.port());
    }

    @Override
    public void close() {
        if (settings.sharedClient().isEmpty()) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "PlatformHttp[" + platform + ", " + settings + (dryRun != null ? ", dry run" : "") + "]";
    }

    /** Set by the network interceptor once the request is about to be written on an open connection. */
    static final class SendMark {
        volatile boolean sent;
    }
}
