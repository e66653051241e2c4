package io.luxaris.channels.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.domain.Credentials;
import io.luxaris.http.testing.FakePlatform;
import io.luxaris.http.testing.Recorded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * A fake Mastodon instance on {@code mockwebserver3}, behaving as docs/mastodon-api.md documents it (and rejecting
 * what it rejects): {@code /api/v2/instance} with configurable limits (or a 3.x server without it, or a fork with
 * {@code max_toot_chars}); {@code POST /api/v1/statuses} (200 with a Status, 422 for a blank or too long text
 * counted as Mastodon counts, 422 for media still processing, 404 for a missing reply target, the original status
 * for a repeated {@code Idempotency-Key}); media v2 (200 at once, or 202 then 206 polls then 200, or 422 when
 * processing fails); the account's statuses (newest first; followers-only ones need a token with a read scope, a
 * token without it gets 403); delete; app registration, the token endpoint (PKCE S256) and revoke. API calls need a
 * bearer token it issued. Responses scripted for a route are served first, in order.
 */
final class FakeMastodon extends FakePlatform {
    static final String ACCOUNT_ID = "109348240218765432";
    static final String USERNAME = "alice";
    static final String DOMAIN = "mastodon.example";
    static final String TOKEN = "ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0";
    static final String CLIENT_ID = "TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM";
    static final String CLIENT_SECRET = "ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9_]+)@[A-Za-z0-9.-]+");
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    /** A scripted answer that means "answer as usual". */
    private static final MockResponse AS_USUAL =
            new MockResponse.Builder().code(598).build();

    private final Map<String, String> tokens = new ConcurrentHashMap<>(); // token -> scopes
    private final Map<String, String[]> codes = new ConcurrentHashMap<>(); // code -> challenge, redirect
    private final Map<String, String> idempotency = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> media = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pollsLeft = new ConcurrentHashMap<>();
    private final Set<String> failingMedia = ConcurrentHashMap.newKeySet();
    private final Map<String, String> apps = new ConcurrentHashMap<>(); // client id -> secret
    private final List<ObjectNode> statuses = new ArrayList<>(); // newest first
    private final AtomicLong statusIds = new AtomicLong(113_000_000_000_000_001L);
    private final AtomicLong mediaIds = new AtomicLong(22_348_641L);
    private final AtomicInteger instanceReads = new AtomicInteger();

    private volatile int maxCharacters = 500;
    private volatile int urlLength = 23;
    private volatile int maxMedia = 4;
    private volatile int descriptionLimit = 1500;
    private volatile long imageSizeLimit = 16_777_216L;
    private volatile Kind kind = Kind.CURRENT;
    private volatile int processingPolls;
    private volatile boolean asyncMedia;
    private volatile int notReadyAnswers;

    /** Which generation of server it plays. */
    enum Kind {
        /** 4.4: {@code /api/v2/instance} with {@code configuration} and {@code api_versions}. */
        CURRENT,
        /** 3.x: no {@code /api/v2/instance}; {@code /api/v1/instance} with {@code configuration}. */
        V3,
        /** A fork before 4.0: {@code /api/v1/instance} with {@code max_toot_chars} only. */
        FORK,
        /** Answers every instance read with 500. */
        BROKEN
    }

    FakeMastodon() {
        super("the fake Mastodon instance");
        tokens.put(TOKEN, "write:statuses write:media profile read:statuses");
        apps.put(CLIENT_ID, CLIENT_SECRET);
    }

    /** The instance URL ({@code http://localhost:port}). */
    @Override
    public String url() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    Credentials credentials() {
        return Credentials.of(Map.of(Credentials.ACCESS_TOKEN, TOKEN, Credentials.SCOPE, tokens.get(TOKEN)));
    }

    /** A token it accepts with these scopes. */
    Credentials credentials(String token, String scopes) {
        tokens.put(token, scopes);
        return Credentials.of(Map.of(Credentials.ACCESS_TOKEN, token, Credentials.SCOPE, scopes));
    }

    void revokeAll() {
        tokens.clear();
    }

    FakeMastodon limits(int characters, int perUrl) {
        this.maxCharacters = characters;
        this.urlLength = perUrl;
        return this;
    }

    FakeMastodon maxMedia(int max) {
        this.maxMedia = max;
        return this;
    }

    FakeMastodon descriptionLimit(int limit) {
        this.descriptionLimit = limit;
        return this;
    }

    FakeMastodon imageSizeLimit(long bytes) {
        this.imageSizeLimit = bytes;
        return this;
    }

    FakeMastodon kind(Kind value) {
        this.kind = value;
        return this;
    }

    /** Uploads answer 202 and need {@code polls} answers of 206 before they are processed. */
    FakeMastodon asyncMedia(int polls) {
        this.asyncMedia = true;
        this.processingPolls = polls;
        return this;
    }

    /** The next status requests naming media answer 422 "not finished processing" {@code times} times. */
    FakeMastodon mediaNotReadyForStatus(int times) {
        this.notReadyAnswers = times;
        return this;
    }

    /**
     * The next status request is answered only after {@code delay} (past the client's timeout), having created the
     * status first when {@code create}: a request that reached the instance but whose answer never arrived.
     */
    void hangNextStatus(java.time.Duration delay, boolean create) {
        script(
                "POST /api/v1/statuses",
                new MockResponse.Builder()
                        .code(create ? 597 : 596) // markers: the dispatcher creates (or not) and answers late
                        .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
                        .build());
    }

    /** The next uploaded media fails processing (422 when polled). */
    void failNextMediaProcessing() {
        failingMedia.add(Long.toString(mediaIds.get()));
    }

    String nextMediaId() {
        return Long.toString(mediaIds.get());
    }

    String nextStatusId() {
        return Long.toString(statusIds.get());
    }

    int instanceReads() {
        return instanceReads.get();
    }

    ObjectNode media(String id) {
        return media.get(id);
    }

    /** After {@code passThrough} requests of the route are answered as usual, the next ones get {@code responses}. */
    void scriptAfter(String route, int passThrough, MockResponse... responses) {
        for (int i = 0; i < passThrough; i++) {
            script(route, AS_USUAL);
        }
        script(route, responses);
    }

    /** A status already on the account (newest first), as another client or an earlier attempt made it. */
    synchronized ObjectNode addStatus(String text, String spoiler, String inReplyTo, String visibility, Instant at) {
        String id = Long.toString(statusIds.getAndIncrement());
        ObjectNode status = JSON.createObjectNode()
                .put("id", id)
                .put("created_at", at.truncatedTo(ChronoUnit.MILLIS).toString())
                .put("visibility", visibility)
                .put("spoiler_text", spoiler == null ? "" : spoiler)
                .put("sensitive", false)
                .put("language", "en")
                .put("uri", "https://" + DOMAIN + "/users/" + USERNAME + "/statuses/" + id)
                .put("url", "https://" + DOMAIN + "/@" + USERNAME + "/" + id)
                .put("content", html(text));
        if (inReplyTo == null) {
            status.putNull("in_reply_to_id");
        } else {
            status.put("in_reply_to_id", inReplyTo);
        }
        status.putArray("media_attachments");
        status.putObject("application").put("name", "Luxaris").putNull("website");
        status.putObject("account")
                .put("id", ACCOUNT_ID)
                .put("username", USERNAME)
                .put("acct", USERNAME);
        statuses.add(0, status);
        return status;
    }

    synchronized List<ObjectNode> statuses() {
        return List.copyOf(statuses);
    }

    /** Requests received since the last take, without the instance reads. */
    List<RecordedRequest> takeApiCalls() throws InterruptedException {
        return takeAll().stream().filter(r -> !route(r).endsWith("/instance")).toList();
    }

    static String route(RecordedRequest request) {
        return request.getMethod() + " "
                + request.getUrl()
                        .encodedPath()
                        .replaceAll("/api/v1/media/[^/]+", "/api/v1/media/{id}")
                        .replaceAll("/api/v1/statuses/[^/]+", "/api/v1/statuses/{id}")
                        .replaceAll("/api/v1/accounts/[0-9]+/statuses", "/api/v1/accounts/{id}/statuses");
    }

    static String body(RecordedRequest request) {
        return Recorded.body(request);
    }

    static JsonNode json(RecordedRequest request) throws IOException {
        return Recorded.json(request);
    }

    static Map<String, String> form(RecordedRequest request) {
        return Recorded.form(request);
    }

    /** One part of a multipart body: its headers' name and file name, its content type and bytes. */
    record Part(String name, String fileName, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The parts of a {@code multipart/form-data} request, by name. */
    static Map<String, Part> multipart(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        Matcher m = Pattern.compile("boundary=([^;]+)").matcher(type == null ? "" : type);
        var parts = new LinkedHashMap<String, Part>();
        if (!m.find()) {
            return parts;
        }
        byte[] body =
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (String chunk : text.split("--" + Pattern.quote(m.group(1)))) {
            int headersEnd = chunk.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = chunk.substring(0, headersEnd);
            String content = chunk.substring(headersEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
            Matcher ct = Pattern.compile("(?i)Content-Type: *([^\r\n]+)").matcher(headers);
            if (name.find()) {
                parts.put(
                        name.group(1),
                        new Part(
                                name.group(1),
                                file.find() ? file.group(1) : null,
                                ct.find() ? ct.group(1).trim() : null,
                                content.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return parts;
    }

    static String challenge(String verifier) {
        return Recorded.challenge(verifier);
    }

    /** Registers an authorization code the browser flow issued for a PKCE verifier and redirect URI. */
    void issueCode(String code, String verifier, String redirectUri) {
        codes.put(code, new String[] {challenge(verifier), redirectUri});
    }

    // ------------------------------------------------------------------ documented bodies

    static MockResponse json(int code, String body) {
        return Recorded.json(code, "application/json; charset=utf-8", body);
    }

    static MockResponse error(int code, String message) {
        return json(code, "{\"error\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    static MockResponse tooManyRequests(String isoReset) {
        return new MockResponse.Builder()
                .code(429)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("X-RateLimit-Limit", "300")
                .setHeader("X-RateLimit-Remaining", "0")
                .setHeader("X-RateLimit-Reset", isoReset)
                .body("{\"error\":\"Too many requests\"}")
                .build();
    }

    static MockResponse raceCondition() {
        return error(503, "RaceConditionError: the resource is locked, try again");
    }

    static MockResponse invalidToken() {
        return error(401, "The access token is invalid");
    }

    // ------------------------------------------------------------------ dispatch

    @Override
    protected MockResponse dispatch(RecordedRequest request) {
        String route = route(request);
        MockResponse next = nextScripted(route);
        if (next != null && next.getCode() == 597) {
            createStatus(request, bearer(request));
            return next.newBuilder().code(200).body("{}").build();
        }
        if (next != null && next.getCode() == 596) {
            return next.newBuilder().code(200).body("{}").build();
        }
        if (next != null && next != AS_USUAL) {
            return next;
        }
        switch (route) {
            case "GET /api/v2/instance":
                instanceReads.incrementAndGet();
                return instanceV2();
            case "GET /api/v1/instance":
                instanceReads.incrementAndGet();
                return instanceV1();
            case "POST /api/v1/apps":
                return registerApp(request);
            case "POST /oauth/token":
                return token(request);
            case "POST /oauth/revoke":
                return revoke(request);
            default:
                break;
        }
        String token = bearer(request);
        if (route.equals("GET /api/v1/accounts/{id}/statuses")) {
            return accountStatuses(request, token);
        }
        if (token == null) {
            return invalidToken();
        }
        return switch (route) {
            case "POST /api/v1/statuses" -> createStatus(request, token);
            case "GET /api/v1/statuses/{id}" -> status(request);
            case "DELETE /api/v1/statuses/{id}" -> delete(request);
            case "POST /api/v2/media" -> upload(request);
            case "GET /api/v1/media/{id}" -> pollMedia(request);
            case "GET /api/v1/accounts/verify_credentials" ->
                json(200, account().toString());
            default -> error(404, "Record not found");
        };
    }

    /** The token of the request when the fake issued it; null otherwise (or when there is none). */
    private String bearer(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String token = authorization.substring(7);
        return tokens.containsKey(token) ? token : null;
    }

    private static ObjectNode account() {
        return JSON.createObjectNode()
                .put("id", ACCOUNT_ID)
                .put("username", USERNAME)
                .put("acct", USERNAME)
                .put("display_name", "Alice")
                .put("url", "https://" + DOMAIN + "/@" + USERNAME);
    }

    private MockResponse instanceV2() {
        return switch (kind) {
            case CURRENT ->
                json(
                        200,
                        "{\"domain\":\"" + DOMAIN + "\",\"title\":\"Fake\",\"version\":\"4.4.0\",\"configuration\":{"
                                + "\"statuses\":{\"max_characters\":" + maxCharacters + ",\"max_media_attachments\":"
                                + maxMedia + ",\"characters_reserved_per_url\":" + urlLength + "},"
                                + "\"media_attachments\":{\"supported_mime_types\":[\"image/jpeg\",\"image/png\","
                                + "\"image/gif\",\"image/webp\",\"video/mp4\",\"video/webm\"],\"description_limit\":"
                                + descriptionLimit + ",\"image_size_limit\":" + imageSizeLimit
                                + ",\"image_matrix_limit\":33177600,\"video_size_limit\":103809024,"
                                + "\"video_frame_rate_limit\":120,\"video_matrix_limit\":8294400},"
                                + "\"polls\":{\"max_options\":4,\"max_characters_per_option\":50,\"min_expiration\":300,"
                                + "\"max_expiration\":2629746}},\"api_versions\":{\"mastodon\":6}}");
            case V3, FORK -> error(404, "Record not found");
            case BROKEN -> error(500, "We're sorry, but something went wrong on our end.");
        };
    }

    private MockResponse instanceV1() {
        return switch (kind) {
            case V3 ->
                json(
                        200,
                        "{\"uri\":\"" + DOMAIN + "\",\"title\":\"Fake\",\"version\":\"3.5.3\",\"configuration\":{"
                                + "\"statuses\":{\"max_characters\":" + maxCharacters + ",\"max_media_attachments\":"
                                + maxMedia + ",\"characters_reserved_per_url\":" + urlLength + "},"
                                + "\"media_attachments\":{\"supported_mime_types\":[\"image/jpeg\",\"image/png\"],"
                                + "\"image_size_limit\":" + imageSizeLimit + ",\"video_size_limit\":41943040}}}");
            case FORK ->
                json(
                        200,
                        "{\"uri\":\"" + DOMAIN
                                + "\",\"title\":\"Fork\",\"version\":\"3.4.1+glitch\",\"max_toot_chars\":"
                                + maxCharacters + "}");
            default -> error(500, "We're sorry, but something went wrong on our end.");
        };
    }

    /** What the instance counts: grapheme clusters of content warning + text, URLs as urlLength, mentions local. */
    private int length(String spoiler, String text) {
        String countable = URL.matcher(text).replaceAll(Matcher.quoteReplacement("x".repeat(urlLength)));
        countable = MENTION.matcher(countable).replaceAll("@$1");
        Matcher m = GRAPHEME.matcher(spoiler + countable);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private synchronized MockResponse createStatus(RecordedRequest request, String token) {
        JsonNode body;
        try {
            body = json(request);
        } catch (IOException e) {
            return error(422, "Validation failed: Text can't be blank");
        }
        String key = request.getHeaders().get("Idempotency-Key");
        if (key != null) {
            String earlier = idempotency.get(ACCOUNT_ID + ":" + key);
            if (earlier != null) {
                for (ObjectNode status : statuses) {
                    if (status.path("id").asText().equals(earlier)) {
                        return withRateHeaders(json(200, status.toString()));
                    }
                }
            }
        }
        String text = body.path("status").asText("");
        String spoiler = body.path("spoiler_text").asText("");
        List<String> mediaIds = new ArrayList<>();
        body.path("media_ids").forEach(id -> mediaIds.add(id.asText()));
        if (text.isBlank() && mediaIds.isEmpty()) {
            return error(422, "Validation failed: Text can't be blank");
        }
        if (length(spoiler, text) > maxCharacters) {
            return error(422, "Validation failed: Text character limit of " + maxCharacters + " exceeded");
        }
        for (String id : mediaIds) {
            ObjectNode m = media.get(id);
            if (m == null) {
                continue; // Mastodon silently drops media ids it does not know
            }
            if (notReadyAnswers > 0 || m.path("url").isNull()) {
                if (notReadyAnswers > 0) {
                    notReadyAnswers--;
                }
                return error(422, "Cannot attach files that have not finished processing. Try again in a moment!");
            }
        }
        String replyTo = body.path("in_reply_to_id").asText(null);
        if (replyTo != null
                && statuses.stream().noneMatch(s -> s.path("id").asText().equals(replyTo))) {
            return error(404, "Record not found");
        }
        String visibility = body.path("visibility").asText("public");
        if (!List.of("public", "unlisted", "private", "direct").contains(visibility)) {
            return error(422, "Validation failed: Visibility is not included in the list");
        }
        ObjectNode status = addStatus(text, spoiler, replyTo, visibility, Instant.now());
        if (body.has("language")) {
            status.put("language", body.path("language").asText());
        }
        status.put("sensitive", body.path("sensitive").asBoolean(false));
        ArrayNode attachments = status.putArray("media_attachments");
        for (String id : mediaIds) {
            ObjectNode m = media.get(id);
            if (m != null) {
                attachments.add(m);
            }
        }
        if (key != null) {
            idempotency.put(ACCOUNT_ID + ":" + key, status.path("id").asText());
        }
        return withRateHeaders(json(200, status.toString()));
    }

    private static MockResponse withRateHeaders(MockResponse response) {
        return response.newBuilder()
                .setHeader("X-RateLimit-Limit", "300")
                .setHeader("X-RateLimit-Remaining", "299")
                .setHeader(
                        "X-RateLimit-Reset",
                        Instant.now()
                                .plusSeconds(300)
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString())
                .build();
    }

    /** The HTML Mastodon renders for a text: paragraphs, line breaks, links split into spans, escaped. */
    static String html(String text) {
        var out = new StringBuilder("<p>");
        String[] paragraphs = text.split("\n\n");
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                out.append("</p><p>");
            }
            String paragraph = paragraphs[p];
            Matcher m = URL.matcher(paragraph);
            int last = 0;
            while (m.find()) {
                out.append(escape(paragraph.substring(last, m.start())).replace("\n", "<br />"));
                String url = m.group();
                int schemeEnd = url.indexOf("://") + 3;
                out.append("<a href=\"")
                        .append(escape(url))
                        .append("\" rel=\"nofollow noopener\" target=\"_blank\"><span class=\"invisible\">")
                        .append(escape(url.substring(0, schemeEnd)))
                        .append("</span><span class=\"\">")
                        .append(escape(url.substring(schemeEnd)))
                        .append("</span><span class=\"invisible\"></span></a>");
                last = m.end();
            }
            out.append(escape(paragraph.substring(last)).replace("\n", "<br />"));
        }
        return out.append("</p>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private synchronized MockResponse status(RecordedRequest request) {
        String id = request.getUrl().pathSegments().get(3);
        for (ObjectNode status : statuses) {
            if (status.path("id").asText().equals(id)) {
                return json(200, status.toString());
            }
        }
        return error(404, "Record not found");
    }

    private synchronized MockResponse delete(RecordedRequest request) {
        String id = request.getUrl().pathSegments().get(3);
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).path("id").asText().equals(id)) {
                ObjectNode removed = statuses.remove(i);
                removed.put("text", "(source text)");
                return json(200, removed.toString());
            }
        }
        return error(404, "Record not found");
    }

    private synchronized MockResponse accountStatuses(RecordedRequest request, String token) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization != null && token == null) {
            return invalidToken();
        }
        boolean mayReadPrivate = false;
        if (token != null) {
            List<String> scopes = List.of(tokens.get(token).split(" "));
            if (!scopes.contains("read") && !scopes.contains("read:statuses")) {
                return error(403, "This action is outside the authorized scopes");
            }
            mayReadPrivate = true;
        }
        String id = request.getUrl().pathSegments().get(3);
        if (!id.equals(ACCOUNT_ID)) {
            return error(404, "Record not found");
        }
        int limit = Integer.parseInt(
                request.getUrl().queryParameter("limit") == null
                        ? "20"
                        : request.getUrl().queryParameter("limit"));
        ArrayNode list = JSON.createArrayNode();
        for (ObjectNode status : statuses) {
            String visibility = status.path("visibility").asText();
            if (!mayReadPrivate && !(visibility.equals("public") || visibility.equals("unlisted"))) {
                continue;
            }
            if (list.size() < limit) {
                list.add(status);
            }
        }
        return json(200, list.toString());
    }

    private MockResponse upload(RecordedRequest request) {
        Map<String, Part> parts = multipart(request);
        Part file = parts.get("file");
        if (file == null || file.fileName() == null) {
            return error(422, "Validation failed: File can't be blank");
        }
        if (file.bytes().length > imageSizeLimit) {
            return error(422, "Validation failed: File file size must be less than 16 MB");
        }
        String description =
                parts.containsKey("description") ? parts.get("description").text() : null;
        if (description != null && description.codePointCount(0, description.length()) > descriptionLimit) {
            return error(
                    422, "Validation failed: Description is too long (maximum is " + descriptionLimit + " characters)");
        }
        String id = Long.toString(mediaIds.getAndIncrement());
        boolean video = file.contentType() != null
                && (file.contentType().startsWith("video/")
                        || file.contentType().equals("image/gif"));
        ObjectNode m = JSON.createObjectNode()
                .put("id", id)
                .put("type", video ? "gifv" : "image")
                .put("preview_url", "https://files." + DOMAIN + "/small/" + id + ".jpeg")
                .put("blurhash", "UFBWY:8_0Jxv4mx]t8t64.%M-:IU%NxuMcRj");
        if (description == null) {
            m.putNull("description");
        } else {
            m.put("description", description);
        }
        if (parts.containsKey("focus")) {
            String[] xy = parts.get("focus").text().split(",");
            m.putObject("meta")
                    .putObject("focus")
                    .put("x", Double.parseDouble(xy[0]))
                    .put("y", Double.parseDouble(xy[1]));
        }
        boolean processing = asyncMedia || video;
        if (processing) {
            m.putNull("url");
            pollsLeft.put(id, new AtomicInteger(processingPolls));
        } else {
            m.put("url", "https://files." + DOMAIN + "/original/" + id + ".png");
        }
        media.put(id, m);
        return json(processing ? 202 : 200, m.toString());
    }

    private MockResponse pollMedia(RecordedRequest request) {
        String id = request.getUrl().pathSegments().get(3);
        ObjectNode m = media.get(id);
        if (m == null) {
            return error(404, "Record not found");
        }
        if (failingMedia.contains(id)) {
            return error(422, "Validation failed: File content type is invalid, File is invalid");
        }
        AtomicInteger left = pollsLeft.get(id);
        if (left != null && left.getAndDecrement() > 0) {
            return json(206, m.toString());
        }
        if (m.path("url").isNull()) {
            m.put("url", "https://files." + DOMAIN + "/original/" + id + ".mp4");
        }
        return json(200, m.toString());
    }

    private MockResponse registerApp(RecordedRequest request) {
        JsonNode body;
        try {
            body = json(request);
        } catch (IOException e) {
            return error(422, "Validation failed: Name can't be blank");
        }
        if (body.path("client_name").asText("").isBlank()) {
            return error(422, "Validation failed: Name can't be blank");
        }
        JsonNode uris = body.path("redirect_uris");
        if (uris.isMissingNode() || (uris.isTextual() && uris.asText().isBlank())) {
            return error(422, "Validation failed: Redirect URI can't be blank");
        }
        String scopes = body.path("scopes").asText("read");
        for (String scope : scopes.split(" ")) {
            if (!scope.matches("(read|write|profile|follow|push)(:[a-z_]+)?")) {
                return json(
                        400,
                        "{\"error\":\"invalid_scope\",\"error_description\":\"The requested scope is"
                                + " invalid, unknown, or malformed.\"}");
            }
        }
        ObjectNode app = JSON.createObjectNode()
                .put("id", "563419")
                .put("name", body.path("client_name").asText())
                .put("website", body.path("website").asText(null))
                .put("client_id", CLIENT_ID)
                .put("client_secret", CLIENT_SECRET)
                .put("client_secret_expires_at", 0);
        ArrayNode list = app.putArray("redirect_uris");
        if (uris.isArray()) {
            uris.forEach(list::add);
        } else {
            list.add(uris.asText());
        }
        ArrayNode scopeList = app.putArray("scopes");
        for (String scope : scopes.split(" ")) {
            scopeList.add(scope);
        }
        return json(200, app.toString());
    }

    private MockResponse token(RecordedRequest request) {
        Map<String, String> form = form(request);
        String secret = apps.get(form.getOrDefault("client_id", ""));
        if (secret == null || !secret.equals(form.get("client_secret"))) {
            return json(
                    401,
                    "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed due to"
                            + " unknown client, no client authentication included, or unsupported authentication"
                            + " method.\"}");
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            return json(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        String[] issued = codes.remove(form.getOrDefault("code", ""));
        if (issued == null
                || !issued[0].equals(challenge(form.getOrDefault("code_verifier", "")))
                || !issued[1].equals(form.get("redirect_uri"))) {
            return json(
                    400,
                    "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid,"
                            + " expired, revoked, does not match the redirection URI used in the authorization"
                            + " request, or was issued to another client.\"}");
        }
        String token = "token-" + tokens.size();
        tokens.put(token, "write:statuses write:media profile");
        return json(
                200,
                "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"scope\":\"write:statuses"
                        + " write:media profile\",\"created_at\":1573979017}");
    }

    private MockResponse revoke(RecordedRequest request) {
        Map<String, String> form = form(request);
        String secret = apps.get(form.getOrDefault("client_id", ""));
        if (secret == null || !secret.equals(form.get("client_secret"))) {
            return json(
                    403,
                    "{\"error\":\"unauthorized_client\",\"error_description\":\"You are not authorized to"
                            + " revoke this token\"}");
        }
        tokens.remove(form.getOrDefault("token", ""));
        return json(200, "{}");
    }
}
