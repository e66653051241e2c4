package io.luxaris.channels.threads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.domain.Credentials;
import io.luxaris.http.testing.FakePlatform;
import io.luxaris.http.testing.Recorded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake Threads Graph API on {@code mockwebserver3}, behaving as docs/threads-api.md describes and refusing what
 * Threads refuses: the OAuth code exchange (short-lived token with {@code user_id}), {@code th_exchange_token} (60
 * days) and {@code th_refresh_token} (refused for a token under 24 hours old or expired); {@code /me}; containers
 * (TEXT, IMAGE, CAROUSEL with items; 500 characters with emoji as UTF-8 bytes; at most 5 links; an image URL it
 * cannot fetch gives 2207052; {@code reply_to_id} must name a post) whose status goes {@code IN_PROGRESS} (for as
 * many reads as configured) to {@code FINISHED}, {@code EXPIRED} after 24 hours on its clock, {@code PUBLISHED} once
 * published; {@code threads_publish} (optionally "Media Not Found" 24/4279009 first; the 250 posts and 1,000 replies
 * per 24 hours enforced); the quota endpoint; the account's threads with cursor paging; posts by id; DELETE (100 per
 * 24 hours). Graph errors use the documented envelope; a bad token is code 190. Scripted responses for a route are
 * served first, in order.
 */
final class FakeThreads extends FakePlatform {
    static final String USER_ID = "17841400000000001";
    static final String USERNAME = "luxaris_dev";
    static final String APP_ID = "1234567890123456";
    static final String APP_SECRET = "threads-app-secret-0f1e2d3c";
    static final String REDIRECT_URI = "https://app.example/callback/threads";
    static final long LONG_LIVED_SECONDS = 5_183_944L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private volatile Clock clock = Clock.systemUTC();
    private final Map<String, Deque<UnaryOperator<MockResponse>>> changes = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Set<String> codes = ConcurrentHashMap.newKeySet();
    private final Set<String> unfetchable = ConcurrentHashMap.newKeySet();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final List<Post> posts = new ArrayList<>();
    private final List<Instant> deletes = new ArrayList<>();
    private final AtomicLong containerIds = new AtomicLong(17889615691921001L);
    private final AtomicLong mediaIds = new AtomicLong(18050000000000001L);
    private final AtomicInteger tokenIds = new AtomicInteger();
    private final AtomicInteger republished = new AtomicInteger();
    private volatile int inProgressReads;
    private volatile int mediaNotFound;
    private volatile boolean vanishOnMediaNotFound;
    private volatile String errorOnFinish;
    private volatile int quotaUsedElsewhere;
    private volatile int replyQuotaUsedElsewhere;
    private volatile int pageSize = 100;
    private volatile boolean includeReplies = true;

    FakeThreads() {
        super("the fake Threads server");
    }

    /** The clock the fake runs on (token ages, container expiry, post times); default the system clock. */
    FakeThreads clock(Clock value) {
        this.clock = value;
        return this;
    }

    private Instant now() {
        return clock.instant();
    }

    // ------------------------------------------------------------------ tokens

    record Token(String value, boolean longLived, Instant issuedAt, Instant expiresAt) {}

    /** A long-lived token issued {@code age} ago (it expires 60 days after that). */
    Token longLivedToken(Duration age) {
        Instant issued = now().minus(age);
        String value = "THQVJ" + tokenIds.incrementAndGet() + "long-lived-token-value";
        var token = new Token(value, true, issued, issued.plusSeconds(LONG_LIVED_SECONDS));
        tokens.put(value, token);
        return token;
    }

    /** Credentials of a long-lived token issued {@code age} ago, with its expiry. */
    Credentials credentials(Duration age) {
        Token token = longLivedToken(age);
        return Credentials.of(Map.of(
                Credentials.ACCESS_TOKEN,
                token.value(),
                Credentials.EXPIRES_AT,
                token.expiresAt().toString()));
    }

