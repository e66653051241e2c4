package io.luxaris.domain;

import io.luxaris.util.Args;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Constraints a template puts on content made from it: a maximum length (in the target channel's measure, on top of the
 * channel's own limit), a default tone and the tone presets offered to authors (null: none; null presets are kept for
 * the template use cases to refuse).
 *
 * @param maxLength the most a text made from the template may measure, if limited
 * @param defaultTone the tone used when a request names none
 * @param tonePresets the tones offered to authors
 */
public record TemplateConstraints(OptionalInt maxLength, Optional<String> defaultTone, List<String> tonePresets) {
    /**
     * Checks the components are set and takes a snapshot of the presets.
     *
     * @param maxLength the most a text made from the template may measure, if limited
     * @param defaultTone the tone used when a request names none
     * @param tonePresets the tones offered to authors
     */
    public TemplateConstraints {
        Objects.requireNonNull(maxLength, "maxLength");
        Objects.requireNonNull(defaultTone, "defaultTone");
        tonePresets = Args.snapshot(tonePresets);
    }

    /** {@return no constraint at all} */
    public static TemplateConstraints none() {
        return new TemplateConstraints(OptionalInt.empty(), Optional.empty(), List.of());
    }

    /**
     * A maximum length alone.
     *
     * @param max the most a text made from the template may measure
     * @return the constraints
     */
    public static TemplateConstraints maxLength(int max) {
        return new TemplateConstraints(OptionalInt.of(max), Optional.empty(), List.of());
    }
}
