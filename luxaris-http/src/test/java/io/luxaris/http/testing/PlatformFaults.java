package io.luxaris.http.testing;

import io.luxaris.http.internal.HttpSettings;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okio.BufferedSink;

/**
 * Misbehaving platform answers for {@code mockwebserver3}, shared by the fault tests of luxaris-http and of every
 * adapter (through this module's test jar): a body trickled byte by byte, a 100 MB body streamed without being held
 * in memory, a redirect, and a token echoed back in the encodings platforms use.
 */
public final class PlatformFaults {
    /** The size of the huge bodies. */
    public static final long HUNDRED_MB = 100L * 1024 * 1024;

    private static volatile boolean warm;

    private PlatformFaults() {}

    /**
     * Sends one request through OkHttp (once per JVM), so that loading OkHttp's classes does not count against the
     * short call timeouts of the fault tests: on a busy machine the first call of a JVM can take seconds before its
     * request is written, and would then end as "never sent" instead of the fault under test.
     */
    public static synchronized void warmUp() throws IOException {
        if (warm) {
            return;
        }
        try (var server = new mockwebserver3.MockWebServer();
                var http = new PlatformHttp("warm-up", HttpSettings.defaults())) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            http.execute(new okhttp3.Request.Builder().url(server.url("/")).build(), false);
        } catch (TransportFailure e) {
            throw new IOException("the warm-up request failed: " + e.getMessage(), e);
        }
        warm = true;
    }

    /**
     * A started server for a test's "somewhere else" (a redirect target, an unrelated host); close it after the test,
     * as an {@code @AutoClose} field.
     */
    public static MockWebServer startedServer() {
        var server = new MockWebServer();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /**
     * A {@code code} answer whose headers come at once and whose body then trickles one byte every 100 ms
     * (slowloris), for about 20 minutes. (Not {@code throttleBody}: mockwebserver3 throttles reading the request body
     * with it too, so the request itself would crawl in.)
     */
    public static MockResponse trickling(int code) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return -1;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        sink.writeUtf8("{\"data\":{\"id\":\"");
                        for (int i = 0; i < 12_000; i++) {
                            sink.writeUtf8("1");
                            sink.flush();
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new java.io.InterruptedIOException("interrupted while trickling");
                            }
                        }
                        sink.writeUtf8("\"}}");
                    }
                })
                .build();
    }

    /**
     * A {@code code} answer with a JSON-looking body of 100 MB, streamed in 64 KiB chunks without a length;
     * {@code written} counts the bytes the server managed to write before the client stopped reading.
     */
    public static MockResponse huge(int code, AtomicLong written) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return -1;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        sink.writeUtf8("{\"error\":\"");
                        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                        while (written.get() < HUNDRED_MB) {
                            sink.write(chunk);
                            sink.flush();
                            written.addAndGet(chunk.length);
                        }
                    }
                })
                .build();
    }

    /** A {@code code} redirect (301, 302, 303, 307, 308) to {@code target}. */
    public static MockResponse redirect(int code, HttpUrl target) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Location", target.toString())
                .build();
    }

    /**
     * {@code token} as platforms echo it in error bodies, inside JSON text: form-encoded, %-encoded in lower case,
     * and JSON-escaped ({@code \/} and {@code \}{@code uXXXX} escapes).
     */
    public static String echoed(String token) {
        String form = URLEncoder.encode(token, StandardCharsets.UTF_8);
        String lower = java.util.regex.Pattern.compile("%[0-9A-F]{2}")
                .matcher(form.replace("+", "%20"))
                .replaceAll(m -> m.group().toLowerCase(java.util.Locale.ROOT));
        String json = token.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
        String unicode = token.replace("+", "\\u002B").replace("=", "\\u003d").replace("/", "\\u002F");
        return "the token " + form + " (also " + lower + ", " + json + ", " + unicode + ") is not valid here";
    }
}
