package io.luxaris.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/** Scrubs secret values and bearer-like tokens out of text and truncates it to a safe size. */
public final class Redactor {
    public static final String MASK = "[REDACTED]";
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern KEYLIKE = Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}");
    private static final Pattern TOKEN_FIELD = Pattern.compile(
            "(?i)(\"(?:access_token|refresh_token|id_token|client_secret|api_key|password)\"\\s*:\\s*\")[^\"]*(\")");

    private Redactor() {}

    public static String scrub(String text, Collection<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, MASK);
            }
        }
        out = BEARER.matcher(out).replaceAll("$1" + MASK);
        out = KEYLIKE.matcher(out).replaceAll(MASK);
        out = TOKEN_FIELD.matcher(out).replaceAll("$1" + MASK + "$2");
        return out;
    }

    public static String scrubAndTruncate(String text, Collection<String> secrets, int max) {
        return truncate(scrub(text, secrets), max);
    }

    public static Optional<String> scrubAndTruncate(Optional<String> text, Collection<String> secrets, int max) {
        return text.map(t -> scrubAndTruncate(t, secrets, max));
    }

    /** Cuts to {@code max} characters (never splitting a surrogate pair), marking the cut. */
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
