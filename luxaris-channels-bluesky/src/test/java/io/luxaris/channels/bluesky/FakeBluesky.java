package io.luxaris.channels.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.domain.Credentials;
import io.luxaris.http.testing.FakePlatform;
import io.luxaris.http.testing.Recorded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake PDS on {@code mockwebserver3} that behaves like the documented XRPC API (docs/platforms/bluesky.md §3A): app-password
 * sessions ({@code createSession}: 401 {@code AuthenticationRequired} for a wrong password, 429 after 30 logins;
 * {@code refreshSession} rotating both tokens, the old refresh token still accepted within the grace period, 400
 * {@code ExpiredToken} for a revoked one), 400 {@code ExpiredToken} for an expired access token, {@code uploadBlob}
 * echoing size and MIME type, {@code createRecord} validating the record as the lexicon does (graphemes, bytes,
 * facets, alt text, image count, blob size) and answering 500 for a record key already taken, {@code getRecord}
 * (400 {@code RecordNotFound}), {@code deleteRecord} (200 also when absent), {@code resolveHandle}, and {@code
 * RateLimit-*} headers with a write-point budget. Responses scripted for a route are served first, in order.
 */
final class FakeBluesky extends FakePlatform {
    static final String HANDLE = "alice.example.com";
    static final String DID = "did:plc:abc123";
    static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
    static final String MENTIONED_HANDLE = "alice.bsky.social";
    static final String MENTIONED_DID = "did:plc:alice456";
    static final int LOGINS_PER_WINDOW = 30;
    static final long MAX_BLOB_BYTES = 2_000_000;

    /** A scripted answer meaning "answer this one as the fake would". */
    static final MockResponse PASS = new MockResponse.Builder().code(598).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TID = Pattern.compile("[2-7a-j][2-7a-z]{12}");
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> expiredAccessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> revokedRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> records = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> blobs = new ConcurrentHashMap<>();
    private final Map<String, String> handles =
            new ConcurrentHashMap<>(Map.of(MENTIONED_HANDLE, MENTIONED_DID, HANDLE, DID));
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicLong cids = new AtomicLong(1);
    private final AtomicInteger writePoints = new AtomicInteger(5_000);
    private volatile boolean createOnHang;
    private volatile long hangMillis;
    private volatile String loginError = "";

    FakeBluesky() {
        super("the fake PDS");
    }

    /** The connection properties of the test account: its handle to log in with. */
    static Map<String, String> properties() {
        return Map.of(BlueskyChannel.PROPERTY_IDENTIFIER, HANDLE);
    }

    /** The connection properties after the channel's first login: handle, DID. */
    static Map<String, String> loggedInProperties() {
        return Map.of(
                BlueskyChannel.PROPERTY_IDENTIFIER,
                HANDLE,
                BlueskyChannel.PROPERTY_DID,
                DID,
                BlueskyChannel.PROPERTY_HANDLE,
                HANDLE);
    }

    /** The account's app password, with no session yet. */
    static Credentials appPassword() {
        return BlueskyCredentials.appPassword(APP_PASSWORD);
    }

    /** A session it accepts (as a login would have stored it), with the app password. */
    Credentials session() {
        int n = generation.incrementAndGet();
        String access = "access-jwt-" + n;
        String refresh = "refresh-jwt-" + n;
        accessTokens.add(access);
        refreshTokens.add(refresh);
        return appPassword().with(Credentials.ACCESS_TOKEN, access).with(Credentials.REFRESH_TOKEN, refresh);
    }

    /** Every access token issued so far is now expired (as after 2 hours). */
    void expireAccessTokens() {
        expiredAccessTokens.addAll(accessTokens);
        accessTokens.clear();
    }

    /** Every refresh token issued so far is revoked (or past its 90 days). */
    void revokeRefreshTokens() {
        revokedRefreshTokens.addAll(refreshTokens);
        refreshTokens.clear();
    }

    /** The next logins fail with this XRPC error ({@code AuthFactorTokenRequired}...); empty for none. */
    void failLoginsWith(String error) {
        loginError = error;
    }

    void writePointsLeft(int points) {
        writePoints.set(points);
    }

    int logins() {
        return logins.get();
    }

    /** The next createRecord answers after {@code delayMillis}, having created the record first when {@code create}. */
    void hangNextCreate(long delayMillis, boolean create) {
        createOnHang = create;
        hangMillis = delayMillis;
        script(
                "POST com.atproto.repo.createRecord",
                new MockResponse.Builder()
                        .code(599) // marker: the dispatcher creates (or not) and answers late
                        .build());
    }

