package io.luxaris.spi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Redaction#scrub} finds a secret in its encodings by hand. Until 2026-12-04 it compiled a regular expression
 * for every secret of every text (one alternation of the encodings per code point); {@link Reference} is that
 * expression, kept here as the specification, and the scrubber must agree with it on every text.
 */
class RedactionEncodingsTest {
    /** Characters of secrets: plain, ones with short JSON escapes, %-significant ones, a two-byte and a four-byte one. */
    private static final int[] SECRET_CODE_POINTS =
            "aZq09-_.~/+= %\\\"\n\t&é😀".codePoints().toArray();
    /** Noise: near-misses of every encoding (stray escapes, hex digits, percent signs). */
    private static final int[] NOISE_CODE_POINTS =
            "aZq09%\\u+/ F2fc\"nE5x😀é".codePoints().toArray();

    @Test
    void theScrubber_findsWhatTheRegularExpressionFound_inThousandsOfGeneratedTexts() {
        var random = new Random(20261204L);
        for (int round = 0; round < 5_000; round++) {
            String secret = randomSecret(random);
            String text = randomText(random, secret);

            assertThat(Redaction.scrub(text, List.of(secret)))
                    .as("secret %s in text %s", escape(secret), escape(text))
                    .isEqualTo(Reference.scrub(text, secret));
        }
    }

    @Test
    void aSecretWrittenEachCharacterInAnotherEncoding_isMaskedWhole() {
        String secret = "a/b c\"d%é😀";
        String text = "x a%2fb+c\\\"d%25\\u00e9%F0%9f%98%80 y";

        assertThat(Redaction.scrub(text, List.of(secret))).isEqualTo("x [REDACTED] y");
    }

    @Test
    void whereAPlainCharacterAndItsEscapeBothFit_theMatchBacktracksToTheOneThatLetsTheRestMatch() {
        // the secret's '%' is first tried as itself; only %25 lets "cd" follow
        assertThat(Redaction.scrub("<ab%25cd>", List.of("ab%cd"))).isEqualTo("<[REDACTED]>");
        // the secret's '\' as itself, then as JSON's \\ escape
        assertThat(Redaction.scrub("<ab\\\\cd>", List.of("ab\\cd"))).isEqualTo("<[REDACTED]>");
    }

    @Test
    void aTextCutInsideTheSurrogatePairOfASecretsEmoji_isMaskedFromTheSecretsStart() {
        // the regular expression compared whole code points and left this tail; the scrubber masks it
        String secret = "tok😀en";
        String text = "bad tok" + "😀".charAt(0);

        assertThat(Redaction.scrub(text, List.of(secret))).isEqualTo("bad [REDACTED]");
    }

