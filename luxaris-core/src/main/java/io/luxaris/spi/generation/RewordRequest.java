package io.luxaris.spi.generation;

import java.util.Objects;

/**
 * A candidate that is {@code measuredLength} long while the channel allows {@code maxLength}.
 *
 * @param prompt the prompt the candidate was made for
 * @param candidate the candidate that does not fit
 * @param measuredLength its length, in the channel's measure
 * @param maxLength the most it may measure
 */
public record RewordRequest(GenerationPrompt prompt, Candidate candidate, int measuredLength, int maxLength) {
    /**
     * Checks the components are set.
     *
     * @param prompt the prompt the candidate was made for
     * @param candidate the candidate that does not fit
     * @param measuredLength its length, in the channel's measure
     * @param maxLength the most it may measure
     */
    public RewordRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(candidate, "candidate");
    }
}
