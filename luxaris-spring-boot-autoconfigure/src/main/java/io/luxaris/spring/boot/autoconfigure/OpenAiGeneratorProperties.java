package io.luxaris.spring.boot.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code luxaris.generators.openai.*}: the OpenAI (or compatible server) generator, bound only when
 * luxaris-generation-openai is on the class path, and registered only when an api-key or a base-url is set.
 */
@ConfigurationProperties("luxaris.generators.openai")
public class OpenAiGeneratorProperties {
    /** Register the generator (when api-key or base-url is set). */
    private boolean enabled = true;

    /** The provider key requests name it by. */
    private @Nullable String key;

    /** The server kind: OPENAI (default), OLLAMA, VLLM or LM_STUDIO. */
    private @Nullable String profile;

    /** Another base URL (a proxy, a gateway, a compatible server); chat/completions is added. */
    private @Nullable String baseUrl;

    /** The API key; never logged. */
    private @Nullable String apiKey;

    /** The model; default: the profile's. */
    private @Nullable String model;

    private @Nullable String organization;

    private @Nullable String project;

    private @Nullable Double temperature;

    private @Nullable Integer maxOutputTokens;

    private @Nullable Duration connectTimeout;

    private @Nullable Duration readTimeout;

    private @Nullable Duration callTimeout;

    private @Nullable Integer maxRetries;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getKey() {
        return key;
    }

    public void setKey(@Nullable String key) {
        this.key = key;
    }

    public @Nullable String getProfile() {
        return profile;
    }

    public void setProfile(@Nullable String profile) {
        this.profile = profile;
    }

    public @Nullable String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public @Nullable String getApiKey() {
        return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public @Nullable String getModel() {
        return model;
    }

    public void setModel(@Nullable String model) {
        this.model = model;
    }

    public @Nullable String getOrganization() {
        return organization;
    }

    public void setOrganization(@Nullable String organization) {
        this.organization = organization;
    }

    public @Nullable String getProject() {
        return project;
    }

    public void setProject(@Nullable String project) {
        this.project = project;
    }

    public @Nullable Double getTemperature() {
        return temperature;
    }

    public void setTemperature(@Nullable Double temperature) {
        this.temperature = temperature;
    }

    public @Nullable Integer getMaxOutputTokens() {
        return maxOutputTokens;
    }

    public void setMaxOutputTokens(@Nullable Integer maxOutputTokens) {
        this.maxOutputTokens = maxOutputTokens;
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

    public @Nullable Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(@Nullable Integer maxRetries) {
        this.maxRetries = maxRetries;
    }
}
