package io.luxaris.channels.x.internal;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.Range;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import com.twitter.twittertext.TwitterTextParser;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * twitter-text's {@code parseTweet} in one pass, with the same results and without its two costs: the emoji regex
 * run over the whole text and the URL regex run from every position.
 *
 * <p>The emoji regex only ever matches characters it names, so the characters it names are read from the pattern
 * once; runs of them are the only places a match can be. A run of one code point is answered from a table built
 * with the regex itself; a longer run (a ZWJ sequence, a flag, a skin tone, a keycap) is handed to the regex on its
 * own. A URL never contains a space, needs a {@code .} followed by the start of a top-level domain, and the
 * URL regex only looks at the characters right before and after it: so only the space-delimited words that have such
 * a dot are handed to twitter-text's extractor, each with the space on either side. Both regexes' answers for a run
 * or a word are kept in small bounded memos: the same emoji sequences recur across posts, and the same post is
 * measured when it is checked, scheduled and published. The walk that adds the weights
 * then follows twitter-text's own, step by step, including its quirks (an emoji starting inside a URL, a URL starting
 * inside an emoji, an invalid character checked at the start of each step only).
 */
public final class XTextCounter {
    /** twitter-text's default configuration (v3: emoji count 2 whatever their length). */
    public static final XTextCounter DEFAULT = new XTextCounter(TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG);

    private static final Pattern EMOJI = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN;
    /** Every code point the emoji regex can match or look at (FE0E is only looked at). */
    private static final BitSet EMOJI_CHARACTERS = emojiCharacters(EMOJI.pattern(), EMOJI.flags());
    /** Code points the emoji regex matches on their own. */
    private static final BitSet SINGLE_EMOJI = singleEmoji(EMOJI_CHARACTERS);

    private static final int VARIATION_SELECTOR_16 = 0xFE0F;
    private static final int COMBINING_KEYCAP = 0x20E3;

    /** The emoji regex's answers for runs of more than one code point (❤️, 👍🏽, 🇫🇷 ... recur across posts). */
    private static final Memo RUNS = new Memo(4096, 64);
    /** The URL extractor's answers for words: a post is measured again when checked, scheduled and published. */
    private static final Memo WORDS = new Memo(4096, 512);

    private static final Extractor EXTRACTOR = new Extractor();
    private static final int[] NONE = new int[0];

    private final int scale;
    private final int maxWeightedLength;
    private final int defaultWeight;
    private final int urlWeight;
    private final boolean emojiParsing;
    private final int[] rangeStarts;
    private final int[] rangeEnds;
    private final int[] rangeWeights;

    /**
     * @param config the twitter-text configuration to count with
     */
    public XTextCounter(TwitterTextConfiguration config) {
        this.scale = config.getScale();
        this.maxWeightedLength = config.getMaxWeightedTweetLength();
        this.defaultWeight = config.getDefaultWeight();
        this.urlWeight = config.getTransformedURLLength() * scale;
        this.emojiParsing = config.getEmojiParsingEnabled();
        List<TwitterTextConfiguration.TwitterTextWeightedRange> ranges = config.getRanges();
        this.rangeStarts = new int[ranges.size()];
        this.rangeEnds = new int[ranges.size()];
        this.rangeWeights = new int[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            rangeStarts[i] = ranges.get(i).getRange().start;
            rangeEnds[i] = ranges.get(i).getRange().end;
            rangeWeights[i] = ranges.get(i).getWeight();
        }
    }

    /**
     * What twitter-text's {@code parseTweet} answers for the text, the ranges as UTF-16 indexes of the text given.
     *
     * @param weightedLength the weighted length
     * @param permillage the weighted length per thousand of the maximum
     * @param valid within the maximum and free of invalid characters (and not blank)
     * @param displayRangeStart first index of the displayed text, -1 for a blank text
     * @param displayRangeEnd last index of the displayed text, -1 for a blank text
     * @param validRangeStart first index of the part within the maximum, -1 for a blank text
     * @param validRangeEnd last index of the part within the maximum, -1 for a blank text
     */
    public record Count(
            int weightedLength,
            int permillage,
            boolean valid,
            int displayRangeStart,
            int displayRangeEnd,
            int validRangeStart,
            int validRangeEnd) {}

