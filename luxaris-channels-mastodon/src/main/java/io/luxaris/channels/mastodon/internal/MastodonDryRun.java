package io.luxaris.channels.mastodon.internal;

import io.luxaris.channels.mastodon.MastodonRequestPreview;
import io.luxaris.http.internal.DryRun;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.RequestPreview;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Dry-run mode of the Mastodon channel: previews go to the host's sink, requests get Mastodon-shaped placeholder
 * answers (media processed at once, statuses with a {@code dry-run-} id).
 */
final class MastodonDryRun implements DryRun {
    private final Settings settings;
    private final AtomicLong ids = new AtomicLong();

    MastodonDryRun(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void show(RequestPreview preview) {
        settings.dryRunSink()
                .accept(new MastodonRequestPreview(preview.method(), preview.url(), preview.headers(), preview.body()));
    }

    @Override
    public HttpResult answer(Request request) {
        HttpUrl url = request.url();
        String path = url.encodedPath();
        String id = "dry-run-" + ids.incrementAndGet();
        String root = url.scheme() + "://" + url.host()
                + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port());
        String body;
        if (path.endsWith("/api/v1/statuses")) {
            body = "{\"id\":\"" + id + "\",\"url\":\"" + root + "/@dry-run/" + id + "\",\"content\":\"\"}";
        } else if (path.endsWith("/api/v2/media") || path.startsWith("/api/v1/media/")) {
            body = "{\"id\":\"" + id + "\",\"type\":\"image\",\"url\":\"" + root + "/media/" + id + "\"}";
        } else {
            body = "{}";
        }
        return new HttpResult(request.method(), path, 200, Headers.of(), body);
    }
}
