package io.luxaris.channels.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.luxaris.domain.Credentials;
import io.luxaris.http.testing.FakePlatform;
import io.luxaris.http.testing.Recorded;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.ByteString;

/**
 * A fake LinkedIn on {@code mockwebserver3}, answering with the documented bodies (docs/platforms/linkedin.md §2):
 *
 * <ul>
 *   <li>every {@code /rest} call needs {@code LinkedIn-Version} (an active one) and {@code
 *       X-Restli-Protocol-Version: 2.0.0}, else 426 {@code NONEXISTENT_VERSION}, like LinkedIn; then a bearer token
 *       it issued (401 {@code EXPIRED_ACCESS_TOKEN} / {@code REVOKED_ACCESS_TOKEN} / {@code INVALID_ACCESS_TOKEN});
 *   <li>{@code POST /rest/posts} → 201, empty body, {@code x-restli-id}; 400 with {@code errorDetails} when the
 *       commentary exceeds 3000 characters or an image is not the author's; it reads the commentary as little text
 *       and cuts it at the first unescaped reserved character, as LinkedIn silently does;
 *   <li>{@code POST /rest/images?action=initializeUpload} → upload URL pointing back at the fake; {@code PUT} → 201;
 *   <li>{@code DELETE /rest/posts/{urn}} → 204 (404 when unknown); {@code GET /v2/userinfo};
 *   <li>{@code POST /rest/socialActions/{encoded post urn}/comments} (§2.7) → 201, {@code x-restli-id} and the comment
 *       with its {@code commentUrn} on the post's activity (404 for an unknown post, 403 for {@code content}); {@code
 *       GET} on the same path lists the post's comments, newest first, {@code start}/{@code count} paged with {@code
 *       paging.total};
 *   <li>{@code POST /oauth/v2/accessToken}: authorization code and (for partner apps) refresh; refresh tokens are
 *       not rotated and report their remaining lifetime.
 * </ul>
 *
 * Responses scripted for a route ({@code "POST /rest/posts"}) are served first, in order, after the header checks.
 */
final class FakeLinkedIn extends FakePlatform {
    static final String PERSON_ID = "abc123XYZ";
    static final String AUTHOR = "urn:li:person:" + PERSON_ID;
    static final String ORGANIZATION = "urn:li:organization:2414183";
    static final String CLIENT_ID = "luxaris-li-client";
    static final String CLIENT_SECRET = "li-client-secret-0001";
    static final String REDIRECT_URI = "https://app.example/callback/linkedin";
    static final Set<String> ACTIVE_VERSIONS =
            Set.of("202603", "202604", "202605", "202606", "202607", "202608", "202609", "202610", "202611");
    static final String RESERVED = "|{}@[]()<>#\\*_~";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> codes = ConcurrentHashMap.newKeySet();
    private final Map<String, String> imageOwners = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final Map<String, String> uploadIds = new ConcurrentHashMap<>();
    private final List<Created> posts = new CopyOnWriteArrayList<>();
    private final List<Comment> comments = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger stalledComments =
            new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong commentIds = new AtomicLong(7262000000000000900L);
    private final AtomicLong ids = new AtomicLong(7262000000000000001L);
    private final AtomicLong tokenIds = new AtomicLong();
    private volatile Clock clock = Clock.systemUTC();
    private volatile boolean partnerApp;
    private volatile boolean reportRefreshLifetime = true;

    /** A post the fake created: the request, and the text a member would see. */
    record Created(String urn, JsonNode body, String visibleText, List<String> mentions, List<String> hashtags) {
        String commentary() {
            return body.path("commentary").asText();
        }
    }

    /** A comment on a post: its URN, the post URN the path named, who wrote it, its text and creation time. */
    record Comment(String urn, String post, String actor, String text, long created) {}

    FakeLinkedIn() {
        super("the fake LinkedIn");
    }

    /** A channel builder pointed at this fake (API and OAuth base). */
    LinkedInChannel.Builder channel() {
        return LinkedInChannel.builder().baseUrl(url()).oauthBaseUrl(url());
    }

    FakeLinkedIn clock(Clock value) {
        this.clock = value;
        return this;
    }

    /** The app is approved for programmatic refresh: code exchanges return refresh tokens. */
    void partnerApp() {
        this.partnerApp = true;
    }

