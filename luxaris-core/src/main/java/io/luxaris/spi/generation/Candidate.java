package io.luxaris.spi.generation;

import io.luxaris.internal.Args;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One generated text with an optional score (0..1, higher is better) and metadata for auditing (model, token
 * usage, latency, rationale). Metadata must not contain secrets.
 */
public record Candidate(String text, OptionalDouble score, Map<String, String> metadata) {
    public Candidate {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(score, "score");
        metadata = Args.orderedCopy(metadata, "metadata");
    }

    public static Candidate of(String text) {
        return new Candidate(text, OptionalDouble.empty(), Map.of());
    }

    public Candidate withText(String newText) {
        return new Candidate(newText, score, metadata);
    }
}
