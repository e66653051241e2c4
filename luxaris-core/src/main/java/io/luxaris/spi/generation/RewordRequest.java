package io.luxaris.spi.generation;

import java.util.Objects;

/** A candidate that is {@code measuredLength} long while the channel allows {@code maxLength}. */
public record RewordRequest(GenerationPrompt prompt, Candidate candidate, int measuredLength, int maxLength) {
    public RewordRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(candidate, "candidate");
    }
}
