package io.luxaris.channels.linkedin;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A request the LinkedIn channel built in dry-run mode instead of sending it. The {@code Authorization} header and
 * every token are redacted; binary bodies (image bytes) are summarised by size and type.
 *
 * @param method HTTP method
 * @param url full URL, with query
 * @param headers request headers, redacted, sorted by name
 * @param body the body as text (JSON as it would be sent, a summary for bytes, empty when there is none)
 */
public record LinkedInRequestPreview(String method, String url, Map<String, String> headers, String body) {
    public LinkedInRequestPreview {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        var sorted = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers);
        headers = Collections.unmodifiableMap(sorted);
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return method + " " + url + " " + headers + (body.isEmpty() ? "" : " " + body);
    }
}
