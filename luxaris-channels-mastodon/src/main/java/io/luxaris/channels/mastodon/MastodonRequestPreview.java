package io.luxaris.channels.mastodon;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A request the Mastodon channel built in dry-run mode instead of sending it. {@code Authorization} and every token
 * are redacted; binary parts are summarised by size.
 *
 * @param method HTTP method
 * @param url full URL, with query
 * @param headers request headers (redacted)
 * @param body the body as text (JSON as sent, multipart parts summarised, empty when there is none)
 */
public record MastodonRequestPreview(String method, String url, Map<String, String> headers, String body) {
    public MastodonRequestPreview {
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
