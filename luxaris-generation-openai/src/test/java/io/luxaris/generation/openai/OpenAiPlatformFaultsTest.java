package io.luxaris.generation.openai;

import static io.luxaris.generation.openai.FakeOpenAi.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.luxaris.http.testing.PlatformFaults;
import io.luxaris.http.testing.SleepingClock;
import io.luxaris.spi.generation.Candidate;
import io.luxaris.spi.generation.GenerationFailedException;
import io.luxaris.spi.generation.GenerationFailedException.Kind;
import io.luxaris.spi.generation.GenerationResult;
import io.luxaris.spi.generation.SuggestionGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the OpenAI generator stands up to a misbehaving server, and whose clock its retry waits run on. */
class OpenAiPlatformFaultsTest {
    @AutoClose
    private final FakeOpenAi fake = new FakeOpenAi();

    @AutoClose
    private final MockWebServer elsewhere = PlatformFaults.startedServer();

    private final SleepingClock timing = new SleepingClock();

    @BeforeAll
    static void warmUp() throws IOException {
        PlatformFaults.warmUp();
    }

    private GenerationFailedException failure(OpenAiGenerator.Builder builder) {
        try (SuggestionGenerator generator = Fixtures.create(builder)) {
            return catchThrowableOfType(GenerationFailedException.class, () -> generator.generate(Fixtures.prompt(1)));
        }
    }

    @Test
    void anAnswerTrickledByteByByte_endsAtTheCallTimeout() {
        fake.enqueue(PlatformFaults.trickling(200));

        GenerationFailedException e = failure(
                Fixtures.openai(fake, timing).callTimeout(Duration.ofSeconds(3)).maxRetries(0));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("timed out");
    }

    @Test
    void aHugeAnswer_isNotRead_norAskedForAgain() {
        var written = new AtomicLong();
        fake.enqueue(PlatformFaults.huge(200, written));

        GenerationFailedException e = failure(Fixtures.openai(fake, timing));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("with a body larger than 2097152 bytes; it was not read");
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aRefusalWithAHugeBody_isStillARefusal() {
        var written = new AtomicLong();
        fake.enqueue(PlatformFaults.huge(400, written));

        GenerationFailedException e = failure(Fixtures.openai(fake, timing));

        assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(e.getMessage()).contains("HTTP 400");
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(written.get()).isLessThan(PlatformFaults.HUNDRED_MB / 4);
    }

    @Test
    void aRedirect_isNotFollowed_andTheKeyGoesNowhereElse() {
        elsewhere.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        fake.enqueue(PlatformFaults.redirect(302, elsewhere.url("/v1/chat/completions")));

        GenerationFailedException e = failure(Fixtures.openai(fake, timing));

        assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(e.getMessage()).contains("HTTP 302 with a redirect").contains("check the base URL");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void aKeyEchoedUrlEncodedAndJsonEscaped_isNotInTheMessage() {
        String key = "sk-test/with+special=chars0123456789XYZ";
        fake.enqueue(FakeOpenAi.error(400, PlatformFaults.echoed(key), "invalid_request_error", null, "invalid_value")
                .build());

        GenerationFailedException e = failure(Fixtures.openai(fake, timing).apiKey(key));

        assertThat(e.getMessage())
                .contains("the token sk-tes***XYZ (also sk-tes***XYZ, sk-tes***XYZ, sk-tes***XYZ) is not valid here")
                .doesNotContain("with%2Bspecial", "with+special", "test%2fwith", "test\\/with", "with\\u002Bspecial");
    }

    @Test
    void retryWaits_runOnTheHostsClock_whenTheBuilderSetsNone() {
        fake.enqueue(
                FakeOpenAi.rateLimited().addHeader("Retry-After", "20").build(),
                fake.completion(candidate("Made it", 0.8)));
        OpenAiGenerator provider = OpenAiGenerator.builder()
                .baseUrl(fake.baseUrl())
                .apiKey(FakeOpenAi.API_KEY)
                .model("gpt-4o-mini")
                .retryBudget(Duration.ofMinutes(1))
                .build();

        GenerationResult result;
        try (SuggestionGenerator generator = provider.create(() -> timing)) {
            result = generator.generate(Fixtures.prompt(1));
        }

        assertThat(result.candidates()).extracting(Candidate::text).containsExactly("Made it");
        assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(20));
        assertThat(timing.instant()).isEqualTo(Instant.parse("2026-11-24T10:00:20Z"));
    }

    @Test
    void aSleeperGivenOnTheBuilder_waitsInsteadOfTheClock() {
        fake.enqueue(
                FakeOpenAi.rateLimited().addHeader("Retry-After", "20").build(),
                fake.completion(candidate("Made it", 0.8)));
        var recorded = new java.util.ArrayList<Duration>();

        try (SuggestionGenerator generator = Fixtures.create(
                Fixtures.openai(fake, timing).sleeper(recorded::add).retryBudget(Duration.ofMinutes(1)))) {
            generator.generate(Fixtures.prompt(1));
        }

        assertThat(recorded).containsExactly(Duration.ofSeconds(20));
        assertThat(timing.sleeps()).isEmpty();
    }
}