    /** Refresh answers leave out {@code refresh_token_expires_in}. */
    void omitRefreshLifetime() {
        this.reportRefreshLifetime = false;
    }

    /** A valid access token without refresh, expiring in 60 days from {@code now}. */
    Credentials credentials(Instant now) {
        String token = newAccessToken();
        return Credentials.of(Map.of(
                Credentials.ACCESS_TOKEN,
                token,
                Credentials.EXPIRES_AT,
                now.plus(Duration.ofDays(60)).toString()));
    }

    /** A partner token pair: the access token expires at {@code accessExpiry}, the refresh token at {@code refreshExpiry}. */
    Credentials refreshableCredentials(String accessToken, Instant accessExpiry, Instant refreshExpiry) {
        String refresh = "li-refresh-" + tokenIds.incrementAndGet() + "-abcdef";
        refreshTokens.put(refresh, refreshExpiry);
        var map = new LinkedHashMap<String, String>();
        map.put(Credentials.ACCESS_TOKEN, accessToken);
        map.put(Credentials.EXPIRES_AT, accessExpiry.toString());
        map.put(Credentials.REFRESH_TOKEN, refresh);
        map.put(Credentials.REFRESH_EXPIRES_AT, refreshExpiry.toString());
        return Credentials.of(map);
    }

    String newAccessToken() {
        String token = "AQX-li-access-" + tokenIds.incrementAndGet() + "-0123456789";
        accessTokens.add(token);
        return token;
    }

    /** LinkedIn now answers 401 EXPIRED_ACCESS_TOKEN for {@code token}. */
    void expire(String token) {
        expiredTokens.add(token);
    }

    /** LinkedIn now answers 401 REVOKED_ACCESS_TOKEN for {@code token}. */
    void revoke(String token) {
        revokedTokens.add(token);
    }

    /** An authorization code LinkedIn would send to the callback. */
    String issueCode() {
        String code = "AQT-code-" + tokenIds.incrementAndGet();
        codes.add(code);
        return code;
    }

    List<Created> posts() {
        return List.copyOf(posts);
    }

    List<Comment> comments() {
        return List.copyOf(comments);
    }

    /** A comment someone made on {@code post} at {@code created}; returns its URN. */
    String addComment(String post, String actor, String text, Instant created) {
        return storeComment(post, actor, text, created.toEpochMilli()).urn();
    }

    /** The next {@code n} comment requests create their comment, then answer only after 3 seconds (a lost answer). */
    void stallCommentAnswers(int n) {
        stalledComments.set(n);
    }

    byte[] uploaded(String imageUrn) {
        return uploads.get(imageUrn);
    }

