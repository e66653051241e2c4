package io.luxaris.spi.generation;

import java.util.Optional;

/**
 * Turns a prompt for one channel into candidate texts. Thread-safe. Throws {@link GenerationFailedException} when
 * nothing could be generated; individual unusable candidates (refusals, truncated output) are reported in {@link
 * GenerationResult#dropped()} instead.
 */
public interface SuggestionGenerator extends AutoCloseable {
    GenerationResult generate(GenerationPrompt prompt);

    /**
     * Asks for a shorter version of a candidate that does not fit; empty when this generator cannot reword (Luxaris
     * then truncates at a word boundary and flags the suggestion).
     */
    default Optional<Candidate> reword(RewordRequest request) {
        return Optional.empty();
    }

    @Override
    default void close() {}
}
