package io.luxaris.channels.threads.internal;

import io.luxaris.channels.threads.ThreadsRequestPreview;
import io.luxaris.http.internal.DryRun;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.RequestPreview;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import okhttp3.Request;

/**
 * Dry-run mode of the Threads channel: previews go to the host's sink, requests get Threads-shaped placeholder
 * answers (containers {@code FINISHED} at once, ids starting with {@code dry-run-}).
 */
final class ThreadsDryRun implements DryRun {
    private final Settings settings;
    private final AtomicLong ids = new AtomicLong();

    ThreadsDryRun(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void show(RequestPreview preview) {
        settings.dryRunSink()
                .accept(new ThreadsRequestPreview(preview.method(), preview.url(), preview.headers(), preview.body()));
    }

    @Override
    public HttpResult answer(Request request) {
        String path = request.url().encodedPath();
        String id = "dry-run-" + ids.incrementAndGet();
        String body;
        if ("DELETE".equals(request.method())) {
            body = "{\"success\":true,\"deleted_id\":\""
                    + request.url().pathSegments().get(request.url().pathSize() - 1) + "\"}";
        } else if (path.endsWith("/threads_publish") || path.endsWith("/threads")) {
            body = "{\"id\":\"" + id + "\"}";
        } else if (path.endsWith("/me")) {
            body = "{\"id\":\"me\",\"username\":\"dry_run\"}";
        } else if ("status,error_message".equals(request.url().queryParameter("fields"))) {
            body = "{\"status\":\"FINISHED\",\"id\":\""
                    + request.url().pathSegments().get(request.url().pathSize() - 1) + "\"}";
        } else {
            body = "{}";
        }
        return new HttpResult(request.method(), path, 200, Headers.of(), body);
    }
}
