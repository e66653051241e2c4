package io.luxaris.examples.multinode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import okio.ByteString;

/**
 * The X API v2 of the chaos run, on {@code mockwebserver3}, answering with X's documented bodies: {@code POST
 * /2/tweets} (201 with {@code data.id}, {@code data.text}, {@code edit_history_tweet_ids}; 403 duplicate-content
 * problem for a text already posted; 401 problem for an unknown token), {@code GET /2/users/me} and the user
 * timeline {@code GET /2/users/{id}/tweets} (what the X channel's lookup reads). Accounts are told apart by their
 * bearer token.
 *
 * <p>Faults: every answer to the trickling account comes a few bytes a second (long past the engine's publish
 * timeout; the post is created first), and the 201 of the schedules {@code huge} selects is padded with whitespace
 * inside the JSON to {@code hugeBytes}. Each post's text carries its schedule number ({@code chaos post <n> ...}),
 * so every {@code POST} is counted per schedule.
 */
final class ChaosX implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("chaos post (\\d+) ");

    /** An account of the fake platform. */
    record Account(String token, String userId, String username, boolean trickles) {}

    /** A post created on the fake platform: its schedule number and when the request arrived. */
    record Post(String id, int schedule, String text, String userId, Instant at) {}

    final MockWebServer server = new MockWebServer();
    private final Map<String, Account> byToken = new ConcurrentHashMap<>();
    private final Map<String, Deque<Post>> timelines = new ConcurrentHashMap<>();
    private final Map<String, Post> byText = new HashMap<>(); // guarded by this
    private final Map<Integer, AtomicInteger> postRequests = new ConcurrentHashMap<>();
    private final Map<Integer, Post> firstPost = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1861000000000000001L);
    private final IntPredicate huge;
    private final long hugeBytes;
    final AtomicInteger hugeServed = new AtomicInteger();
    final AtomicInteger trickled = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger unauthorized = new AtomicInteger();
    final AtomicInteger lookups = new AtomicInteger();

    ChaosX(IntPredicate huge, long hugeBytes) throws IOException {
        this.huge = huge;
        this.hugeBytes = hugeBytes;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return ChaosX.this.dispatch(request);
            }
        });
        server.start();
    }

    String url() {
        return server.url("/").toString();
    }

    void add(Account account) {
        byToken.put(account.token(), account);
        timelines.put(account.userId(), new ConcurrentLinkedDeque<>());
    }

    /** How many {@code POST /2/tweets} arrived per schedule number. */
    Map<Integer, Integer> postRequests() {
        var out = new HashMap<Integer, Integer>();
        postRequests.forEach((n, c) -> out.put(n, c.get()));
        return out;
    }

    /** The post created for each schedule number (its first {@code POST}). */
    Map<Integer, Post> posts() {
        return Map.copyOf(firstPost);
    }

    private MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        Account account = byToken.get(bearer(request));
        if (account == null) {
            unauthorized.incrementAndGet();
            return problem(
                    401,
                    "{ \"title\": \"Unauthorized\", \"type\": \"about:blank\", \"status\": 401, \"detail\":"
                            + " \"Unauthorized\" }");
        }
        if (request.getMethod().equals("POST") && path.equals("/2/tweets")) {
            return post(account, request);
        }
        if (request.getMethod().equals("GET") && path.equals("/2/users/me")) {
            ObjectNode data = JSON.createObjectNode();
            data.putObject("data")
                    .put("id", account.userId())
                    .put("name", account.username())
                    .put("username", account.username());
            return json(200, data.toString());
        }
        if (request.getMethod().equals("GET") && path.equals("/2/users/" + account.userId() + "/tweets")) {
            lookups.incrementAndGet();
            return timeline(account, request);
        }
        return problem(
                404,
                "{ \"title\": \"Not Found Error\", \"type\": \"https://api.x.com/2/problems/resource-not-found\","
                        + " \"detail\": \"Could not find " + path + "\", \"status\": 404 }");
    }

    private MockResponse post(Account account, RecordedRequest request) {
        String text;
        try {
            ByteString body = request.getBody();
            text = JSON.readTree(body == null ? "{}" : body.utf8()).path("text").asText("");
        } catch (IOException e) {
            return problem(400, "{ \"title\": \"Invalid Request\", \"type\": \"about:blank\", \"status\": 400 }");
        }
        Matcher m = NUMBER.matcher(text);
        int n = m.find() ? Integer.parseInt(m.group(1)) : -1;
        postRequests.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
        Post post;
        synchronized (this) {
            if (byText.containsKey(text)) {
                duplicates.incrementAndGet();
                return problem(
                        403,
                        "{ \"detail\": \"You are not allowed to create a Tweet with duplicate content.\", \"type\":"
                                + " \"about:blank\", \"title\": \"Forbidden\", \"status\": 403 }");
            }
            post = new Post(Long.toString(ids.getAndIncrement()), n, text, account.userId(), Instant.now());
            byText.put(text, post);
        }
        timelines.get(account.userId()).addFirst(post);
        firstPost.putIfAbsent(n, post);
        String created = created(post);
        if (account.trickles()) {
            trickled.incrementAndGet();
            return new MockResponse.Builder()
                    .code(201)
                    .setHeader("Content-Type", "application/json; charset=utf-8")
                    .body(created)
                    .throttleBody(4, 1, TimeUnit.SECONDS)
                    .build();
        }
        if (huge.test(n)) {
            hugeServed.incrementAndGet();
            return new MockResponse.Builder()
                    .code(201)
                    .setHeader("Content-Type", "application/json; charset=utf-8")
                    .body(new Padded(created, hugeBytes))
                    .build();
        }
        return json(201, created);
    }

    private MockResponse timeline(Account account, RecordedRequest request) {
        String startParameter = request.getUrl().queryParameter("start_time");
        Instant start = startParameter == null ? Instant.EPOCH : Instant.parse(startParameter);
        List<Post> recent = new ArrayList<>();
        for (Post p : timelines.get(account.userId())) {
            if (recent.size() == 100) {
                break;
            }
            if (!p.at().isBefore(start)) {
                recent.add(p);
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        if (!recent.isEmpty()) {
            ArrayNode data = answer.putArray("data");
            for (Post p : recent) {
                ObjectNode node =
                        data.addObject().put("id", p.id()).put("text", p.text()).put("created_at", p.at().toString());
                node.putArray("edit_history_tweet_ids").add(p.id());
            }
        }
        ObjectNode meta = answer.putObject("meta").put("result_count", recent.size());
        if (!recent.isEmpty()) {
            meta.put("newest_id", recent.get(0).id())
                    .put("oldest_id", recent.get(recent.size() - 1).id());
        }
        return json(200, answer.toString());
    }

    private static String created(Post post) {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode data = answer.putObject("data").put("id", post.id()).put("text", post.text());
        data.putArray("edit_history_tweet_ids").add(post.id());
        return answer.toString();
    }

    private static String bearer(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body)
                .build();
    }

    private static MockResponse problem(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/problem+json")
                .body(body)
                .build();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** A JSON document padded with whitespace after its opening brace to {@code size} bytes, streamed. */
    private static final class Padded implements MockResponseBody {
        private static final byte[] SPACES = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);

        private final byte[] rest;
        private final long size;

        Padded(String json, long size) {
            this.rest = json.substring(1).getBytes(StandardCharsets.UTF_8);
            this.size = Math.max(size, rest.length + 1L);
        }

        @Override
        public long getContentLength() {
            return size;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.writeByte('{');
            long padding = size - 1 - rest.length;
            while (padding > 0) {
                int chunk = (int) Math.min(padding, SPACES.length);
                sink.write(SPACES, 0, chunk);
                padding -= chunk;
            }
            sink.write(rest);
            sink.flush();
        }
    }
}
