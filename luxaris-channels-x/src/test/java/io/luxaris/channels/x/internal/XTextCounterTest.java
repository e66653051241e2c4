package io.luxaris.channels.x.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import com.twitter.twittertext.TwitterTextParser;
import com.twitter.twittertext.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The counter against twitter-text itself: a large seeded corpus of mixed texts and the edge cases its shortcuts rest
 * on (URL words, emoji runs, blank texts), every field of the result compared.
 */
class XTextCounterTest {
    private static final TwitterTextConfiguration V3 = TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;

    /** Pieces a post is made of, with the awkward ones over-represented. */
    private static final String[] PIECES = {
        "a",
        "Hello",
        "world",
        " ",
        "  ",
        "\n",
        "\t",
        ".",
        ". ",
        "...",
        ",",
        "!",
        "?",
        "(",
        ")",
        "\"",
        "'",
        // URLs, with and without protocol, valid and not
        "example.com",
        "https://example.com/path?x=1&y=2",
        "http://t.co/abc123",
        "www.twitter.com",
        "foo.co.jp",
        "https://example.com/a_(b)_c",
        "example.com?foo=bar.",
        "t.co/xyz",
        "HTTPS://EXAMPLE.COM/Index.html",
        "http://☃.net/",
        "https://example.com/😀.html",
        "(example.org)",
        "example.com.",
        "x.y",
        "a.b.c",
        "shop.みんな",
        "x.рф",
        "foobar.پاکستان/",
        "test.-twitter.com",
        "a_b.com",
        "$example.com",
        "#example.com",
        "@example.com",
        "-example.com",
        "ftp://x.com",
        "http://192.168.0.1/x",
        "sub.example.co.uk/path(a)b",
        "randomurl".repeat(7) + "s.com",
        "https://" + "long".repeat(20) + ".com/x",
        "ok.😀com",
        "v1.2.3",
        "e.g.",
        "i.e.",
        "Mr.Smith",
        "3.14",
        "ßshop.com",
        "éxample.com",
        "xn--bcher-kva.com",
        // mentions, hashtags, cashtags
        "@user",
        "@user/list",
        "#tag",
        "#日本",
        "$TWTR",
        // CJK and other scripts
        "日本語",
        "한국어",
        "中文",
        "故人西辞黄鹤楼",
        "Ελληνικά",
        "Русский",
        "עברית",
        "العربية",
        "हिन्दी",
        "ไทย",
        // emoji: single, with VS16/VS15, skin tones, ZWJ sequences, flags, keycaps, tags
        "😀",
        "👍🏽",
        "👩‍💻",
        "👩🏽‍💻",
        "👨‍👩‍👧‍👦",
        "🏳️‍🌈",
        "🇫🇷",
        "🇺🇸🇬🇧",
        "🇺",
        "❤️",
        "❤",
        "☺︎",
        "☺",
        "1️⃣",
        "#⃣",
        "*️⃣",
        "5",
        "2024",
        "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F",
        "🙋🏽",
        "👨‍🎤",
        "©️",
        "©",
        "™",
        "‼",
        "🤪",
        "🧕🏾",
        "💃🏾",
        "🫠",
        "🦰",
        "🧑‍🤝‍🧑",
        "\uFE0F",
        "\uFE0E",
        "\u200D",
        "\u200C",
        "\uD83C\uDFFB",
        // combining marks and normalisation
        "\u0301",
        "e\u0301",
        "A\u030A",
        "\uFB2C",
        "\u1100\u1161",
        "Å",
        "ﬁ",
        // lone surrogates, NUL, controls, invalid and directional characters
        "\uD800",
        "\uDC00",
        "\uD83D",
        "\u0000",
        "\u0001",
        "\u0085",
        "\uFEFF",
        "\uFFFE",
        "\uFFFF",
        "\u202A",
        "\u202C",
        "\u2066",
        "\u2069",
        "\u200B",
        // punctuation and spaces with their own weights
        "—",
        "“",
        "”",
        "…",
        "′",
        "\u00A0",
        "\u3000",
        "\u2002",
        "\u2028",
        "é",
        "ß",
        "Ø",
        "Ａ"
    };

    @Test
    void aSeededCorpusOfMixedTexts_isCountedExactlyAsTwitterTextDoes() {
        assertThat(mismatches(V3, new Random(20261203L), 6_000)).isEmpty();
    }