    /** A post already in the repository under {@code rkey} (made by an earlier attempt, or by someone else). */
    ObjectNode putRecord(String rkey, String text) {
        ObjectNode value = JSON.createObjectNode()
                .put("$type", "app.bsky.feed.post")
                .put("text", text)
                .put("createdAt", "2026-11-24T10:00:00.000Z");
        return store(rkey, value);
    }

    /** The record under {@code rkey}, or null. */
    ObjectNode record(String rkey) {
        return records.get(rkey);
    }

    int recordCount() {
        return records.size();
    }

    /** {@code POST com.atproto.repo.createRecord}: the method and the XRPC method name. */
    static String route(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        return request.getMethod() + " " + (path.startsWith("/xrpc/") ? path.substring(6) : path);
    }

    static List<String> routes(List<RecordedRequest> requests) {
        return requests.stream().map(FakeBluesky::route).toList();
    }

    static String body(RecordedRequest request) {
        return Recorded.body(request);
    }

    static JsonNode json(RecordedRequest request) {
        return Recorded.json(request);
    }

    // ------------------------------------------------------------------ documented bodies

    static MockResponse json(int code, String body) {
        return Recorded.json(code, "application/json; charset=utf-8", body);
    }

    static MockResponse error(int code, String error, String message) {
        ObjectNode body = JSON.createObjectNode().put("error", error).put("message", message);
        return json(code, body.toString());
    }

    static MockResponse rateLimited(long resetEpochSeconds) {
        return error(429, "RateLimitExceeded", "Rate Limit Exceeded")
                .newBuilder()
                .setHeader("RateLimit-Limit", "5000")
                .setHeader("RateLimit-Remaining", "0")
                .setHeader("RateLimit-Reset", Long.toString(resetEpochSeconds))
                .setHeader("RateLimit-Policy", "5000;w=3600")
                .build();
    }

    static MockResponse invalidRecord(String tail) {
        return error(400, "InvalidRequest", "Invalid app.bsky.feed.post record: " + tail);
    }

    static MockResponse internalError() {
        return error(500, "InternalServerError", "Internal Server Error");
    }

    static MockResponse badGatewayHtml() {
        return new MockResponse.Builder()
                .code(502)
                .setHeader("Content-Type", "text/html")
                .body("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                        + "</center><hr><center>nginx</center></body></html>")
                .build();
    }

    // ------------------------------------------------------------------ dispatch

    @Override
    protected MockResponse dispatch(RecordedRequest request) {
        String route = route(request);
        MockResponse next = nextScripted(route);
        if (next != null && next.getCode() != 598) {
            if (next.getCode() == 599) {
                MockResponse created = createOnHang ? createRecord(request) : error(500, "InternalServerError", "");
                return created.newBuilder()
                        .headersDelay(hangMillis, TimeUnit.MILLISECONDS)
                        .build();
            }
            return next;
        }
        switch (route) {
            case "POST com.atproto.server.createSession":
                return createSession(request);
            case "POST com.atproto.server.refreshSession":
                return refreshSession(request);
            case "GET com.atproto.repo.getRecord":
                return getRecord(request);
            case "GET com.atproto.identity.resolveHandle": {
                String handle = request.getUrl().queryParameter("handle");
                String did = handle == null ? null : handles.get(handle.toLowerCase(Locale.ROOT));
                return did == null
                        ? error(400, "InvalidRequest", "Unable to resolve handle")
                        : json(200, JSON.createObjectNode().put("did", did).toString());
            }
            default:
                break;
        }
        if (!route.startsWith("POST com.atproto.repo.")) {
            return route.contains(" com.atproto.") || route.contains(" app.bsky.")
                    ? error(501, "MethodNotImplemented", "Method Not Implemented")
                    : error(404, "NotFound", "Not Found");
        }
        MockResponse denied = authenticate(request);
        if (denied != null) {
            return denied;
        }
        return switch (route) {
            case "POST com.atproto.repo.uploadBlob" -> uploadBlob(request);
            case "POST com.atproto.repo.createRecord" -> createRecord(request);
            case "POST com.atproto.repo.deleteRecord" -> deleteRecord(request);
            default -> error(501, "MethodNotImplemented", "Method Not Implemented");
        };
    }

    private MockResponse authenticate(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return error(401, "AuthMissing", "Authentication Required");
        }
        String token = authorization.substring(7);
        if (accessTokens.contains(token)) {
            return null;
        }
        if (expiredAccessTokens.contains(token)) {
            return error(400, "ExpiredToken", "Token has expired");
        }
        return error(400, "InvalidToken", "Token could not be verified");
    }

