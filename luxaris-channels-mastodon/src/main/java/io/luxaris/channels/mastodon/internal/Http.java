package io.luxaris.channels.mastodon.internal;

import okhttp3.MediaType;

/** Media types used in requests. */
final class Http {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private Http() {}
}
