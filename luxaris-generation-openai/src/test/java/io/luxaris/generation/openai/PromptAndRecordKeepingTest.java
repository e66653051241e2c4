package io.luxaris.generation.openai;

import static io.luxaris.generation.openai.FakeOpenAi.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.http.testing.SleepingClock;
import io.luxaris.spi.generation.Candidate;
import io.luxaris.spi.generation.ChannelTarget;
import io.luxaris.spi.generation.GenerationPrompt;
import io.luxaris.spi.generation.GenerationResult;
import io.luxaris.spi.generation.LengthHint;
import io.luxaris.spi.generation.SuggestionGenerator;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What the prompt tells the model, and what each generation records for auditing (without secrets). */
class PromptAndRecordKeepingTest {
    @AutoClose
    private final FakeOpenAi fake = new FakeOpenAi();

    private final SleepingClock timing = new SleepingClock();

    @Test
    void prompt_carriesIntentTemplateToneLength_andTheLimitMeasuredTheChannelsWay() throws Exception {
        fake.enqueue(fake.completion(candidate("ok", 0.9)));
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            generator.generate(Fixtures.prompt(1));
        }
        RecordedRequest request = fake.take();
        String system = FakeOpenAi.message(request, 0);
        String user = FakeOpenAi.message(request, 1);
        assertThat(system)
                .contains("social-media posts for X")
                .contains("at most 280 weighted characters as X counts them")
                .contains("every link counts as 23")
                .contains("each CJK character counts 2")
                .contains("each emoji counts 2")
                .contains("\"hashtags\"")
                .contains("\"score\"")
                .contains("\"rationale\"")
                .doesNotContain("does not allow links");
        assertThat(user)
                .contains("Intent: " + Fixtures.INTENT)
                .contains(Fixtures.TEMPLATE)
                .contains("Tone: excited.")
                .contains("Length: medium — about 186 weighted characters (hard maximum 280).")
                .doesNotContain("draft");
    }

    @Test
    void prompt_forACodePointChannelWithoutLinks_saysCharactersAndForbidsLinks() throws Exception {
        fake.enqueue(fake.completion(candidate("ok", 0.9)));
        var channel = new ChannelTarget(
                "sms",
                "SMS",
                ChannelLimits.builder(160).links(false).build(),
                io.luxaris.domain.TextMeasure.codePoints());
        var prompt = new GenerationPrompt(
                "Remind about the webinar", Optional.empty(), channel, Optional.empty(), LengthHint.SHORT, 120, 1);
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            generator.generate(prompt);
        }
        RecordedRequest request = fake.take();
        assertThat(FakeOpenAi.message(request, 0))
                .contains("at most 120 characters as SMS counts them.")
                .contains("SMS does not allow links")
                .doesNotContain("counts as 23");
        assertThat(FakeOpenAi.message(request, 1))
                .contains("Tone: natural for SMS.")
                .contains("Length: short — about 40 characters (hard maximum 120).")
                .doesNotContain("template");
    }

    @Test
    void metadata_recordsServerModelPromptUsageLatencyAndIds() throws Exception {
        fake.enqueue(fake.completion(candidate("SDK 2.1 is out!", 0.85, "java", "#release")));
        GenerationResult result;
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            result = generator.generate(Fixtures.prompt(1));
        }
        assertThat(result.metadata())
                .containsEntry("server", "openai")
                .containsEntry("model", "gpt-4o-mini-2024-07-18")
                .containsEntry("requested_model", "gpt-4o-mini")
                .containsEntry("usage_prompt_tokens", "52")
                .containsEntry("usage_completion_tokens", "61")
                .containsEntry("usage_total_tokens", "113")
                .containsEntry("usage_reasoning_tokens", "0")
                .containsEntry("temperature", "0.8")
                .containsEntry("max_completion_tokens", "1024")
                .containsEntry("http_requests", "1")
                .containsEntry("response_id", "chatcmpl-1")
                .containsEntry("request_id", "req_abc123")
                .containsEntry("ratelimit_remaining_requests", "4999")
                .containsKeys("latency_ms", "prompt", "system_prompt");
        assertThat(Long.parseLong(result.metadata().get("latency_ms"))).isNotNegative();
        assertThat(result.metadata().get("prompt")).startsWith("Intent: " + Fixtures.INTENT);
        Candidate candidate = result.candidates().get(0);
        assertThat(candidate.text()).isEqualTo("SDK 2.1 is out! #java #release");
        assertThat(candidate.score()).hasValue(0.85);
        assertThat(candidate.metadata())
                .containsEntry("rationale", "Short and on point.")
                .containsEntry("hashtags", "java,release")
                .containsEntry("finish_reason", "stop")
                .containsEntry("choice", "choice 1");
    }

    @Test
    void metadata_redactsSecretsFoundInThePrompt_andNeverHoldsTheApiKey() throws Exception {
        fake.enqueue(fake.completion(candidate("ok", 0.9)));
        String leaky = "Post our status. Internal: api_key=hunter2secret and " + FakeOpenAi.API_KEY
                + " and sk-proj-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        var prompt =
                new GenerationPrompt(leaky, Optional.empty(), Fixtures.x(), Optional.empty(), LengthHint.SHORT, 280, 1);
        GenerationResult result;
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            result = generator.generate(prompt);
        }
        String recorded = result.metadata().get("prompt");
        assertThat(recorded)
                .contains("api_key=***")
                .contains("sk-tes***XYZ")
                .contains("sk-pro***AAA")
                .doesNotContain("hunter2secret")
                .doesNotContain(FakeOpenAi.API_KEY)
                .doesNotContain("sk-proj-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(result.metadata().values()).noneMatch(v -> v.contains(FakeOpenAi.API_KEY));
        assertThat(result.candidates().get(0).metadata().values()).noneMatch(v -> v.contains(FakeOpenAi.API_KEY));
        // what the model was actually asked is unchanged
        assertThat(FakeOpenAi.message(fake.take(), 1)).contains("hunter2secret");
    }

    @Test
    void toString_ofProviderAndGenerator_neverShowsTheKey() {
        OpenAiGenerator provider = Fixtures.openai(fake, timing).build();
        try (SuggestionGenerator generator = provider.create(Fixtures.environment())) {
            assertThat(provider.toString()).doesNotContain(FakeOpenAi.API_KEY).contains("apiKey=(set)");
            assertThat(generator.toString()).doesNotContain(FakeOpenAi.API_KEY);
        }
    }
}
