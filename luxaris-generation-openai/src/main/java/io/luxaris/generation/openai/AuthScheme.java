package io.luxaris.generation.openai;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the API key travels: the header's name and what precedes the key in its value. Nothing is sent when no key is
 * configured (local servers such as Ollama or LM Studio need none).
 *
 * @param header the header name, such as {@code Authorization} or {@code api-key}
 * @param prefix what precedes the key in the header value, such as {@code "Bearer "}; may be empty
 */
public record AuthScheme(String header, String prefix) {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public AuthScheme {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(prefix, "prefix");
        if (!TOKEN.matcher(header).matches()) {
            throw new IllegalArgumentException("header must be an HTTP header name but was '" + header + "'");
        }
        if (prefix.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("prefix must not contain control characters");
        }
    }

    /** {@code Authorization: Bearer <key>}: OpenAI, vLLM ({@code --api-key}), LM Studio, most compatible servers. */
    public static AuthScheme bearer() {
        return new AuthScheme("Authorization", "Bearer ");
    }

    /** {@code api-key: <key>}: Azure OpenAI with a resource key. */
    public static AuthScheme apiKeyHeader() {
        return new AuthScheme("api-key", "");
    }

    /** Any other header, such as a gateway's {@code X-Api-Key}. */
    public static AuthScheme header(String name, String prefix) {
        return new AuthScheme(name, prefix);
    }
}
