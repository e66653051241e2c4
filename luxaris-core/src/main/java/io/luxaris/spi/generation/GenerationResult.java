package io.luxaris.spi.generation;

import io.luxaris.util.Args;
import java.util.List;
import java.util.Map;

/**
 * Candidates of one call, the reasons of candidates dropped (refused, truncated, malformed), and metadata common to all
 * candidates of the call.
 *
 * @param candidates the usable candidates
 * @param dropped why other candidates were dropped, safe to show
 * @param metadata what is common to every candidate of the call (model, usage)
 */
public record GenerationResult(List<Candidate> candidates, List<String> dropped, Map<String, String> metadata) {
    /**
     * Copies the lists and the metadata.
     *
     * @param candidates the usable candidates
     * @param dropped why other candidates were dropped, safe to show
     * @param metadata what is common to every candidate of the call (model, usage)
     */
    public GenerationResult {
        candidates = List.copyOf(candidates);
        dropped = List.copyOf(dropped);
        metadata = Args.orderedCopy(metadata, "metadata");
    }

    /**
     * Candidates alone.
     *
     * @param candidates the usable candidates
     * @return the result
     */
    public static GenerationResult of(List<Candidate> candidates) {
        return new GenerationResult(candidates, List.of(), Map.of());
    }
}