    @Test
    void withoutEmojiParsing_theCorpusIsCountedAsTwitterTextDoes() {
        assertThat(mismatches(XTextConformanceTest.V2, new Random(7L), 1_500)).isEmpty();
    }

    /** The first few texts of a random corpus on which the counter and twitter-text disagree. */
    private static List<String> mismatches(TwitterTextConfiguration config, Random random, int texts) {
        var counter = new XTextCounter(config);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < texts && mismatches.size() < 5; i++) {
            String text = randomText(random);
            XTextCounter.Count expected = XTextConformanceTest.count(TwitterTextParser.parseTweet(text, config));
            XTextCounter.Count actual = counter.count(text);
            if (!actual.equals(expected)) {
                mismatches.add(escape(text) + " expected " + expected + " got " + actual);
            }
        }
        return mismatches;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // the first letter of a word is taken as the URL's preceding character at the start of a text only
                "x ßshop.みんな",
                "ßshop.みんな",
                "x\u00A0ßshop.com y",
                "Hello \u00DFshop.みんな©👨‍🎤",
                // a URL starting inside an emoji, an emoji inside a URL
                "🇫🇷example.com",
                "https://example.com/😀.html😀",
                "http://😀.com and 1️⃣.com",
                // look past the end of a run, variation selectors alone
                "☺\uFE0E ☺\uFE0F ☺ \uFE0F\uFE0F \uFE0E",
                "⌚\uFE0E⌚",
                "1\uFE0F 1\u20E3 1\uFE0F\u20E3 12\u20E3 #\uFE0F*",
                // invalid characters inside URLs, emoji, and at the start of a step
                "\uFEFFexample.com \uFFFF😀 😀\uFFFE",
                // lone surrogates next to emoji
                "\uD83D😀\uDE00 \uDBFF",
                // blank texts are no text for twitter-text
                "",
                " ",
                "\u0000\u0001 \n",
                "\u3000",
                "\u00A0",
            })
    void theEdgesOfTheShortcuts_areCountedAsTwitterTextDoes(String text) {
        assertThat(XTextCounter.DEFAULT.count(text))
                .isEqualTo(XTextConformanceTest.count(TwitterTextParser.parseTweet(text)));
        assertThat(new XTextCounter(XTextConformanceTest.V2).count(text))
                .isEqualTo(XTextConformanceTest.count(TwitterTextParser.parseTweet(text, XTextConformanceTest.V2)));
    }

    @Test
    void longPosts_areCountedAsTwitterTextDoes_acrossTheLimit() {
        var random = new Random(99L);
        for (int i = 0; i < 200; i++) {
            var text = new StringBuilder();
            while (text.length() < 260 + random.nextInt(80)) {
                text.append(PIECES[random.nextInt(PIECES.length)]).append(' ');
            }
            assertThat(XTextCounter.DEFAULT.count(text.toString()))
                    .as(escape(text.toString()))
                    .isEqualTo(XTextConformanceTest.count(TwitterTextParser.parseTweet(text.toString())));
        }
    }

    @Test
    void everyCodePointTheEmojiRegexMatchesAlone_isAnEmojiCharacter_andInTheSingleTable() {
        Pattern emoji = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN;
        List<String> missed = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                continue;
            }
            boolean matches = emoji.matcher(Character.toString(c)).matches();
            if (matches && (!XTextCounter.isEmojiCharacter(c) || !XTextCounter.isSingleEmoji(c))) {
                missed.add(Integer.toHexString(c));
            }
            if (!matches && XTextCounter.isSingleEmoji(c)) {
                missed.add("not " + Integer.toHexString(c));
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void theEmojiCharacters_includeWhatSequencesAreMadeOf() {
        for (int c :
                new int[] {0x200D, 0xFE0F, 0xFE0E, 0x20E3, 0x1F3FB, 0x1F3FF, 0x1F1E6, 0xE0067, 0xE007F, '#', '*', '0'
                }) {
            assertThat(XTextCounter.isEmojiCharacter(c))
                    .as(Integer.toHexString(c))
                    .isTrue();
        }
        for (int c : new int[] {'a', ' ', '.', 0x65E5, 0x2014}) {
            assertThat(XTextCounter.isEmojiCharacter(c))
                    .as(Integer.toHexString(c))
                    .isFalse();
        }
    }

    @Test
    void theInvalidCharacters_areTwitterTextsForEveryChar() {
        for (int c = 0; c <= 0xFFFF; c++) {
            assertThat(XTextCounter.isInvalid((char) c))
                    .as(Integer.toHexString(c))
                    .isEqualTo(Validator.hasInvalidCharacters(String.valueOf((char) c)));
        }
    }

    @Test
    void theUrlBoundaries_areExactlyTheSpacesTwitterTextsUrlCharactersExclude() {
        Pattern spaces = Pattern.compile("[\\s\\p{Z}]");
        for (int c = 0; c <= 0xFFFF; c++) {
            assertThat(XTextCounter.isUrlBoundary((char) c))
                    .as(Integer.toHexString(c))
                    .isEqualTo(spaces.matcher(String.valueOf((char) c)).matches());
        }
    }

    @Test
    void theMemo_computesAnAnswerOnce_staysBounded_andKeepsNoLongKeys() {
        var memo = new XTextCounter.Memo(3, 5);
        var computed = new ArrayList<String>();
        java.util.function.Function<String, int[]> compute = key -> {
            computed.add(key);
            return new int[] {key.length()};
        };

        assertThat(memo.answer("a", compute)).containsExactly(1);
        assertThat(memo.answer("a", compute)).containsExactly(1);
        assertThat(computed).containsExactly("a");

        memo.answer("bb", compute);
        memo.answer("ccc", compute);
        assertThat(memo.size()).isEqualTo(3);
        memo.answer("dddd", compute);
        assertThat(memo.size()).isEqualTo(1);

        assertThat(memo.answer("eeeeee", compute)).containsExactly(6);
        memo.answer("eeeeee", compute);
        assertThat(computed).containsExactly("a", "bb", "ccc", "dddd", "eeeeee", "eeeeee");
        assertThat(memo.size()).isEqualTo(1);
    }

    @Test
    void aTextCountedAgain_withTheMemosFilled_isCountedTheSame() {
        var random = new Random(5L);
        for (int i = 0; i < 300; i++) {
            String text = randomText(random);
            XTextCounter.Count first = XTextCounter.DEFAULT.count(text);
            assertThat(XTextCounter.DEFAULT.count(text)).as(escape(text)).isEqualTo(first);
            assertThat(XTextCounter.DEFAULT.count("x " + text))
                    .as(escape(text))
                    .isEqualTo(XTextConformanceTest.count(TwitterTextParser.parseTweet("x " + text)));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\\x{1F600} | 0 | escape",
                "[^a]       | 0 | negated",
                "😀         | 2 | flags",
                "a          | 0 | unexpected character",
                "[😀        | 0 | unterminated"
            })
    void aPatternTheReaderDoesNotExpect_failsLoudly(String pattern, int flags, String reason) {
        assertThatThrownBy(() -> XTextCounter.emojiCharacters(pattern, flags))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void thePatternReader_takesLiteralsAndClassRanges() {
        assertThat(XTextCounter.emojiCharacters("(?:😀|[#0-2])", 0).stream().toArray())
                .containsExactly('#', '0', '1', '2', 0x1F600);
    }

    static String randomText(Random random) {
        var text = new StringBuilder();
        int pieces = random.nextInt(24);
        for (int j = 0; j < pieces; j++) {
            if (random.nextInt(5) == 0) {
                text.appendCodePoint(randomCodePoint(random));
            } else {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return text.toString();
    }

    private static int randomCodePoint(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(0x80);
            case 1 -> random.nextInt(0x3000);
            case 2 -> 0x1F000 + random.nextInt(0x1000);
            case 3 -> 0x2000 + random.nextInt(0x1000);
            case 4 -> 0xE0000 + random.nextInt(0x80);
            default -> random.nextInt(Character.MAX_CODE_POINT + 1);
        };
    }

    private static String escape(String text) {
        var out = new StringBuilder();
        text.chars().forEach(c -> {
            if (c >= 0x20 && c < 0x7F) {
                out.append((char) c);
            } else {
                out.append(String.format("\\u%04X", c));
            }
        });
        return out.toString();
    }
}
