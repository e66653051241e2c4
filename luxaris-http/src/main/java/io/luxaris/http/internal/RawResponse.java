package io.luxaris.http.internal;

import io.luxaris.spi.security.Redaction;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The raw response kept with a publish event: status line, the headers worth keeping, and the body, scrubbed with
 * {@link Redaction} and cut to the core's limit.
 */
public final class RawResponse {
    /** Longest raw response kept (the core's limit for a publish event). */
    public static final int LIMIT = 4_096;

    private RawResponse() {}

    /**
     * {@code HTTP <status> <method> <path>}, then {@code name: value} for each of {@code keptHeaders} present, then
     * the body (marked when it was cut at the cap); with every secret and token-shaped value masked.
     */
    public static String of(HttpResult result, List<String> keptHeaders, Collection<String> secrets) {
        var out = new StringBuilder()
                .append("HTTP ")
                .append(result.status())
                .append(' ')
                .append(result.method())
                .append(' ')
                .append(result.path());
        for (String name : keptHeaders) {
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
        String scrubbed = Redaction.scrub(out.toString(), secrets);
        if (result.truncated()) {
            scrubbed = Redaction.truncate(scrubbed, LIMIT - 40) + "\n[body over the size limit, not read]";
        }
        return Redaction.truncate(scrubbed, LIMIT);
    }
}
