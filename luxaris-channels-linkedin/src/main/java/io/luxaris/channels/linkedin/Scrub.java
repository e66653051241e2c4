package io.luxaris.channels.linkedin;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Keeps secrets out of what is stored and logged: raw responses, safe messages, dry-run previews. */
final class Scrub {
    static final String MASK = "[REDACTED]";
    /** Longest raw response kept (the core's limit for a publish event). */
    static final int RAW_LIMIT = 4_096;
    /** Longest LinkedIn message quoted in a safe message. */
    static final int MESSAGE_LIMIT = 600;

    private static final Pattern TOKEN_FIELD = Pattern.compile(
            "(?i)(\"(?:access_token|refresh_token|id_token|client_secret|code)\"\\s*:\\s*\")[^\"]*(\")");
    private static final Pattern FORM_FIELD =
            Pattern.compile("(?i)((?:^|&)(?:access_token|refresh_token|client_secret|code)=)[^&\\s]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{4,}");
    private static final List<String> KEPT_HEADERS = List.of("x-restli-id", "x-linkedin-id", "retry-after");

    private Scrub() {}

    /** Masks token-shaped JSON and form fields and bearer tokens. */
    static String patterns(String text) {
        String out = TOKEN_FIELD.matcher(text).replaceAll("$1" + MASK + "$2");
        out = FORM_FIELD.matcher(out).replaceAll("$1" + MASK);
        return BEARER.matcher(out).replaceAll("$1" + MASK);
    }

    /** Masks every known secret value and token-shaped field. */
    static String text(String text, Collection<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, MASK);
            }
        }
        return patterns(out);
    }

    /** A raw response to store: status line, id headers and body, secret-free and truncated. */
    static String raw(HttpResult result, Collection<String> secrets) {
        var out = new StringBuilder()
                .append("HTTP ")
                .append(result.status())
                .append(' ')
                .append(result.method())
                .append(' ')
                .append(result.path());
        for (String name : KEPT_HEADERS) {
            String value = result.headers().get(name);
            if (value != null) {
                out.append('\n').append(name).append(": ").append(value);
            }
        }
        if (!result.body().isEmpty()) {
            out.append("\n\n").append(result.body());
        }
        return truncate(text(out.toString(), secrets), RAW_LIMIT);
    }

    /** Cuts to {@code max} characters without splitting a surrogate pair, marking the cut. */
    static String truncate(String text, int max) {
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
