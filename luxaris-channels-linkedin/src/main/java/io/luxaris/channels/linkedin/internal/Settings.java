package io.luxaris.channels.linkedin.internal;

import io.luxaris.channels.linkedin.LinkedInChannel;
import io.luxaris.channels.linkedin.LinkedInRequestPreview;
import io.luxaris.http.internal.HttpSettings;
import io.luxaris.http.internal.PlatformHttp;
import io.luxaris.spi.channel.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Configuration of the LinkedIn channel as the public builder validated it. {@link #toString()} never shows a
 * secret.
 *
 * @param apiBaseUrl REST API host ({@code https://api.linkedin.com}; a mock server or proxy in tests)
 * @param oauthBaseUrl OAuth host ({@code https://www.linkedin.com}), for refreshing tokens
 * @param version the {@code LinkedIn-Version} header (YYYYMM)
 * @param http the shared client (if any), timeouts and response cap
 * @param dryRun build and log requests without sending them
 * @param dryRunSink receives each request built in dry-run mode
 * @param clientId OAuth client id, for refreshing tokens
 * @param clientSecret OAuth client secret, for refreshing tokens
 * @param refreshAhead refresh a refreshable access token this long before it expires
 * @param throttleBackoff wait after a 429 that is not the daily limit (when LinkedIn gives no Retry-After)
 * @param visibility who may see the posts
 * @param lookupGrace how long an unanswered comment request may take to show among the post's comments
 * @param sleeper how to wait, when set on the builder (else the environment's)
 */
public record Settings(
        HttpUrl apiBaseUrl,
        HttpUrl oauthBaseUrl,
        String version,
        HttpSettings http,
        boolean dryRun,
        Consumer<LinkedInRequestPreview> dryRunSink,
        Optional<String> clientId,
        Optional<String> clientSecret,
        Duration refreshAhead,
        Duration throttleBackoff,
        LinkedInChannel.Visibility visibility,
        Duration lookupGrace,
        Optional<Sleeper> sleeper) {
    public static final String DEFAULT_API_BASE_URL = "https://api.linkedin.com";
    public static final String DEFAULT_OAUTH_BASE_URL = "https://www.linkedin.com";
    public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofMinutes(5);
    public static final Duration DEFAULT_THROTTLE_BACKOFF = Duration.ofMinutes(1);
    public static final Duration DEFAULT_LOOKUP_GRACE = Duration.ofSeconds(5);

    /** {@code YYYYMM} with a real month, optionally a {@code .RR} revision. */
    private static final Pattern VERSION = Pattern.compile("20\\d\\d(0[1-9]|1[0-2])(\\.\\d{2})?");

    public Settings {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(oauthBaseUrl, "oauthBaseUrl");
        requireVersion(version);
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(dryRunSink, "dryRunSink");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(refreshAhead, "refreshAhead");
        Objects.requireNonNull(throttleBackoff, "throttleBackoff");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(lookupGrace, "lookupGrace");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    public static String requireVersion(String version) {
        Objects.requireNonNull(version, "version");
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(
                    "version must be a LinkedIn API version YYYYMM (such as 202605) but was '" + version + "'");
        }
        return version;
    }

    /** Defaults, with another API and OAuth base and, optionally, the host's client (for the OAuth helpers). */
    public static Settings forClient(HttpUrl apiBaseUrl, HttpUrl oauthBaseUrl, HttpSettings http) {
        return new Settings(
                apiBaseUrl,
                oauthBaseUrl,
                LinkedInChannel.DEFAULT_VERSION,
                http,
                false,
                preview -> {},
                Optional.empty(),
                Optional.empty(),
                DEFAULT_REFRESH_AHEAD,
                DEFAULT_THROTTLE_BACKOFF,
                LinkedInChannel.Visibility.PUBLIC,
                DEFAULT_LOOKUP_GRACE,
                Optional.empty());
    }

    public static Settings defaults() {
        return forClient(
                HttpUrl.get(DEFAULT_API_BASE_URL), HttpUrl.get(DEFAULT_OAUTH_BASE_URL), HttpSettings.defaults());
    }

    /** Whether the channel can refresh tokens by itself (the app's client id and secret are configured). */
    boolean canRefresh() {
        return clientId.isPresent() && clientSecret.isPresent();
    }

    /** A URL under the API base, from path segments (each one encoded). */
    HttpUrl.Builder api(String... segments) {
        return PlatformHttp.url(apiBaseUrl, segments);
    }

    /** The token endpoint, {@code /oauth/v2/accessToken} under the OAuth base. */
    HttpUrl tokenUrl() {
        return oauthBaseUrl
                .newBuilder()
                .addPathSegment("oauth")
                .addPathSegment("v2")
                .addPathSegment("accessToken")
                .build();
    }

    @Override
    public String toString() {
        return "Settings[apiBaseUrl=" + apiBaseUrl + ", oauthBaseUrl=" + oauthBaseUrl + ", version=" + version
                + ", " + http + ", dryRun=" + dryRun + ", clientId="
                + clientId.isPresent() + ", clientSecret=" + clientSecret.isPresent() + ", refreshAhead="
                + refreshAhead + ", throttleBackoff=" + throttleBackoff + ", visibility=" + visibility
                + ", lookupGrace=" + lookupGrace
                + ", sleeper=" + sleeper.isPresent() + "]";
    }
}