    private static final Count BLANK =
            new Count(0, 0, false, Range.EMPTY.start, Range.EMPTY.end, Range.EMPTY.start, Range.EMPTY.end);

    /**
     * The weighted length of {@code text} only.
     *
     * @param text any text
     * @return the weighted length only
     */
    public int weightedLength(String text) {
        return count(text).weightedLength();
    }

    /**
     * Counts {@code text} as twitter-text's {@code parseTweet(text, config)} does.
     *
     * @param text any text
     * @return what twitter-text's {@code parseTweet(text, config)} answers
     */
    public Count count(String text) {
        if (isBlank(text)) {
            return BLANK;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        int length = normalized.length();
        if (length == 0) {
            return BLANK;
        }
        int scaledMax = maxWeightedLength * scale;
        int[] urls = urls(normalized);
        int[] emoji = emojiParsing ? emoji(normalized) : NONE;
        int nextUrl = 0;
        int nextEmoji = 0;
        boolean invalid = false;
        int weighted = 0;
        int offset = 0;
        int validOffset = 0;
        while (offset < length) {
            // twitter-text looks for a URL only at the start of a step: one starting inside an emoji is never counted
            while (nextUrl < urls.length && urls[nextUrl] < offset) {
                nextUrl += 2;
            }
            if (nextUrl < urls.length && urls[nextUrl] == offset) {
                int urlLength = urls[nextUrl + 1] - offset;
                weighted += urlWeight;
                offset += urlLength;
                if (weighted <= scaledMax) {
                    validOffset += urlLength;
                }
                nextUrl += 2;
            }
            if (offset < length) {
                while (nextEmoji < emoji.length && emoji[nextEmoji] < offset) {
                    nextEmoji += 2;
                }
                int step;
                if (nextEmoji < emoji.length && emoji[nextEmoji] == offset) {
                    weighted += defaultWeight;
                    step = emoji[nextEmoji + 1] - offset;
                } else {
                    int codePoint = normalized.codePointAt(offset);
                    weighted += weight(codePoint);
                    step = Character.charCount(codePoint);
                }
                invalid = invalid || isInvalid(normalized.charAt(offset));
                offset += step;
                if (!invalid && weighted <= scaledMax) {
                    validOffset += step;
                }
            }
        }
        int normalizedOffset = text.length() - length;
        int weightedLength = weighted / scale;
        return new Count(
                weightedLength,
                weightedLength * 1000 / maxWeightedLength,
                !invalid && weightedLength <= maxWeightedLength,
                0,
                offset + normalizedOffset - 1,
                0,
                validOffset + normalizedOffset - 1);
    }

    private int weight(int codePoint) {
        for (int i = 0; i < rangeStarts.length; i++) {
            if (codePoint >= rangeStarts[i] && codePoint <= rangeEnds[i]) {
                return rangeWeights[i];
            }
        }
        return defaultWeight;
    }

    /** {@code String.trim().isEmpty()} without the copy: nothing above U+0020. */
    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > ' ') {
                return false;
            }
        }
        return true;
    }

    /** twitter-text's invalid characters (checked against its {@code Validator} over every char in the tests). */
    static boolean isInvalid(char c) {
        return c == '\uFFFE' || c == '\uFEFF' || c == '\uFFFF';
    }

    // ---- URLs ---------------------------------------------------------------------------------------------------

    /** URL spans as [start, end, start, end, ...], ascending; what twitter-text's extractor finds in the whole text. */
    private static int[] urls(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return NONE;
        }
        var spans = new Spans();
        int length = text.length();
        int wordEnd = -1;
        for (; dot >= 0 && dot + 1 < length; dot = text.indexOf('.', dot + 1)) {
            if (dot < wordEnd || !mayStartDomainLabel(text.charAt(dot + 1))) {
                continue;
            }
            int wordStart = dot;
            while (wordStart > 0 && !isUrlBoundary(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            wordEnd = dot + 1;
            while (wordEnd < length && !isUrlBoundary(text.charAt(wordEnd))) {
                wordEnd++;
            }
            // with the space on either side: the URL regex takes the character before a URL as its own (at the
            // start of a text, the first letter of a word would be taken instead) and looks at the one after
            int from = Math.max(0, wordStart - 1);
            int to = Math.min(length, wordEnd + 1);
            spans.addAll(WORDS.answer(text.substring(from, to), XTextCounter::urlsInWord), from);
        }
        return spans.toArray();
    }

    private static int[] urlsInWord(String word) {
        var spans = new Spans();
        for (Extractor.Entity url : EXTRACTOR.extractURLsWithIndices(word)) {
            spans.add(url.getStart(), url.getEnd());
        }
        return spans.toArray();
    }

    /** What may follow the dot before a top-level domain (or an IPv4 digit); ASCII punctuation never does. */
    private static boolean mayStartDomainLabel(char c) {
        return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * Characters no part of a URL match can contain (twitter-text's domain, path and query characters all exclude
     * {@code \s} and {@code \p{Z}}); a URL's preceding character may be one, and then it is as good as the start.
     */
    static boolean isUrlBoundary(char c) {
        return (c >= '\t' && c <= '\r')
                || c == ' '
                || c == '\u00A0'
                || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A')
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202F'
                || c == '\u205F'
                || c == '\u3000';
    }

    // ---- emoji --------------------------------------------------------------------------------------------------

    /** Emoji spans as [start, end, ...], ascending: what {@code VALID_EMOJI_PATTERN.matcher(text).find()} finds. */
    private static int[] emoji(String text) {
        var spans = new Spans();
        int length = text.length();
        int i = 0;
        while (i < length) {
            int codePoint = text.codePointAt(i);
            if (!inEmojiRun(text, i, codePoint)) {
                i += Character.charCount(codePoint);
                continue;
            }
            int start = i;
            int codePoints = 0;
            while (i < length) {
                int next = text.codePointAt(i);
                if (!inEmojiRun(text, i, next)) {
                    break;
                }
                i += Character.charCount(next);
                codePoints++;
            }
            if (codePoints == 1) {
                if (SINGLE_EMOJI.get(codePoint)) {
                    spans.add(start, i);
                }
                continue;
            }
            spans.addAll(RUNS.answer(text.substring(start, i), XTextCounter::emojiInRun), start);
        }
        return spans.toArray();
    }

    /**
     * The emoji regex's matches in a run, relative to the run. The character after a run is never U+FE0E (that one
     * belongs to runs), so the regex's one look past a match sees the same as at the end of the run: the answer
     * depends on the run alone, and is kept.
     */
    private static int[] emojiInRun(String run) {
        Matcher matcher = EMOJI.matcher(run);
        var spans = new Spans();
        while (matcher.find()) {
            spans.add(matcher.start(), matcher.end());
        }
        return spans.toArray();
    }

    /**
     * Whether the code point at {@code index} can be part of an emoji match. Digits, {@code #} and {@code *} only
     * start keycaps, so they count only when a variation selector or the combining keycap follows.
     */
    private static boolean inEmojiRun(String text, int index, int codePoint) {
        if (codePoint < 0x80) {
            if (!EMOJI_CHARACTERS.get(codePoint) || index + 1 >= text.length()) {
                return false;
            }
            char next = text.charAt(index + 1);
            return next == VARIATION_SELECTOR_16 || next == COMBINING_KEYCAP;
        }
        return EMOJI_CHARACTERS.get(codePoint);
    }

    /**
     * Reads the code points the emoji pattern names: literals and class ranges. Fails on any syntax it does not
     * expect (escapes, negated classes, flags), so a future pattern cannot silently be read wrong.
     */
    static BitSet emojiCharacters(String pattern, int flags) {
        if (flags != 0) {
            throw new IllegalStateException("unexpected emoji pattern flags " + flags);
        }
        var characters = new BitSet(Character.MAX_CODE_POINT + 1);
        int[] cps = pattern.codePoints().toArray();
        boolean inClass = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == '\\') {
                throw new IllegalStateException("unexpected escape in the emoji pattern at " + i);
            }
            if (!inClass) {
                if (c == '[') {
                    inClass = true;
                    if (i + 1 < cps.length && cps[i + 1] == '^') {
                        throw new IllegalStateException("unexpected negated class in the emoji pattern at " + i);
                    }
                } else if (c >= 0x80) {
                    characters.set(c);
                } else if ("()?:!|*+".indexOf(c) < 0) {
                    throw new IllegalStateException("unexpected character in the emoji pattern at " + i);
                }
            } else if (c == ']') {
                inClass = false;
            } else if (i + 2 < cps.length && cps[i + 1] == '-' && cps[i + 2] != ']') {
                characters.set(c, cps[i + 2] + 1);
                i += 2;
            } else {
                characters.set(c);
            }
        }
        if (inClass) {
            throw new IllegalStateException("unterminated class in the emoji pattern");
        }
        return characters;
    }

    private static BitSet singleEmoji(BitSet candidates) {
        var single = new BitSet(Character.MAX_CODE_POINT + 1);
        for (int c = candidates.nextSetBit(0x80); c >= 0; c = candidates.nextSetBit(c + 1)) {
            if (EMOJI.matcher(Character.toString(c)).matches()) {
                single.set(c);
            }
        }
        return single;
    }

    /** A growing list of spans, [start, end, start, end, ...]. */
    private static final class Spans {
        private int[] values = NONE;
        private int count;

        void add(int start, int end) {
            room(2);
            values[count++] = start;
            values[count++] = end;
        }

        void addAll(int[] relative, int offset) {
            room(relative.length);
            for (int value : relative) {
                values[count++] = offset + value;
            }
        }

        private void room(int more) {
            if (values.length < count + more) {
                values = Arrays.copyOf(values, Math.max(8, Math.max(count + more, values.length * 2)));
            }
        }

        int[] toArray() {
            return count == values.length ? values : Arrays.copyOf(values, count);
        }
    }

    /**
     * A bounded memo of a regex's answers, which depend on the key alone. Cleared when full, so it holds recent keys;
     * long keys are not kept. The answers are shared and never changed.
     */
    static final class Memo {
        private final Map<String, int[]> answers = new ConcurrentHashMap<>();
        private final int maxEntries;
        private final int maxKeyLength;

        Memo(int maxEntries, int maxKeyLength) {
            this.maxEntries = maxEntries;
            this.maxKeyLength = maxKeyLength;
        }

        int[] answer(String key, Function<String, int[]> compute) {
            if (key.length() > maxKeyLength) {
                return compute.apply(key);
            }
            int[] answer = answers.get(key);
            if (answer == null) {
                answer = compute.apply(key);
                if (answers.size() >= maxEntries) {
                    answers.clear();
                }
                answers.put(key, answer);
            }
            return answer;
        }

        int size() {
            return answers.size();
        }
    }

    /** For the tests: whether the code point can be part of an emoji match at all. */
    static boolean isEmojiCharacter(int codePoint) {
        return EMOJI_CHARACTERS.get(codePoint);
    }

    /** For the tests: whether the code point alone is an emoji match. */
    static boolean isSingleEmoji(int codePoint) {
        return SINGLE_EMOJI.get(codePoint);
    }
}
