package io.luxaris.usecase;

import io.luxaris.domain.RecurrenceRule;
import java.util.List;

/**
 * A recurring series' new rule and variations (both replace the old ones).
 *
 * @param rule when to publish from now on
 * @param variations texts used in turn, one per occurrence; empty: the variant's own content
 */
public record SeriesUpdate(RecurrenceRule rule, List<String> variations) {
    /**
     * Turns null variations into none (the use case reports a missing rule and null texts).
     *
     * @param rule when to publish from now on
     * @param variations texts used in turn, one per occurrence; empty: the variant's own content
     */
    public SeriesUpdate {
        variations = variations == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(variations));
    }

    /**
     * A new rule without variations.
     *
     * @param rule the rule
     * @return the update
     */
    public static SeriesUpdate of(RecurrenceRule rule) {
        return new SeriesUpdate(rule, List.of());
    }

    /**
     * This update with texts used in turn.
     *
     * @param texts the variations
     * @return the changed copy
     */
    public SeriesUpdate withVariations(List<String> texts) {
        return new SeriesUpdate(rule, texts);
    }
}
