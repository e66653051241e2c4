package io.luxaris.channels.linkedin;

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
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to LinkedIn and tells apart "never left" from "may have reached LinkedIn". A network interceptor
 * marks a call as sent once a connection is open and the request is about to be written; an I/O failure before
 * that is a connect failure (safe to retry), after it the outcome is unknown. Calls that create posts or use a
 * one-time code go through a client that never silently repeats a request on a broken connection. In dry-run mode
 * nothing is sent: each request is logged (redacted), handed to the sink, and answered with a placeholder.
 */
final class LinkedInHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkedInHttp.class);

    private final Settings settings;
    private final OkHttpClient client;
    private final OkHttpClient noRetryClient;
    private final boolean ownsClient;
    private final AtomicLong dryRunIds = new AtomicLong();

    LinkedInHttp(Settings settings) {
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

    Settings settings() {
        return settings;
    }

    /**
     * Sends {@code request}. {@code notRepeatable} marks calls the HTTP client must never repeat on its own
     * (creating a post, exchanging a one-time code).
     */
    HttpResult execute(Request request, boolean notRepeatable) throws TransportFailure {
        String path = request.url().encodedPath();
        if (settings.dryRun()) {
            return dryRun(request, path);
        }
        var mark = new SendMark();
        Request tagged = request.newBuilder().tag(SendMark.class, mark).build();
        OkHttpClient use = notRepeatable ? noRetryClient : client;
        try (Response response = use.newCall(tagged).execute()) {
            String body = response.body().string();
            LOG.debug("LinkedIn {} {} -> HTTP {}", request.method(), path, response.code());
            return new HttpResult(request.method(), path, response.code(), response.headers(), body);
        } catch (IOException e) {
            boolean sent = mark.sent;
            String code;
            if (e instanceof ConnectException
                    || e instanceof UnknownHostException
                    || e instanceof NoRouteToHostException) {
                sent = false;
            }
            if (!sent) {
                code = "connect_failed";
            } else if (e instanceof InterruptedIOException) {
                code = "timeout";
            } else {
                code = "connection_lost";
            }
            LOG.debug(
                    "LinkedIn {} {} got no answer ({}, sent={})",
                    request.method(),
                    path,
                    e.getClass().getSimpleName(),
                    sent);
            String message = sent
                    ? "the request reached LinkedIn but no answer came back ("
                            + e.getClass().getSimpleName() + ")"
                    : "could not connect to LinkedIn (" + e.getClass().getSimpleName() + ")";
            throw new TransportFailure(sent, code, message, e);
        }
    }

    private HttpResult dryRun(Request request, String path) {
        LinkedInRequestPreview preview = preview(request);
        LOG.info("LinkedIn dry run, not sent: {}", preview);
        try {
            settings.dryRunSink().accept(preview);
        } catch (RuntimeException e) {
            LOG.warn("the dry-run sink failed", e);
        }
        long n = dryRunIds.incrementAndGet();
        Headers.Builder headers = new Headers.Builder();
        String body = "";
        int status = 200;
        if (path.endsWith("/rest/posts") && "POST".equals(request.method())) {
            status = 201;
            headers.add("x-restli-id", "urn:li:share:dry-run-" + n);
        } else if (path.endsWith("/rest/images")) {
            String upload = settings.apiBaseUrl()
                    .newBuilder()
                    .addPathSegments("dry-run/uploads/" + n)
                    .build()
                    .toString();
            body = "{\"value\":{\"uploadUrlExpiresAt\":0,\"uploadUrl\":\"" + upload
                    + "\",\"image\":\"urn:li:image:dry-run-" + n + "\"}}";
        } else if ("PUT".equals(request.method())) {
            status = 201;
        } else if ("DELETE".equals(request.method())) {
            status = 204;
        } else {
            body = "{}";
        }
        return new HttpResult(request.method(), path, status, headers.build(), body);
    }

    /** What a request looks like on the wire, with the {@code Authorization} header and tokens redacted. */
    static LinkedInRequestPreview preview(Request request) {
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
            if (type != null) {
                headers.putIfAbsent("Content-Type", type.toString());
            }
            text = describe(body);
        }
        return new LinkedInRequestPreview(
                request.method(), Scrub.patterns(request.url().toString()), headers, Scrub.patterns(text));
    }

    private static String describe(RequestBody body) {
        MediaType type = body.contentType();
        if (type != null
                && (type.subtype().contains("json")
                        || type.subtype().contains("x-www-form-urlencoded")
                        || "text".equals(type.type()))) {
            try (var buffer = new Buffer()) {
                body.writeTo(buffer);
                return buffer.readUtf8();
            } catch (IOException e) {
                return "<unreadable>";
            }
        }
        long length;
        try {
            length = body.contentLength();
        } catch (IOException e) {
            length = -1;
        }
        return "<" + length + " bytes" + (type == null ? "" : " " + type) + ">";
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
