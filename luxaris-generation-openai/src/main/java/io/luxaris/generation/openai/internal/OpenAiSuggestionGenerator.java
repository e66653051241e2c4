package io.luxaris.generation.openai.internal;

import io.luxaris.generation.openai.internal.CandidateSchema.Draft;
import io.luxaris.generation.openai.internal.ChatClient.Exchange;
import io.luxaris.generation.openai.internal.ChatClient.Message;
import io.luxaris.generation.openai.internal.ChatResponse.Choice;
import io.luxaris.generation.openai.internal.ChatResponse.Usage;
import io.luxaris.spi.channel.Sleeper;
import io.luxaris.spi.generation.Candidate;
import io.luxaris.spi.generation.GenerationFailedException;
import io.luxaris.spi.generation.GenerationFailedException.Kind;
import io.luxaris.spi.generation.GenerationPrompt;
import io.luxaris.spi.generation.GenerationResult;
import io.luxaris.spi.generation.RewordRequest;
import io.luxaris.spi.generation.SuggestionGenerator;
import io.luxaris.spi.security.Redaction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Generates candidates with Chat Completions and Structured Outputs: one call with {@code n} choices where the
 * server supports {@code n}, otherwise one call per candidate (each told what the earlier drafts said). Refused,
 * cut-off ({@code finish_reason: length}), filtered and malformed choices are dropped and reported; when none is
 * left the call fails with {@link Kind#NO_USABLE_CANDIDATE}. Rewording is one follow-up turn of the same
 * conversation. Thread-safe.
 */
public final class OpenAiSuggestionGenerator implements SuggestionGenerator {
    /** Output tokens per candidate when not configured: room for the post, the JSON around it and a rationale. */
    static final int MIN_OUTPUT_TOKENS = 1024;

    static final int MAX_OUTPUT_TOKENS = 8192;
    private static final int MAX_REFUSAL = 200;

    private final Settings settings;
    private final ChatClient client;

    /** A generator reading time from {@code clock} and waiting out retry delays through {@code sleeper}. */
    public OpenAiSuggestionGenerator(Settings settings, Clock clock, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = new ChatClient(settings, clock, sleeper);
    }

    @Override
    public GenerationResult generate(GenerationPrompt prompt) {
        Objects.requireNonNull(prompt, "prompt");
        requireConfigured();
        long start = System.nanoTime();
        String system = Prompts.system(prompt);
        var run = new Run();
        String firstUser;
        if (prompt.count() > 1 && client.supportsN()) {
            firstUser = Prompts.user(prompt, 1, 1, List.of());
            try {
                Exchange exchange = client.complete(messages(system, firstUser), prompt.count(), maxTokens(prompt));
                run.add(exchange, "n");
                var texts = new ArrayList<String>();
                for (Choice choice : exchange.response().choices()) {
                    run.take(choice, "choice " + (choice.index() + 1), Optional.empty())
                            .ifPresent(texts::add);
                }
                if (exchange.response().choices().size() == 1) {
                    client.ignoredN();
                    sequential(prompt, system, run, 2, texts);
                }
            } catch (ChatClient.NotSupportedN e) {
                firstUser = sequential(prompt, system, run, 1, new ArrayList<>());
            }
        } else {
            firstUser = sequential(prompt, system, run, 1, new ArrayList<>());
        }
        if (run.candidates.isEmpty()) {
            throw new GenerationFailedException(
                    Kind.NO_USABLE_CANDIDATE,
                    "no usable candidate from " + settings.server() + ": " + String.join("; ", run.dropped));
        }
        var metadata = new LinkedHashMap<String, String>();
        metadata.put("server", settings.server());
        metadata.put("model", run.model.orElse(settings.model().orElseThrow()));
        metadata.put("requested_model", settings.model().orElseThrow());
        metadata.put("request_mode", run.mode);
        metadata.putAll(run.parameters);
        usage(metadata, run.usage);
        metadata.put(
                "latency_ms",
                Long.toString(Duration.ofNanos(System.nanoTime() - start).toMillis()));
        metadata.put("http_requests", Integer.toString(run.httpRequests));
        if (!run.responseIds.isEmpty()) {
            metadata.put("response_id", String.join(",", run.responseIds));
        }
        if (!run.requestIds.isEmpty()) {
            metadata.put("request_id", String.join(",", run.requestIds));
        }
        metadata.putAll(run.rateLimits);
        metadata.put("prompt", redact(firstUser));
        metadata.put("system_prompt", redact(system));
        return new GenerationResult(run.candidates, run.dropped, metadata);
    }

    /**
     * One call per candidate, from draft {@code from} on (the texts of earlier drafts given); returns the first
     * draft's user message. Keeps what it got when a later call fails.
     */
    private String sequential(GenerationPrompt prompt, String system, Run run, int from, List<String> earlier) {
        int count = prompt.count();
        String first = Prompts.user(prompt, 1, count, List.of());
        for (int i = from; i <= count; i++) {
            String user = i == 1 ? first : Prompts.user(prompt, i, count, earlier);
            Exchange exchange;
            try {
                exchange = client.complete(messages(system, user), 1, maxTokens(prompt));
            } catch (GenerationFailedException e) {
                if (run.candidates.isEmpty() && run.dropped.isEmpty()) {
                    throw e;
                }
                run.dropped.add("draft " + i + " of " + count + " not generated: "
                        + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
                break;
            }
            run.add(exchange, count > 1 ? "sequential" : "single");
            Optional<String> ownPrompt = i == 1 ? Optional.empty() : Optional.of(redact(user));
            String label = count > 1 ? "draft " + i : "choice 1";
            List<Choice> choices = exchange.response().choices();
            if (choices.isEmpty()) {
                run.dropped.add(label + ": the answer had no choice");
            } else {
                run.take(choices.get(0), label, ownPrompt).ifPresent(earlier::add);
            }
        }
        return first;
    }

    /**
     * Asks for a shorter version in a follow-up turn (the draft as the assistant's answer, then how long it is and
     * may be). Fails with {@link Kind#NO_USABLE_CANDIDATE} when the shorter version is refused, cut off or malformed.
     */
    @Override
    public Optional<Candidate> reword(RewordRequest request) {
        Objects.requireNonNull(request, "request");
        requireConfigured();
        GenerationPrompt prompt = request.prompt();
        String followUp = Prompts.reword(request);
        List<Message> messages = List.of(
                new Message("system", Prompts.system(prompt)),
                new Message("user", Prompts.user(prompt, 1, 1, List.of())),
                new Message(
                        "assistant",
                        CandidateSchema.asAnswer(request.candidate().text())),
                new Message("user", followUp));
        Exchange exchange = client.complete(messages, 1, maxTokens(prompt));
        Run run = new Run();
        run.add(exchange, "reword");
        if (exchange.response().choices().isEmpty()) {
            throw new GenerationFailedException(Kind.NO_USABLE_CANDIDATE, "the shorter version had no choice");
        }
        Choice choice = exchange.response().choices().get(0);
        run.take(choice, "shorter version", Optional.empty());
        if (run.candidates.isEmpty()) {
            throw new GenerationFailedException(Kind.NO_USABLE_CANDIDATE, String.join("; ", run.dropped));
        }
        Candidate shorter = run.candidates.get(0);
        var metadata = new LinkedHashMap<String, String>();
        metadata.put("model", run.model.orElse(settings.model().orElseThrow()));
        usage(metadata, run.usage);
        metadata.put("latency_ms", Long.toString(exchange.latency().toMillis()));
        metadata.put("http_requests", Integer.toString(exchange.httpRequests()));
        if (!run.responseIds.isEmpty()) {
            metadata.put("response_id", String.join(",", run.responseIds));
        }
        metadata.put("prompt", redact(followUp));
        shorter.metadata().forEach(metadata::putIfAbsent);
        return Optional.of(new Candidate(shorter.text(), shorter.score(), metadata));
    }

    @Override
    public void close() {
        client.close();
    }

    private void requireConfigured() {
        if (settings.problem().isPresent()) {
            throw new GenerationFailedException(
                    Kind.CONFIGURATION, settings.problem().get());
        }
    }

    private int maxTokens(GenerationPrompt prompt) {
        if (settings.maxOutputTokens().isPresent()) {
            return settings.maxOutputTokens().getAsInt();
        }
        long wanted = (long) prompt.maxLength() + 400;
        return (int) Math.max(MIN_OUTPUT_TOKENS, Math.min(MAX_OUTPUT_TOKENS, wanted));
    }

    private static List<Message> messages(String system, String user) {
        return List.of(new Message("system", system), new Message("user", user));
    }

    private String redact(String text) {
        return Redaction.scrub(text, settings.secrets(), Redaction.Style.HINT);
    }

    private static void usage(Map<String, String> metadata, Usage usage) {
        metadata.put("usage_prompt_tokens", Long.toString(usage.promptTokens()));
        metadata.put("usage_completion_tokens", Long.toString(usage.completionTokens()));
        metadata.put("usage_total_tokens", Long.toString(usage.totalTokens()));
        usage.reasoningTokens().ifPresent(r -> metadata.put("usage_reasoning_tokens", Long.toString(r)));
    }

    @Override
    public String toString() {
        return "OpenAiSuggestionGenerator[" + settings + "]";
    }

    /** What the calls of one generation gathered. */
    private final class Run {
        final List<Candidate> candidates = new ArrayList<>();
        final List<String> dropped = new ArrayList<>();
        final List<String> responseIds = new ArrayList<>();
        final List<String> requestIds = new ArrayList<>();
        final Map<String, String> parameters = new LinkedHashMap<>();
        final Map<String, String> rateLimits = new LinkedHashMap<>();
        Usage usage = Usage.NONE;
        Optional<String> model = Optional.empty();
        int httpRequests;
        String mode = "single";

        void add(Exchange exchange, String requestMode) {
            mode = requestMode;
            usage = usage.plus(exchange.response().usage());
            httpRequests += exchange.httpRequests();
            exchange.response().id().ifPresent(responseIds::add);
            exchange.requestId().ifPresent(requestIds::add);
            if (model.isEmpty()) {
                model = exchange.response().model();
            }
            parameters.putAll(exchange.parameters());
            rateLimits.putAll(exchange.rateLimits());
        }

        /** Keeps the choice as a candidate (returning its text) or records why it was dropped. */
        Optional<String> take(Choice choice, String label, Optional<String> ownPrompt) {
            Optional<String> refusal = choice.refusal();
            if (refusal.isPresent()) {
                dropped.add(label + " refused: " + Redaction.truncate(redact(refusal.get()), MAX_REFUSAL));
                return Optional.empty();
            }
            String finish = choice.finishReason().orElse("");
            if (finish.equals("length")) {
                dropped.add(label + " was cut off at the output-token limit (finish_reason length)");
                return Optional.empty();
            }
            if (finish.equals("content_filter")) {
                dropped.add(label + " was withheld by the content filter (finish_reason content_filter)");
                return Optional.empty();
            }
            Optional<Draft> draft = choice.content().flatMap(CandidateSchema::read);
            if (draft.isEmpty()) {
                dropped.add(label
                        + (choice.content().isEmpty()
                                ? " has no content"
                                : " is not valid JSON of the candidate schema (needs a non-blank \"text\")"));
                return Optional.empty();
            }
            Draft d = draft.get();
            var metadata = new LinkedHashMap<String, String>();
            d.rationale().ifPresent(r -> metadata.put("rationale", redact(r)));
            if (!d.hashtags().isEmpty()) {
                metadata.put("hashtags", String.join(",", d.hashtags()));
            }
            metadata.put("finish_reason", finish.isEmpty() ? "unknown" : finish);
            metadata.put("choice", label);
            ownPrompt.ifPresent(p -> metadata.put("prompt", p));
            String text = d.post();
            candidates.add(new Candidate(text, d.score(), metadata));
            return Optional.of(text);
        }
    }
}