    private MockResponse createSession(RecordedRequest request) {
        JsonNode body = json(request);
        if (logins.incrementAndGet() > LOGINS_PER_WINDOW) {
            return error(429, "RateLimitExceeded", "Rate Limit Exceeded")
                    .newBuilder()
                    .setHeader("RateLimit-Limit", Integer.toString(LOGINS_PER_WINDOW))
                    .setHeader("RateLimit-Remaining", "0")
                    .setHeader(
                            "RateLimit-Reset",
                            Long.toString(Instant.now().plusSeconds(300).getEpochSecond()))
                    .setHeader("RateLimit-Policy", LOGINS_PER_WINDOW + ";w=300")
                    .build();
        }
        String identifier = body.path("identifier").asText("").toLowerCase(Locale.ROOT);
        String password = body.path("password").asText("");
        if (!(identifier.equals(HANDLE) || identifier.equals(DID)) || !password.equals(APP_PASSWORD)) {
            return error(401, "AuthenticationRequired", "Invalid identifier or password");
        }
        if (!loginError.isEmpty()) {
            return error(401, loginError, "A sign in code has been sent to your email address");
        }
        return session(true);
    }

    private MockResponse refreshSession(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (revokedRefreshTokens.contains(token)) {
            return error(400, "ExpiredToken", "Token has been revoked");
        }
        if (!refreshTokens.contains(token)) {
            return error(400, "InvalidToken", "Token could not be verified");
        }
        // rotation: a new pair; the old refresh token keeps working for a grace period
        return session(false);
    }

    private MockResponse session(boolean login) {
        int n = generation.incrementAndGet();
        String access = "access-jwt-" + n;
        String refresh = "refresh-jwt-" + n;
        accessTokens.add(access);
        refreshTokens.add(refresh);
        ObjectNode answer = JSON.createObjectNode()
                .put("did", DID)
                .put("handle", HANDLE)
                .put("accessJwt", access)
                .put("refreshJwt", refresh);
        if (login) {
            answer.put("email", "a@example.com").put("emailConfirmed", true);
        }
        answer.put("active", true);
        return json(200, answer.toString());
    }

    private MockResponse uploadBlob(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        String mime = type == null ? "application/octet-stream" : type.split(";")[0].trim();
        long size = request.getBodySize();
        String cid = "bafkreiblob" + cids.getAndIncrement();
        ObjectNode blob = JSON.createObjectNode().put("$type", "blob");
        blob.putObject("ref").put("$link", cid);
        blob.put("mimeType", mime).put("size", size);
        blobs.put(cid, blob);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("blob", blob);
        return json(200, answer.toString());
    }

