package io.luxaris.channels.bluesky;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A request the Bluesky channel built in dry-run mode instead of sending it. {@code Authorization} and every token
 * are redacted; image bytes are summarised by size and type.
 *
 * @param method HTTP method
 * @param url full URL, with query
 * @param headers request headers (redacted)
 * @param body the body as text (JSON as sent, images summarised, empty when there is none)
 */
public record BlueskyRequestPreview(String method, String url, Map<String, String> headers, String body) {
    public BlueskyRequestPreview {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = Collections.unmodifiableMap(new TreeMap<>(headers));
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return method + " " + url + " " + headers + (body.isEmpty() ? "" : " " + body);
    }
}