    /** Credentials of a token issued a day ago (far from its expiry). */
    Credentials credentials() {
        return credentials(Duration.ofDays(1));
    }

    boolean accepts(String token) {
        Token t = tokens.get(token);
        return t != null && now().isBefore(t.expiresAt());
    }

    /** Registers an authorization code the OAuth dialog issued. */
    void issueCode(String code) {
        codes.add(code);
    }

    // ------------------------------------------------------------------ behaviour

    /** A scripted entry that lets the fake answer the call itself (to script the call after it). */
    static MockResponse pass() {
        return new MockResponse.Builder().code(598).build();
    }

    /**
     * The next call of {@code route} is handled as usual (the post is made, the token issued...), and then its answer
     * is changed by {@code change} (delayed, cut off...).
     */
    void afterHandling(String route, UnaryOperator<MockResponse> change) {
        changes.computeIfAbsent(route, r -> new ArrayDeque<>()).add(change);
    }

    /** Forgets a post, as if the account's list did not show it. */
    synchronized void hidePost(String id) {
        posts.removeIf(post -> post.id().equals(id));
    }

    /** New containers report {@code IN_PROGRESS} for this many status reads before {@code FINISHED}. */
    void inProgressReads(int reads) {
        this.inProgressReads = reads;
    }

    /** New containers end in {@code ERROR} with this message instead of {@code FINISHED}. */
    void errorOnFinish(String message) {
        this.errorOnFinish = message;
    }

    /**
     * The next {@code times} publishes of a FINISHED container answer "Media Not Found" (24/4279009); with {@code
     * vanish} the container is gone afterwards (its status then "does not exist").
     */
    void mediaNotFound(int times, boolean vanish) {
        this.mediaNotFound = times;
        this.vanishOnMediaNotFound = vanish;
    }

    /** Meta cannot download this image URL (2207052 at container creation). */
    void unfetchable(String url) {
        unfetchable.add(url);
    }

    /** Posts (and replies) published in the window by other means, counted in the quota. */
    void quotaUsedElsewhere(int posts, int replies) {
        this.quotaUsedElsewhere = posts;
        this.replyQuotaUsedElsewhere = replies;
    }

    void pageSize(int size) {
        this.pageSize = size;
    }

    /** Whether the account's thread list shows replies too (the documented list does not say). */
    void includeReplies(boolean value) {
        this.includeReplies = value;
    }

    /** A post already on the account (as if published at {@code at}). */
    synchronized String addPost(String text, Instant at, String replyTo) {
        String id = Long.toString(mediaIds.getAndIncrement());
        posts.add(0, new Post(id, text, at, replyTo, true));
        return id;
    }

    /** How often a PUBLISHED container was sent to {@code threads_publish} again (must stay 0). */
    int republished() {
        return republished.get();
    }

    synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    synchronized List<Container> containers() {
        return List.copyOf(containers.values());
    }

    synchronized Container container(String id) {
        return containers.get(id);
    }

    /** Marks a container as published without a post id anybody heard of (a publish whose answer was lost). */
    synchronized String publishBehindTheScenes(String containerId) {
        Container c = containers.get(containerId);
        String id = publish(c);
        return id;
    }

    /** The id the next post gets. */
    String nextMediaId() {
        return Long.toString(mediaIds.get());
    }

    /** The id the next container gets. */
    String nextContainerId() {
        return Long.toString(containerIds.get());
    }

    // ------------------------------------------------------------------ model

    static final class Container {
        final String id;
        final String mediaType;
        final String text;
        final String imageUrl;
        final String altText;
        final String children;
        final String replyTo;
        final boolean carouselItem;
        final Instant createdAt;
        int readsLeft;
        String status = "IN_PROGRESS";
        String errorMessage;
        String publishedId;
        boolean mediaNotFound;

