package io.luxaris.channels.linkedin.internal;

import io.luxaris.channels.linkedin.LinkedInRequestPreview;
import io.luxaris.http.internal.DryRun;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.RequestPreview;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import okhttp3.Request;

/** Dry-run mode of the LinkedIn channel: previews go to the host's sink, requests get LinkedIn-shaped placeholders. */
public final class LinkedInDryRun implements DryRun {
    private final Settings settings;
    private final AtomicLong ids = new AtomicLong();

    LinkedInDryRun(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void show(RequestPreview preview) {
        settings.dryRunSink()
                .accept(new LinkedInRequestPreview(preview.method(), preview.url(), preview.headers(), preview.body()));
    }

    @Override
    public HttpResult answer(Request request) {
        String path = request.url().encodedPath();
        long n = ids.incrementAndGet();
        Headers.Builder headers = new Headers.Builder();
        String body = "";
        int status = 200;
        if (path.endsWith("/rest/posts") && "POST".equals(request.method())) {
            status = 201;
            headers.add("x-restli-id", "urn:li:share:dry-run-" + n);
        } else if (path.endsWith("/rest/images")) {
            String upload = settings.apiBaseUrl()
                    .newBuilder()
                    .addPathSegments("dry-run/uploads/" + n)
                    .build()
                    .toString();
            body = "{\"value\":{\"uploadUrlExpiresAt\":0,\"uploadUrl\":\"" + upload
                    + "\",\"image\":\"urn:li:image:dry-run-" + n + "\"}}";
        } else if ("PUT".equals(request.method())) {
            status = 201;
        } else if ("DELETE".equals(request.method())) {
            status = 204;
        } else {
            body = "{}";
        }
        return new HttpResult(request.method(), path, status, headers.build(), body);
    }
}
