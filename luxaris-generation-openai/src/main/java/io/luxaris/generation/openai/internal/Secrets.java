package io.luxaris.generation.openai.internal;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps API keys out of messages, logs and metadata: known secrets and key-shaped strings are shown masked the way
 * OpenAI shows them ({@code sk-abc***xyz}), bearer tokens and {@code key=value} secrets are replaced.
 */
public final class Secrets {
    private static final String STARS = "***";
    private static final Pattern KEY_SHAPED = Pattern.compile("\\b(?:sk|rk|pk)-[A-Za-z0-9_-]{12,}");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern ASSIGNED =
            Pattern.compile("(?i)\\b(api[-_ ]?key|access[-_]?token|refresh[-_]?token|client[-_]?secret|secret|password)"
                    + "([\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',;&]{4,})");

    private Secrets() {}

    /** {@code sk-abcdef...789xyz} as {@code sk-abc***xyz}; short values as {@code ***}. */
    public static String mask(String secret) {
        if (secret.length() < 12) {
            return STARS;
        }
        return secret.substring(0, 6) + STARS + secret.substring(secret.length() - 3);
    }

    /** {@code text} with every known secret masked and key-shaped strings hidden. */
    public static String scrub(String text, Collection<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret.length() >= 4) {
                out = out.replace(secret, mask(secret));
            }
        }
        Matcher keys = KEY_SHAPED.matcher(out);
        out = keys.replaceAll(m -> Matcher.quoteReplacement(mask(m.group())));
        out = BEARER.matcher(out).replaceAll("$1" + STARS);
        return ASSIGNED.matcher(out).replaceAll("$1$2" + STARS);
    }

    /** Cuts to {@code max} characters without splitting a surrogate pair, marking the cut. */
    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String marker = "…";
        int end = Math.max(0, max - marker.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + marker;
    }
}
