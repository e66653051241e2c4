package io.luxaris.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code luxaris.channels.linkedin.*}: the LinkedIn channel, bound only when luxaris-channels-linkedin is on the
 * class path.
 */
@ConfigurationProperties("luxaris.channels.linkedin")
public class LinkedInChannelProperties extends ChannelProperties {

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
}