        Container(String id, Map<String, String> p, Instant createdAt, int readsLeft) {
            this.id = id;
            this.mediaType = p.get("media_type");
            this.text = p.getOrDefault("text", "");
            this.imageUrl = p.get("image_url");
            this.altText = p.get("alt_text");
            this.children = p.get("children");
            this.replyTo = p.get("reply_to_id");
            this.carouselItem = "true".equals(p.get("is_carousel_item"));
            this.createdAt = createdAt;
            this.readsLeft = readsLeft;
        }
    }

    record Post(String id, String text, Instant timestamp, String replyTo, boolean byApi) {
        String permalink() {
            return "https://www.threads.com/@" + USERNAME + "/post/" + shortcode();
        }

        String shortcode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.US_ASCII));
        }
    }

    // ------------------------------------------------------------------ requests

    /** The routes of every request received since the last take. */
    List<String> routes() throws InterruptedException {
        return takeAll().stream().map(this::route).toList();
    }

    /**
     * {@code POST /v1.0/{user}/threads}, {@code GET /v1.0/{container}}, {@code GET /v1.0/{media}}, {@code POST
     * /oauth/access_token}...: the method and path with ids replaced.
     */
    synchronized String route(RecordedRequest request) {
        List<String> segments = request.getUrl().pathSegments();
        String path;
        if (segments.size() == 2 && segments.get(0).equals("v1.0")) {
            String id = segments.get(1);
            path = "/v1.0/" + (id.equals("me") ? "me" : containers.containsKey(id) ? "{container}" : "{media}");
        } else if (segments.size() == 3 && segments.get(0).equals("v1.0")) {
            path = "/v1.0/{user}/" + segments.get(2);
        } else {
            path = request.getUrl().encodedPath();
        }
        return request.getMethod() + " " + path;
    }

    static String body(RecordedRequest request) {
        return Recorded.body(request);
    }

    /** The form fields of a request's body, in order. */
    static Map<String, String> form(RecordedRequest request) {
        return Recorded.form(request);
    }

    /** Query fields, then form fields (Graph takes parameters from either). */
    static Map<String, String> params(RecordedRequest request) {
        var map = new LinkedHashMap<String, String>();
        for (String name : request.getUrl().queryParameterNames()) {
            map.put(name, request.getUrl().queryParameter(name));
        }
        String type = request.getHeaders().get("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            map.putAll(form(request));
        }
        return map;
    }

    // ------------------------------------------------------------------ documented answers

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json; charset=UTF-8")
                .setHeader("x-fb-trace-id", "AbCdEfGhIjK")
                .body(body)
                .build();
    }

    static MockResponse graphError(int status, String message, int code, Integer subcode, String userTitle) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode e = error.putObject("error").put("message", message).put("type", "OAuthException");
        e.put("code", code);
        if (subcode != null) {
            e.put("error_subcode", subcode);
        }
        e.put("is_transient", false);
        if (userTitle != null) {
            e.put("error_user_title", userTitle);
        }
        e.put("fbtrace_id", "A7Rk3yHZt9Xb_Ab-CdEfGh1");
        return json(status, error.toString());
    }

    static MockResponse invalidToken() {
        return graphError(400, "Invalid OAuth access token - Cannot parse access token", 190, null, null);
    }

    static MockResponse expiredToken() {
        return graphError(
                400,
                "Error validating access token: Session has expired on Tuesday, 24-Nov-26 10:00:00 PST.",
                190,
                463,
                null);
    }

    static MockResponse mediaNotFoundAnswer(String container) {
        return json(
                400,
                "{\"error\":{\"message\":\"The requested resource does not exist\",\"type\":\"OAuthException\","
                        + "\"code\":24,\"error_subcode\":4279009,\"is_transient\":false,"
                        + "\"error_user_title\":\"Media Not Found\",\"error_user_msg\":\"The media with id "
                        + container + " cannot be found.\",\"fbtrace_id\":\"AzQ1c2VfbWVkaWE\"}}");
    }

    static MockResponse doesNotExist(String id) {
        return graphError(
                400,
                "Unsupported get request. Object with ID '" + id
                        + "' does not exist, cannot be loaded due to missing permissions, or does not support this"
                        + " operation",
                100,
                33,
                null);
    }

    static MockResponse serviceUnavailable() {
        return json(
                503,
                "{\"error\":{\"message\":\"Service temporarily unavailable\",\"type\":\"OAuthException\",\"code\":2,"
                        + "\"is_transient\":true,\"fbtrace_id\":\"AbCdEf\"}}");
    }

    static MockResponse invalidParameter(String message) {
        return graphError(400, message, 100, null, null);
    }

    // ------------------------------------------------------------------ dispatch

    @Override
    protected MockResponse dispatch(RecordedRequest request) {
        String route = route(request);
        MockResponse next = nextScripted(route);
        if (next != null && next.getCode() != 598) {
            return next;
        }
        MockResponse answer = handle(request, route);
        Deque<UnaryOperator<MockResponse>> changing = changes.get(route);
        if (changing != null) {
            UnaryOperator<MockResponse> change;
            synchronized (changing) {
                change = changing.pollFirst();
            }
            if (change != null) {
                return change.apply(answer);
            }
        }
        return answer;
    }

    private MockResponse handle(RecordedRequest request, String route) {
        Map<String, String> p = params(request);
        switch (route) {
            case "POST /oauth/access_token":
                return codeExchange(p);
            case "GET /access_token":
                return longLivedExchange(p);
            case "GET /refresh_access_token":
                return refresh(p);
            default:
                break;
        }
        String token = p.get("access_token");
        if (token == null || !tokens.containsKey(token)) {
            return invalidToken();
        }
        if (!accepts(token)) {
            return expiredToken();
        }
        if (request.getHeaders().get("Authorization") != null) {
            return invalidParameter("the fake takes the token as access_token only");
        }
        List<String> segments = request.getUrl().pathSegments();
        if (segments.size() == 3
                && !segments.get(1).equals(USER_ID)
                && !segments.get(1).equals("me")) {
            return graphError(
                    400,
                    "Unsupported request: the user " + segments.get(1) + " is not the token's user",
                    100,
                    33,
                    null);
        }
        synchronized (this) {
            return switch (route) {
                case "GET /v1.0/me" -> json(200, "{\"id\":\"" + USER_ID + "\",\"username\":\"" + USERNAME + "\"}");
                case "POST /v1.0/{user}/threads" -> create(p);
                case "POST /v1.0/{user}/threads_publish" -> publishContainer(p);
                case "GET /v1.0/{user}/threads_publishing_limit" -> quota();
                case "GET /v1.0/{user}/threads" -> list(request, p);
                case "GET /v1.0/{container}" -> status(segments.get(1));
                case "GET /v1.0/{media}" -> post(segments.get(1));
                case "DELETE /v1.0/{media}" -> delete(segments.get(1));
                default -> graphError(400, "Unknown path components: " + route, 2500, null, null);
            };
        }
    }

    private MockResponse codeExchange(Map<String, String> p) {
        if (!APP_ID.equals(p.get("client_id")) || !APP_SECRET.equals(p.get("client_secret"))) {
            return graphError(400, "Error validating client secret.", 1, 404, null);
        }
        if (!"authorization_code".equals(p.get("grant_type")) || !REDIRECT_URI.equals(p.get("redirect_uri"))) {
            return invalidParameter("Error validating verification code. Please make sure your redirect_uri is"
                    + " identical to the one you used in the OAuth dialog request");
        }
        if (!codes.remove(p.getOrDefault("code", ""))) {
            return graphError(400, "Invalid verification code format.", 100, 36007, null);
        }
        String value = "THQVJshort" + tokenIds.incrementAndGet() + "-token-value";
        tokens.put(value, new Token(value, false, now(), now().plus(Duration.ofHours(1))));
        return json(200, "{\"access_token\":\"" + value + "\",\"user_id\":" + USER_ID + "}");
    }

    private MockResponse longLivedExchange(Map<String, String> p) {
        if (!"th_exchange_token".equals(p.get("grant_type"))) {
            return invalidParameter("grant_type must be th_exchange_token");
        }
        if (!APP_SECRET.equals(p.get("client_secret"))) {
            return graphError(400, "Error validating client secret.", 1, 404, null);
        }
        Token shortToken = tokens.get(p.getOrDefault("access_token", ""));
        if (shortToken == null || shortToken.longLived()) {
            return invalidToken();
        }
        if (!now().isBefore(shortToken.expiresAt())) {
            return expiredToken();
        }
        Token token = longLivedToken(Duration.ZERO);
        return json(
                200,
                "{\"access_token\":\"" + token.value() + "\",\"token_type\":\"bearer\",\"expires_in\":"
                        + LONG_LIVED_SECONDS + "}");
    }

    private MockResponse refresh(Map<String, String> p) {
        if (!"th_refresh_token".equals(p.get("grant_type"))) {
            return invalidParameter("grant_type must be th_refresh_token");
        }
        Token old = tokens.get(p.getOrDefault("access_token", ""));
        if (old == null || !old.longLived()) {
            return invalidToken();
        }
        if (!now().isBefore(old.expiresAt())) {
            return expiredToken();
        }
        if (Duration.between(old.issuedAt(), now()).compareTo(Duration.ofHours(24)) < 0) {
            return invalidParameter("The access token can only be refreshed once it is at least 24 hours old");
        }
        Token token = longLivedToken(Duration.ZERO);
        return json(
                200,
                "{\"access_token\":\"" + token.value() + "\",\"token_type\":\"bearer\",\"expires_in\":"
                        + LONG_LIVED_SECONDS + "}");
    }

    /** Characters as Meta describes it: code points, emoji as their UTF-8 bytes (4 for the pictographs). */
    static int length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            length += cp >= 0x1F000 ? 4 : 1;
            i += Character.charCount(cp);
        }
        return length;
    }

    private MockResponse create(Map<String, String> p) {
        String type = p.getOrDefault("media_type", "");
        String text = p.getOrDefault("text", "");
        if (!List.of("TEXT", "IMAGE", "VIDEO", "CAROUSEL").contains(type)) {
            return invalidParameter("Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}");
        }
        if (length(text) > 500) {
            return graphError(400, "Param text must be at most 500 characters long.", 100, null, "Text too long");
        }
        Matcher links = URL.matcher(text);
        int count = 0;
        while (links.find()) {
            count++;
        }
        if (count > 5) {
            return graphError(
                    400, "THREADS_API__LINK_LIMIT_EXCEEDED: a post may contain at most 5 links", 100, null, null);
        }
        boolean item = "true".equals(p.get("is_carousel_item"));
        switch (type) {
            case "TEXT" -> {
                if (text.isBlank() || item) {
                    return invalidParameter("A TEXT container needs text and cannot be a carousel item");
                }
            }
            case "IMAGE" -> {
                String url = p.getOrDefault("image_url", "");
                if (!url.startsWith("https://")) {
                    return invalidParameter("Param image_url must be a valid URL");
                }
                if (unfetchable.contains(url)) {
                    return json(
                            400,
                            "{\"error\":{\"message\":\"Media download has failed.: The media could not be fetched"
                                    + " from this uri: " + url + "\",\"type\":\"OAuthException\",\"code\":1,"
                                    + "\"error_subcode\":2207052,\"is_transient\":false,"
                                    + "\"error_user_title\":\"Media download has failed.\",\"error_user_msg\":\"The"
                                    + " media could not be fetched from this URI: " + url + ".\","
                                    + "\"fbtrace_id\":\"AbC\"}}");
                }
            }
            case "CAROUSEL" -> {
                String[] children = p.getOrDefault("children", "").split(",");
                if (children.length < 2 || children.length > 20) {
                    return invalidParameter("A carousel needs 2 to 20 children");
                }
                for (String child : children) {
                    Container c = containers.get(child);
                    if (c == null || !c.carouselItem || !"FINISHED".equals(currentStatus(c))) {
                        return invalidParameter("The child " + child + " is not a finished carousel item");
                    }
                }
            }
            default -> {
                return invalidParameter("the fake takes no video");
            }
        }
        String replyTo = p.get("reply_to_id");
        if (replyTo != null && posts.stream().noneMatch(post -> post.id().equals(replyTo))) {
            return invalidParameter("Param reply_to_id is not a post of this user");
        }
        String id = Long.toString(containerIds.getAndIncrement());
        Container c = new Container(id, p, now(), inProgressReads);
        containers.put(id, c);
        return json(200, "{\"id\":\"" + id + "\"}");
    }

    private String currentStatus(Container c) {
        if (!c.status.equals("PUBLISHED")
                && !c.status.equals("ERROR")
                && !now().isBefore(c.createdAt.plus(Duration.ofHours(24)))) {
            c.status = "EXPIRED";
        }
        return c.status;
    }

    private MockResponse status(String id) {
        Container c = containers.get(id);
        if (currentStatus(c).equals("IN_PROGRESS")) {
            if (c.readsLeft > 0) {
                c.readsLeft--;
            } else if (errorOnFinish != null) {
                c.status = "ERROR";
                c.errorMessage = errorOnFinish;
            } else {
                c.status = "FINISHED";
                if (mediaNotFound > 0 && !c.carouselItem) {
                    mediaNotFound--;
                    c.mediaNotFound = true;
                }
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("status", c.status).put("id", c.id);
        if (c.errorMessage != null) {
            answer.put("error_message", c.errorMessage);
        }
        return json(200, answer.toString());
    }

    private MockResponse publishContainer(Map<String, String> p) {
        String id = p.getOrDefault("creation_id", "");
        Container c = containers.get(id);
        if (c == null) {
            return doesNotExist(id);
        }
        String status = currentStatus(c);
        if (status.equals("PUBLISHED")) {
            republished.incrementAndGet();
            return invalidParameter("The container " + id + " was published already");
        }
        if (!status.equals("FINISHED") || c.carouselItem) {
            return graphError(400, "Media is not ready to be published", 9007, 2207027, "Media not ready");
        }
        if (c.mediaNotFound) {
            c.mediaNotFound = false;
            if (vanishOnMediaNotFound) {
                containers.remove(id);
            }
            return mediaNotFoundAnswer(id);
        }
        Instant dayAgo = now().minus(Duration.ofHours(24));
        long recentPosts = posts.stream()
                        .filter(post -> post.byApi()
                                && post.replyTo() == null
                                && post.timestamp().isAfter(dayAgo))
                        .count()
                + quotaUsedElsewhere;
        long recentReplies = posts.stream()
                        .filter(post -> post.byApi()
                                && post.replyTo() != null
                                && post.timestamp().isAfter(dayAgo))
                        .count()
                + replyQuotaUsedElsewhere;
        if ((c.replyTo == null && recentPosts >= 250) || (c.replyTo != null && recentReplies >= 1000)) {
            return graphError(
                    400,
                    "The user has reached the limit of posts published through the API in 24 hours",
                    9,
                    2207042,
                    "Publishing limit reached");
        }
        String mediaId = publish(c);
        return json(200, "{\"id\":\"" + mediaId + "\"}");
    }

    private String publish(Container c) {
        String mediaId = Long.toString(mediaIds.getAndIncrement());
        c.status = "PUBLISHED";
        c.publishedId = mediaId;
        posts.add(0, new Post(mediaId, c.text, now(), c.replyTo, true));
        return mediaId;
    }

    private MockResponse quota() {
        Instant dayAgo = now().minus(Duration.ofHours(24));
        long recentPosts = posts.stream()
                        .filter(post -> post.byApi()
                                && post.replyTo() == null
                                && post.timestamp().isAfter(dayAgo))
                        .count()
                + quotaUsedElsewhere;
        long recentReplies = posts.stream()
                        .filter(post -> post.byApi()
                                && post.replyTo() != null
                                && post.timestamp().isAfter(dayAgo))
                        .count()
                + replyQuotaUsedElsewhere;
        return json(
                200,
                "{\"data\":[{\"quota_usage\":" + recentPosts
                        + ",\"config\":{\"quota_total\":250,\"quota_duration\":86400},\"reply_quota_usage\":"
                        + recentReplies + ",\"reply_config\":{\"quota_total\":1000,\"quota_duration\":86400}}]}");
    }

    private MockResponse list(RecordedRequest request, Map<String, String> p) {
        Instant since = p.containsKey("since") ? Instant.ofEpochSecond(Long.parseLong(p.get("since"))) : Instant.MIN;
        int limit = Math.min(pageSize, Integer.parseInt(p.getOrDefault("limit", "25")));
        int start = p.containsKey("after")
                ? Integer.parseInt(new String(Base64.getDecoder().decode(p.get("after")), StandardCharsets.UTF_8))
                : 0;
        List<Post> visible = posts.stream()
                .filter(post -> includeReplies || post.replyTo() == null)
                .filter(post -> !post.timestamp().isBefore(since))
                .toList();
        Set<String> fields = Set.of(p.getOrDefault("fields", "id").split(","));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        int end = Math.min(visible.size(), start + limit);
        for (int i = start; i < end; i++) {
            data.add(fields(visible.get(i), fields));
        }
        if (end > start) {
            ObjectNode paging = answer.putObject("paging");
            paging.putObject("cursors").put("before", cursor(start)).put("after", cursor(end));
            if (end < visible.size()) {
                paging.put(
                        "next",
                        request.getUrl()
                                .newBuilder()
                                .setQueryParameter("after", cursor(end))
                                .build()
                                .toString());
            }
        }
        return json(200, answer.toString());
    }

    private static String cursor(int index) {
        return Base64.getEncoder().encodeToString(Integer.toString(index).getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode fields(Post post, Set<String> fields) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", post.id());
        if (fields.contains("text") && !post.text().isEmpty()) {
            node.put("text", post.text());
        }
        if (fields.contains("timestamp")) {
            node.put("timestamp", GRAPH_TIME.format(post.timestamp()));
        }
        if (fields.contains("permalink")) {
            node.put("permalink", post.permalink());
        }
        if (fields.contains("shortcode")) {
            node.put("shortcode", post.shortcode());
        }
        if (fields.contains("media_type")) {
            node.put("media_type", "TEXT_POST");
        }
        return node;
    }

    private MockResponse post(String id) {
        return posts.stream()
                .filter(post -> post.id().equals(id))
                .findFirst()
                .map(post -> json(
                        200,
                        fields(post, Set.of("id", "permalink", "timestamp", "text", "shortcode"))
                                .toString()))
                .orElseGet(() -> doesNotExist(id));
    }

    private MockResponse delete(String id) {
        Instant dayAgo = now().minus(Duration.ofHours(24));
        if (deletes.stream().filter(at -> at.isAfter(dayAgo)).count() >= 100) {
            return graphError(400, "The account reached its limit of 100 deletes in 24 hours", 4, null, null);
        }
        boolean removed = posts.removeIf(post -> post.id().equals(id));
        if (!removed) {
            return graphError(
                    400,
                    "Unsupported delete request. Object with ID '" + id + "' does not exist, cannot be loaded due to"
                            + " missing permissions, or does not support this operation",
                    100,
                    33,
                    null);
        }
        deletes.add(now());
        return json(200, "{\"success\":true,\"deleted_id\":\"" + id + "\"}");
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }
}
