package io.luxaris.channels.mastodon.internal;

import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The base URL of a Mastodon instance, checked before any token goes there: {@code https} (plain {@code http} only
 * for a loopback host, and only when the channel was built to allow it, for tests and local servers), a host and
 * optionally a port, nothing else (no user info, path, query or fragment). {@code mastodon.social} is read as {@code
 * https://mastodon.social}. Nothing is resolved: the check looks at the text only.
 */
public final class InstanceUrl {
    private InstanceUrl() {}

    /**
     * The instance's root URL ({@code https://host[:port]/}).
     *
     * @throws IllegalArgumentException naming what is wrong with {@code raw}
     */
    public static HttpUrl parse(String raw, boolean plainHttpOnLoopback) {
        Objects.requireNonNull(raw, "instance URL");
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the instance URL is empty");
        }
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new IllegalArgumentException("the instance URL is not an http(s) URL");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new IllegalArgumentException("the instance URL must not carry user information");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException("the instance URL must not have a query or fragment");
        }
        if (!url.encodedPath().equals("/")) {
            throw new IllegalArgumentException("the instance URL must be the instance's root, without a path");
        }
        if (url.scheme().equals("http")) {
            if (!plainHttpOnLoopback) {
                throw new IllegalArgumentException("the instance URL must use https");
            }
            if (!isLoopback(url.host())) {
                throw new IllegalArgumentException(
                        "the instance URL must use https (plain http is allowed for loopback hosts only)");
            }
        }
        return url;
    }

    /** {@code localhost}, {@code 127.x.x.x} or {@code ::1}, from the text alone. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("[::1]")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The root URL as text without the trailing slash ({@code https://mastodon.social}). */
    public static String text(HttpUrl url) {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
