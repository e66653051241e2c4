package io.luxaris.channels.x.internal;

import io.luxaris.channels.x.XRequestPreview;
import io.luxaris.http.internal.DryRun;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.RequestPreview;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import okhttp3.Request;

/** Dry-run mode of the X channel: previews go to the host's sink, requests get X-shaped placeholder answers. */
final class XDryRun implements DryRun {
    private final Settings settings;
    private final AtomicLong ids = new AtomicLong();

    XDryRun(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void show(RequestPreview preview) {
        settings.dryRunSink()
                .accept(new XRequestPreview(preview.method(), preview.url(), preview.headers(), preview.body()));
    }

    @Override
    public HttpResult answer(Request request) {
        String path = request.url().encodedPath();
        String id = String.valueOf(1_000_000_000_000_000_000L + ids.incrementAndGet());
        String body;
        int status = 200;
        if (path.endsWith("/2/tweets")) {
            status = 201;
            body = "{\"data\":{\"id\":\"" + id + "\",\"text\":\"\",\"edit_history_tweet_ids\":[\"" + id + "\"]}}";
        } else if (path.endsWith("/append")) {
            body = "";
        } else if (path.endsWith("/finalize")) {
            String mediaId = request.url().pathSegments().get(request.url().pathSize() - 2);
            body = "{\"data\":{\"id\":\"" + mediaId + "\"}}";
        } else if (path.contains("/2/media/upload")) {
            body = "{\"data\":{\"id\":\"" + id + "\"}}";
        } else {
            body = "{}";
        }
        return new HttpResult(request.method(), path, status, Headers.of(), body);
    }
}
