package io.luxaris.generation.openai;

import static io.luxaris.generation.openai.FakeOpenAi.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.generation.openai.FakeOpenAi.Choice;
import io.luxaris.http.testing.SleepingClock;
import io.luxaris.spi.generation.Candidate;
import io.luxaris.spi.generation.GenerationFailedException;
import io.luxaris.spi.generation.GenerationFailedException.Kind;
import io.luxaris.spi.generation.GenerationResult;
import io.luxaris.spi.generation.SuggestionGenerator;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Every documented failure: its kind, whether and how it is retried, and that its message is safe. */
class ErrorHandlingTest {
    @AutoClose
    private final FakeOpenAi fake = new FakeOpenAi();

    private final SleepingClock timing = new SleepingClock();

    private GenerationFailedException failure(OpenAiGenerator.Builder builder, int count) {
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            Throwable thrown =
                    org.assertj.core.api.Assertions.catchThrowable(() -> generator.generate(Fixtures.prompt(count)));
            assertThat(thrown).isInstanceOf(GenerationFailedException.class);
            return (GenerationFailedException) thrown;
        }
    }

    // ---------------------------------------------------------------- 401

    @Test
    void unauthorized_isAConfigurationError_withTheKeyMasked_andIsNotRetried() throws Exception {
        fake.enqueue(FakeOpenAi.unauthorized());

        GenerationFailedException e = failure(Fixtures.openai(fake, timing), 2);

        assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(e.getMessage())
                .contains("HTTP 401")
                .contains("sk-tes***XYZ")
                .contains("invalid_api_key")
                .doesNotContain(FakeOpenAi.API_KEY);
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(timing.sleeps()).isEmpty();
    }

    @Test
    void unauthorized_fromAServerThatEchoesTheWholeKey_stillShowsItMasked() throws Exception {
        fake.enqueue(FakeOpenAi.error(
                        401,
                        "invalid key '" + FakeOpenAi.API_KEY + "' (Bearer " + FakeOpenAi.API_KEY + ")",
                        "auth",
                        null,
                        null)
                .build());

        GenerationFailedException e = failure(Fixtures.openai(fake, timing), 1);

        assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(e.getMessage()).doesNotContain(FakeOpenAi.API_KEY).contains("sk-tes***XYZ");
        assertThat(e.toString()).doesNotContain(FakeOpenAi.API_KEY);
    }

    // ---------------------------------------------------------------- 429 rate limit

    @Test
    void rateLimited_isRetriedAfterRetryAfter_thenSucceeds() throws Exception {
        fake.enqueue(
                FakeOpenAi.rateLimited().addHeader("Retry-After", "2").build(),
                fake.completion(candidate("Made it", 0.8)));
        GenerationResult result;
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            result = generator.generate(Fixtures.prompt(1));
        }
        assertThat(result.candidates()).extracting(Candidate::text).containsExactly("Made it");
        assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(fake.requestCount()).isEqualTo(2);
        assertThat(result.metadata()).containsEntry("http_requests", "2");
    }

    @Test
    void rateLimited_honoursRetryAfterMs_beforeRetryAfter() throws Exception {
        fake.enqueue(
                FakeOpenAi.rateLimited()
                        .addHeader("retry-after-ms", "1500")
                        .addHeader("Retry-After", "2")
                        .build(),
                fake.completion(candidate("ok", 0.8)));
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            generator.generate(Fixtures.prompt(1));
        }
        assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void rateLimited_withoutRetryAfter_waitsForTheResetOfTheExhaustedLimit() throws Exception {
        fake.enqueue(
                FakeOpenAi.rateLimited()
                        .addHeader("x-ratelimit-remaining-requests", "4000")
                        .addHeader("x-ratelimit-remaining-tokens", "0")
                        .addHeader("x-ratelimit-reset-requests", "12ms")
                        .addHeader("x-ratelimit-reset-tokens", "1.5s")
                        .build(),
                fake.completion(candidate("ok", 0.8)));
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            generator.generate(Fixtures.prompt(1));
        }
        assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void rateLimited_withoutHeaders_waitsAsTheMessageSays() throws Exception {
        fake.enqueue(FakeOpenAi.rateLimited().build(), fake.completion(candidate("ok", 0.8)));
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            generator.generate(Fixtures.prompt(1));
        }
        assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(644));
    }

    @Test
    void rateLimited_whenRetryAfterExceedsTheBudget_failsAtOnceAsRateLimited() throws Exception {
        fake.enqueue(FakeOpenAi.rateLimited().addHeader("Retry-After", "60").build());

        GenerationFailedException e = failure(Fixtures.openai(fake, timing).retryBudget(Duration.ofSeconds(10)), 1);

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.getMessage())
                .contains("HTTP 429")
                .contains("retry budget of 10 s")
                .contains("rate_limit_exceeded");
        assertThat(timing.sleeps()).isEmpty();
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void rateLimited_onEveryAttempt_givesUpWhenTheBudgetIsSpent() throws Exception {
        for (int i = 0; i < 4; i++) {
            fake.enqueue(FakeOpenAi.rateLimited().addHeader("Retry-After", "4").build());
        }

        GenerationFailedException e =
                failure(Fixtures.openai(fake, timing).maxRetries(10).retryBudget(Duration.ofSeconds(10)), 1);

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(fake.requestCount()).isEqualTo(3);
    }

    @Test
    void rateLimited_onEveryAttempt_givesUpAfterMaxRetries() throws Exception {
        for (int i = 0; i < 3; i++) {
            fake.enqueue(FakeOpenAi.rateLimited().addHeader("Retry-After", "0").build());
        }

        GenerationFailedException e = failure(Fixtures.openai(fake, timing).maxRetries(2), 1);

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.getMessage()).contains("gave up after 2 retries");
        assertThat(fake.requestCount()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- 429 quota

    @Test
    void insufficientQuota_isNotRetried_andSaysSoClearly() throws Exception {
        fake.enqueue(FakeOpenAi.insufficientQuota());

        GenerationFailedException e = failure(Fixtures.openai(fake, timing), 1);

        assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED);
        assertThat(e.getMessage())
                .contains("quota or credit is used up")
                .contains("insufficient_quota")
                .contains("retrying will not help");
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(timing.sleeps()).isEmpty();
    }

    @Test
    void creditBalanceExhausted_isQuotaExhausted_andNotRetried() throws Exception {
        fake.enqueue(FakeOpenAi.creditBalanceExhausted());

        GenerationFailedException e = failure(Fixtures.openai(fake, timing), 1);

        assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED);
        assertThat(e.getMessage()).contains("credit_balance_exhausted");
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- 5xx

    @Test
    void serverErrors_areRetriedWithGrowingBackoff_thenSucceed() throws Exception {
        fake.enqueue(FakeOpenAi.serverError(), FakeOpenAi.overloaded(), fake.completion(candidate("ok", 0.8)));
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            assertThat(generator.generate(Fixtures.prompt(1)).candidates()).hasSize(1);
        }
        assertThat(fake.requestCount()).isEqualTo(3);
        assertThat(timing.sleeps()).hasSize(2);
        assertThat(timing.sleeps().get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(timing.sleeps().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void overloaded_onEveryAttempt_isUnavailable_afterBoundedRetries() throws Exception {
        for (int i = 0; i < 5; i++) {
            fake.enqueue(FakeOpenAi.overloaded());
        }

        GenerationFailedException e = failure(Fixtures.openai(fake, timing).maxRetries(3), 1);

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("HTTP 503").contains("gave up after 3 retries");
        assertThat(fake.requestCount()).isEqualTo(4);
        assertThat(timing.sleeps()).hasSize(3);
    }

    @Test
    void serviceUnavailable_honoursItsRetryAfter() throws Exception {
        fake.enqueue(
                new MockResponse.Builder(FakeOpenAi.overloaded())
                        .addHeader("Retry-After", "3")
                        .build(),
                fake.completion(candidate("ok", 0.8)));
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            generator.generate(Fixtures.prompt(1));
        }
        assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void serverError_markedNotToBeRetried_isNotRetried() throws Exception {
        fake.enqueue(new MockResponse.Builder(FakeOpenAi.serverError())
                .addHeader("x-should-retry", "false")
                .build());

        GenerationFailedException e = failure(Fixtures.openai(fake, timing), 1);

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void droppedConnection_isRetried_likeAServerError() throws Exception {
        fake.enqueue(
                new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                        .build(),
                fake.completion(candidate("ok", 0.8)));
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            assertThat(generator.generate(Fixtures.prompt(1)).candidates()).hasSize(1);
        }
        assertThat(timing.sleeps()).hasSize(1);
    }

    @Test
    void unreachableServer_isUnavailable() {
        GenerationFailedException e;
        var builder = OpenAiGenerator.builder()
                .baseUrl("http://127.0.0.1:1/v1/")
                .apiKey(FakeOpenAi.API_KEY)
                .maxRetries(1)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(1))
                .clock(timing);
        e = failure(builder, 1);
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("openai (127.0.0.1)").doesNotContain(FakeOpenAi.API_KEY);
    }

    // ---------------------------------------------------------------- other refusals

    @Test
    void unknownModel_isAConfigurationError() throws Exception {
        fake.enqueue(FakeOpenAi.error(
                        404,
                        "The model `gpt-9` does not exist or you do not have access to it.",
                        "invalid_request_error",
                        null,
                        "model_not_found")
                .build());

        GenerationFailedException e = failure(Fixtures.openai(fake, timing).model("gpt-9"), 1);

        assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(e.getMessage()).contains("unknown model 'gpt-9'").contains("model_not_found");
    }

    @Test
    void otherBadRequest_isAConfigurationError_andNotRetried() throws Exception {
        fake.enqueue(FakeOpenAi.error(
                        400,
                        "Invalid schema for response_format 'social_post_candidate'.",
                        "invalid_request_error",
                        "response_format",
                        null)
                .build());

        GenerationFailedException e = failure(Fixtures.openai(fake, timing), 1);

        assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(e.getMessage()).contains("HTTP 400").contains("Invalid schema");
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void successWithoutChoices_isUnavailable() throws Exception {
        fake.enqueue(
                new MockResponse.Builder().code(200).body("<html>proxy</html>").build());

        GenerationFailedException e = failure(Fixtures.openai(fake, timing), 1);

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("without choices");
    }

    // ---------------------------------------------------------------- unusable candidates

    @Test
    void refusalAndCutOffAndMalformedChoices_areDroppedAndReported_theRestKept() throws Exception {
        fake.enqueue(fake.completion(
                Choice.ok(candidate("Keep me", 0.9)),
                Choice.refused("I'm sorry, I can't help with that."),
                Choice.cutOff("{\"text\":\"Big news"),
                Choice.ok("Sure! Here is a post: SDK 2.1 is out"),
                Choice.ok("{\"text\":\"\",\"hashtags\":[],\"score\":0.5,\"rationale\":\"\"}")));
        GenerationResult result;
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            result = generator.generate(Fixtures.prompt(5));
        }
        assertThat(result.candidates()).extracting(Candidate::text).containsExactly("Keep me");
        assertThat(result.dropped())
                .containsExactly(
                        "choice 2 refused: I'm sorry, I can't help with that.",
                        "choice 3 was cut off at the output-token limit (finish_reason length)",
                        "choice 4 is not valid JSON of the candidate schema (needs a non-blank \"text\")",
                        "choice 5 is not valid JSON of the candidate schema (needs a non-blank \"text\")");
    }

    @Test
    void contentFilteredChoice_isDroppedAndReported() throws Exception {
        fake.enqueue(fake.completion(Choice.ok(candidate("Fine", 0.9)), new Choice(null, "content_filter", null)));
        GenerationResult result;
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            result = generator.generate(Fixtures.prompt(2));
        }
        assertThat(result.candidates()).hasSize(1);
        assertThat(result.dropped()).singleElement().asString().contains("content_filter");
    }

    @Test
    void everyChoiceUnusable_failsWithNoUsableCandidate_listingTheReasons() throws Exception {
        fake.enqueue(fake.completion(Choice.refused("No."), Choice.cutOff("{\"text\":\"cut")));

        GenerationFailedException e = failure(Fixtures.openai(fake, timing), 2);

        assertThat(e.kind()).isEqualTo(Kind.NO_USABLE_CANDIDATE);
        assertThat(e.getMessage()).contains("choice 1 refused: No.").contains("choice 2 was cut off");
    }

    @Test
    void sequentialCalls_keepTheCandidatesGotBeforeALaterCallFails() throws Exception {
        fake.enqueue(
                fake.localCompletion(candidate("First", 0.8)),
                FakeOpenAi.error(500, "model crashed", "server_error", null, null)
                        .addHeader("x-should-retry", "false")
                        .build());
        var builder = OpenAiGenerator.builder()
                .profile(ServerProfile.ollama())
                .baseUrl(fake.baseUrl())
                .model("llama3.2")
                .clock(timing);
        GenerationResult result;
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            result = generator.generate(Fixtures.prompt(3));
        }
        assertThat(result.candidates()).extracting(Candidate::text).containsExactly("First");
        assertThat(result.dropped())
                .singleElement()
                .asString()
                .startsWith("draft 2 of 3 not generated: unavailable: HTTP 500");
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    @Test
    void sequentialCalls_failingOnTheFirstCall_throw() throws Exception {
        fake.enqueue(FakeOpenAi.insufficientQuota());
        var builder = OpenAiGenerator.builder()
                .profile(ServerProfile.ollama())
                .baseUrl(fake.baseUrl())
                .model("llama3.2")
                .clock(timing);
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            assertThatThrownBy(() -> generator.generate(Fixtures.prompt(3)))
                    .isInstanceOfSatisfying(GenerationFailedException.class, e -> assertThat(e.kind())
                            .isEqualTo(Kind.QUOTA_EXHAUSTED));
        }
        assertThat(fake.requestCount()).isEqualTo(1);
    }
}
