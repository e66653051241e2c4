package io.luxaris.spring.boot.autoconfigure;

import io.luxaris.generation.openai.OpenAiGenerator;
import io.luxaris.generation.openai.ServerProfile;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Registers the OpenAI generator when luxaris-generation-openai is on the class path and {@code
 * luxaris.generators.openai.api-key} or {@code base-url} is set (unless {@code enabled=false} or the context
 * defines its own {@link OpenAiGenerator}).
 */
@AutoConfiguration(before = LuxarisAutoConfiguration.class)
@ConditionalOnClass(name = "io.luxaris.generation.openai.OpenAiGenerator")
@ConditionalOnProperty(prefix = "luxaris.generators.openai", name = "enabled", matchIfMissing = true)
@Conditional(LuxarisOpenAiGeneratorAutoConfiguration.Configured.class)
@EnableConfigurationProperties(OpenAiGeneratorProperties.class)
public final class LuxarisOpenAiGeneratorAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean(OpenAiGenerator.class)
    OpenAiGenerator luxarisOpenAiGenerator(OpenAiGeneratorProperties p) {
        OpenAiGenerator.Builder b = OpenAiGenerator.builder();
        if (p.getKey() != null) {
            b.key(p.getKey());
        }
        if (p.getProfile() != null) {
            b.profile(profile(p.getProfile()));
        }
        p.applyTo(b::baseUrl, b::connectTimeout, b::readTimeout, b::callTimeout);
        if (p.getApiKey() != null) {
            b.apiKey(p.getApiKey());
        }
        if (p.getModel() != null) {
            b.model(p.getModel());
        }
        if (p.getOrganization() != null) {
            b.organization(p.getOrganization());
        }
        if (p.getProject() != null) {
            b.project(p.getProject());
        }
        if (p.getTemperature() != null) {
            b.temperature(p.getTemperature());
        }
        if (p.getMaxOutputTokens() != null) {
            b.maxOutputTokens(p.getMaxOutputTokens());
        }
        if (p.getMaxRetries() != null) {
            b.maxRetries(p.getMaxRetries());
        }
        return b.build();
    }

    private static ServerProfile profile(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "openai" -> ServerProfile.openai();
            case "ollama" -> ServerProfile.ollama();
            case "vllm" -> ServerProfile.vllm();
            case "lm-studio", "lmstudio" -> ServerProfile.lmStudio();
            default ->
                throw new IllegalStateException(
                        "luxaris.generators.openai.profile must be one of OPENAI, OLLAMA, VLLM, LM_STUDIO but was '"
                                + value + "'");
        };
    }

    /** An api-key or a base-url is set. */
    static final class Configured extends AnyNestedCondition {
        Configured() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnProperty(prefix = "luxaris.generators.openai", name = "api-key")
        static final class ApiKey {}

        @ConditionalOnProperty(prefix = "luxaris.generators.openai", name = "base-url")
        static final class BaseUrl {}
    }
}
