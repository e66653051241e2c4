package io.luxaris.generation.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import okio.ByteString;

/**
 * An OpenAI-compatible server on {@code mockwebserver3} answering with the documented shapes (docs/platforms/openai.md §3):
 * chat completions whose choices carry the candidate JSON as a string, usage, {@code x-request-id} and rate-limit
 * headers (OpenAI) or none (local servers), and the error bodies of 401, 429 (rate limit, quota), 500 and 503.
 */
final class FakeOpenAi implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API_KEY = "sk-test-0123456789abcdefXYZ";

    final MockWebServer server = new MockWebServer();
    private final AtomicInteger ids = new AtomicInteger();

    FakeOpenAi() {
        // an unscripted request fails the test at once instead of waiting for a response that never comes
        var dispatcher = new QueueDispatcher();
        dispatcher.setFailFast(error(418, "no response scripted for this request", "test_error", null, null)
                .build());
        server.setDispatcher(dispatcher);
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL as OpenAI's: {@code .../v1/}. */
    String baseUrl() {
        return server.url("/v1/").toString();
    }

    String url(String path) {
        return server.url(path).toString();
    }

    void enqueue(MockResponse... responses) {
        for (MockResponse r : responses) {
            server.enqueue(r);
        }
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request arrived");
        }
        return request;
    }

    /** Every request that arrived, in order. */
    List<RecordedRequest> takeAll() throws InterruptedException {
        var all = new ArrayList<RecordedRequest>();
        RecordedRequest next;
        while ((next = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
            all.add(next);
        }
        return all;
    }

    int requestCount() {
        return server.getRequestCount();
    }

    static JsonNode json(RecordedRequest request) {
        ByteString body = request.getBody();
        try {
            return JSON.readTree(body == null ? "" : body.utf8());
        } catch (IOException e) {
            throw new AssertionError("request body is not JSON", e);
        }
    }

    /** Text of the message at {@code index} of a request. */
    static String message(RecordedRequest request, int index) {
        return json(request).path("messages").path(index).path("content").asText();
    }

    // ------------------------------------------------------------------ answers

    /** The candidate JSON a model answers with. */
    static String candidate(String text, double score, String... hashtags) {
        ObjectNode c = JSON.createObjectNode().put("text", text);
        ArrayNode tags = c.putArray("hashtags");
        for (String h : hashtags) {
            tags.add(h);
        }
        c.put("score", score);
        c.put("rationale", "Short and on point.");
        return c.toString();
    }

    /** One choice of a completion. */
    record Choice(String content, String finishReason, String refusal) {
        static Choice ok(String content) {
            return new Choice(content, "stop", null);
        }

        static Choice cutOff(String content) {
            return new Choice(content, "length", null);
        }

        static Choice refused(String refusal) {
            return new Choice(null, "stop", refusal);
        }
    }

    /** A 200 completion with OpenAI's headers (request id, rate-limit state). */
    MockResponse completion(Choice... choices) {
        return openAiHeaders(new MockResponse.Builder().code(200).body(completionBody(choices)))
                .build();
    }

    /** A 200 completion of candidates answered normally. */
    MockResponse completion(String... candidates) {
        Choice[] choices = new Choice[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            choices[i] = Choice.ok(candidates[i]);
        }
        return completion(choices);
    }

    /** A 200 completion as a local server sends it: no request id, no rate-limit headers. */
    MockResponse localCompletion(String candidate) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(completionBody(Choice.ok(candidate)))
                .build();
    }

    String completionBody(Choice... choices) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-" + ids.incrementAndGet());
        body.put("object", "chat.completion");
        body.put("created", 1764000000L);
        body.put("model", "gpt-4o-mini-2024-07-18");
        ArrayNode array = body.putArray("choices");
        for (int i = 0; i < choices.length; i++) {
            ObjectNode choice = array.addObject();
            choice.put("index", i);
            choice.put("finish_reason", choices[i].finishReason());
            choice.putNull("logprobs");
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            if (choices[i].refusal() == null) {
                message.putNull("refusal");
            } else {
                message.put("refusal", choices[i].refusal());
            }
            message.putArray("annotations");
            if (choices[i].content() == null) {
                message.putNull("content");
            } else {
                message.put("content", choices[i].content());
            }
        }
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", 52);
        usage.put("completion_tokens", 61);
        usage.put("total_tokens", 113);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details")
                .put("reasoning_tokens", 0)
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        body.put("service_tier", "default");
        return body.toString();
    }

    private static MockResponse.Builder openAiHeaders(MockResponse.Builder builder) {
        return builder.addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_abc123")
                .addHeader("openai-processing-ms", "412")
                .addHeader("x-ratelimit-limit-requests", "5000")
                .addHeader("x-ratelimit-limit-tokens", "2000000")
                .addHeader("x-ratelimit-remaining-requests", "4999")
                .addHeader("x-ratelimit-remaining-tokens", "1999600")
                .addHeader("x-ratelimit-reset-requests", "12ms")
                .addHeader("x-ratelimit-reset-tokens", "6m0s");
    }

    /** An error in OpenAI's shape: all four keys present. */
    static MockResponse.Builder error(int status, String message, String type, String param, String code) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode e = error.putObject("error");
        e.put("message", message);
        e.put("type", type);
        if (param == null) {
            e.putNull("param");
        } else {
            e.put("param", param);
        }
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(error.toString());
    }

    static MockResponse unauthorized() {
        return error(
                        401,
                        "Incorrect API key provided: sk-tes***XYZ. You can find your API key at"
                                + " https://platform.openai.com/account/api-keys.",
                        "invalid_request_error",
                        null,
                        "invalid_api_key")
                .build();
    }

    static MockResponse.Builder rateLimited() {
        return error(
                429,
                "Rate limit reached for gpt-4o in organization org-abc on tokens per min (TPM): Limit 30000, Used"
                        + " 29937, Requested 385. Please try again in 644ms. Visit"
                        + " https://platform.openai.com/account/rate-limits to learn more.",
                "tokens",
                null,
                "rate_limit_exceeded");
    }

    static MockResponse insufficientQuota() {
        return error(
                        429,
                        "You exceeded your current quota, please check your plan and billing details. For more"
                                + " information on this error, read the docs:"
                                + " https://platform.openai.com/docs/guides/error-codes/api-errors.",
                        "insufficient_quota",
                        null,
                        "insufficient_quota")
                .build();
    }

    static MockResponse creditBalanceExhausted() {
        return error(
                        429,
                        "Your credit balance is exhausted. Add credits to continue.",
                        "insufficient_quota",
                        null,
                        "credit_balance_exhausted")
                .build();
    }

    static MockResponse serverError() {
        return error(
                        500,
                        "The server had an error while processing your request. Sorry about that!",
                        "server_error",
                        null,
                        null)
                .build();
    }

    static MockResponse overloaded() {
        return error(503, "The engine is currently overloaded, please try again later.", "server_error", null, null)
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
