package io.luxaris.http.internal;

import okhttp3.Request;

/** What an adapter does with requests in dry-run mode: show them to the host, answer them with placeholders. */
public interface DryRun {
    /** Hands the redacted preview of a request to the host (a failing sink is logged, never fatal). */
    void show(RequestPreview preview);

    /** The placeholder answer to {@code request}, shaped like the platform's (ids marked as dry-run ids). */
    HttpResult answer(Request request);
}
