package io.luxaris.spi.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of text that is stored, logged or shown: raw platform responses, safe messages, publish events,
 * dry-run request previews, generation metadata. Luxaris scrubs everything it stores with it; channels and
 * generators (built-in or the host's own) use it for what they hand back, so one pattern set serves them all.
 *
 * <p>What {@link #scrub(String, Collection)} hides:
 *
 * <ul>
 *   <li>each given secret value of at least {@value #MIN_SECRET_LENGTH} characters, wherever it stands as itself,
 *       URL-encoded (form encoding with {@code +} for a space, or {@code %XX} in upper or lower case, even mixed
 *       with plain characters) or JSON-escaped ({@code \/}, {@code \"}, {@code \\}, {@code \n}..., {@code \}{@code
 *       uXXXX}), as platforms echo tokens back in error bodies;
 *   <li>the start of such a value at the very end of the text (at least {@value #MIN_SECRET_LENGTH} characters),
 *       which is what remains of a secret when a body was cut off in the middle of it;
 *   <li>bearer credentials ({@code Bearer eyJ...}) and {@code Authorization: Basic ...} values;
 *   <li>key-shaped strings: {@code sk-...}, {@code rk-...}, {@code pk-...} (API keys);
 *   <li>the values of token fields in JSON ({@code "access_token": "..."}; also {@code refresh_token}, {@code
 *       id_token}, {@code client_secret}, {@code code_verifier}, {@code api_key}, {@code password}, {@code
 *       secret}, {@code token_secret}, {@code consumer_secret}, {@code oauth_token}, {@code oauth_signature}) and
 *       the same names assigned in form bodies, query strings, headers or prose ({@code access_token=...}, {@code
 *       password: ...}, {@code oauth_signature="..."}), plus the {@code code=} and {@code token=} fields of form
 *       bodies and query strings (authorization codes, tokens being revoked).
 * </ul>
 *
 * <p>What is hidden is replaced with {@value #MASK} ({@link Style#MASK}), or, for text shown to a person who
 * needs to recognise which key was meant, with {@link #hint(String) hints} such as {@code sk-abc***xyz} ({@link
 * Style#HINT}). {@link #truncate(String, int)} cuts long text without splitting a surrogate pair; {@link
 * #scrubAndTruncate(String, Collection, int)} scrubs <em>before</em> cutting, so a cut never leaves part of a secret
 * behind. Stateless and thread-safe.
 */
public final class Redaction {
    /** What replaces a secret in {@link Style#MASK}. */
    public static final String MASK = "[REDACTED]";
    /** Shorter values are not treated as secrets (they would mask ordinary words). */
    public static final int MIN_SECRET_LENGTH = 4;
    /** Marks the place where {@link #truncate(String, int)} cut the text. */
    public static final String TRUNCATION_MARKER = "…[truncated]";

    /** How hidden values are shown. */
    public enum Style {
        /** Every hidden value becomes {@value Redaction#MASK}. */
        MASK,
        /**
         * Known secrets and key-shaped strings become their {@link Redaction#hint(String) hint} ({@code
         * sk-abc***xyz}, as OpenAI shows keys); every other hidden value becomes {@code ***}.
         */
        HINT
    }

    private static final String NAMES = "access[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret"
            + "|code[_-]?verifier|api[-_ ]?key|apikey|password|passwd|secret|token[_-]?secret|consumer[_-]?secret"
            + "|oauth[_-]?token|oauth[_-]?signature";
    private static final Pattern JSON_FIELD =
            Pattern.compile("(?i)(\"(?:" + NAMES + ")\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern ASSIGNED =
            Pattern.compile("(?i)(\\b(?:" + NAMES + ")\\b[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"'&,;]{4,})");
    private static final Pattern FORM_FIELD = Pattern.compile("(?i)((?:^|[?&\\s])(?:code|token)=)([^&\\s\"']+)");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern BASIC =
            Pattern.compile("(?i)(\\bauthorization[\"']?\\s*[:=]\\s*[\"']?basic\\s+)[A-Za-z0-9+/=]{4,}");
    private static final Pattern KEY_SHAPED = Pattern.compile("\\b(?:sk|rk|pk)-[A-Za-z0-9_-]{8,}");
    /** One of these words (any case) is in every text a token pattern matches: {@link #mayHoldTokenShapedValue}. */
    private static final List<String> PATTERN_WORDS = List.of(
            "token", "secret", "verifier", "key", "passw", "signature", "code", "bearer", "authorization", "k-");

    private static final int HINT_MIN_LENGTH = 20;
    private static final String HEX = "0123456789ABCDEF";

    private Redaction() {}

    /**
     * {@code text} with every given secret (in any of its encodings) and every token-shaped value masked.
     *
     * @param text the text to scrub
     * @param secrets the secret values to hide (shorter than {@value #MIN_SECRET_LENGTH} characters are ignored)
     * @return the scrubbed text
     */
    public static String scrub(String text, Collection<String> secrets) {
        return scrub(text, secrets, Style.MASK);
    }

    /**
     * {@code text} with every given secret and every token-shaped value hidden, shown as {@code style} says.
     *
     * @param text the text to scrub
     * @param secrets the secret values to hide
     * @param style how hidden values are shown
     * @return the scrubbed text
     */
    public static String scrub(String text, Collection<String> secrets, Style style) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(style, "style");
        String mask = style == Style.MASK ? MASK : "***";
        String out = text;
        for (String secret : secrets) {
            if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
                continue;
            }
            String shown = style == Style.MASK ? MASK : hint(secret);
            var encoded = new Encoded(secret);
            out = encoded.maskCutTail(encoded.replaceAll(out, shown), shown);
        }
        if (!mayHoldTokenShapedValue(out)) {
            return out;
        }
        String quoted = Matcher.quoteReplacement(mask);
        out = JSON_FIELD.matcher(out).replaceAll("$1" + quoted + "$3");
        out = ASSIGNED.matcher(out).replaceAll("$1" + quoted);
        out = FORM_FIELD.matcher(out).replaceAll("$1" + quoted);
        out = BEARER.matcher(out).replaceAll("$1" + quoted);
        out = BASIC.matcher(out).replaceAll("$1" + quoted);
        return KEY_SHAPED
                .matcher(out)
                .replaceAll(m -> Matcher.quoteReplacement(style == Style.MASK ? MASK : hint(m.group())));
    }

    /**
     * Whether any of the token patterns could match: each one needs one of these words (any case) in the text —
     * every name in {@code NAMES} contains one of the first six, {@code FORM_FIELD} needs {@code code} or {@code
     * token}, {@code BEARER} {@code bearer}, {@code BASIC} {@code authorization}, {@code KEY_SHAPED} {@code k-}.
     * Most texts (post ids, URLs) hold none, and six regular-expression passes over them cost more than the rest of
     * an outcome's bookkeeping.
     */
    static boolean mayHoldTokenShapedValue(String text) {
        // lower-casing only adds matches (the patterns ignore ASCII case only), so nothing they would find is missed
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : PATTERN_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #scrub(String, Collection) Scrubs}, then {@link #truncate(String, int) cuts} to {@code max}.
     *
     * @param text the text to scrub
     * @param secrets the secret values to hide
     * @param max the most characters of the result
     * @return the scrubbed, cut text
     * @throws IllegalArgumentException when {@code max} is negative
     */
    public static String scrubAndTruncate(String text, Collection<String> secrets, int max) {
        return truncate(scrub(text, secrets), max);
    }

    /**
     * Cuts {@code text} to at most {@code max} characters (never splitting a surrogate pair), ending with {@value
     * #TRUNCATION_MARKER} where it was cut. Text that fits is returned as it is.
     *
     * @param text the text
     * @param max the most characters of the result
     * @return the text, cut when longer than {@code max}
     * @throws IllegalArgumentException when {@code max} is negative
     */
    public static String truncate(String text, int max) {
        Objects.requireNonNull(text, "text");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative but was " + max);
        }
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - TRUNCATION_MARKER.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + TRUNCATION_MARKER;
    }

    /**
     * How a key is shown when someone must recognise it without seeing it: its first six and last three characters
     * ({@code sk-abc***xyz}, as OpenAI shows keys) for values of 20 characters or more, {@code ***} for shorter ones.
     *
     * @param secret the key
     * @return its hint
     */
    public static String hint(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < HINT_MIN_LENGTH) {
            return "***";
        }
        return secret.substring(0, 6) + "***" + secret.substring(secret.length() - 3);
    }

    /**
     * One secret in every encoding {@link #scrub} recognises. For each of its code points the forms are, in this
     * order: the character itself, its UTF-8 bytes %-encoded, its JSON {@code \}{@code uXXXX} escape (hex digits in
     * either case in both), and where they apply {@code +} for a space and JSON's short escapes ({@code \/}, {@code
     * \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f}). A match takes, code point
     * by code point, the first form that lets the rest match, backtracking otherwise: what a regular expression of one
     * alternation per code point finds, without compiling one for every text (which cost two thirds of a publish's
     * CPU in the in-memory engine). Not thread-safe: one per {@link #scrub} call.
     */
    private static final class Encoded {
        private static final int[] NONE = {};

        private final String secret;
        private final int longest;
        private final char first;
        private final boolean spaceFirst;
        // made at the first character of a text that a match can start with (most texts hold no secret)
        private int[] codePoints = NONE;
        private Form[][] forms = {};
        private int[] posAt = NONE;
        private int[] tried = NONE;
        private boolean hitEnd;

        Encoded(String secret) {
            this.secret = secret;
            longest = 12 * secret.codePointCount(0, secret.length());
            first = secret.charAt(0);
            spaceFirst = first == ' ';
        }

        /** Whether a match can start with {@code c}: the first code point as itself, %-encoded or escaped. */
        private boolean canStart(char c) {
            return c == first || c == '%' || c == '\\' || (spaceFirst && c == '+');
        }

        /** The forms of the {@code k}-th code point, made when a match first gets that far. */
        private Form[] formsAt(int k) {
            Form[] made = forms[k];
            if (made == null) {
                made = forms(codePoints[k]);
                forms[k] = made;
            }
            return made;
        }

        private static Form[] forms(int codePoint) {
            String plain = new String(Character.toChars(codePoint));
            var percent = new StringBuilder();
            for (byte b : plain.getBytes(StandardCharsets.UTF_8)) {
                percent.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
            }
            var unicode = new StringBuilder();
            for (int i = 0; i < plain.length(); i++) {
                char c = plain.charAt(i);
                unicode.append("\\u");
                for (int shift = 12; shift >= 0; shift -= 4) {
                    unicode.append(HEX.charAt((c >> shift) & 0xf));
                }
            }
            List<Form> forms = new ArrayList<>(4);
            forms.add(new Form(plain, false));
            forms.add(new Form(percent.toString(), true));
            forms.add(new Form(unicode.toString(), true));
            String escape =
                    switch (codePoint) {
                        case ' ' -> "+";
                        case '/' -> "\\/";
                        case '"' -> "\\\"";
                        case '\\' -> "\\\\";
                        case '\n' -> "\\n";
                        case '\r' -> "\\r";
                        case '\t' -> "\\t";
                        case '\b' -> "\\b";
                        case '\f' -> "\\f";
                        default -> null;
                    };
            if (escape != null) {
                forms.add(new Form(escape, false));
            }
            return forms.toArray(Form[]::new);
        }

        /** {@code text} with every match, leftmost first and without overlaps, replaced by {@code shown}. */
        String replaceAll(String text, String shown) {
            StringBuilder out = null;
            int copied = 0;
            int i = 0;
            while (i < text.length()) {
                int end = canStart(text.charAt(i)) ? matchAt(text, i) : -1;
                if (end < 0) {
                    i++;
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, i).append(shown);
                copied = end;
                i = end;
            }
            return out == null ? text : out.append(text, copied, text.length()).toString();
        }

        /** Replaces the start of the secret (in any encoding) when the text ends with it: a body cut mid-secret. */
        String maskCutTail(String text, String shown) {
            for (int start = Math.max(0, text.length() - longest);
                    start <= text.length() - MIN_SECRET_LENGTH;
                    start++) {
                if (canStart(text.charAt(start)) && matchAt(text, start) < 0 && hitEnd) {
                    return text.substring(0, start) + shown;
                }
            }
            return text;
        }

        /**
         * Where a match starting at {@code start} ends, or -1 when none does; {@link #hitEnd} tells afterwards
         * whether some way of matching ran into the end of the text (the text ends inside the secret).
         */
        private int matchAt(String text, int start) {
            if (codePoints == NONE) {
                codePoints = secret.codePoints().toArray();
                forms = new Form[codePoints.length][];
                posAt = new int[codePoints.length + 1];
                tried = new int[codePoints.length];
            }
            hitEnd = false;
            int k = 0;
            posAt[0] = start;
            tried[0] = 0;
            while (k < forms.length) {
                Form[] alternatives = formsAt(k);
                int end = -1;
                while (end < 0 && tried[k] < alternatives.length) {
                    end = alternatives[tried[k]++].matchAt(text, posAt[k], this);
                }
                if (end >= 0) {
                    k++;
                    posAt[k] = end;
                    if (k < forms.length) {
                        tried[k] = 0;
                    }
                } else if (k == 0) {
                    return -1;
                } else {
                    k--;
                }
            }
            return posAt[forms.length];
        }
    }

    /** One way of writing a code point; {@code hex}: its letters are hex digits, matched in either case. */
    private static final class Form {
        private final char[] chars;
        private final boolean hex;

        Form(String chars, boolean hex) {
            this.chars = chars.toCharArray();
            this.hex = hex;
        }

        /** The end of this form written at {@code at}, or -1; notes in {@code encoded} when the text ended first. */
        int matchAt(String text, int at, Encoded encoded) {
            for (int j = 0; j < chars.length; j++) {
                if (at + j >= text.length()) {
                    encoded.hitEnd = true;
                    return -1;
                }
                char c = text.charAt(at + j);
                char expected = chars[j];
                if (c != expected && !(hex && isHexLetter(expected) && c == Character.toLowerCase(expected))) {
                    return -1;
                }
            }
            return at + chars.length;
        }

        /** {@code u} in {@code \}{@code u} is not a hex letter: only A-F are matched in either case. */
        private static boolean isHexLetter(char c) {
            return c >= 'A' && c <= 'F';
        }
    }
}
