package io.luxaris.spring.boot.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code luxaris.channels.linkedin.*}: the LinkedIn channel, bound only when luxaris-channels-linkedin is on the
 * class path.
 */
@ConfigurationProperties("luxaris.channels.linkedin")
public class LinkedInChannelProperties {
    /** Register the LinkedIn channel. */
    private boolean enabled = true;

    /** Where the REST API is (a proxy, a mock server); default https://api.linkedin.com. */
    private @Nullable String baseUrl;

    /** Where the OAuth endpoints are; default https://www.linkedin.com. */
    private @Nullable String oauthBaseUrl;

    /** The LinkedIn-Version header (YYYYMM); default: the tested version of luxaris-channels-linkedin. */
    private @Nullable String version;

    /** The OAuth client id used to refresh tokens (with client-secret). */
    private @Nullable String clientId;

    /** The OAuth client secret. */
    private @Nullable String clientSecret;

    /** Who may see the posts: PUBLIC or CONNECTIONS. */
    private @Nullable String visibility;

    /** Build and log each request (token redacted) instead of sending it. */
    private boolean dryRun;

    private @Nullable Duration connectTimeout;

    private @Nullable Duration readTimeout;

    private @Nullable Duration callTimeout;

    /** Refresh a token when it expires within this margin. */
    private @Nullable Duration refreshAhead;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public @Nullable String getOauthBaseUrl() {
        return oauthBaseUrl;
    }

    public void setOauthBaseUrl(@Nullable String oauthBaseUrl) {
        this.oauthBaseUrl = oauthBaseUrl;
    }

    public @Nullable String getVersion() {
        return version;
    }

    public void setVersion(@Nullable String version) {
        this.version = version;
    }

    public @Nullable String getClientId() {
        return clientId;
    }

    public void setClientId(@Nullable String clientId) {
        this.clientId = clientId;
    }

    public @Nullable String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(@Nullable String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public @Nullable String getVisibility() {
        return visibility;
    }

    public void setVisibility(@Nullable String visibility) {
        this.visibility = visibility;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public @Nullable Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(@Nullable Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public @Nullable Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(@Nullable Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public @Nullable Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(@Nullable Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public @Nullable Duration getRefreshAhead() {
        return refreshAhead;
    }

    public void setRefreshAhead(@Nullable Duration refreshAhead) {
        this.refreshAhead = refreshAhead;
    }
}
