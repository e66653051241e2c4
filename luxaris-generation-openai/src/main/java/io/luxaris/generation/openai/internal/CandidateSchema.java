package io.luxaris.generation.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxaris.http.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The Structured Outputs schema of one candidate (strict: every property required, no other property) and the
 * reading of a choice's content against it.
 */
final class CandidateSchema {
    static final String NAME = "social_post_candidate";
    static final int MAX_HASHTAGS = 10;

    private static final Pattern FENCE = Pattern.compile("(?s)^```[a-zA-Z]*\\s*(.*?)\\s*```$");
    private static final Pattern NOT_IN_TAG = Pattern.compile("[\\s#]+");

    private CandidateSchema() {}

    /** A candidate as the model wrote it. */
    record Draft(String text, List<String> hashtags, OptionalDouble score, Optional<String> rationale) {
        Draft {
            hashtags = List.copyOf(hashtags);
        }

        /** The post: the text, then the hashtags the text does not already carry. */
        String post() {
            String body = text.strip();
            String lower = body.toLowerCase(Locale.ROOT);
            var tags = new ArrayList<String>();
            for (String tag : hashtags) {
                if (!lower.contains("#" + tag.toLowerCase(Locale.ROOT))) {
                    tags.add("#" + tag);
                }
            }
            if (tags.isEmpty()) {
                return body;
            }
            return body + (body.contains("\n") ? "\n\n" : " ") + String.join(" ", tags);
        }
    }

    /** {@code response_format} for Chat Completions. */
    static ObjectNode responseFormat() {
        ObjectNode format = Json.object().put("type", "json_schema");
        ObjectNode jsonSchema = format.putObject("json_schema");
        jsonSchema.put("name", NAME);
        jsonSchema.put("strict", true);
        jsonSchema.set("schema", schema());
        return format;
    }

    static ObjectNode schema() {
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties
                .putObject("text")
                .put("type", "string")
                .put("description", "The post, ready to publish, within the length limit.");
        ObjectNode hashtags = properties.putObject("hashtags");
        hashtags.put("type", "array");
        hashtags.putObject("items").put("type", "string");
        hashtags.put("description", "Hashtags without '#' to append at the end; may be empty.");
        properties
                .putObject("score")
                .put("type", "number")
                .put("description", "Self-assessed quality from 0 (poor) to 1 (excellent).");
        properties
                .putObject("rationale")
                .put("type", "string")
                .put("description", "One short sentence on why this post fits the brief.");
        schema.putArray("required").add("text").add("hashtags").add("score").add("rationale");
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The JSON a model would have answered for {@code text}, for a follow-up conversation. */
    static String asAnswer(String text) {
        ObjectNode answer = Json.object().put("text", text);
        answer.putArray("hashtags");
        return Json.write(answer);
    }

    /** The draft in a choice's content, or empty when it is not JSON of the schema or has no text. */
    static Optional<Draft> read(String content) {
        String trimmed = content.strip();
        var fenced = FENCE.matcher(trimmed);
        if (fenced.matches()) {
            trimmed = fenced.group(1);
        }
        JsonNode node = Json.read(trimmed);
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            return Optional.empty();
        }
        var tags = new LinkedHashSet<String>();
        JsonNode hashtags = node.get("hashtags");
        if (hashtags != null && hashtags.isArray()) {
            for (JsonNode tag : hashtags) {
                if (tag.isTextual()) {
                    String clean = NOT_IN_TAG.matcher(tag.asText()).replaceAll("");
                    if (!clean.isEmpty() && tags.size() < MAX_HASHTAGS) {
                        tags.add(clean);
                    }
                }
            }
        }
        OptionalDouble score = OptionalDouble.empty();
        JsonNode s = node.get("score");
        if (s != null && s.isNumber() && Double.isFinite(s.asDouble())) {
            score = OptionalDouble.of(Math.max(0.0, Math.min(1.0, s.asDouble())));
        }
        JsonNode r = node.get("rationale");
        Optional<String> rationale = r != null && r.isTextual() && !r.asText().isBlank()
                ? Optional.of(r.asText().strip())
                : Optional.empty();
        return Optional.of(new Draft(text.asText(), List.copyOf(tags), score, rationale));
    }
}