    static String route(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/dms-uploads/")) {
            path = "/dms-uploads";
        } else if (path.startsWith("/rest/posts/")) {
            path = "/rest/posts/{urn}";
        } else if (path.startsWith("/rest/socialActions/") && path.endsWith("/comments")) {
            path = "/rest/socialActions/{urn}/comments";
        }
        return request.getMethod() + " " + path;
    }

    static String body(RecordedRequest request) {
        return Recorded.body(request);
    }

    static JsonNode json(RecordedRequest request) throws IOException {
        return Recorded.json(request);
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    static Map<String, String> form(RecordedRequest request) {
        return Recorded.form(request);
    }

    // ------------------------------------------------------------------ documented bodies

    static MockResponse json(int code, String body) {
        return Recorded.json(code, "application/json", body);
    }

    static MockResponse nonexistentVersion(String version) {
        return json(
                426,
                "{ \"status\": 426, \"code\": \"NONEXISTENT_VERSION\", \"message\": \"Requested version " + version
                        + " is not active\" }");
    }

    static MockResponse accessDenied() {
        return json(
                403,
                "{ \"status\": 403, \"serviceErrorCode\": 100, \"code\": \"ACCESS_DENIED\", \"message\": \"Not enough"
                        + " permissions to access: POST /posts\" }");
    }

    static MockResponse expiredToken() {
        return json(
                401,
                "{ \"status\": 401, \"serviceErrorCode\": 65600, \"code\": \"EXPIRED_ACCESS_TOKEN\", \"message\": \"The"
                        + " token used in the request has expired\" }");
    }

    static MockResponse revokedToken() {
        return json(
                401,
                "{ \"status\": 401, \"serviceErrorCode\": 65601, \"code\": \"REVOKED_ACCESS_TOKEN\", \"message\": \"The"
                        + " token used in the request has been revoked by the user\" }");
    }

    static MockResponse invalidToken() {
        return json(
                401,
                "{ \"status\": 401, \"serviceErrorCode\": 65604, \"code\": \"INVALID_ACCESS_TOKEN\", \"message\": \"Invalid"
                        + " access token\" }");
    }

    static MockResponse dailyThrottle() {
        return json(
                429,
                "{ \"status\": 429, \"serviceErrorCode\": 101, \"message\": \"Resource level throttle APPLICATION DAY"
                        + " limit for calls to this resource is reached.\" }");
    }

    static MockResponse throttled() {
        return json(429, "{ \"status\": 429, \"message\": \"Too many requests\" }");
    }

    static MockResponse tooLong(int length, String commentary) {
        String echoed = commentary.length() > 40 ? commentary.substring(0, 40) : commentary;
        return json(
                400,
                "{ \"errorDetailType\": \"com.linkedin.common.error.BadRequest\", \"message\":"
                        + " \"com.linkedin.content.common.exception.BadRequestResponseException: ShareCommentary text"
                        + " length (" + length + " characters) exceeded the maximum allowed (3000 characters)\","
                        + " \"errorDetails\": { \"inputErrors\": [ { \"description\": \"Size of array cannot be higher"
                        + " than the maxLength\", \"input\": { \"value\": { \"stringValue\": "
                        + quote(echoed) + " }, \"inputPath\": { \"fieldPath\": \"/commentary\" } },"
                        + " \"code\": \"FIELD_ARRAY_SIZE_TOO_HIGH\", \"maxLength\": 3000 } ] }, \"status\": 400 }");
    }

    static MockResponse invalidOwnership() {
        return json(
                400,
                "{ \"errorDetailType\": \"com.linkedin.common.error.BadRequest\", \"message\": \"Image owner does not"
                        + " match the post author\", \"errorDetails\": { \"inputErrors\": [ { \"description\":"
                        + " \"Content ownership does not match\", \"input\": { \"inputPath\": { \"fieldPath\":"
                        + " \"/content/media/id\" } }, \"code\": \"INVALID_CONTENT_OWNERSHIP\" } ] }, \"status\": 400 }");
    }

    static MockResponse serverError(int code) {
        return json(code, "{ \"status\": " + code + ", \"message\": \"Internal Server Error\" }");
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ dispatch

    @Override
    protected MockResponse dispatch(RecordedRequest request) {
        String route = route(request);
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/rest/")) {
            String version = request.getHeaders().get("LinkedIn-Version");
            String protocol = request.getHeaders().get("X-Restli-Protocol-Version");
            if (version == null || !ACTIVE_VERSIONS.contains(version) || !"2.0.0".equals(protocol)) {
                return nonexistentVersion(version == null ? "null" : version);
            }
        }
        MockResponse next = nextScripted(route);
        if (next != null) {
            return next;
        }
        if (route.equals("POST /oauth/v2/accessToken")) {
            return token(request);
        }
        MockResponse unauthorized = authorize(request);
        if (unauthorized != null) {
            return unauthorized;
        }
        try {
            switch (route) {
                case "POST /rest/posts":
                    return createPost(request);
                case "POST /rest/images":
                    return initializeUpload(request);
                case "PUT /dms-uploads":
                    return upload(request);
                case "DELETE /rest/posts/{urn}":
                    return delete(request);
                case "POST /rest/socialActions/{urn}/comments":
                    return createComment(request);
                case "GET /rest/socialActions/{urn}/comments":
                    return listComments(request);
                case "GET /v2/userinfo":
                    return json(
                            200,
                            "{ \"sub\": \"" + PERSON_ID + "\", \"name\": \"Example User\", \"given_name\": \"Example\","
                                    + " \"family_name\": \"User\", \"picture\": \"https://media.licdn.com/dms/image/example\","
                                    + " \"locale\": { \"country\": \"US\", \"language\": \"en\" }, \"email\":"
                                    + " \"user@example.com\", \"email_verified\": true }");
                default:
                    return json(404, "{ \"status\": 404, \"message\": \"no fake route " + route + "\" }");
            }
        } catch (IOException e) {
            return json(400, "{ \"status\": 400, \"message\": \"unreadable body\" }");
        }
    }

    private MockResponse authorize(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return invalidToken();
        }
        String token = authorization.substring(7);
        if (revokedTokens.contains(token)) {
            return revokedToken();
        }
        if (expiredTokens.contains(token)) {
            return expiredToken();
        }
        return accessTokens.contains(token) ? null : invalidToken();
    }

    private MockResponse createPost(RecordedRequest request) throws IOException {
        String type = request.getHeaders().get("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return json(415, "{ \"status\": 415, \"message\": \"Unsupported Media Type\" }");
        }
        JsonNode body = json(request);
        String author = body.path("author").asText("");
        if (!author.equals(AUTHOR) && !author.equals(ORGANIZATION)) {
            return accessDenied();
        }
        for (String field : List.of("commentary", "visibility", "distribution", "lifecycleState")) {
            if (!body.has(field)) {
                return json(
                        422,
                        "{ \"status\": 422, \"message\": \"ERROR :: /" + field
                                + " :: field is required but not found\" }");
            }
        }
        String commentary = body.path("commentary").asText();
        int length = commentary.codePointCount(0, commentary.length());
        if (length > 3000) {
            return tooLong(length, commentary);
        }
        var images = new ArrayList<String>();
        if (body.path("content").has("media")) {
            images.add(body.path("content").path("media").path("id").asText());
        }
        for (JsonNode image : body.path("content").path("multiImage").path("images")) {
            images.add(image.path("id").asText());
        }
        for (String image : images) {
            if (!author.equals(imageOwners.get(image)) || !uploads.containsKey(image)) {
                return invalidOwnership();
            }
        }
        var mentions = new ArrayList<String>();
        var hashtags = new ArrayList<String>();
        String visible = visible(commentary, mentions, hashtags);
        String urn = "urn:li:share:" + ids.getAndIncrement();
        posts.add(new Created(urn, body, visible, mentions, hashtags));
        return new MockResponse.Builder()
                .code(201)
                .setHeader("x-restli-id", urn)
                .setHeader("x-linkedin-id", urn)
                .build();
    }

    /**
     * What LinkedIn shows for a little-text commentary: escapes resolved, mentions as names, hashtags as {@code
     * #tag}, and the text cut at the first reserved character that is neither escaped nor part of an element.
     */
    static String visible(String commentary, List<String> mentions, List<String> hashtags) {
        var out = new StringBuilder();
        int i = 0;
        int n = commentary.length();
        while (i < n) {
            char c = commentary.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    break;
                }
                out.append(commentary.charAt(i + 1));
                i += 2;
            } else if (commentary.startsWith("@[", i)) {
                var name = new StringBuilder();
                int j = i + 2;
                while (j < n && commentary.charAt(j) != ']') {
                    if (commentary.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    name.append(commentary.charAt(j));
                    j++;
                }
                int close = commentary.indexOf(')', j);
                if (j >= n || !commentary.startsWith("](urn:li:", j) || close < 0) {
                    break;
                }
                mentions.add(name + "=" + commentary.substring(j + 2, close));
                out.append(name);
                i = close + 1;
            } else if (commentary.startsWith("{hashtag|\\#|", i)) {
                int close = commentary.indexOf('}', i);
                if (close < 0) {
                    break;
                }
                String tag = commentary
                        .substring(i + "{hashtag|\\#|".length(), close)
                        .replace("\\", "");
                hashtags.add(tag);
                out.append('#').append(tag);
                i = close + 1;
            } else if (c == '#') {
                int j = i + 1;
                while (j < n && Character.isLetterOrDigit(commentary.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    break;
                }
                hashtags.add(commentary.substring(i + 1, j));
                out.append(commentary, i, j);
                i = j;
            } else if (RESERVED.indexOf(c) >= 0) {
                break; // LinkedIn silently drops the rest of the post
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private MockResponse initializeUpload(RecordedRequest request) throws IOException {
        if (!"initializeUpload".equals(request.getUrl().queryParameter("action"))) {
            return json(400, "{ \"status\": 400, \"message\": \"unknown action\" }");
        }
        String owner =
                json(request).path("initializeUploadRequest").path("owner").asText("");
        if (!owner.equals(AUTHOR) && !owner.equals(ORGANIZATION)) {
            return accessDenied();
        }
        long n = ids.getAndIncrement();
        String image = "urn:li:image:D4E10AQH4GJAjaFCkHQ" + n;
        String uploadId = "D4E10AQexample" + n;
        imageOwners.put(image, owner);
        uploadIds.put(uploadId, image);
        String uploadUrl = server.url("/dms-uploads/sp/v2/" + uploadId
                        + "/uploaded-image/0?ca=vector&cn=uploads&m=AQ&app=1&sync=0&v=beta&ut=2")
                .toString();
        long expires = clock.instant().plus(Duration.ofDays(1)).toEpochMilli();
        return json(
                200,
                "{ \"value\": { \"uploadUrlExpiresAt\": " + expires + ", \"uploadUrl\": \"" + uploadUrl
                        + "\", \"image\": \"" + image + "\" } }");
    }

    private MockResponse upload(RecordedRequest request) {
        String uploadId = request.getUrl().pathSegments().get(3);
        String image = uploadIds.get(uploadId);
        if (image == null) {
            return json(404, "{ \"status\": 404, \"message\": \"unknown upload\" }");
        }
        ByteString body = request.getBody();
        uploads.put(image, body == null ? new byte[0] : body.toByteArray());
        return new MockResponse.Builder().code(201).build();
    }

    private MockResponse delete(RecordedRequest request) {
        String encoded = request.getUrl().encodedPath().substring("/rest/posts/".length());
        String urn = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        boolean removed = posts.removeIf(p -> p.urn().equals(urn));
        if (!removed) {
            return json(404, "{ \"status\": 404, \"code\": \"NOT_FOUND\", \"message\": \"Not Found\" }");
        }
        return new MockResponse.Builder().code(204).build();
    }

    /** The post URN a comments path names; null when the segment is not a percent-encoded URN. */
    private static String commentedPost(RecordedRequest request) {
        String segment = request.getUrl().encodedPathSegments().get(2);
        if (segment.contains(":")) {
            return null; // LinkedIn wants the URN URL-encoded in the path
        }
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private MockResponse createComment(RecordedRequest request) throws IOException {
        String type = request.getHeaders().get("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return json(415, "{ \"status\": 415, \"message\": \"Unsupported Media Type\" }");
        }
        String post = commentedPost(request);
        if (post == null || posts.stream().noneMatch(p -> p.urn().equals(post))) {
            return json(404, "{ \"status\": 404, \"code\": \"NOT_FOUND\", \"message\": \"Not Found\" }");
        }
        JsonNode body = json(request);
        if (body.has("content")) {
            return json(
                    403,
                    "{ \"status\": 403, \"message\": \"Unpermitted fields present in REQUEST_BODY: Data Processing"
                            + " Exception while processing fields [/content]\" }");
        }
        String actor = body.path("actor").asText("");
        if (!actor.equals(AUTHOR) && !actor.equals(ORGANIZATION)) {
            return accessDenied();
        }
        if (!body.path("message").path("text").isTextual()
                || !post.equals(body.path("object").asText())) {
            return json(422, "{ \"status\": 422, \"message\": \"ERROR :: /message/text :: field is required\" }");
        }
        Comment comment = storeComment(
                post,
                actor,
                body.path("message").path("text").asText(),
                clock.instant().toEpochMilli());
        MockResponse.Builder answer = new MockResponse.Builder()
                .code(201)
                .setHeader("Content-Type", "application/json")
                .setHeader(
                        "x-restli-id",
                        comment.urn()
                                .substring(
                                        comment.urn().lastIndexOf(',') + 1,
                                        comment.urn().length() - 1))
                .body(commentJson(comment));
        if (stalledComments.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer.headersDelay(3, java.util.concurrent.TimeUnit.SECONDS);
        }
        return answer.build();
    }

    private Comment storeComment(String post, String actor, String text, long created) {
        String activity = "urn:li:activity:" + post.substring(post.lastIndexOf(':') + 1);
        String urn = "urn:li:comment:(" + activity + "," + commentIds.getAndIncrement() + ")";
        Comment comment = new Comment(urn, post, actor, text, created);
        comments.add(comment);
        return comment;
    }

    private static String commentJson(Comment c) {
        String activity = c.urn().substring("urn:li:comment:(".length(), c.urn().lastIndexOf(','));
        String id = c.urn().substring(c.urn().lastIndexOf(',') + 1, c.urn().length() - 1);
        return "{ \"actor\": " + quote(c.actor()) + ", \"object\": " + quote(activity) + ", \"commentUrn\": "
                + quote(c.urn()) + ", \"id\": " + quote(id) + ", \"message\": { \"text\": " + quote(c.text())
                + ", \"attributes\": [] }, \"created\": { \"actor\": " + quote(c.actor()) + ", \"time\": "
                + c.created() + " }, \"lastModified\": { \"actor\": " + quote(c.actor()) + ", \"time\": "
                + c.created() + " } }";
    }

    private MockResponse listComments(RecordedRequest request) {
        String post = commentedPost(request);
        if (post == null) {
            return json(400, "{ \"status\": 400, \"message\": \"Syntax exception in path variables\" }");
        }
        var on = new ArrayList<Comment>();
        for (Comment c : comments) {
            if (c.post().equals(post)) {
                on.add(0, c); // newest first
            }
        }
        int start = Integer.parseInt(Objects.requireNonNullElse(request.getUrl().queryParameter("start"), "0"));
        int count = Integer.parseInt(Objects.requireNonNullElse(request.getUrl().queryParameter("count"), "10"));
        var elements = new StringBuilder();
        for (int i = start; i < Math.min(on.size(), start + count); i++) {
            if (elements.length() > 0) {
                elements.append(", ");
            }
            elements.append(commentJson(on.get(i)));
        }
        return json(
                200,
                "{ \"paging\": { \"start\": " + start + ", \"count\": " + count + ", \"total\": " + on.size()
                        + ", \"links\": [] }, \"elements\": [ " + elements + " ] }");
    }

    private MockResponse token(RecordedRequest request) {
        Map<String, String> form = form(request);
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return json(
                    401, "{ \"error\": \"invalid_client\", \"error_description\": \"Client authentication failed\" }");
        }
        Instant now = clock.instant();
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals("authorization_code")) {
            if (!codes.remove(form.getOrDefault("code", "")) || !REDIRECT_URI.equals(form.get("redirect_uri"))) {
                return json(
                        400,
                        "{ \"error\": \"invalid_request\", \"error_description\": \"Unable to retrieve access token:"
                                + " appid/redirect uri/code verifier does not match authorization code. Or authorization"
                                + " code expired. Or external member binding exists\" }");
            }
            String access = newAccessToken();
            var out = new StringBuilder("{ \"access_token\": \"" + access + "\", \"expires_in\": 5183999");
            if (partnerApp) {
                String refresh = "li-refresh-" + tokenIds.incrementAndGet() + "-abcdef";
                refreshTokens.put(refresh, now.plus(Duration.ofDays(365)));
                out.append(", \"refresh_token\": \"")
                        .append(refresh)
                        .append("\", \"refresh_token_expires_in\": 31536000");
            }
            out.append(", \"scope\": \"openid,profile,w_member_social\", \"id_token\": \"eyJ.example.jwt\" }");
            return json(200, out.toString());
        }
        if (grant.equals("refresh_token")) {
            String refresh = form.getOrDefault("refresh_token", "");
            Instant expiry = refreshTokens.get(refresh);
            if (expiry == null || !now.isBefore(expiry)) {
                return json(
                        400,
                        "{ \"error\": \"invalid_request\", \"error_description\": \"The provided refresh token is invalid"
                                + " or expired\" }");
            }
            String access = newAccessToken();
            var out = new StringBuilder("{ \"access_token\": \"" + access + "\", \"expires_in\": 5183999"
                    + ", \"refresh_token\": \"" + refresh + "\"");
            if (reportRefreshLifetime) {
                out.append(", \"refresh_token_expires_in\": ")
                        .append(Duration.between(now, expiry).getSeconds());
            }
            out.append(", \"scope\": \"openid,profile,w_member_social\" }");
            return json(200, out.toString());
        }
        return json(400, "{ \"error\": \"unsupported_grant_type\", \"error_description\": \"grant type\" }");
    }
}
