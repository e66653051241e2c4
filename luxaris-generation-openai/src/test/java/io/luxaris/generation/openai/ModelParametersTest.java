package io.luxaris.generation.openai;

import static io.luxaris.generation.openai.FakeOpenAi.candidate;
import static io.luxaris.generation.openai.FakeOpenAi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.generation.openai.ServerProfile.TokenLimit;
import io.luxaris.http.testing.SleepingClock;
import io.luxaris.spi.generation.GenerationResult;
import io.luxaris.spi.generation.SuggestionGenerator;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameters newer models reject (temperature, max_tokens) and servers that reject n or max_completion_tokens. */
class ModelParametersTest {
    @AutoClose
    private final FakeOpenAi fake = new FakeOpenAi();

    private final SleepingClock timing = new SleepingClock();

    @Test
    void unsupportedTemperature_isDroppedAndTheRequestSentAgain_andRemembered() throws Exception {
        // a deployment name says nothing about the model family behind it: only the server's refusal tells
        fake.enqueue(
                FakeOpenAi.error(
                                400,
                                "Unsupported value: 'temperature' does not support 0.7 with this model. Only the"
                                        + " default (1) value is supported.",
                                "invalid_request_error",
                                "temperature",
                                "unsupported_value")
                        .build(),
                fake.completion(candidate("First", 0.9)),
                fake.completion(candidate("Second", 0.9)));
        var builder = Fixtures.openai(fake, timing).model("posts-deployment").temperature(0.7);
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            GenerationResult first = generator.generate(Fixtures.prompt(1));
            assertThat(first.metadata()).containsEntry("temperature", "server default");
            generator.generate(Fixtures.prompt(1));
        }
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).hasSize(3);
        assertThat(json(requests.get(0)).path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(json(requests.get(1)).has("temperature")).isFalse();
        assertThat(json(requests.get(2)).has("temperature")).isFalse();
        assertThat(requests).allSatisfy(r -> ServerProfilesTest.assertStrictSchema(json(r)));
        assertThat(timing.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"gpt-5", "gpt-5-mini", "gpt-5.1", "o1", "o3-mini", "o4-mini-2025-04-16", "openai/gpt-5-nano"})
    void reasoningModels_getNoTemperatureAndMaxCompletionTokens_fromTheFirstRequest(String model) throws Exception {
        fake.enqueue(fake.completion(candidate("First", 0.9)));
        var builder = Fixtures.openai(fake, timing)
                .profile(ServerProfile.compatible(fake.baseUrl()))
                .apiKey(FakeOpenAi.API_KEY)
                .model(model)
                .temperature(0.7);
        GenerationResult result;
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            result = generator.generate(Fixtures.prompt(1));
        }
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).hasSize(1);
        JsonNode sent = json(requests.get(0));
        assertThat(sent.has("temperature")).isFalse();
        assertThat(sent.has("max_tokens")).isFalse();
        assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(1024);
        assertThat(result.metadata()).containsEntry("temperature", "server default");
    }

    @Test
    void otherModels_keepTheConfiguredTemperature() throws Exception {
        fake.enqueue(fake.completion(candidate("First", 0.9)));
        try (SuggestionGenerator generator = Fixtures.create(
                Fixtures.openai(fake, timing).model("gpt-4o-mini").temperature(0.7))) {
            generator.generate(Fixtures.prompt(1));
        }
        assertThat(json(fake.take()).path("temperature").asDouble()).isEqualTo(0.7);
    }

    @Test
    void maxTokensRejected_switchesToMaxCompletionTokens() throws Exception {
        fake.enqueue(
                FakeOpenAi.error(
                                400,
                                "Unsupported parameter: 'max_tokens' is not supported with this model. Use"
                                        + " 'max_completion_tokens' instead.",
                                "invalid_request_error",
                                "max_tokens",
                                "unsupported_parameter")
                        .build(),
                fake.completion(candidate("ok", 0.9)));
        var builder = Fixtures.openai(fake, timing).tokenLimit(TokenLimit.MAX_TOKENS);
        GenerationResult result;
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            result = generator.generate(Fixtures.prompt(1));
        }
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(json(requests.get(0)).path("max_tokens").asInt()).isEqualTo(1024);
        JsonNode retried = json(requests.get(1));
        assertThat(retried.has("max_tokens")).isFalse();
        assertThat(retried.path("max_completion_tokens").asInt()).isEqualTo(1024);
        assertThat(result.metadata()).containsEntry("max_completion_tokens", "1024");
    }

    @Test
    void maxCompletionTokensUnknownToTheServer_switchesToMaxTokens() throws Exception {
        fake.enqueue(
                FakeOpenAi.error(
                                400,
                                "Unrecognized request argument supplied: max_completion_tokens",
                                "invalid_request_error",
                                null,
                                null)
                        .build(),
                fake.localCompletion(candidate("ok", 0.9)));
        var builder = OpenAiGenerator.builder()
                .profile(ServerProfile.compatible(fake.baseUrl()).withTokenLimit(TokenLimit.MAX_COMPLETION_TOKENS))
                .model("local")
                .clock(timing);
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            generator.generate(Fixtures.prompt(1));
        }
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(json(requests.get(0)).has("max_completion_tokens")).isTrue();
        assertThat(json(requests.get(1)).has("max_completion_tokens")).isFalse();
        assertThat(json(requests.get(1)).path("max_tokens").asInt()).isEqualTo(1024);
    }

    @Test
    void nRejected_fallsBackToOneCallPerCandidate() throws Exception {
        fake.enqueue(
                FakeOpenAi.error(400, "'n' must be 1 for this model", "invalid_request_error", "n", null)
                        .build(),
                fake.completion(candidate("A", 0.9)),
                fake.completion(candidate("B", 0.9)));
        GenerationResult result;
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            result = generator.generate(Fixtures.prompt(2));
        }
        assertThat(result.candidates()).hasSize(2);
        assertThat(result.metadata()).containsEntry("request_mode", "sequential");
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).hasSize(3);
        assertThat(json(requests.get(0)).path("n").asInt()).isEqualTo(2);
        assertThat(json(requests.get(1)).has("n")).isFalse();
        assertThat(json(requests.get(2)).has("n")).isFalse();
    }

    @Test
    void nSilentlyIgnored_theOtherCandidatesAreAskedOneByOne_andNIsNotSentAgain() throws Exception {
        fake.enqueue(
                fake.localCompletion(candidate("A", 0.9)),
                fake.localCompletion(candidate("B", 0.8)),
                fake.localCompletion(candidate("C", 0.7)),
                fake.localCompletion(candidate("D", 0.7)));
        var builder = OpenAiGenerator.builder()
                .profile(ServerProfile.compatible(fake.baseUrl()).withSupportsN(true))
                .model("local")
                .clock(timing);
        GenerationResult result;
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            result = generator.generate(Fixtures.prompt(3));
            generator.generate(Fixtures.prompt(1));
        }
        assertThat(result.candidates()).extracting(c -> c.text()).containsExactly("A", "B", "C");
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).hasSize(4);
        assertThat(json(requests.get(0)).path("n").asInt()).isEqualTo(3);
        assertThat(requests.subList(1, 4))
                .allSatisfy(r -> assertThat(json(r).has("n")).isFalse());
        assertThat(FakeOpenAi.message(requests.get(2), 1))
                .contains("draft 3 of 3")
                .contains("- A")
                .contains("- B");
    }

    @Test
    void outputTokenLimit_growsWithTheChannelLimit_orIsFixed() throws Exception {
        fake.enqueue(fake.completion(candidate("ok", 0.9)), fake.completion(candidate("ok", 0.9)));
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            generator.generate(Fixtures.prompt(Fixtures.linkedin(), 1));
        }
        try (SuggestionGenerator generator = Fixtures.create(
                Fixtures.openai(fake, timing).maxOutputTokens(300).serverDefaultTemperature())) {
            generator.generate(Fixtures.prompt(1));
        }
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(json(requests.get(0)).path("max_completion_tokens").asInt()).isEqualTo(3400);
        assertThat(json(requests.get(1)).path("max_completion_tokens").asInt()).isEqualTo(300);
        assertThat(json(requests.get(1)).has("temperature")).isFalse();
    }
}