    private static String randomSecret(Random random) {
        var secret = new StringBuilder();
        int length = 4 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            secret.appendCodePoint(SECRET_CODE_POINTS[random.nextInt(SECRET_CODE_POINTS.length)]);
        }
        return secret.toString();
    }

    /** Noise, the secret in mixed encodings, prefixes of such encodings; sometimes cut short at the end. */
    private static String randomText(Random random, String secret) {
        var text = new StringBuilder();
        int pieces = 1 + random.nextInt(5);
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    int n = random.nextInt(8);
                    for (int i = 0; i < n; i++) {
                        text.appendCodePoint(NOISE_CODE_POINTS[random.nextInt(NOISE_CODE_POINTS.length)]);
                    }
                }
                case 1, 2 -> text.append(randomEncoding(random, secret));
                default -> {
                    String encoded = randomEncoding(random, secret);
                    text.append(encoded, 0, random.nextInt(encoded.length()));
                }
            }
        }
        if (random.nextBoolean() && text.length() > 0) {
            text.setLength(random.nextInt(text.length()));
        }
        if (text.length() > 0 && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
            text.setLength(text.length() - 1); // see aTextCutInsideTheSurrogatePair...: the one intended difference
        }
        return text.toString();
    }

    private static String randomEncoding(Random random, String secret) {
        var out = new StringBuilder();
        secret.codePoints().forEach(cp -> {
            String plain = new String(Character.toChars(cp));
            List<String> forms = new ArrayList<>();
            forms.add(plain);
            var percent = new StringBuilder();
            for (byte b : plain.getBytes(StandardCharsets.UTF_8)) {
                percent.append('%').append(randomCase(random, String.format(Locale.ROOT, "%02X", b & 0xff)));
            }
            forms.add(percent.toString());
            var unicode = new StringBuilder();
            for (char c : plain.toCharArray()) {
                unicode.append("\\u").append(randomCase(random, String.format(Locale.ROOT, "%04X", (int) c)));
            }
            forms.add(unicode.toString());
            switch (cp) {
                case ' ' -> forms.add("+");
                case '/' -> forms.add("\\/");
                case '"' -> forms.add("\\\"");
                case '\\' -> forms.add("\\\\");
                case '\n' -> forms.add("\\n");
                case '\t' -> forms.add("\\t");
                default -> {}
            }
            out.append(forms.get(random.nextInt(forms.size())));
        });
        return out.toString();
    }

    private static String randomCase(Random random, String hex) {
        return random.nextBoolean() ? hex : hex.toLowerCase(Locale.ROOT);
    }

    private static String escape(String s) {
        var out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\x{%X}", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The scrubber's secret pass as it was: one regular expression per secret, then the token-shaped values. */
    private static final class Reference {
        static String scrub(String text, String secret) {
            Pattern any = anyEncoding(secret);
            String out = any.matcher(text).replaceAll(Matcher.quoteReplacement(Redaction.MASK));
            out = maskCutTail(out, any, secret);
            return Redaction.scrub(out, List.of());
        }

        private static Pattern anyEncoding(String secret) {
            var regex = new StringBuilder();
            secret.codePoints().forEach(cp -> {
                List<String> forms = new ArrayList<>();
                forms.add(Pattern.quote(new String(Character.toChars(cp))));
                var percent = new StringBuilder();
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    percent.append('%').append(hexDigits(String.format(Locale.ROOT, "%02X", b & 0xff)));
                }
                forms.add(percent.toString());
                var unicode = new StringBuilder();
                for (char c : Character.toChars(cp)) {
                    unicode.append("\\\\u").append(hexDigits(String.format(Locale.ROOT, "%04X", (int) c)));
                }
                forms.add(unicode.toString());
                switch (cp) {
                    case ' ' -> forms.add("\\+");
                    case '/' -> forms.add("\\\\/");
                    case '"' -> forms.add("\\\\\"");
                    case '\\' -> forms.add("\\\\\\\\");
                    case '\n' -> forms.add("\\\\n");
                    case '\r' -> forms.add("\\\\r");
                    case '\t' -> forms.add("\\\\t");
                    case '\b' -> forms.add("\\\\b");
                    case '\f' -> forms.add("\\\\f");
                    default -> {}
                }
                regex.append("(?:").append(String.join("|", forms)).append(')');
            });
            return Pattern.compile(regex.toString());
        }

        private static String hexDigits(String hex) {
            var out = new StringBuilder();
            for (int i = 0; i < hex.length(); i++) {
                char c = hex.charAt(i);
                if (Character.isLetter(c)) {
                    out.append('[').append(c).append(Character.toLowerCase(c)).append(']');
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private static String maskCutTail(String text, Pattern any, String secret) {
            int longest = 12 * secret.codePointCount(0, secret.length());
            Matcher m = any.matcher(text);
            for (int start = Math.max(0, text.length() - longest);
                    start <= text.length() - Redaction.MIN_SECRET_LENGTH;
                    start++) {
                m.region(start, text.length());
                if (!m.lookingAt() && m.hitEnd()) {
                    return text.substring(0, start) + Redaction.MASK;
                }
            }
            return text;
        }
    }
}