    private synchronized MockResponse createRecord(RecordedRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(body(request));
        } catch (IOException e) {
            return error(400, "InvalidRequest", "Request body is not JSON");
        }
        if (!DID.equals(body.path("repo").asText())
                && !HANDLE.equals(body.path("repo").asText())) {
            return error(
                    400,
                    "InvalidRequest",
                    "Could not find repo: " + body.path("repo").asText());
        }
        if (!"app.bsky.feed.post".equals(body.path("collection").asText())) {
            return error(400, "InvalidRequest", "Invalid collection");
        }
        String rkey = body.path("rkey").asText("");
        if (!TID.matcher(rkey).matches()) {
            return error(400, "InvalidRequest", "Invalid record key: " + rkey);
        }
        JsonNode record = body.path("record");
        String invalid = validate(record);
        if (invalid != null) {
            return invalidRecord(invalid);
        }
        if (records.containsKey(rkey)) {
            // the MST refuses an existing key ("There is already a value at key"), a plain Error: HTTP 500
            return internalError();
        }
        if (writePoints.get() < 3) {
            return rateLimited(Instant.now().plusSeconds(1800).getEpochSecond());
        }
        int left = writePoints.addAndGet(-3);
        ObjectNode stored = store(rkey, (ObjectNode) record);
        ObjectNode answer = JSON.createObjectNode()
                .put("uri", stored.path("uri").asText())
                .put("cid", stored.path("cid").asText());
        answer.putObject("commit").put("cid", "bafyreicommit" + cids.get()).put("rev", "3n32f52" + rkey.substring(7));
        answer.put("validationStatus", "valid");
        return json(200, answer.toString())
                .newBuilder()
                .setHeader("RateLimit-Limit", "5000")
                .setHeader("RateLimit-Remaining", Integer.toString(left))
                .setHeader(
                        "RateLimit-Reset",
                        Long.toString(Instant.now().plusSeconds(3600).getEpochSecond()))
                .setHeader("RateLimit-Policy", "5000;w=3600")
                .build();
    }

    private ObjectNode store(String rkey, ObjectNode value) {
        ObjectNode stored = JSON.createObjectNode()
                .put("uri", "at://" + DID + "/app.bsky.feed.post/" + rkey)
                .put("cid", "bafyreipost" + cids.getAndIncrement());
        stored.set("value", value);
        records.put(rkey, stored);
        return stored;
    }

    /** The lexicon's checks of an {@code app.bsky.feed.post} record: null when valid, else the error's tail. */
    private String validate(JsonNode record) {
        if (!"app.bsky.feed.post".equals(record.path("$type").asText())) {
            return "Record/$type must be app.bsky.feed.post";
        }
        JsonNode textNode = record.path("text");
        if (!textNode.isTextual()) {
            return "Record must have the property \"text\"";
        }
        String text = textNode.asText();
        int graphemes = 0;
        Matcher m = GRAPHEME.matcher(text);
        while (m.find()) {
            graphemes++;
        }
        if (graphemes > 300) {
            return "grapheme too big (maximum 300, got " + graphemes + ") at $.record.text";
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 3000) {
            return "string too long (maximum 3000, got " + bytes + ") at $.record.text";
        }
        try {
            Instant.parse(record.path("createdAt").asText(""));
        } catch (DateTimeParseException e) {
            return "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)";
        }
        int i = 0;
        for (JsonNode facet : record.path("facets")) {
            int start = facet.path("index").path("byteStart").asInt(-1);
            int end = facet.path("index").path("byteEnd").asInt(-1);
            if (start < 0 || end <= start || end > bytes) {
                return "Record/facets/" + i + "/index is out of the text's range";
            }
            for (JsonNode feature : facet.path("features")) {
                String type = feature.path("$type").asText();
                boolean ok =
                        switch (type) {
                            case "app.bsky.richtext.facet#link" ->
                                feature.path("uri").isTextual();
                            case "app.bsky.richtext.facet#mention" ->
                                feature.path("did").asText("").startsWith("did:");
                            case "app.bsky.richtext.facet#tag" ->
                                feature.path("tag").isTextual();
                            default -> false;
                        };
                if (!ok) {
                    return "Record/facets/" + i + "/features has an invalid feature " + type;
                }
            }
            i++;
        }
        JsonNode embed = record.path("embed");
        if (!embed.isMissingNode()) {
            if (!"app.bsky.embed.images".equals(embed.path("$type").asText())) {
                return "Record/embed has an unsupported $type";
            }
            JsonNode images = embed.path("images");
            if (images.size() > 4) {
                return "Array too long (maximum 4, got " + images.size() + ") at $.record.embed.images";
            }
            for (int n = 0; n < images.size(); n++) {
                JsonNode image = images.get(n);
                if (!image.path("alt").isTextual()) {
                    return "Expected string value type (got "
                            + (image.has("alt") ? image.get("alt").getNodeType() : "null")
                                    .toString()
                                    .toLowerCase(Locale.ROOT)
                            + ") at $.record.embed.images[" + n + "].alt";
                }
                ObjectNode blob =
                        blobs.get(image.path("image").path("ref").path("$link").asText());
                if (blob == null) {
                    return "Could not find blob at $.record.embed.images[" + n + "].image";
                }
                if (blob.path("size").asLong() > MAX_BLOB_BYTES) {
                    return "blob too big (maximum " + MAX_BLOB_BYTES + ", got "
                            + blob.path("size").asLong() + ") at $.record.embed.images[" + n + "].image";
                }
                JsonNode ratio = image.path("aspectRatio");
                if (!ratio.isMissingNode()
                        && (ratio.path("width").asInt(0) < 1
                                || ratio.path("height").asInt(0) < 1)) {
                    return "aspectRatio must have positive width and height at $.record.embed.images[" + n + "]";
                }
            }
        }
        JsonNode reply = record.path("reply");
        if (!reply.isMissingNode()) {
            for (String ref : List.of("root", "parent")) {
                if (!reply.path(ref).path("uri").asText("").startsWith("at://")
                        || !reply.path(ref).path("cid").isTextual()) {
                    return "Record/reply/" + ref + " must be a strong ref (uri and cid)";
                }
            }
        }
        return null;
    }

    private MockResponse getRecord(RecordedRequest request) {
        String rkey = request.getUrl().queryParameter("rkey");
        String repo = request.getUrl().queryParameter("repo");
        ObjectNode stored = rkey == null ? null : records.get(rkey);
        if (stored == null || !DID.equals(repo)) {
            return error(
                    400, "RecordNotFound", "Could not locate record: at://" + repo + "/app.bsky.feed.post/" + rkey);
        }
        return json(200, stored.toString());
    }

    private MockResponse deleteRecord(RecordedRequest request) {
        JsonNode body = json(request);
        records.remove(body.path("rkey").asText());
        writePoints.addAndGet(-1);
        return json(200, "{\"commit\":{\"cid\":\"bafyreicommit" + cids.getAndIncrement() + "\",\"rev\":\"3n32f5x\"}}");
    }
}
