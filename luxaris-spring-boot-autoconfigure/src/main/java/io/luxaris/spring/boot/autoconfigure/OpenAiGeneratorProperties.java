package io.luxaris.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code luxaris.generators.openai.*}: the OpenAI (or compatible server) generator, bound only when
 * luxaris-generation-openai is on the class path, and registered only when an api-key or a base-url is set.
 */
@ConfigurationProperties("luxaris.generators.openai")
public class OpenAiGeneratorProperties extends HttpClientProperties {

    /** The provider key requests name it by. */
    private @Nullable String key;

    /** The server kind: OPENAI (default), OLLAMA, VLLM or LM_STUDIO. */
    private @Nullable String profile;

    /** The API key; never logged. */
    private @Nullable String apiKey;

    /** The model; default: the profile's. */
    private @Nullable String model;

    private @Nullable String organization;

    private @Nullable String project;

    private @Nullable Double temperature;

    private @Nullable Integer maxOutputTokens;

    private @Nullable Integer maxRetries;

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

    public @Nullable Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(@Nullable Integer maxRetries) {
        this.maxRetries = maxRetries;
    }
}
