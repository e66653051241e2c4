package io.luxaris.spring.boot.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code luxaris.channels.x.*}: the X channel, bound only when luxaris-channels-x is on the class path. */
@ConfigurationProperties("luxaris.channels.x")
public class XChannelProperties {
    /** Register the X channel. */
    private boolean enabled = true;

    /** Where the X API is (a proxy, a mock server); default https://api.x.com. */
    private @Nullable String baseUrl;

    /** The OAuth 2.0 client id used to refresh user tokens. */
    private @Nullable String clientId;

    /** The OAuth 2.0 client secret (confidential clients only). */
    private @Nullable String clientSecret;

    /** The OAuth 1.0a consumer key, for connections with OAuth 1.0a credentials. */
    private @Nullable String consumerKey;

    /** The OAuth 1.0a consumer secret. */
    private @Nullable String consumerSecret;

    /** Build and log each request (token redacted) instead of sending it. */
    private boolean dryRun;

    private @Nullable Duration connectTimeout;

    private @Nullable Duration readTimeout;

    private @Nullable Duration callTimeout;

    /** Refresh an OAuth 2.0 token when it expires within this margin. */
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

    public @Nullable String getConsumerKey() {
        return consumerKey;
    }

    public void setConsumerKey(@Nullable String consumerKey) {
        this.consumerKey = consumerKey;
    }

    public @Nullable String getConsumerSecret() {
        return consumerSecret;
    }

    public void setConsumerSecret(@Nullable String consumerSecret) {
        this.consumerSecret = consumerSecret;
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
