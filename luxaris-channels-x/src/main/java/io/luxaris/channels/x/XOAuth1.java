package io.luxaris.channels.x;

import static io.luxaris.http.internal.AdapterBuilder.nonBlank;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;

/**
 * OAuth 1.0a request signing (HMAC-SHA1, RFC 5849) for X's user context, the alternative to OAuth 2.0. The
 * signature covers the method, the URL without query, the query parameters, form-encoded body parameters and the
 * {@code oauth_*} parameters; JSON and multipart bodies are not signed (RFC 5849 §3.4.1.3).
 *
 * <pre>{@code
 * XOAuth1 signer = XOAuth1.of(consumerKey, consumerSecret);
 * String header = signer.authorizationHeader("POST", "https://api.x.com/2/tweets", Map.of(), token, tokenSecret);
 * }</pre>
 *
 * Thread-safe. {@link #toString()} shows no key.
 */
public final class XOAuth1 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String consumerKey;
    private final String consumerSecret;
    private final Clock clock;

    private XOAuth1(String consumerKey, String consumerSecret, Clock clock) {
        this.consumerKey = nonBlank(consumerKey, "consumerKey");
        this.consumerSecret = nonBlank(consumerSecret, "consumerSecret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A signer for one app (consumer key and secret), timestamps from the system clock. */
    public static XOAuth1 of(String consumerKey, String consumerSecret) {
        return new XOAuth1(consumerKey, consumerSecret, Clock.systemUTC());
    }

    /** A signer taking its timestamps from {@code clock}. */
    public static XOAuth1 of(String consumerKey, String consumerSecret, Clock clock) {
        return new XOAuth1(consumerKey, consumerSecret, clock);
    }

    /**
     * The {@code Authorization} header value for a request, with a fresh nonce and the current timestamp.
     *
     * @param method HTTP method
     * @param url the full URL, including its query
     * @param formParameters parameters of an {@code application/x-www-form-urlencoded} body (empty otherwise)
     * @param token the user's access token
     * @param tokenSecret the user's token secret
     */
    public String authorizationHeader(
            String method, String url, Map<String, String> formParameters, String token, String tokenSecret) {
        return authorizationHeader(
                method,
                url,
                formParameters,
                token,
                tokenSecret,
                nonce(),
                clock.instant().getEpochSecond());
    }

    /** The {@code Authorization} header value with a given nonce and timestamp (for tests and replays). */
    public String authorizationHeader(
            String method,
            String url,
            Map<String, String> formParameters,
            String token,
            String tokenSecret,
            String nonce,
            long timestamp) {
        Objects.requireNonNull(formParameters, "formParameters");
        nonBlank(token, "token");
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        var oauth = new ArrayList<Map.Entry<String, String>>();
        oauth.add(Map.entry("oauth_consumer_key", consumerKey));
        oauth.add(Map.entry("oauth_nonce", nonBlank(nonce, "nonce")));
        oauth.add(Map.entry("oauth_signature_method", "HMAC-SHA1"));
        oauth.add(Map.entry("oauth_timestamp", Long.toString(timestamp)));
        oauth.add(Map.entry("oauth_token", token));
        oauth.add(Map.entry("oauth_version", "1.0"));
        HttpUrl parsed = parse(url);
        var all = new ArrayList<Map.Entry<String, String>>(oauth);
        for (int i = 0; i < parsed.querySize(); i++) {
            String value = parsed.queryParameterValue(i);
            all.add(Map.entry(parsed.queryParameterName(i), value == null ? "" : value));
        }
        formParameters.forEach((k, v) -> all.add(Map.entry(k, v)));
        String base = signatureBaseString(method, url, all);
        oauth.add(Map.entry("oauth_signature", signature(base, consumerSecret, tokenSecret)));
        return "OAuth "
                + oauth.stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> percentEncode(e.getKey()) + "=\"" + percentEncode(e.getValue()) + "\"")
                        .collect(Collectors.joining(", "));
    }

    /**
     * The signature base string: {@code METHOD&enc(base URL)&enc(sorted, encoded parameters)}. {@code parameters}
     * are decoded name/value pairs (query, form body and {@code oauth_*}); the query of {@code url} is ignored here
     * (pass its parameters in {@code parameters}).
     */
    public static String signatureBaseString(
            String method, String url, List<? extends Map.Entry<String, String>> parameters) {
        nonBlank(method, "method");
        HttpUrl parsed = parse(url);
        var base = new StringBuilder()
                .append(parsed.scheme().toLowerCase(Locale.ROOT))
                .append("://")
                .append(parsed.host().toLowerCase(Locale.ROOT));
        if (parsed.port() != HttpUrl.defaultPort(parsed.scheme())) {
            base.append(':').append(parsed.port());
        }
        base.append(parsed.encodedPath());
        String normalized = parameters.stream()
                .map(e -> Map.entry(percentEncode(e.getKey()), percentEncode(e.getValue())))
                .sorted(Comparator.<Map.Entry<String, String>, String>comparing(Map.Entry::getKey)
                        .thenComparing(Map.Entry::getValue))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "&" + percentEncode(base.toString()) + "&" + percentEncode(normalized);
    }

    /** HMAC-SHA1 of the base string with key {@code enc(consumerSecret)&enc(tokenSecret)}, Base64. */
    public static String signature(String baseString, String consumerSecret, String tokenSecret) {
        String key = percentEncode(consumerSecret) + "&" + percentEncode(tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** RFC 3986 percent-encoding: everything but {@code A-Z a-z 0-9 - . _ ~}, as UTF-8, upper-case hex. */
    public static String percentEncode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        var out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    private static String nonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replaceAll("[^A-Za-z0-9]", "x");
    }

    private static HttpUrl parse(String url) {
        HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "url"));
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        return parsed;
    }

    @Override
    public String toString() {
        return "XOAuth1[HMAC-SHA1, keys redacted]";
    }
}
