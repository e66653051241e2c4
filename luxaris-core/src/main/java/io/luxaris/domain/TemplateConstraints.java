package io.luxaris.domain;

import io.luxaris.internal.Args;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Constraints a template puts on content made from it: a maximum length (in the target channel's measure, on top
 * of the channel's own limit), a default tone and the tone presets offered to authors (null: none; null presets
 * are kept for the template use cases to refuse).
 */
public record TemplateConstraints(OptionalInt maxLength, Optional<String> defaultTone, List<String> tonePresets) {
    public TemplateConstraints {
        Objects.requireNonNull(maxLength, "maxLength");
        Objects.requireNonNull(defaultTone, "defaultTone");
        tonePresets = Args.snapshot(tonePresets);
    }

    public static TemplateConstraints none() {
        return new TemplateConstraints(OptionalInt.empty(), Optional.empty(), List.of());
    }

    public static TemplateConstraints maxLength(int max) {
        return new TemplateConstraints(OptionalInt.of(max), Optional.empty(), List.of());
    }
}
