package io.luxaris.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.ByteString;

/**
 * What the adapters' fake platform servers share (through this module's test jar): taking the requests a {@code
 * mockwebserver3} server received, reading their bodies as text, JSON or form fields, answering with JSON, and the
 * PKCE S256 challenge a fake token endpoint checks.
 */
public final class Recorded {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Recorded() {}

    /** The next request {@code server} received, waiting up to 2 s; an assertion error naming {@code fake} if none. */
    public static RecordedRequest take(MockWebServer server, String fake) throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("expected another request to " + fake);
        }
        return request;
    }

    /** Every request {@code server} received since the last take, in order. */
    public static List<RecordedRequest> takeAll(MockWebServer server) throws InterruptedException {
        var all = new ArrayList<RecordedRequest>();
        RecordedRequest next;
        while ((next = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            all.add(next);
        }
        return all;
    }

    /** The request's body as UTF-8 text ("" without one). */
    public static String body(RecordedRequest request) {
        ByteString body = request.getBody();
        return body == null ? "" : body.utf8();
    }

    /** The request's body as JSON; an assertion error when it is not JSON. */
    public static JsonNode json(RecordedRequest request) {
        return json(body(request));
    }

    /** {@code text} as JSON; an assertion error when it is not JSON. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** The form fields of the request's body, decoded, in order. */
    public static Map<String, String> form(RecordedRequest request) {
        var map = new LinkedHashMap<String, String>();
        for (String pair : body(request).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            map.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    /** A {@code code} answer with a JSON body of {@code contentType}. */
    public static MockResponse json(int code, String contentType, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", contentType)
                .body(body)
                .build();
    }

    /** The PKCE S256 challenge of {@code verifier} (RFC 7636 §4.2), computed independently of the code under test. */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
