package io.luxaris.spi.generation;

import java.util.Objects;
import java.util.Optional;

/**
 * One generation call: the author's intent, the rendered template when one was used, the target channel, tone, length
 * hint, the maximum length a candidate must fit and how many candidates are wanted.
 *
 * @param intent the author's intent
 * @param renderedTemplate the rendered template, when one was used
 * @param channel the target channel
 * @param tone the tone, when given
 * @param lengthHint the author's wish for length
 * @param maxLength the most a candidate may measure, in the channel's measure
 * @param count how many candidates are wanted
 */
public record GenerationPrompt(
        String intent,
        Optional<String> renderedTemplate,
        ChannelTarget channel,
        Optional<String> tone,
        LengthHint lengthHint,
        int maxLength,
        int count) {
    /**
     * Checks the components.
     *
     * @param intent the author's intent
     * @param renderedTemplate the rendered template, when one was used
     * @param channel the target channel
     * @param tone the tone, when given
     * @param lengthHint the author's wish for length
     * @param maxLength the most a candidate may measure, in the channel's measure
     * @param count how many candidates are wanted
     * @throws IllegalArgumentException when the maximum length or the count is not positive
     */
    public GenerationPrompt {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(renderedTemplate, "renderedTemplate");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(lengthHint, "lengthHint");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
    }
}
