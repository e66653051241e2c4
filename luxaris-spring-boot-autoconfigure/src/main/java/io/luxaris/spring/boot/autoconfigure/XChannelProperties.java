package io.luxaris.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code luxaris.channels.x.*}: the X channel, bound only when luxaris-channels-x is on the class path. */
@ConfigurationProperties("luxaris.channels.x")
public class XChannelProperties extends ChannelProperties {

    /** The OAuth 2.0 client id used to refresh user tokens. */
    private @Nullable String clientId;

    /** The OAuth 2.0 client secret (confidential clients only). */
    private @Nullable String clientSecret;

    /** The OAuth 1.0a consumer key, for connections with OAuth 1.0a credentials. */
    private @Nullable String consumerKey;

    /** The OAuth 1.0a consumer secret. */
    private @Nullable String consumerSecret;

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
}
