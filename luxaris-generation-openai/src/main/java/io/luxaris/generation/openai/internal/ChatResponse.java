package io.luxaris.generation.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.http.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What matters of a Chat Completions answer: its id and model, each choice's finish reason, content and refusal, and
 * the token usage.
 */
record ChatResponse(Optional<String> id, Optional<String> model, List<Choice> choices, Usage usage) {
    ChatResponse {
        choices = List.copyOf(choices);
    }

    /** One choice: {@code content} is the JSON string of the schema; {@code refusal} is set when the model refused. */
    record Choice(int index, Optional<String> finishReason, Optional<String> content, Optional<String> refusal) {}

    /** Token usage; absent numbers are zero. */
    record Usage(long promptTokens, long completionTokens, long totalTokens, OptionalLong reasoningTokens) {
        static final Usage NONE = new Usage(0, 0, 0, OptionalLong.empty());

        Usage plus(Usage other) {
            OptionalLong reasoning = reasoningTokens.isPresent() || other.reasoningTokens.isPresent()
                    ? OptionalLong.of(reasoningTokens.orElse(0) + other.reasoningTokens.orElse(0))
                    : OptionalLong.empty();
            return new Usage(
                    promptTokens + other.promptTokens,
                    completionTokens + other.completionTokens,
                    totalTokens + other.totalTokens,
                    reasoning);
        }
    }

    /** The parsed answer, or empty when the body has no {@code choices} array. */
    static Optional<ChatResponse> parse(JsonNode body) {
        JsonNode choicesNode = body.get("choices");
        if (choicesNode == null || !choicesNode.isArray()) {
            return Optional.empty();
        }
        var choices = new ArrayList<Choice>();
        int position = 0;
        for (JsonNode c : choicesNode) {
            long index = Json.number(c, "/index").orElse((long) position);
            JsonNode message = c.path("message");
            JsonNode content = message.path("content");
            Optional<String> text = content.isTextual() ? Optional.of(content.asText()) : Optional.empty();
            choices.add(new Choice((int) index, Json.text(c, "/finish_reason"), text, Json.text(message, "/refusal")));
            position++;
        }
        JsonNode u = body.path("usage");
        Usage usage = new Usage(
                Json.number(u, "/prompt_tokens").orElse(0L),
                Json.number(u, "/completion_tokens").orElse(0L),
                Json.number(u, "/total_tokens").orElse(0L),
                Json.number(u, "/completion_tokens_details/reasoning_tokens")
                        .map(OptionalLong::of)
                        .orElse(OptionalLong.empty()));
        return Optional.of(new ChatResponse(Json.text(body, "/id"), Json.text(body, "/model"), choices, usage));
    }
}
