package io.luxaris.http.internal;

import io.luxaris.spi.security.Redaction;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * What a request looks like on the wire, safe to log and show: credential headers replaced with {@value
 * Redaction#MASK}, the URL and every text body scrubbed with {@link Redaction}, binary bodies and multipart file
 * parts summarised by size and type. Adapters turn it into their public preview type.
 *
 * @param method HTTP method
 * @param url the full URL with its query, scrubbed
 * @param headers request headers in the order sent, credentials masked
 * @param body the body as text (JSON and forms as sent, scrubbed; summaries for bytes; empty when there is none)
 */
public record RequestPreview(String method, String url, Map<String, String> headers, String body) {
    private static final List<String> CREDENTIAL_HEADERS =
            List.of("authorization", "proxy-authorization", "cookie", "api-key", "x-api-key");

    public RequestPreview {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body");
    }

    /** The preview of {@code request}. */
    public static RequestPreview of(Request request) {
        var headers = new LinkedHashMap<String, String>();
        for (String name : request.headers().names()) {
            String value = String.join(", ", request.headers(name));
            headers.put(
                    name,
                    CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                            ? Redaction.MASK
                            : Redaction.scrub(value, List.of()));
        }
        RequestBody body = request.body();
        String text = "";
        if (body != null) {
            MediaType type = body.contentType();
            if (type != null && !(body instanceof MultipartBody)) {
                headers.putIfAbsent("Content-Type", type.toString());
            }
            text = Redaction.scrub(describe(body), List.of());
        }
        return new RequestPreview(
                request.method(), Redaction.scrub(request.url().toString(), List.of()), headers, text);
    }

    private static String describe(RequestBody body) {
        if (body instanceof MultipartBody multipart) {
            var out = new StringBuilder(multipart.contentType().type() + "/"
                    + multipart.contentType().subtype() + ":");
            for (MultipartBody.Part part : multipart.parts()) {
                Headers partHeaders = part.headers();
                String disposition = partHeaders == null ? "" : partHeaders.get("Content-Disposition");
                String name = disposition == null ? "?" : fieldName(disposition);
                out.append(' ').append(name).append('=');
                MediaType partType = part.body().contentType();
                if (partType == null || "text".equals(partType.type())) {
                    out.append(read(part.body()));
                } else {
                    out.append('<')
                            .append(length(part.body()))
                            .append(" bytes ")
                            .append(partType)
                            .append('>');
                }
            }
            return out.toString();
        }
        MediaType type = body.contentType();
        if (type == null
                || type.subtype().contains("json")
                || type.subtype().contains("x-www-form-urlencoded")
                || "text".equals(type.type())) {
            return read(body);
        }
        return "<" + length(body) + " bytes " + type + ">";
    }

    private static String fieldName(String disposition) {
        int at = disposition.indexOf("name=\"");
        if (at < 0) {
            return "?";
        }
        int end = disposition.indexOf('"', at + 6);
        return end < 0 ? "?" : disposition.substring(at + 6, end);
    }

    private static String read(RequestBody body) {
        try (var buffer = new Buffer()) {
            body.writeTo(buffer);
            return buffer.readUtf8();
        } catch (IOException e) {
            return "<unreadable>";
        }
    }

    private static long length(RequestBody body) {
        try {
            return body.contentLength();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return method + " " + url + " " + headers + (body.isEmpty() ? "" : " " + body);
    }
}
