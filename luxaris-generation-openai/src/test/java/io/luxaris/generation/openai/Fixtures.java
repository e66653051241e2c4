package io.luxaris.generation.openai;

import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.TextMeasure;
import io.luxaris.http.testing.SleepingClock;
import io.luxaris.spi.generation.ChannelTarget;
import io.luxaris.spi.generation.GenerationPrompt;
import io.luxaris.spi.generation.GeneratorEnvironment;
import io.luxaris.spi.generation.LengthHint;
import io.luxaris.spi.generation.SuggestionGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Prompts, channel targets and generators for the generator tests. */
final class Fixtures {
    static final String INTENT = "Announce release 2.1 of the SDK";
    static final String TEMPLATE = "Luxaris 2.1 is out: faster scheduling and a calendar view. https://luxaris.io/2.1";

    private Fixtures() {}

    static ChannelTarget x() {
        return new ChannelTarget("x", "X", ChannelLimits.builder(280).images(4).build(), TwitterTextMeasure.INSTANCE);
    }

    static ChannelTarget linkedin() {
        return new ChannelTarget(
                "linkedin", "LinkedIn", ChannelLimits.builder(3000).images(9).build(), TextMeasure.codePoints());
    }

    static GenerationPrompt prompt(ChannelTarget channel, int count) {
        return new GenerationPrompt(
                INTENT,
                Optional.of(TEMPLATE),
                channel,
                Optional.of("excited"),
                LengthHint.MEDIUM,
                channel.maxLength(),
                count);
    }

    static GenerationPrompt prompt(int count) {
        return prompt(x(), count);
    }

    static GeneratorEnvironment environment() {
        return Clock::systemUTC;
    }

    /** OpenAI at the fake server, with fast retries on a fake clock. */
    static OpenAiGenerator.Builder openai(FakeOpenAi fake, SleepingClock timing) {
        return OpenAiGenerator.builder()
                .baseUrl(fake.baseUrl())
                .apiKey(FakeOpenAi.API_KEY)
                .model("gpt-4o-mini")
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(10))
                .clock(timing);
    }

    static SuggestionGenerator create(OpenAiGenerator.Builder builder) {
        return builder.build().create(environment());
    }
}
