package io.luxaris.generation.openai;

import static io.luxaris.generation.openai.FakeOpenAi.candidate;
import static io.luxaris.generation.openai.FakeOpenAi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.http.testing.SleepingClock;
import io.luxaris.spi.generation.Candidate;
import io.luxaris.spi.generation.GenerationResult;
import io.luxaris.spi.generation.SuggestionGenerator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** One test per server profile: the request each server gets (auth, path, model, n, parameters, strict schema). */
class ServerProfilesTest {
    @AutoClose
    private final FakeOpenAi fake = new FakeOpenAi();

    private final SleepingClock timing = new SleepingClock();

    @Test
    void openai_asksForAllCandidatesInOneCall_withNAndAStrictSchema() throws Exception {
        fake.enqueue(fake.completion(
                candidate("SDK 2.1 is out!", 0.9, "java"),
                candidate("Luxaris 2.1: faster scheduling.", 0.8),
                candidate("Meet Luxaris 2.1.", 0.7)));
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            GenerationResult result = generator.generate(Fixtures.prompt(3));

            assertThat(result.candidates())
                    .extracting(Candidate::text)
                    .containsExactly("SDK 2.1 is out! #java", "Luxaris 2.1: faster scheduling.", "Meet Luxaris 2.1.");
            assertThat(result.dropped()).isEmpty();
        }
        RecordedRequest request = fake.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeOpenAi.API_KEY);
        assertThat(request.getHeaders().get("api-key")).isNull();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = json(request);
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("n").asInt()).isEqualTo(3);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.8);
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(1024);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.path("messages"))
                .extracting(m -> m.path("role").asText())
                .containsExactly("system", "user");
        assertStrictSchema(body);
        assertThat(fake.takeAll()).isEmpty();
    }

    @Test
    void azure_sendsTheKeyInApiKeyHeader_andTheDeploymentAsModel_onTheV1Path() throws Exception {
        fake.enqueue(fake.completion(candidate("One", 0.9), candidate("Two", 0.8)));
        var builder = OpenAiGenerator.builder()
                .profile(ServerProfile.azure("contoso-ai", "gpt4o-posts"))
                .baseUrl(fake.url("/openai/v1/"))
                .apiKey("0123456789abcdef0123456789abcdef")
                .clock(timing);
        assertThat(ServerProfile.azure("contoso-ai", "gpt4o-posts").baseUrl())
                .hasToString("https://contoso-ai.openai.azure.com/openai/v1/");
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            assertThat(generator.generate(Fixtures.prompt(2)).candidates()).hasSize(2);
        }
        RecordedRequest request = fake.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/chat/completions");
        assertThat(request.getUrl().queryParameter("api-version")).isNull();
        assertThat(request.getHeaders().get("api-key")).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        JsonNode body = json(request);
        assertThat(body.path("model").asText()).isEqualTo("gpt4o-posts");
        assertThat(body.path("n").asInt()).isEqualTo(2);
        assertThat(body.has("max_completion_tokens")).isTrue();
        assertStrictSchema(body);
    }

    @Test
    void ollama_makesOneCallPerCandidate_withoutNAndWithoutKey_andCopesWithoutRateLimitHeaders() throws Exception {
        fake.enqueue(
                fake.localCompletion(candidate("First take on 2.1", 0.7)),
                fake.localCompletion(candidate("Second take on 2.1", 0.6)),
                fake.localCompletion(candidate("Third take on 2.1", 0.5)));
        var builder = OpenAiGenerator.builder()
                .profile(ServerProfile.ollama())
                .baseUrl(fake.baseUrl())
                .model("llama3.2")
                .clock(timing);
        GenerationResult result;
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            result = generator.generate(Fixtures.prompt(3));
        }
        assertThat(result.candidates())
                .extracting(Candidate::text)
                .containsExactly("First take on 2.1", "Second take on 2.1", "Third take on 2.1");
        assertThat(result.metadata())
                .containsEntry("server", "ollama")
                .containsEntry("request_mode", "sequential")
                .containsEntry("http_requests", "3")
                .containsEntry("usage_total_tokens", "339")
                .doesNotContainKey("request_id")
                .doesNotContainKey("ratelimit_remaining_requests");

        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).hasSize(3);
        for (RecordedRequest request : requests) {
            assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
            assertThat(request.getHeaders().get("Authorization")).isNull();
            JsonNode body = json(request);
            assertThat(body.has("n")).isFalse();
            assertThat(body.path("model").asText()).isEqualTo("llama3.2");
            assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
            assertThat(body.has("max_completion_tokens")).isFalse();
            assertStrictSchema(body);
        }
        assertThat(FakeOpenAi.message(requests.get(0), 1)).contains("This is draft 1 of 3.");
        assertThat(FakeOpenAi.message(requests.get(2), 1))
                .contains("This is draft 3 of 3.")
                .contains("- First take on 2.1")
                .contains("- Second take on 2.1");
    }

    @Test
    void vllm_sendsItsKeyAsBearer_andCallsSequentially() throws Exception {
        fake.enqueue(fake.localCompletion(candidate("A", 0.5)), fake.localCompletion(candidate("B", 0.5)));
        var builder = OpenAiGenerator.builder()
                .profile(ServerProfile.vllm())
                .baseUrl(fake.baseUrl())
                .apiKey("token-abc123")
                .model("Qwen/Qwen2.5-7B-Instruct")
                .clock(timing);
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            assertThat(generator.generate(Fixtures.prompt(2)).candidates()).hasSize(2);
        }
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).hasSize(2);
        assertThat(requests)
                .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer token-abc123"))
                .allSatisfy(r -> assertThat(json(r).has("n")).isFalse())
                .allSatisfy(r -> assertThat(json(r).path("model").asText()).isEqualTo("Qwen/Qwen2.5-7B-Instruct"));
    }

    @Test
    void lmStudio_defaultsToLocalhost1234_andCallsSequentially() throws Exception {
        assertThat(ServerProfile.lmStudio().baseUrl()).hasToString("http://localhost:1234/v1/");
        assertThat(ServerProfile.ollama().baseUrl()).hasToString("http://localhost:11434/v1/");
        assertThat(ServerProfile.vllm().baseUrl()).hasToString("http://localhost:8000/v1/");
        fake.enqueue(fake.localCompletion(candidate("A", 0.5)), fake.localCompletion(candidate("B", 0.5)));
        var builder = OpenAiGenerator.builder()
                .profile(ServerProfile.lmStudio().withBaseUrl(fake.baseUrl()))
                .model("qwen2.5-7b-instruct")
                .clock(timing);
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            assertThat(generator.generate(Fixtures.prompt(2)).metadata()).containsEntry("server", "lm-studio");
        }
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).hasSize(2).allSatisfy(r -> {
            assertThat(json(r).has("n")).isFalse();
            assertThat(r.getHeaders().get("Authorization")).isNull();
        });
    }

    @Test
    void compatibleServer_withCustomAuthHeaderAndExtraHeaders_sendsThem() throws Exception {
        fake.enqueue(fake.localCompletion(candidate("A", 0.5)));
        var builder = OpenAiGenerator.builder()
                .profile(ServerProfile.compatible(fake.url("/gateway/v1")))
                .auth(AuthScheme.header("X-Api-Key", ""))
                .apiKey("gw-secret-key-123456")
                .header("X-Tenant", "acme")
                .organization("org-abc")
                .project("proj_123")
                .model("any-model")
                .clock(timing);
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            generator.generate(Fixtures.prompt(1));
        }
        RecordedRequest request = fake.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/gateway/v1/chat/completions");
        assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo("gw-secret-key-123456");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("X-Tenant")).isEqualTo("acme");
        assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org-abc");
        assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj_123");
        assertThat(json(request).has("n")).isFalse();
    }

    @Test
    void singleCandidate_omitsN_onEveryProfile() throws Exception {
        fake.enqueue(fake.completion(candidate("Only one", 0.9)));
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            assertThat(generator.generate(Fixtures.prompt(1)).metadata()).containsEntry("request_mode", "single");
        }
        assertThat(json(fake.take()).has("n")).isFalse();
    }

    @Test
    void nCanBeSwitchedOnForAServerThatHonoursIt() throws Exception {
        fake.enqueue(fake.completion(candidate("A", 0.5), candidate("B", 0.5)));
        var builder = OpenAiGenerator.builder()
                .profile(ServerProfile.vllm().withSupportsN(true))
                .baseUrl(fake.baseUrl())
                .model("m")
                .clock(timing);
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            assertThat(generator.generate(Fixtures.prompt(2)).candidates()).hasSize(2);
        }
        assertThat(json(fake.take()).path("n").asInt()).isEqualTo(2);
        assertThat(fake.takeAll()).isEmpty();
    }

    /** Structured Outputs, strict: the schema names every property as required and allows no other. */
    static void assertStrictSchema(JsonNode body) {
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        JsonNode jsonSchema = format.path("json_schema");
        assertThat(jsonSchema.path("name").asText()).matches("[a-zA-Z0-9_-]{1,64}");
        assertThat(jsonSchema.path("strict").isBoolean()).isTrue();
        assertThat(jsonSchema.path("strict").asBoolean()).isTrue();
        JsonNode schema = jsonSchema.path("schema");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").asBoolean()).isFalse();
        var properties = new ArrayList<String>();
        Iterator<String> names = schema.path("properties").fieldNames();
        names.forEachRemaining(properties::add);
        assertThat(properties).containsExactly("text", "hashtags", "score", "rationale");
        assertThat(schema.path("required"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(properties);
        assertThat(schema.path("properties")
                        .path("hashtags")
                        .path("items")
                        .path("type")
                        .asText())
                .isEqualTo("string");
        assertThat(schema.path("properties").path("score").path("type").asText())
                .isEqualTo("number");
    }
}
