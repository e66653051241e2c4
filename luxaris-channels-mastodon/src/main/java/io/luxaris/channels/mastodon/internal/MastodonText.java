package io.luxaris.channels.mastodon.internal;

import io.luxaris.domain.TextMeasure;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mastodon's way of counting and comparing text. Length is what its {@code StatusLengthValidator} counts: grapheme
 * clusters (an emoji with modifiers or joiners counts 1) of the content warning plus the text, where every http(s)
 * URL counts as the instance's {@code characters_reserved_per_url} and a mention {@code @alice@example.com} counts
 * only as {@code @alice}. Comparison (to find an own status again) ignores what Mastodon's HTML rendering changes:
 * markup, entities, whitespace runs, URLs and the domain part of mentions.
 */
public final class MastodonText implements TextMeasure {
    /** A default instance: URLs count 23. */
    public static final MastodonText DEFAULT = new MastodonText(23);

    /** An http(s) URL as Mastodon's extractor finds it (with its protocol, not inside a word). */
    private static final Pattern URL = Pattern.compile("(?i)(?<![\\p{L}\\p{N}_@$#/])https?://[^\\s<>\"]+");

    private static final String WORD = "[\\p{L}\\p{M}\\p{N}_]";
    /** {@code @user} or {@code @user@domain}, as Mastodon's {@code Account::MENTION_RE} finds it. */
    private static final Pattern MENTION =
            Pattern.compile("(?i)(?<![=/\\p{L}\\p{M}\\p{N}_])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)" + "(?:@" + WORD
                    + "+(?:[.-]+" + WORD + "+)*)?");

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern PARAGRAPH = Pattern.compile("(?i)</p>\\s*<p[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private final int urlLength;

    private MastodonText(int urlLength) {
        this.urlLength = urlLength;
    }

    /** The measure of an instance that counts every URL as {@code urlLength}. */
    public static MastodonText of(int urlLength) {
        if (urlLength < 0) {
            throw new IllegalArgumentException("urlLength must not be negative but was " + urlLength);
        }
        return urlLength == DEFAULT.urlLength ? DEFAULT : new MastodonText(urlLength);
    }

    @Override
    public int measure(String text) {
        return graphemes(countable(text));
    }

    /** The content warning and the text together, as the instance checks them against its limit. */
    public int measure(String contentWarning, String text) {
        return graphemes(contentWarning + countable(text));
    }

    @Override
    public String unit() {
        return "characters";
    }

    /** The text as it is counted: each URL replaced by {@code urlLength} characters, mentions without domain. */
    String countable(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String placeholder = "x".repeat(urlLength);
        String out = URL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(placeholder + trailing(m.group())));
        return MENTION.matcher(out).replaceAll(m -> Matcher.quoteReplacement("@" + m.group(1)));
    }

    /** Punctuation that ends a sentence rather than a URL ({@code https://example.com.}) is counted as itself. */
    private static String trailing(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (".,:;!?'".indexOf(c) >= 0) {
                end--;
            } else if (c == ')' && count(url, '(', end) < count(url, ')', end)) {
                end--;
            } else {
                break;
            }
        }
        return url.substring(end);
    }

    private static int count(String text, char c, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static int graphemes(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        Matcher m = GRAPHEME.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A status's HTML {@code content} as plain text: paragraphs and line breaks as newlines, entities decoded. */
    public static String plain(String html) {
        String out = PARAGRAPH.matcher(html).replaceAll("\n\n");
        out = BREAK.matcher(out).replaceAll("\n");
        out = TAG.matcher(out).replaceAll("");
        return ENTITY.matcher(out).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1), m.group())));
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#x") || name.startsWith("#X")) {
            return codePoint(name.substring(2), 16, whole);
        }
        if (name.startsWith("#")) {
            return codePoint(name.substring(1), 10, whole);
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> whole;
        };
    }

    private static String codePoint(String digits, int radix, String whole) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : whole;
        } catch (NumberFormatException e) {
            return whole;
        }
    }

    /** The text as compared with what Mastodon returns: NFC, no URLs, mentions without domain, single spaces. */
    public static String comparable(String text) {
        String out = Normalizer.normalize(text, Normalizer.Form.NFC);
        out = URL.matcher(out).replaceAll(" ");
        out = MENTION.matcher(out).replaceAll(m -> Matcher.quoteReplacement("@" + m.group(1)));
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    /** Whether a status whose HTML content Mastodon returned is the text Luxaris sent. */
    public static boolean sameText(String sent, String returnedHtml) {
        return comparable(sent).equals(comparable(plain(returnedHtml)));
    }

    @Override
    public String toString() {
        return "MastodonText[grapheme clusters, URLs " + urlLength + "]";
    }
}
