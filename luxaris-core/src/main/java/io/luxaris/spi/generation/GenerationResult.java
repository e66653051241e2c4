package io.luxaris.spi.generation;

import io.luxaris.internal.Args;
import java.util.List;
import java.util.Map;

/**
 * Candidates of one call, the reasons of candidates dropped (refused, truncated, malformed), and metadata common
 * to all candidates of the call.
 */
public record GenerationResult(List<Candidate> candidates, List<String> dropped, Map<String, String> metadata) {
    public GenerationResult {
        candidates = List.copyOf(candidates);
        dropped = List.copyOf(dropped);
        metadata = Args.orderedCopy(metadata, "metadata");
    }

    public static GenerationResult of(List<Candidate> candidates) {
        return new GenerationResult(candidates, List.of(), Map.of());
    }
}
