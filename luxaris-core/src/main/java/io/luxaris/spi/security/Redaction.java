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
    private static final int HINT_MIN_LENGTH = 20;

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
            Pattern any = anyEncoding(secret);
            out = any.matcher(out).replaceAll(Matcher.quoteReplacement(shown));
            out = maskCutTail(out, any, secret, shown);
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

    /** A pattern matching {@code secret} with each character plain, %-encoded, form-encoded or JSON-escaped. */
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

    /** Each hex digit as a class of its upper- and lower-case form ({@code 2F} as {@code 2[Ff]}). */
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

    /** Masks the start of {@code secret} (in any encoding) when the text ends with it: a body cut mid-secret. */
    private static String maskCutTail(String text, Pattern any, String secret, String shown) {
        int longest = 12 * secret.codePointCount(0, secret.length());
        Matcher m = any.matcher(text);
        for (int start = Math.max(0, text.length() - longest); start <= text.length() - MIN_SECRET_LENGTH; start++) {
            m.region(start, text.length());
            if (!m.lookingAt() && m.hitEnd()) {
                return text.substring(0, start) + shown;
            }
        }
        return text;
    }
}
