package io.luxaris.channels.x.internal;

import io.luxaris.channels.x.XRequestPreview;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to X and tells apart "never left" from "may have reached X". A network interceptor marks a call
 * as sent once a connection is established and the request is about to be written; an I/O failure before that is
 * a connect failure (safe to retry), after it the outcome is unknown. Calls that create posts or rotate tokens use
 * a client that never retries silently on a broken connection. In dry-run mode nothing is sent: each request is
 * logged (redacted), handed to the sink, and answered with a placeholder.
 */
public final class XHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XHttp.class);

    private final Settings settings;
    private final OkHttpClient client;
    private final OkHttpClient noRetryClient;
    private final boolean ownsClient;
    private final AtomicLong dryRunIds = new AtomicLong();

    public XHttp(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ownsClient = settings.httpClient().isEmpty();
        OkHttpClient.Builder builder;
        if (ownsClient) {
            builder = new OkHttpClient.Builder()
                    .connectTimeout(settings.connectTimeout().orElse(Settings.DEFAULT_CONNECT_TIMEOUT))
                    .readTimeout(settings.readTimeout().orElse(Settings.DEFAULT_READ_TIMEOUT))
                    .writeTimeout(settings.writeTimeout().orElse(Settings.DEFAULT_WRITE_TIMEOUT));
        } else {
            builder = settings.httpClient().get().newBuilder();
            settings.connectTimeout().ifPresent(builder::connectTimeout);
            settings.readTimeout().ifPresent(builder::readTimeout);
            settings.writeTimeout().ifPresent(builder::writeTimeout);
        }
        settings.callTimeout().ifPresent(builder::callTimeout);
        builder.addNetworkInterceptor(chain -> {
            SendMark mark = chain.request().tag(SendMark.class);
            if (mark != null) {
                mark.sent = true;
            }
            return chain.proceed(chain.request());
        });
        this.client = builder.build();
        this.noRetryClient = client.newBuilder().retryOnConnectionFailure(false).build();
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Sends {@code request}. {@code notRepeatable} marks calls that must never be repeated by the HTTP client on
     * its own (creating a post, rotating a token).
     */
    public HttpResult execute(Request request, boolean notRepeatable) throws TransportFailure {
        String path = request.url().encodedPath();
        if (settings.dryRun()) {
            return dryRun(request, path);
        }
        var mark = new SendMark();
        Request tagged = request.newBuilder().tag(SendMark.class, mark).build();
        OkHttpClient use = notRepeatable ? noRetryClient : client;
        try (Response response = use.newCall(tagged).execute()) {
            String body = response.body().string();
            LOG.debug("X {} {} -> HTTP {}", request.method(), path, response.code());
            return new HttpResult(request.method(), path, response.code(), response.headers(), body);
        } catch (IOException e) {
            boolean sent = mark.sent;
            String code;
            if (!sent) {
                code = "connect_failed";
            } else if (e instanceof InterruptedIOException) {
                code = "timeout";
            } else {
                code = "connection_lost";
            }
            if (e instanceof ConnectException
                    || e instanceof UnknownHostException
                    || e instanceof NoRouteToHostException) {
                sent = false;
                code = "connect_failed";
            }
            LOG.debug(
                    "X {} {} got no answer ({}, sent={})",
                    request.method(),
                    path,
                    e.getClass().getSimpleName(),
                    sent);
            String message = sent
                    ? "the request reached X but no answer came back ("
                            + e.getClass().getSimpleName() + ")"
                    : "could not connect to X (" + e.getClass().getSimpleName() + ")";
            throw new TransportFailure(sent, code, message, e);
        }
    }

    private HttpResult dryRun(Request request, String path) {
        XRequestPreview preview = preview(request);
        LOG.info("X dry run, not sent: {}", preview);
        try {
            settings.dryRunSink().accept(preview);
        } catch (RuntimeException e) {
            LOG.warn("the dry-run sink failed", e);
        }
        String id = String.valueOf(1_000_000_000_000_000_000L + dryRunIds.incrementAndGet());
        String body;
        int status = 200;
        if (path.endsWith("/2/tweets")) {
            status = 201;
            body = "{\"data\":{\"id\":\"" + id + "\",\"text\":\"\",\"edit_history_tweet_ids\":[\"" + id + "\"]}}";
        } else if (path.endsWith("/append")) {
            body = "";
        } else if (path.endsWith("/finalize")) {
            String mediaId = request.url().pathSegments().get(request.url().pathSize() - 2);
            body = "{\"data\":{\"id\":\"" + mediaId + "\"}}";
        } else if (path.contains("/2/media/upload")) {
            body = "{\"data\":{\"id\":\"" + id + "\"}}";
        } else {
            body = "{}";
        }
        return new HttpResult(request.method(), path, status, Headers.of(), body);
    }

    /** What a request looks like on the wire, with the {@code Authorization} header and tokens redacted. */
    static XRequestPreview preview(Request request) {
        var headers = new LinkedHashMap<String, String>();
        for (String name : request.headers().names()) {
            headers.put(
                    name,
                    name.equalsIgnoreCase("Authorization") ? Scrub.MASK : String.join(", ", request.headers(name)));
        }
        RequestBody body = request.body();
        String text = "";
        if (body != null) {
            MediaType type = body.contentType();
            if (type != null && !(body instanceof MultipartBody)) {
                headers.putIfAbsent("Content-Type", type.toString());
            }
            text = describe(body);
        }
        return new XRequestPreview(request.method(), request.url().toString(), headers, Scrub.patterns(text));
    }

    private static String describe(RequestBody body) {
        if (body instanceof MultipartBody multipart) {
            var out = new StringBuilder(multipart.contentType().type() + "/"
                    + multipart.contentType().subtype() + ":");
            for (MultipartBody.Part part : multipart.parts()) {
                Headers partHeaders = part.headers();
                String disposition = partHeaders == null ? "" : partHeaders.get("Content-Disposition");
                String name = disposition == null ? "?" : fieldName(disposition);
                out.append(' ').append(name).append('=');
                MediaType partType = part.body().contentType();
                if (partType == null || "text".equals(partType.type())) {
                    out.append(read(part.body()));
                } else {
                    out.append('<')
                            .append(length(part.body()))
                            .append(" bytes ")
                            .append(partType)
                            .append('>');
                }
            }
            return out.toString();
        }
        MediaType type = body.contentType();
        if (type == null
                || type.subtype().contains("json")
                || type.subtype().contains("x-www-form-urlencoded")
                || "text".equals(type.type())) {
            return read(body);
        }
        return "<" + length(body) + " bytes " + type + ">";
    }

    private static String fieldName(String disposition) {
        int at = disposition.indexOf("name=\"");
        if (at < 0) {
            return "?";
        }
        int end = disposition.indexOf('"', at + 6);
        return end < 0 ? "?" : disposition.substring(at + 6, end);
    }

    private static String read(RequestBody body) {
        try (var buffer = new Buffer()) {
            body.writeTo(buffer);
            return buffer.readUtf8();
        } catch (IOException e) {
            return "<unreadable>";
        }
    }

    private static long length(RequestBody body) {
        try {
            return body.contentLength();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** Set by the network interceptor once the request is about to be written on an open connection. */
    static final class SendMark {
        volatile boolean sent;
    }
}
