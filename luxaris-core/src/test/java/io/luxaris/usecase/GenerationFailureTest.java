package io.luxaris.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.GenerationStatus;
import io.luxaris.spi.generation.Candidate;
import io.luxaris.spi.generation.GenerationResult;
import io.luxaris.spi.generation.GeneratorEnvironment;
import io.luxaris.spi.generation.GeneratorProvider;
import io.luxaris.spi.generation.SuggestionGenerator;
import io.luxaris.spi.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A generation that fails part-way never leaves its session in progress: the session ends {@code aborted} with the
 * reason under the channel that failed, and the failure reaches the caller.
 */
class GenerationFailureTest {
    private final Principal alice = Principal.of("alice");

    private static GeneratorProvider generator(Function<String, GenerationResult> answer) {
        return new GeneratorProvider() {
            @Override
            public String key() {
                return "scripted";
            }

            @Override
            public SuggestionGenerator create(GeneratorEnvironment environment) {
                return prompt -> answer.apply(prompt.channel().key());
            }
        };
    }

    private static GenerationResult one(String text) {
        return GenerationResult.of(List.of(new Candidate(text, OptionalDouble.empty(), Map.of())));
    }

    @Test
    void aGeneratorThrowingAnError_abortsTheSession_withTheReason() {
        var failing = generator(channel -> {
            if (channel.equals("b")) {
                throw new LinkageError("a plugin class is missing");
            }
            return one("fine for " + channel);
        });
        try (Luxaris luxaris = Luxaris.builder()
                .channel(TestChannel.of("a"))
                .channel(TestChannel.of("b"))
                .generator(failing)
                .build()) {
            assertThatThrownBy(() -> luxaris.generation().generate(alice, GenerationRequest.of("launch", "a", "b")))
                    .isInstanceOf(LinkageError.class);

            List<GenerationSession> sessions = luxaris.generation().list(alice, 10);
            assertThat(sessions).hasSize(1);
            GenerationSession session = sessions.get(0);
            assertThat(session.status()).isEqualTo(GenerationStatus.ABORTED);
            assertThat(session.channelErrors())
                    .containsOnlyKeys("b")
                    .containsEntry("b", "generation failed unexpectedly (LinkageError)");
            assertThat(luxaris.generation().get(alice, session.id()).suggestions())
                    .isEmpty();
        }
    }

    @Test
    void aChannelPluginThrowingAnErrorWhileFitting_abortsTheSession() {
        var measureFails = TestChannel.measuring("a", text -> {
            throw new NoClassDefFoundError("com/example/Missing");
        });
        try (Luxaris luxaris = Luxaris.builder()
                .channel(measureFails)
                .generator(generator(channel -> one("text")))
                .build()) {
            assertThatThrownBy(() -> luxaris.generation().generate(alice, GenerationRequest.of("launch", "a")))
                    .isInstanceOf(NoClassDefFoundError.class);
            GenerationSession session = luxaris.generation().list(alice, 10).get(0);
            assertThat(session.status()).isEqualTo(GenerationStatus.ABORTED);
            assertThat(session.channelErrors())
                    .containsEntry("a", "generation failed unexpectedly (NoClassDefFoundError)");
        }
    }

    @Test
    void aGeneratorThrowingARuntimeException_isRecordedForItsChannel_andTheOthersAreKept() {
        var failing = generator(channel -> {
            if (channel.equals("b")) {
                throw new IllegalStateException("boom");
            }
            return one("fine for " + channel);
        });
        try (Luxaris luxaris = Luxaris.builder()
                .channel(TestChannel.of("a"))
                .channel(TestChannel.of("b"))
                .generator(failing)
                .build()) {
            var details = luxaris.generation().generate(alice, GenerationRequest.of("launch", "a", "b"));
            assertThat(details.session().status()).isEqualTo(GenerationStatus.COMPLETED);
            assertThat(details.session().channelErrors()).containsOnlyKeys("b");
            assertThat(details.suggestions()).hasSize(1);
        }
    }

    @Test
    void generatedTextWithUnstorableCharacters_isStoredCleaned() {
        try (Luxaris luxaris = Luxaris.builder()
                .channel(TestChannel.of("a"))
                .generator(generator(channel -> new GenerationResult(
                        List.of(new Candidate(
                                "nul\u0000here \uD83D end", OptionalDouble.empty(), Map.of("k\u0000", "v\uDE00"))),
                        List.of("refused\u0000"),
                        Map.of())))
                .build()) {
            var details = luxaris.generation().generate(alice, GenerationRequest.of("launch", "a"));
            var stored = luxaris.generation().get(alice, details.session().id());
            assertThat(stored.suggestions()).singleElement().satisfies(s -> {
                assertThat(s.content()).isEqualTo("nulhere \uFFFD end");
                assertThat(s.metadata()).containsEntry("k", "v\uFFFD");
            });
            assertThat(stored.session().channelErrors().get("a")).isEqualTo("dropped 1 candidate(s): refused");
        }
    }
}
