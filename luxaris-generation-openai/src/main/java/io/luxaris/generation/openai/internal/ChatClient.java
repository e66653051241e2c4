package io.luxaris.generation.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.generation.openai.ServerProfile.TokenLimit;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.http.internal.Json;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.http.internal.TransportFailure;
import io.luxaris.spi.channel.Sleeper;
import io.luxaris.spi.generation.GenerationFailedException;
import io.luxaris.spi.generation.GenerationFailedException.Kind;
import io.luxaris.spi.security.Redaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Chat Completions requests and turns every failure into a {@link GenerationFailedException} of the right
 * kind with a safe message. Retries rate limits ({@code rate_limit_exceeded}, honouring {@code Retry-After} and the
 * reset headers), server errors and network failures, at most {@code maxRetries} times and never beyond the retry
 * budget; never retries quota exhaustion or configuration errors. A 400 that names {@code temperature}, {@code
 * max_tokens} or {@code max_completion_tokens} as unsupported is answered by sending the request again without
 * (or with the other) parameter, and remembered; for the reasoning families ({@link ModelFamilies}) the first request
 * already leaves them out.
 */
final class ChatClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatClient.class);
    private static final MediaType JSON = PlatformHttp.JSON;
    private static final int MAX_SERVER_MESSAGE = 300;
    private static final Set<String> QUOTA_CODES = Set.of("insufficient_quota", "credit_balance_exhausted");
    private static final Pattern UNSUPPORTED =
            Pattern.compile("(?i)(unsupported|not supported|does not support|only the default|not available)");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "(?i)(unrecognized|unsupported|not supported|unknown|extra (fields|inputs)|not permitted|invalid field)");

    /** One message of the conversation. */
    record Message(String role, String content) {
        Message {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * A successful exchange: the answer, how many HTTP requests it took, how long it took (retries included), the
     * parameters as finally sent and the rate-limit headers of the answer.
     */
    record Exchange(
            ChatResponse response,
            int httpRequests,
            Duration latency,
            Map<String, String> parameters,
            Optional<String> requestId,
            Map<String, String> rateLimits) {}

    /** The server refused {@code n}: the caller falls back to one call per candidate. */
    static final class NotSupportedN extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSupportedN() {
            super("the server does not support n", null, false, false);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PlatformHttp http;
    private volatile boolean sendTemperature;
    private volatile TokenLimit tokenLimit;
    private volatile boolean supportsN;

    ChatClient(Settings settings, Clock clock, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.http = new PlatformHttp(where(settings), settings.http());
        boolean reasoning = settings.model().map(ModelFamilies::isReasoning).orElse(false);
        this.sendTemperature = settings.temperature().isPresent() && !reasoning;
        this.tokenLimit = reasoning ? TokenLimit.MAX_COMPLETION_TOKENS : settings.tokenLimit();
        if (reasoning) {
            LOG.info(
                    "{} model {} is a reasoning model (gpt-5 family or o-series): sending no temperature and"
                            + " max_completion_tokens",
                    settings.server(),
                    settings.model().orElse(""));
        }
        this.supportsN = settings.supportsN();
    }

    boolean supportsN() {
        return supportsN;
    }

    /** The server answered a request for several choices with one: ask one candidate per call from now on. */
    void ignoredN() {
        if (supportsN) {
            supportsN = false;
            LOG.info("{} ignored n; asking for one candidate per call from now on", settings.server());
        }
    }

    /** Sends the conversation asking for {@code n} choices (omitted when 1) and at most {@code maxTokens} each. */
    Exchange complete(List<Message> messages, int n, int maxTokens) {
        String model = settings.model().orElseThrow();
        long start = System.nanoTime();
        Instant started = clock.instant();
        int requests = 0;
        int retries = 0;
        int fixes = 0;
        while (true) {
            Map<String, String> parameters = new LinkedHashMap<>();
            String body = Json.write(body(model, messages, n, maxTokens, parameters));
            Request.Builder request = new Request.Builder()
                    .url(settings.chatCompletionsUrl())
                    .header("Accept", "application/json")
                    .header("User-Agent", "luxaris-generation-openai")
                    .post(RequestBody.create(body, JSON));
            settings.apiKey()
                    .ifPresent(k -> request.header(
                            settings.auth().header(), settings.auth().prefix() + k));
            settings.organization().ifPresent(o -> request.header("OpenAI-Organization", o));
            settings.project().ifPresent(p -> request.header("OpenAI-Project", p));
            settings.headers().forEach(request::header);
            requests++;
            Failure failure;
            try {
                HttpResult result = http.execute(request.build(), false);
                int status = result.status();
                if (result.isSuccessful()) {
                    JsonNode json = result.json();
                    Optional<ChatResponse> parsed = ChatResponse.parse(json);
                    if (parsed.isEmpty()) {
                        ApiError error = ApiError.parse(status, json);
                        throw new GenerationFailedException(
                                Kind.UNAVAILABLE,
                                where() + " answered HTTP " + status + " without choices"
                                        + (json.has("error") ? ": " + safe(error.message()) : ""));
                    }
                    return new Exchange(
                            parsed.get(),
                            requests,
                            Duration.ofNanos(System.nanoTime() - start),
                            parameters,
                            Optional.ofNullable(result.headers().get("x-request-id")),
                            rateLimits(result.headers()));
                }
                ApiError error = ApiError.parse(status, result.json());
                if (fixes < 3 && adapt(error, n)) {
                    fixes++;
                    continue;
                }
                failure = classify(error, result.headers());
            } catch (TransportFailure e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new GenerationFailedException(Kind.UNAVAILABLE, "interrupted while calling " + where(), e);
                }
                failure = unanswered(e);
            }
            if (!failure.retryable()) {
                throw new GenerationFailedException(failure.kind(), failure.message());
            }
            if (retries >= settings.maxRetries()) {
                throw new GenerationFailedException(
                        failure.kind(),
                        failure.message() + (retries == 0 ? "" : " (gave up after " + retries + " retries)"));
            }
            int retry = retries;
            Duration wait = failure.serverDelay().orElseGet(() -> backoff(retry));
            Duration elapsed = Duration.between(started, clock.instant());
            if (elapsed.plus(wait).compareTo(settings.retryBudget()) > 0) {
                throw new GenerationFailedException(
                        failure.kind(),
                        failure.message() + " (waiting " + human(wait) + " more would exceed the retry budget of "
                                + human(settings.retryBudget()) + ")");
            }
            LOG.debug("{}: {}; retrying in {}", settings.server(), failure.message(), wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenerationFailedException(
                        Kind.UNAVAILABLE, "interrupted while waiting to retry " + where(), e);
            }
            retries++;
        }
    }

    private ObjectNode body(
            String model, List<Message> messages, int n, int maxTokens, Map<String, String> parameters) {
        ObjectNode body = Json.object().put("model", model);
        ArrayNode array = body.putArray("messages");
        for (Message m : messages) {
            array.addObject().put("role", m.role()).put("content", m.content());
        }
        if (n > 1) {
            body.put("n", n);
            parameters.put("n", Integer.toString(n));
        }
        if (sendTemperature && settings.temperature().isPresent()) {
            double t = settings.temperature().getAsDouble();
            body.put("temperature", t);
            parameters.put("temperature", Double.toString(t));
        } else {
            parameters.put("temperature", "server default");
        }
        TokenLimit limit = tokenLimit;
        body.put(limit.parameter(), maxTokens);
        parameters.put(limit.parameter(), Integer.toString(maxTokens));
        body.set("response_format", CandidateSchema.responseFormat());
        return body;
    }

    /** Whether the error names a parameter this client can drop or change; changes it and logs once. */
    private boolean adapt(ApiError error, int n) {
        if (error.status() != 400 && error.status() != 422) {
            return false;
        }
        String message = error.message();
        String param = error.param().orElse("");
        String code = error.code().orElse("");
        boolean namesTemperature =
                param.equals("temperature") || message.toLowerCase(Locale.ROOT).contains("temperature");
        if (sendTemperature
                && namesTemperature
                && (code.startsWith("unsupported")
                        || UNSUPPORTED.matcher(message).find())) {
            sendTemperature = false;
            LOG.info(
                    "{} model {} does not accept temperature; sending requests without it from now on",
                    settings.server(),
                    settings.model().orElse(""));
            return true;
        }
        if (tokenLimit == TokenLimit.MAX_TOKENS
                && (param.equals("max_tokens") || message.contains("max_tokens"))
                && message.contains("max_completion_tokens")) {
            tokenLimit = TokenLimit.MAX_COMPLETION_TOKENS;
            LOG.info(
                    "{} model {} does not accept max_tokens; sending max_completion_tokens from now on",
                    settings.server(),
                    settings.model().orElse(""));
            return true;
        }
        if (tokenLimit == TokenLimit.MAX_COMPLETION_TOKENS
                && (param.equals("max_completion_tokens") || message.contains("max_completion_tokens"))
                && UNKNOWN_FIELD.matcher(message).find()) {
            tokenLimit = TokenLimit.MAX_TOKENS;
            LOG.info("{} does not accept max_completion_tokens; sending max_tokens from now on", settings.server());
            return true;
        }
        if (n > 1 && (param.equals("n") || message.contains("'n'") || message.contains("\"n\""))) {
            supportsN = false;
            LOG.info("{} does not accept n; asking for one candidate per call from now on", settings.server());
            throw new NotSupportedN();
        }
        return false;
    }

    private record Failure(Kind kind, String message, boolean retryable, Optional<Duration> serverDelay) {}

    private Failure classify(ApiError error, Headers headers) {
        int status = error.status();
        String said = error.describe(this::safe);
        boolean serverSaysNo = "false".equalsIgnoreCase(headers.get("x-should-retry"));
        Optional<Duration> delay = RetryAdvice.from(headers, error.message(), clock.instant());
        if (status == 401) {
            String key = settings.apiKey()
                    .map(k -> "the API key " + Redaction.hint(k) + " was rejected")
                    .orElse("no API key is configured but the server requires one");
            return new Failure(
                    Kind.CONFIGURATION,
                    "HTTP 401 from " + where() + ": " + key + "; check apiKey(...) or OPENAI_API_KEY" + said,
                    false,
                    Optional.empty());
        }
        if (status == 429 && isQuota(error)) {
            return new Failure(
                    Kind.QUOTA_EXHAUSTED,
                    "HTTP 429 from " + where() + ": the account's quota or credit is used up ("
                            + error.code().or(error::type).orElse("insufficient_quota")
                            + "); check the plan and billing details, retrying will not help" + said,
                    false,
                    Optional.empty());
        }
        if (status == 429) {
            return new Failure(
                    Kind.RATE_LIMITED, "HTTP 429 from " + where() + ": rate limited" + said, !serverSaysNo, delay);
        }
        if (status == 403 || status == 404) {
            String hint = status == 404
                    ? "unknown model '" + settings.model().orElse("") + "' or wrong base URL"
                    : "access denied for this key, organization, project or region";
            return new Failure(
                    Kind.CONFIGURATION,
                    "HTTP " + status + " from " + where() + ": " + hint + said,
                    false,
                    Optional.empty());
        }
        if (status == 408 || status == 409 || status >= 500) {
            return new Failure(
                    Kind.UNAVAILABLE,
                    "HTTP " + status + " from " + where() + ": the server is unavailable or overloaded" + said,
                    !serverSaysNo,
                    delay);
        }
        return new Failure(
                Kind.CONFIGURATION,
                "HTTP " + status + " from " + where() + ": the server refused the request" + said,
                false,
                Optional.empty());
    }

    /**
     * A request without a usable answer: a redirect is a configuration error (a wrong base URL or an intercepting
     * proxy; never followed, so the key goes nowhere else), an oversized answer is not retried (the same request
     * would get it again), a timeout or network failure is retried.
     */
    private Failure unanswered(TransportFailure e) {
        if (e.code().equals(TransportFailure.UNEXPECTED_REDIRECT)) {
            return new Failure(Kind.CONFIGURATION, e.getMessage() + "; check the base URL", false, Optional.empty());
        }
        if (e.code().equals(TransportFailure.RESPONSE_TOO_LARGE)) {
            return new Failure(Kind.UNAVAILABLE, String.valueOf(e.getMessage()), false, Optional.empty());
        }
        String what = e.code().equals(TransportFailure.TIMEOUT) ? "timed out" : "failed";
        String cause = e.getCause() == null ? e.code() : e.getCause().getClass().getSimpleName();
        LOG.debug("{} POST chat/completions {} ({})", settings.server(), what, cause);
        return new Failure(
                Kind.UNAVAILABLE,
                "the request to " + where() + " " + what + " (" + cause + ")",
                true,
                Optional.empty());
    }

    private static boolean isQuota(ApiError error) {
        return error.code().filter(QUOTA_CODES::contains).isPresent()
                || error.type().filter(QUOTA_CODES::contains).isPresent();
    }

    private Duration backoff(int retry) {
        long base = settings.initialBackoff().toNanos();
        long cap = settings.maxBackoff().toNanos();
        long exp = retry >= 30 ? cap : Math.min(cap, base << retry);
        if (exp <= 1) {
            return Duration.ofNanos(Math.max(0, exp));
        }
        long half = exp / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(exp - half + 1));
    }

    private static Map<String, String> rateLimits(Headers headers) {
        var out = new LinkedHashMap<String, String>();
        for (String name : List.of("x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens")) {
            String value = headers.get(name);
            if (value != null && value.length() <= 32) {
                out.put(name.substring("x-".length()).replace('-', '_'), value.strip());
            }
        }
        return out;
    }

    private String where() {
        return where(settings);
    }

    private static String where(Settings settings) {
        return settings.server() + " (" + settings.baseUrl().host() + ")";
    }

    String safe(String text) {
        return Redaction.truncate(Redaction.scrub(text, settings.secrets(), Redaction.Style.HINT), MAX_SERVER_MESSAGE);
    }

    static String human(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        long seconds = d.toSeconds();
        return seconds < 120 ? seconds + " s" : d.toMinutes() + " min";
    }

    @Override
    public void close() {
        http.close();
    }

    /** An error body in OpenAI's shape ({@code {"error":{message,type,param,code}}}) or a compatible server's. */
    record ApiError(int status, String message, Optional<String> type, Optional<String> code, Optional<String> param) {
        static ApiError parse(int status, JsonNode body) {
            String message = Json.text(body, "/error/message")
                    .or(() -> Json.text(body, "/message"))
                    .or(() -> body.path("error").isTextual()
                            ? Optional.of(body.path("error").asText())
                            : Optional.empty())
                    .or(() -> Json.text(body, "/detail"))
                    .orElse("");
            return new ApiError(
                    status,
                    message,
                    Json.text(body, "/error/type").or(() -> Json.text(body, "/type")),
                    Json.text(body, "/error/code").or(() -> Json.text(body, "/code")),
                    Json.text(body, "/error/param").or(() -> Json.text(body, "/param")));
        }

        /** {@code ": <server message> [code]"}, scrubbed, or nothing when the server said nothing. */
        String describe(java.util.function.UnaryOperator<String> safe) {
            String c = code.or(() -> type).map(v -> " [" + v + "]").orElse("");
            return message.isBlank() ? c : "; server said: " + safe.apply(message) + c;
        }
    }
}
