package io.luxaris.generation.openai;

import static io.luxaris.generation.openai.FakeOpenAi.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.spi.generation.GenerationFailedException;
import io.luxaris.spi.generation.GenerationFailedException.Kind;
import io.luxaris.spi.generation.GeneratorProvider;
import io.luxaris.spi.generation.SuggestionGenerator;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.usecase.GenerationRequest;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The provider: discovery and configuration from the environment, builder validation. */
class OpenAiGeneratorTest {

    @Test
    void serviceLoader_findsTheProvider_underKeyOpenai() {
        assertThat(ServiceLoader.load(GeneratorProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(OpenAiGenerator.class);
        assertThat(new OpenAiGenerator().key()).isEqualTo("openai");
    }

    @Test
    void environmentWithoutKey_stillCreates_butEveryGenerationIsAConfigurationError() {
        OpenAiGenerator provider = OpenAiGenerator.fromEnvironment(Map.<String, String>of()::get);

        assertThat(provider.configurationProblem())
                .hasValueSatisfying(p -> assertThat(p).contains("OPENAI_API_KEY"));
        try (SuggestionGenerator generator = provider.create(Fixtures.environment())) {
            assertThatThrownBy(() -> generator.generate(Fixtures.prompt(1)))
                    .isInstanceOfSatisfying(GenerationFailedException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
                        assertThat(e.getMessage()).contains("set OPENAI_API_KEY");
                    });
        }
    }

    @Test
    void environmentWithoutKey_throughLuxaris_recordsTheConfigurationErrorPerChannel() {
        try (Luxaris luxaris = Luxaris.builder()
                .channel(ScriptedChannel.create("fake"))
                .generator(OpenAiGenerator.fromEnvironment(Map.<String, String>of()::get))
                .build()) {
            var session = luxaris.generation().generate(Principal.of("alice"), GenerationRequest.of("Hi", "fake"));

            assertThat(session.suggestions()).isEmpty();
            assertThat(session.session().channelErrors())
                    .hasEntrySatisfying("fake", m -> assertThat(m).startsWith("configuration: no API key"));
        }
    }

    @Test
    void environmentWithKeyBaseUrlAndModel_talksToThatServer() throws Exception {
        try (FakeOpenAi fake = new FakeOpenAi()) {
            fake.enqueue(fake.localCompletion(candidate("ok", 0.8)));
            OpenAiGenerator provider = OpenAiGenerator.fromEnvironment(Map.of(
                    "OPENAI_API_KEY", "sk-env-0123456789abcdef",
                    "OPENAI_BASE_URL", fake.baseUrl(),
                    "OPENAI_MODEL", "local-model",
                    "OPENAI_PROJECT_ID", "proj_1")::get);
            assertThat(provider.configurationProblem()).isEmpty();
            assertThat(provider.server()).isEqualTo("compatible");
            assertThat(provider.model()).contains("local-model");
            try (SuggestionGenerator generator = provider.create(Fixtures.environment())) {
                generator.generate(Fixtures.prompt(1));
            }
            RecordedRequest request = fake.take();
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-env-0123456789abcdef");
            assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj_1");
            assertThat(FakeOpenAi.json(request).path("model").asText()).isEqualTo("local-model");
        }
    }

    @Test
    void environmentWithKeyOnly_usesOpenAiAndItsDefaultModel() {
        OpenAiGenerator provider = OpenAiGenerator.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-x-0123456789")::get);

        assertThat(provider.configurationProblem()).isEmpty();
        assertThat(provider.baseUrl()).hasToString("https://api.openai.com/v1/");
        assertThat(provider.model()).contains(ServerProfile.DEFAULT_OPENAI_MODEL);
        assertThat(provider.toString()).doesNotContain("sk-x-0123456789");
    }

    @Test
    void environmentWithAzureBaseUrl_usesTheApiKeyHeader_andNeedsAModel() {
        OpenAiGenerator withoutModel = OpenAiGenerator.fromEnvironment(Map.of(
                "OPENAI_API_KEY", "azure-key-0123456789",
                "OPENAI_BASE_URL", "https://contoso.openai.azure.com/openai/v1")::get);
        assertThat(withoutModel.server()).isEqualTo("azure");
        assertThat(withoutModel.baseUrl()).hasToString("https://contoso.openai.azure.com/openai/v1/");
        assertThat(withoutModel.configurationProblem())
                .hasValueSatisfying(p -> assertThat(p).contains("OPENAI_MODEL"));
    }

    @Test
    void environmentWithLocalServerAndNoKey_needsNoKey() {
        OpenAiGenerator provider = OpenAiGenerator.fromEnvironment(
                Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1", "OPENAI_MODEL", "llama3.2")::get);
        assertThat(provider.configurationProblem()).isEmpty();
    }

    @Test
    void environmentWithBadBaseUrl_isAConfigurationProblem_withoutEchoingIt() {
        OpenAiGenerator provider = OpenAiGenerator.fromEnvironment(
                Map.of("OPENAI_API_KEY", "sk-abc", "OPENAI_BASE_URL", "ftp://user:pw@host")::get);
        assertThat(provider.configurationProblem())
                .hasValueSatisfying(
                        p -> assertThat(p).contains("OPENAI_BASE_URL").doesNotContain("pw"));
    }

    @Test
    void builder_namesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> OpenAiGenerator.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apiKey is required for the 'openai' profile");
        assertThatThrownBy(() -> OpenAiGenerator.builder()
                        .profile(ServerProfile.ollama())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model is required for the 'ollama' profile");
        assertThatThrownBy(() -> OpenAiGenerator.builder().temperature(2.5))
                .hasMessageContaining("temperature must be within 0..2 but was 2.5");
        assertThatThrownBy(() -> OpenAiGenerator.builder().key("Open AI")).hasMessageContaining("key must be");
        assertThatThrownBy(() -> OpenAiGenerator.builder().baseUrl("localhost:8000"))
                .hasMessageContaining("baseUrl must be");
        assertThatThrownBy(() -> OpenAiGenerator.builder().baseUrl("https://user:secret@example.com/v1"))
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("secret@");
        assertThatThrownBy(() -> OpenAiGenerator.builder().apiKey("  "))
                .hasMessageContaining("apiKey must be")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenAiGenerator.builder().maxRetries(11)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> OpenAiGenerator.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("backoff");
        assertThatThrownBy(() -> ServerProfile.azure("bad resource!", "d")).hasMessageContaining("resource");
    }

    @Test
    void builder_withAnotherKey_registersBesideTheDefault() {
        var local = OpenAiGenerator.builder()
                .profile(ServerProfile.ollama())
                .model("llama3.2")
                .key("ollama")
                .build();
        var cloud = OpenAiGenerator.builder().apiKey("sk-abc-0123456789").build();
        try (Luxaris luxaris =
                Luxaris.builder().generator(cloud).generator(local).build()) {
            assertThat(luxaris).isNotNull();
        }
        assertThat(local.key()).isEqualTo("ollama");
        assertThat(local.baseUrl()).hasToString("http://localhost:11434/v1/");
    }
}
