package io.luxaris.spi.generation;

import java.util.Optional;

/**
 * Turns a prompt for one channel into candidate texts. Thread-safe. Throws {@link GenerationFailedException} when
 * nothing could be generated; individual unusable candidates (refusals, truncated output) are reported in {@link
 * GenerationResult#dropped()} instead.
 */
public interface SuggestionGenerator extends AutoCloseable {
    /**
     * Generates candidates for one channel.
     *
     * @param prompt the intent, channel, tone, length and count
     * @return the candidates and the reasons of dropped ones
     * @throws GenerationFailedException when nothing could be generated; the kind says whether trying again can help
     */
    GenerationResult generate(GenerationPrompt prompt);

    /**
     * Asks for a shorter version of a candidate that does not fit; empty when this generator cannot reword (Luxaris
     * then truncates at a word boundary and flags the suggestion).
     *
     * @param request the candidate, its length and the limit
     * @return the shorter candidate, or empty
     * @throws GenerationFailedException when the generator failed (Luxaris then truncates)
     */
    default Optional<Candidate> reword(RewordRequest request) {
        return Optional.empty();
    }

    /** Releases HTTP clients and the like; called when the {@code Luxaris} instance closes. */
    @Override
    default void close() {}
}
