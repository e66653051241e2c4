package io.luxaris.channels.x.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import okhttp3.Headers;

/** A response X sent: status, headers and the body as text. */
public record HttpResult(String method, String path, int status, Headers headers, String body) {
    public HttpResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    public JsonNode json() {
        return Json.read(body);
    }

    @Override
    public String toString() {
        return method + " " + path + " -> HTTP " + status;
    }
}
