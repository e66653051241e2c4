package io.luxaris.channels.threads.internal;

import io.luxaris.domain.TextMeasure;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Threads counts and compares text. Meta's limit is 500 characters, and "emojis are counted as the number of
 * UTF-8 bytes"; how exactly is not documented, so the count is conservative: every code point that belongs to an
 * emoji (pictographs, dingbats and symbols that have an emoji form, regional indicators, skin tones, keycaps, tags,
 * the zero-width joiner and variation selectors) counts as many as its UTF-8 bytes (2 to 4), every other code point
 * counts 1. A text this measure accepts is never too long for Threads under any reading of that sentence that
 * counts other characters once.
 *
 * <p>Links: Threads takes at most 5 per post. Counted are {@code http(s)://} URLs and bare domain names ({@code
 * example.com/path}, also {@code Node.js}: conservative).
 */
public final class ThreadsText implements TextMeasure {
    public static final ThreadsText INSTANCE = new ThreadsText();

    /** Characters per post. */
    public static final int MAX_LENGTH = 500;
    /** Links per post (more fail with {@code THREADS_API__LINK_LIMIT_EXCEEDED}). */
    public static final int MAX_LINKS = 5;

    private static final Pattern LINK = Pattern.compile(
            "(?i)\\bhttps?://\\S+|(?<![@\\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,24}\\b(?:/\\S*)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ThreadsText() {}

    @Override
    public int measure(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            length += isEmoji(cp) ? utf8Bytes(cp) : 1;
            i += Character.charCount(cp);
        }
        return length;
    }

    @Override
    public String unit() {
        return "characters (emoji counted as their UTF-8 bytes)";
    }

    /** How many links Threads would see in {@code text}. */
    public static int links(String text) {
        Matcher m = LINK.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** Whether a post's text as Threads returns it is the text Luxaris sent (NFC, whitespace runs as one space). */
    public static boolean sameText(String sent, String returned) {
        return comparable(sent).equals(comparable(returned));
    }

    static String comparable(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC))
                .replaceAll(" ")
                .strip();
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) // pictographs, emoticons, transport, flags, skin tones...
                || (cp >= 0xE0000 && cp <= 0xE007F) // tags (subdivision flags)
                || (cp >= 0x2190 && cp <= 0x21FF) // arrows
                || (cp >= 0x2300 && cp <= 0x23FF) // technical: watch, hourglass, keyboard...
                || (cp >= 0x2460 && cp <= 0x24FF) // enclosed alphanumerics (Ⓜ)
                || (cp >= 0x25A0 && cp <= 0x27BF) // shapes, miscellaneous symbols, dingbats
                || (cp >= 0x2900 && cp <= 0x297F) // supplemental arrows
                || (cp >= 0x2B00 && cp <= 0x2BFF) // stars, squares, arrows
                || cp == 0x200D // zero-width joiner
                || cp == 0x20E3 // combining keycap
                || cp == 0xFE0E
                || cp == 0xFE0F // variation selectors
                || cp == 0x00A9
                || cp == 0x00AE
                || cp == 0x203C
                || cp == 0x2049
                || cp == 0x2122
                || cp == 0x2139
                || cp == 0x3030
                || cp == 0x303D
                || cp == 0x3297
                || cp == 0x3299;
    }

    private static int utf8Bytes(int cp) {
        return new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return "ThreadsText[characters, emoji as UTF-8 bytes]";
    }
}
