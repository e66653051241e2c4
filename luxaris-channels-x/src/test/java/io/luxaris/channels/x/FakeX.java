package io.luxaris.channels.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.domain.Credentials;
import io.luxaris.http.testing.FakePlatform;
import io.luxaris.http.testing.Recorded;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake X API on {@code mockwebserver3}, answering with the documented bodies (docs/platforms/x.md §1): posts (201
 * with {@code edit_history_tweet_ids} and rate-limit headers), {@code /2/users/me}, the user timeline, v2 media
 * upload (simple and chunked), media metadata, and the token endpoint with refresh-token rotation (a used refresh
 * token is rejected with 400 {@code invalid_request}). API calls need a bearer token it issued (or an OAuth 1.0a
 * header). Responses scripted for a route are served first, in order.
 */
final class FakeX extends FakePlatform {
    static final String USER_ID = "2244994945";
    static final String USERNAME = "exampledev";
    static final String CLIENT_ID = "luxaris-test-client";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The code of {@link #passThrough()}: never sent, the request gets the default answer. */
    private static final int PASS_THROUGH = 598;

    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final AtomicLong postIds = new AtomicLong(1861000000000000001L);
    private final AtomicLong mediaIds = new AtomicLong(1880028106020515840L);
    private final AtomicInteger tokenGeneration = new AtomicInteger();
    private final List<ObjectNode> timeline = new ArrayList<>();
    private volatile boolean createOnHang;

    FakeX() {
        super("the fake X server");
    }

    /** A fresh OAuth 2.0 pair it accepts, expiring in 2 hours from {@code now}. */
    Credentials credentials(Instant now) {
        String access = "access-" + tokenGeneration.get();
        String refresh = "refresh-" + tokenGeneration.get();
        accessTokens.add(access);
        refreshTokens.add(refresh);
        return Credentials.oauth2(access, refresh, now.plus(Duration.ofHours(2)));
    }

    /** Same, with an access token that already expired (its refresh token is valid). */
    Credentials expiredCredentials(Instant now) {
        String access = "stale-access-" + tokenGeneration.get();
        String refresh = "refresh-" + tokenGeneration.get();
        refreshTokens.add(refresh);
        return Credentials.oauth2(access, refresh, now.minusSeconds(60));
    }

    boolean acceptsRefreshToken(String token) {
        return refreshTokens.contains(token);
    }

    /** Registers an authorization code issued for a PKCE verifier. */
    void issueCode(String code, String verifier) {
        codes.put(code, challenge(verifier));
    }

    /** A post already on the account's timeline (newest first). */
    synchronized String addToTimeline(String text, String repliedTo) {
        String id = Long.toString(postIds.getAndIncrement());
        ObjectNode post = JSON.createObjectNode().put("id", id).put("text", text);
        post.put("created_at", Instant.now().toString());
        post.putArray("edit_history_tweet_ids").add(id);
        if (repliedTo != null) {
            post.putArray("referenced_tweets")
                    .addObject()
                    .put("type", "replied_to")
                    .put("id", repliedTo);
        }
        timeline.add(0, post);
        return id;
    }

    /** A scripted response that lets the request through to the fake's default answer (to script a later one). */
    static MockResponse passThrough() {
        return new MockResponse.Builder().code(PASS_THROUGH).build();
    }

    /** Next post answers after {@code delay}, having created the post first when {@code create}. */
    void hangNextPost(Duration delay, boolean create) {
        createOnHang = create;
        script(
                "POST /2/tweets",
                new MockResponse.Builder()
                        .code(599) // marker: the dispatcher creates (or not) and answers late
                        .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
                        .build());
    }

    static String route(RecordedRequest request) {
        return request.getMethod() + " "
                + request.getUrl()
                        .encodedPath()
                        .replaceAll("/2/media/upload/[0-9]+/", "/2/media/upload/{id}/")
                        .replaceAll("/2/users/[0-9]+/tweets", "/2/users/{id}/tweets");
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

    static String challenge(String verifier) {
        return Recorded.challenge(verifier);
    }

    // ------------------------------------------------------------------ documented bodies

    static MockResponse json(int code, String body) {
        return Recorded.json(code, "application/json; charset=utf-8", body);
    }

    static MockResponse problem(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/problem+json")
                .body(body)
                .build();
    }

    static MockResponse duplicateContent() {
        return problem(
                403,
                "{ \"detail\": \"You are not allowed to create a Tweet with duplicate content.\", \"type\": \"about:blank\","
                        + " \"title\": \"Forbidden\", \"status\": 403 }");
    }

    static MockResponse replyNotAllowed() {
        return problem(
                403,
                "{ \"detail\": \"Reply to this conversation is not allowed because you have not been mentioned or"
                        + " otherwise engaged by the author of the post you are replying to.\", \"type\": \"about:blank\","
                        + " \"title\": \"Forbidden\", \"status\": 403 }");
    }

    static MockResponse tooManyRequests(long resetEpochSeconds) {
        return new MockResponse.Builder()
                .code(429)
                .setHeader("Content-Type", "application/json")
                .setHeader("x-rate-limit-limit", "100")
                .setHeader("x-rate-limit-remaining", "0")
                .setHeader("x-rate-limit-reset", Long.toString(resetEpochSeconds))
                .body(
                        "{ \"title\": \"Too Many Requests\", \"detail\": \"Too Many Requests\", \"type\": \"about:blank\","
                                + " \"status\": 429 }")
                .build();
    }

    static MockResponse usageCapped() {
        return problem(
                429,
                "{ \"title\": \"UsageCapExceeded\", \"detail\": \"Usage cap exceeded: Monthly product cap\","
                        + " \"type\": \"https://api.x.com/2/problems/usage-capped\", \"period\": \"Monthly\","
                        + " \"scope\": \"Product\", \"status\": 429 }");
    }

    static MockResponse invalidRequest() {
        return problem(
                400,
                "{ \"errors\": [ { \"parameters\": { \"text\": [\"Your Tweet text is 281 characters, however the limit"
                        + " is 280.\"] }, \"message\": \"Your Tweet text is too long.\" } ], \"title\": \"Invalid Request\","
                        + " \"detail\": \"One or more parameters to your request was invalid.\","
                        + " \"type\": \"https://api.x.com/2/problems/invalid-request\" }");
    }

    static MockResponse unauthorized() {
        return problem(
                401,
                "{ \"title\": \"Unauthorized\", \"type\": \"about:blank\", \"status\": 401, \"detail\": \"Unauthorized\" }");
    }

    static MockResponse serviceUnavailable() {
        return problem(
                503,
                "{ \"title\": \"Service Unavailable\", \"detail\": \"Service Unavailable\", \"type\": \"about:blank\","
                        + " \"status\": 503 }");
    }

    static MockResponse processing(String mediaId, String state, int checkAfterSecs) {
        return json(
                200,
                "{\"data\":{\"id\":\"" + mediaId + "\",\"media_key\":\"7_" + mediaId
                        + "\",\"processing_info\":{\"state\":\"" + state + "\",\"check_after_secs\":" + checkAfterSecs
                        + ",\"progress_percent\":50}}}");
    }

    static MockResponse succeeded(String mediaId) {
        return json(
                200,
                "{\"data\":{\"id\":\"" + mediaId + "\",\"media_key\":\"7_" + mediaId
                        + "\",\"processing_info\":{\"state\":\"succeeded\",\"progress_percent\":100}}}");
    }

    static MockResponse processingFailed(String mediaId) {
        return json(
                200,
                "{\"data\":{\"id\":\"" + mediaId
                        + "\",\"processing_info\":{\"state\":\"failed\",\"progress_percent\":12,"
                        + "\"error\":{\"code\":1,\"name\":\"InvalidMedia\",\"message\":\"Unsupported video format\"}}}}");
    }

    /** The id the next media initialize or simple upload gets. */
    String nextMediaId() {
        return Long.toString(mediaIds.get());
    }

    // ------------------------------------------------------------------ dispatch

    @Override
    protected MockResponse dispatch(RecordedRequest request) {
        String route = route(request);
        MockResponse next = nextScripted(route);
        if (next != null && next.getCode() != PASS_THROUGH) {
            if (next.getCode() == 599) {
                if (createOnHang) {
                    created(request);
                }
                return next.newBuilder().code(201).body("{}").build();
            }
            return next;
        }
        if (route.equals("POST /2/oauth2/token")) {
            return token(request);
        }
        String authorization = request.getHeaders().get("Authorization");
        boolean authorized = authorization != null
                && ((authorization.startsWith("Bearer ") && accessTokens.contains(authorization.substring(7)))
                        || authorization.startsWith("OAuth "));
        if (!authorized) {
            return unauthorized();
        }
        switch (route) {
            case "POST /2/tweets":
                return created(request);
            case "GET /2/users/me":
                return json(
                        200,
                        "{ \"data\": { \"id\": \"" + USER_ID + "\", \"name\": \"Example Dev\", \"username\": \""
                                + USERNAME + "\" } }");
            case "GET /2/users/{id}/tweets":
                return timeline();
            case "POST /2/media/upload": {
                String id = Long.toString(mediaIds.getAndIncrement());
                return json(
                        200,
                        "{ \"data\": { \"id\": \"" + id + "\", \"media_key\": \"3_" + id + "\", \"size\": "
                                + request.getBodySize() + ", \"expires_after_secs\": 86400, \"image\": {"
                                + " \"image_type\": \"image/png\", \"w\": 800, \"h\": 600 } } }");
            }
            case "POST /2/media/upload/initialize": {
                String id = Long.toString(mediaIds.getAndIncrement());
                return json(
                        200,
                        "{\"data\":{\"id\":\"" + id + "\",\"media_key\":\"7_" + id
                                + "\",\"expires_after_secs\":86399}}");
            }
            case "POST /2/media/upload/{id}/append":
                return new MockResponse.Builder().code(200).build();
            case "POST /2/media/upload/{id}/finalize": {
                String id = request.getUrl().pathSegments().get(3);
                return json(
                        200,
                        "{\"data\":{\"id\":\"" + id + "\",\"media_key\":\"7_" + id + "\",\"size\":1048576,"
                                + "\"expires_after_secs\":86400}}");
            }
            case "POST /2/media/metadata":
                return json(200, "{\"data\":{\"id\":\"" + jsonField(request, "id") + "\"}}");
            default:
                return problem(
                        404,
                        "{ \"title\": \"Not Found Error\", \"type\": \"https://api.x.com/2/problems/resource-not-found\","
                                + " \"detail\": \"no fake route " + route + "\", \"status\": 404 }");
        }
    }

    private static String jsonField(RecordedRequest request, String field) {
        try {
            return json(request).path(field).asText();
        } catch (IOException e) {
            return "";
        }
    }

    private synchronized MockResponse created(RecordedRequest request) {
        JsonNode body;
        try {
            body = json(request);
        } catch (IOException e) {
            return problem(400, "{\"title\":\"Invalid Request\",\"detail\":\"not JSON\"}");
        }
        String text = body.path("text").asText("");
        String replyTo = body.path("reply").path("in_reply_to_tweet_id").asText(null);
        String returned = body.has("media") ? (text + " https://t.co/AbCdEf1234").strip() : text;
        String id = addToTimeline(returned, replyTo);
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode data = answer.putObject("data").put("id", id).put("text", returned);
        ArrayNode history = data.putArray("edit_history_tweet_ids");
        history.add(id);
        long reset = Instant.now().plusSeconds(900).getEpochSecond();
        return new MockResponse.Builder()
                .code(201)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("x-rate-limit-limit", "100")
                .setHeader("x-rate-limit-remaining", "99")
                .setHeader("x-rate-limit-reset", Long.toString(reset))
                .setHeader("x-user-limit-24hour-limit", "2400")
                .setHeader("x-user-limit-24hour-remaining", "2399")
                .setHeader("x-user-limit-24hour-reset", Long.toString(reset + 86_000))
                .setHeader("x-app-limit-24hour-limit", "10000")
                .setHeader("x-app-limit-24hour-remaining", "9999")
                .setHeader("x-app-limit-24hour-reset", Long.toString(reset + 86_000))
                .body(answer.toString())
                .build();
    }

    private synchronized MockResponse timeline() {
        if (timeline.isEmpty()) {
            return json(200, "{\"meta\":{\"result_count\":0}}");
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        timeline.forEach(data::add);
        answer.putObject("meta")
                .put("result_count", timeline.size())
                .put("newest_id", timeline.get(0).path("id").asText())
                .put("oldest_id", timeline.get(timeline.size() - 1).path("id").asText());
        return json(200, answer.toString());
    }

    private MockResponse token(RecordedRequest request) {
        Map<String, String> form = form(request);
        String grant = form.getOrDefault("grant_type", "");
        boolean ok;
        if (grant.equals("refresh_token")) {
            ok = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
            if (!ok) {
                return json(
                        400,
                        "{ \"error\": \"invalid_request\", \"error_description\": \"Value passed for the token was"
                                + " invalid.\" }");
            }
        } else if (grant.equals("authorization_code")) {
            String expected = codes.remove(form.getOrDefault("code", ""));
            ok = expected != null && expected.equals(challenge(form.getOrDefault("code_verifier", "")));
            if (!ok) {
                return json(
                        400,
                        "{ \"error\": \"invalid_request\", \"error_description\": \"Value passed for the authorization"
                                + " code was invalid.\" }");
            }
        } else {
            return json(400, "{ \"error\": \"unsupported_grant_type\" }");
        }
        int generation = tokenGeneration.incrementAndGet();
        String access = "access-" + generation;
        String refresh = "refresh-" + generation;
        accessTokens.add(access);
        refreshTokens.add(refresh);
        return json(
                200,
                "{ \"token_type\": \"bearer\", \"expires_in\": 7200, \"access_token\": \"" + access
                        + "\", \"refresh_token\": \"" + refresh
                        + "\", \"scope\": \"tweet.read tweet.write users.read offline.access media.write\" }");
    }
}
