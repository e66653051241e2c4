package io.luxaris.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;
import okhttp3.Headers;

/**
 * An answer a platform sent: status, headers and the body as text. {@code truncated} marks an error answer whose
 * body was longer than the cap: {@code body} then holds only its beginning (never parsed as JSON), and the answer
 * is classified by its status.
 *
 * @param method the request's method
 * @param path the request's encoded path (no query: it may hold secrets)
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body, or its beginning when {@code truncated}
 * @param truncated whether the body was cut at the cap
 */
public record HttpResult(String method, String path, int status, Headers headers, String body, boolean truncated) {
    public HttpResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** A complete answer. */
    public HttpResult(String method, String path, int status, Headers headers, String body) {
        this(method, path, status, headers, body, false);
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** The body as JSON; a missing node when it is empty, not JSON, or cut short. */
    public JsonNode json() {
        return truncated ? MissingNode.getInstance() : Json.read(body);
    }

    @Override
    public String toString() {
        return method + " " + path + " -> HTTP " + status + (truncated ? " (body cut)" : "");
    }
}
