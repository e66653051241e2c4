package io.luxaris.channels.threads;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A request the Threads channel built in dry-run mode instead of sending it. The access token (a query or form
 * field on Threads) and every other secret are redacted.
 *
 * @param method HTTP method
 * @param url full URL, with its query (redacted)
 * @param headers request headers (redacted)
 * @param body the form body as sent (redacted), empty when there is none
 */
public record ThreadsRequestPreview(String method, String url, Map<String, String> headers, String body) {
    public ThreadsRequestPreview {
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
