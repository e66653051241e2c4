package io.luxaris.domain;

/**
 * How a channel counts the length of a text. X counts weighted characters (URLs 23, CJK and emoji 2); most
 * channels count Unicode code points, which is the default.
 */
@FunctionalInterface
public interface TextMeasure {
    /**
     * The length of {@code text} as the channel counts it.
     *
     * @param text the text
     * @return its length in the channel's unit
     */
    int measure(String text);

    /**
     * A short name of the unit for messages, such as "characters" or "weighted characters".
     *
     * @return the unit's name
     */
    default String unit() {
        return "characters";
    }

    /**
     * Unicode code points: what a person would call characters.
     *
     * @return the code-point measure
     */
    static TextMeasure codePoints() {
        return CodePoints.INSTANCE;
    }

    /** The code-point measure (a named singleton, so it prints well). */
    enum CodePoints implements TextMeasure {
        /** The one instance. */
        INSTANCE;

        @Override
        public int measure(String text) {
            return text.codePointCount(0, text.length());
        }
    }
}
