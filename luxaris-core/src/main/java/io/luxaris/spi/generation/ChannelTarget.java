package io.luxaris.spi.generation;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.TextMeasure;
import java.util.Objects;

/**
 * The channel a prompt generates for: key, name, limits, and how it measures text.
 *
 * @param key the channel's key
 * @param name its display name
 * @param limits what it accepts
 * @param measure how it counts text
 */
public record ChannelTarget(String key, String name, ChannelLimits limits, TextMeasure measure) {
    /**
     * Checks the components are set.
     *
     * @param key the channel's key
     * @param name its display name
     * @param limits what it accepts
     * @param measure how it counts text
     */
    public ChannelTarget {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(measure, "measure");
    }

    /**
     * The limit a candidate must fit (the template's own maximum may be smaller).
     *
     * @return the channel's maximum text length
     */
    public int maxLength() {
        return limits.maxTextLength();
    }
}
