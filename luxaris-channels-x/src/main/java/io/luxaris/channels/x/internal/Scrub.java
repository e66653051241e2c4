package io.luxaris.channels.x.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Keeps secrets out of what is stored and logged: raw responses, safe messages, dry-run previews. */
public final class Scrub {
    public static final String MASK = "[REDACTED]";
    /** Longest raw response kept (the core's limit for a publish event). */
    public static final int RAW_LIMIT = 4_096;

    private static final Pattern TOKEN_FIELD = Pattern.compile(
            "(?i)(\"(?:access_token|refresh_token|id_token|client_secret|code_verifier)\"\\s*:\\s*\")[^\"]*(\")");
    private static final Pattern FORM_FIELD = Pattern.compile(
            "(?i)((?:^|&)(?:access_token|refresh_token|client_secret|code_verifier|code|token)=)[^&\\s]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{4,}");
    private static final Pattern OAUTH1 = Pattern.compile("(?i)(oauth_(?:signature|token)=\")[^\"]*(\")");
    private static final List<String> RATE_HEADERS = List.of(
            "x-rate-limit-limit",
            "x-rate-limit-remaining",
            "x-rate-limit-reset",
            "x-user-limit-24hour-limit",
            "x-user-limit-24hour-remaining",
            "x-user-limit-24hour-reset",
            "x-app-limit-24hour-limit",
            "x-app-limit-24hour-remaining",
            "x-app-limit-24hour-reset",
            "retry-after");

    private Scrub() {}

    /** Masks token-shaped fields, bearer tokens and OAuth 1.0a signatures. */
    public static String patterns(String text) {
        String out = TOKEN_FIELD.matcher(text).replaceAll("$1" + MASK + "$2");
        out = FORM_FIELD.matcher(out).replaceAll("$1" + MASK);
        out = BEARER.matcher(out).replaceAll("$1" + MASK);
        return OAUTH1.matcher(out).replaceAll("$1" + MASK + "$2");
    }

    /** Masks every known secret value and token-shaped field. */
    public static String text(String text, Collection<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, MASK);
            }
        }
        return patterns(out);
    }

    /** A raw response to store: status line, rate-limit headers and body, secret-free and truncated. */
    public static String raw(HttpResult result, Collection<String> secrets) {
        var out = new StringBuilder()
                .append("HTTP ")
                .append(result.status())
                .append(' ')
                .append(result.method())
                .append(' ')
                .append(result.path());
        for (String name : RATE_HEADERS) {
            String value = result.headers().get(name);
            if (value != null) {
                out.append('\n')
                        .append(name.toLowerCase(Locale.ROOT))
                        .append(": ")
                        .append(value);
            }
        }
        if (!result.body().isEmpty()) {
            out.append("\n\n").append(result.body());
        }
        return truncate(text(out.toString(), secrets), RAW_LIMIT);
    }

    /** Cuts to {@code max} characters without splitting a surrogate pair, marking the cut. */
    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String marker = "…[truncated]";
        int end = Math.max(0, max - marker.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + marker;
    }
}
