package io.luxaris.generation.openai;

import static io.luxaris.generation.openai.FakeOpenAi.candidate;
import static io.luxaris.generation.openai.FakeOpenAi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.Luxaris;
import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.generation.openai.FakeOpenAi.Choice;
import io.luxaris.http.testing.SleepingClock;
import io.luxaris.spi.generation.Candidate;
import io.luxaris.spi.generation.GenerationFailedException;
import io.luxaris.spi.generation.GenerationFailedException.Kind;
import io.luxaris.spi.generation.RewordRequest;
import io.luxaris.spi.generation.SuggestionGenerator;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.GenerationRequest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A candidate over the channel limit gets one follow-up request for a shorter version; core cuts what still is not. */
class RewordTest {
    private static final String TOO_LONG =
            "Luxaris 2.1 is here, and it is our biggest release yet. ".repeat(6).strip();

    @AutoClose
    private final FakeOpenAi fake = new FakeOpenAi();

    private final SleepingClock timing = new SleepingClock();
    private final Principal alice = Principal.of("alice");

    @Test
    void reword_isAFollowUpTurn_sayingHowLongTheDraftIsAndMayBe() throws Exception {
        fake.enqueue(fake.completion(candidate("Luxaris 2.1 is here: faster scheduling.", 0.8)));
        var prompt = Fixtures.prompt(1);
        int measured = TwitterTextMeasure.INSTANCE.measure(TOO_LONG);
        Optional<Candidate> shorter;
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            shorter = generator.reword(new RewordRequest(prompt, Candidate.of(TOO_LONG), measured, 280));
        }
        assertThat(shorter).hasValueSatisfying(c -> {
            assertThat(c.text()).isEqualTo("Luxaris 2.1 is here: faster scheduling.");
            assertThat(c.score()).isEqualTo(OptionalDouble.of(0.8));
            assertThat(c.metadata())
                    .containsEntry("model", "gpt-4o-mini-2024-07-18")
                    .containsEntry("usage_total_tokens", "113")
                    .containsKeys("latency_ms", "prompt", "response_id");
        });
        RecordedRequest request = fake.take();
        JsonNode body = json(request);
        assertThat(body.has("n")).isFalse();
        ServerProfilesTest.assertStrictSchema(body);
        assertThat(body.path("messages"))
                .extracting(m -> m.path("role").asText())
                .containsExactly("system", "user", "assistant", "user");
        assertThat(FakeOpenAi.JSON
                        .readTree(body.path("messages").path(2).path("content").asText())
                        .path("text")
                        .asText())
                .isEqualTo(TOO_LONG);
        assertThat(body.path("messages").path(3).path("content").asText())
                .contains("That post is " + measured + " weighted characters as X counts them")
                .contains("the limit is 280")
                .contains("at most 280 weighted characters");
    }

    @Test
    void reword_refused_failsWithNoUsableCandidate() throws Exception {
        fake.enqueue(fake.completion(Choice.refused("I can't shorten that.")));
        try (SuggestionGenerator generator = Fixtures.create(Fixtures.openai(fake, timing))) {
            assertThatThrownBy(() ->
                            generator.reword(new RewordRequest(Fixtures.prompt(1), Candidate.of(TOO_LONG), 340, 280)))
                    .isInstanceOfSatisfying(GenerationFailedException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.NO_USABLE_CANDIDATE);
                        assertThat(e.getMessage()).contains("shorter version refused");
                    });
        }
    }

    @Test
    void overLongCandidate_throughLuxaris_isReworded_andFits() throws Exception {
        fake.enqueue(
                fake.completion(candidate(TOO_LONG, 0.9)),
                fake.completion(candidate("Luxaris 2.1 is here: our biggest release yet.", 0.85, "release")));
        try (Luxaris luxaris = luxaris()) {
            var session = luxaris.generation().generate(alice, GenerationRequest.of(Fixtures.INTENT, "x"));

            GenerationSuggestion suggestion = session.suggestions().get(0);
            assertThat(suggestion.content()).isEqualTo("Luxaris 2.1 is here: our biggest release yet. #release");
            assertThat(suggestion.truncated()).isFalse();
            assertThat(suggestion.metadata())
                    .containsEntry("reworded", "true")
                    .containsEntry("original_length", Integer.toString(TwitterTextMeasure.INSTANCE.measure(TOO_LONG)))
                    .containsEntry("reword_model", "gpt-4o-mini-2024-07-18")
                    .containsKey("reword_usage_total_tokens")
                    .containsKey("reword_latency_ms");
        }
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).hasSize(2);
        assertThat(json(requests.get(1)).path("messages")).hasSize(4);
    }

    @Test
    void stillTooLongAfterTheReword_isTruncatedByCoreAndFlagged() throws Exception {
        fake.enqueue(fake.completion(candidate(TOO_LONG, 0.9)), fake.completion(candidate(TOO_LONG + " Really.", 0.5)));
        try (Luxaris luxaris = luxaris()) {
            var session = luxaris.generation().generate(alice, GenerationRequest.of(Fixtures.INTENT, "x"));

            GenerationSuggestion suggestion = session.suggestions().get(0);
            assertThat(suggestion.truncated()).isTrue();
            assertThat(suggestion.metadata()).containsEntry("reworded", "true");
            assertThat(TwitterTextMeasure.INSTANCE.measure(suggestion.content()))
                    .isLessThanOrEqualTo(280);
        }
        assertThat(fake.takeAll()).hasSize(2);
    }

    @Test
    void rewordFailure_isRecorded_andTheCandidateTruncated() throws Exception {
        fake.enqueue(fake.completion(candidate(TOO_LONG, 0.9)), FakeOpenAi.insufficientQuota());
        try (Luxaris luxaris = luxaris()) {
            var session = luxaris.generation().generate(alice, GenerationRequest.of(Fixtures.INTENT, "x"));

            GenerationSuggestion suggestion = session.suggestions().get(0);
            assertThat(suggestion.truncated()).isTrue();
            assertThat(suggestion.metadata().get("reword_error")).contains("quota");
            assertThat(TwitterTextMeasure.INSTANCE.measure(suggestion.content()))
                    .isLessThanOrEqualTo(280);
        }
    }

    private Luxaris luxaris() {
        return Luxaris.builder()
                .channel(ScriptedChannel.builder("x")
                        .name("X")
                        .maxTextLength(280)
                        .measure(TwitterTextMeasure.INSTANCE)
                        .build())
                .generator(Fixtures.openai(fake, timing).build())
                .clock(SettableClock.at("2026-11-24T10:00:00Z"))
                .build();
    }
}
