package io.luxaris.channels.bluesky.internal;

import io.luxaris.domain.TextMeasure;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bluesky's way of counting text: a post's {@code text} holds at most {@value #MAX_GRAPHEMES} grapheme clusters and
 * {@value #MAX_BYTES} UTF-8 bytes (lexicon {@code app.bsky.feed.post}: {@code maxGraphemes}, {@code maxLength}).
 * Grapheme clusters are counted with the regular expression {@code \X}: on Java 17 {@link java.text.BreakIterator}
 * splits emoji ZWJ sequences, skin tones and flags (👨‍❤️‍👨 counts 5 there, 1 here and on Bluesky).
 */
public final class BlueskyText implements TextMeasure {
    public static final BlueskyText INSTANCE = new BlueskyText();
    public static final int MAX_GRAPHEMES = 300;
    public static final int MAX_BYTES = 3000;

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private BlueskyText() {}

    /** Grapheme clusters, as Bluesky counts the 300 of a post. */
    @Override
    public int measure(String text) {
        return graphemes(text);
    }

    @Override
    public String unit() {
        return "graphemes";
    }

    public static int graphemes(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        Matcher m = GRAPHEME.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** UTF-8 bytes, as Bluesky counts the 3000 of a post and every facet offset. */
    public static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Why a text does not fit in a post, or empty when it fits. */
    public static java.util.Optional<String> tooLong(String text) {
        int graphemes = graphemes(text);
        if (graphemes > MAX_GRAPHEMES) {
            return java.util.Optional.of(
                    "is " + graphemes + " graphemes; Bluesky accepts up to " + MAX_GRAPHEMES + " per post");
        }
        int bytes = bytes(text);
        if (bytes > MAX_BYTES) {
            return java.util.Optional.of(
                    "is " + bytes + " UTF-8 bytes; Bluesky accepts up to " + MAX_BYTES + " per post");
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return "BlueskyText[graphemes]";
    }
}
