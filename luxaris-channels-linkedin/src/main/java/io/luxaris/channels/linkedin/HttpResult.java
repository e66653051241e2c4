package io.luxaris.channels.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import okhttp3.Headers;

/** A response LinkedIn sent: status, headers and the body as text. */
record HttpResult(String method, String path, int status, Headers headers, String body) {
    HttpResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** The body as JSON; a missing node when it is empty or not JSON. */
    JsonNode json() {
        return Json.read(body);
    }

    @Override
    public String toString() {
        return method + " " + path + " -> HTTP " + status;
    }
}
