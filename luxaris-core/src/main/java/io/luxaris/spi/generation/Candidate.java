package io.luxaris.spi.generation;

import io.luxaris.util.Args;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One generated text with an optional score (0..1, higher is better) and metadata for auditing (model, token usage,
 * latency, rationale). Metadata must not contain secrets.
 *
 * @param text the generated text
 * @param score the generator's score, 0..1, when it gives one
 * @param metadata what makes the candidate auditable
 */
public record Candidate(String text, OptionalDouble score, Map<String, String> metadata) {
    /**
     * Checks the components and copies the metadata.
     *
     * @param text the generated text
     * @param score the generator's score, 0..1, when it gives one
     * @param metadata what makes the candidate auditable
     */
    public Candidate {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(score, "score");
        metadata = Args.orderedCopy(metadata, "metadata");
    }

    /**
     * A text without score or metadata.
     *
     * @param text the generated text
     * @return the candidate
     */
    public static Candidate of(String text) {
        return new Candidate(text, OptionalDouble.empty(), Map.of());
    }

    /**
     * This candidate with another text (a reworded one, say).
     *
     * @param newText the text
     * @return the changed copy
     */
    public Candidate withText(String newText) {
        return new Candidate(newText, score, metadata);
    }
}
