package io.luxaris.channels.bluesky.internal;

import io.luxaris.channels.bluesky.BlueskyRequestPreview;
import io.luxaris.http.internal.DryRun;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.RequestPreview;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import okhttp3.Request;
import okio.Buffer;

/** Dry-run mode of the Bluesky channel: previews go to the host's sink, requests get XRPC-shaped placeholder answers. */
final class BlueskyDryRun implements DryRun {
    static final String DID = "did:plc:dry-run";

    private final Settings settings;
    private final AtomicLong ids = new AtomicLong();

    BlueskyDryRun(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void show(RequestPreview preview) {
        settings.dryRunSink()
                .accept(new BlueskyRequestPreview(preview.method(), preview.url(), preview.headers(), preview.body()));
    }

    @Override
    public HttpResult answer(Request request) {
        String path = request.url().encodedPath();
        String method = path.substring(path.lastIndexOf('/') + 1);
        long n = ids.incrementAndGet();
        int status = 200;
        String body;
        switch (method) {
            case Http.CREATE_RECORD -> {
                var json = Json.read(text(request));
                String repo = json.path("repo").asText(DID);
                String rkey = json.path("rkey").asText("dry-run-" + n);
                body = Json.write(Json.object()
                        .put("uri", "at://" + repo + "/" + Http.POST_COLLECTION + "/" + rkey)
                        .put("cid", "bafyreidryrun" + n));
            }
            case Http.UPLOAD_BLOB -> {
                var blob = Json.object();
                var root = Json.object();
                root.set("blob", blob);
                blob.put("$type", "blob");
                blob.putObject("ref").put("$link", "bafkreidryrun" + n);
                blob.put(
                        "mimeType",
                        request.body() == null || request.body().contentType() == null
                                ? "application/octet-stream"
                                : request.body().contentType().type() + "/"
                                        + request.body().contentType().subtype());
                blob.put("size", length(request));
                body = Json.write(root);
            }
            case Http.RESOLVE_HANDLE -> body = Json.write(Json.object().put("did", "did:plc:dry-run-mention-" + n));
            case Http.GET_RECORD -> {
                status = 400;
                body = "{\"error\":\"RecordNotFound\",\"message\":\"dry run: nothing was created\"}";
            }
            default -> body = "{}";
        }
        return new HttpResult(request.method(), path, status, Headers.of(), body);
    }

    private static String text(Request request) {
        if (request.body() == null) {
            return "";
        }
        try (var buffer = new Buffer()) {
            request.body().writeTo(buffer);
            return buffer.readUtf8();
        } catch (IOException e) {
            return "";
        }
    }

    private static long length(Request request) {
        try {
            return request.body() == null ? 0 : request.body().contentLength();
        } catch (IOException e) {
            return -1;
        }
    }
}
