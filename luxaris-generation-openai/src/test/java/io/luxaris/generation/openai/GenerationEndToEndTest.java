package io.luxaris.generation.openai;

import static io.luxaris.generation.openai.FakeOpenAi.candidate;
import static io.luxaris.generation.openai.FakeOpenAi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.GenerationStatus;
import io.luxaris.domain.GenerationSuggestion;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.TextMeasure;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.generation.OfflineGenerator;
import io.luxaris.generation.openai.FakeOpenAi.Choice;
import io.luxaris.http.testing.SleepingClock;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.GenerationRequest;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.SessionDetails;
import io.luxaris.usecase.TemplateDraft;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through {@code luxaris.generation()}: generate for X (280, measured with twitter-text) and LinkedIn (3000 code
 * points) from a template, every suggestion fits its channel, accept one into a new post, schedule and publish it.
 * The channels are scripted stand-ins (adapters never import each other).
 */
class GenerationEndToEndTest {
    /** More than 280 code points, but 23 + a few as X counts it: the link is weighted 23. */
    static final String X_WITH_LONG_LINK = "Luxaris 2.1 is out: faster scheduling and a calendar view 🚀 Details:"
            + " https://luxaris.io/blog/2026/11/24/" + "release-notes-".repeat(18) + "2-1";
    /** Fewer than 280 code points, but over 280 as X counts it (CJK weighs 2): needs the reword. */
    static final String X_IN_JAPANESE = "発表：" + "スケジュール機能が速くなりました。".repeat(9);

    static final String X_SHORTER = "発表：Luxaris 2.1、スケジュール機能が速くなりました。";
    static final String LINKEDIN_1 = "We are proud to announce Luxaris 2.1.\n\nScheduling is faster and there is a"
            + " new calendar view. Read more: https://luxaris.io/2.1";
    static final String LINKEDIN_2 = "Luxaris 2.1 is here: faster scheduling, a calendar view, and many fixes.";

    private final Principal alice = Principal.of("alice");
    private final SettableClock clock = SettableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedChannel x = ScriptedChannel.builder("x")
            .name("X")
            .maxTextLength(280)
            .measure(TwitterTextMeasure.INSTANCE)
            .build();
    private final ScriptedChannel linkedin = ScriptedChannel.builder("linkedin")
            .name("LinkedIn")
            .maxTextLength(3000)
            .build();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private FakeOpenAi fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeOpenAi();
        assertThat(X_WITH_LONG_LINK.codePointCount(0, X_WITH_LONG_LINK.length()))
                .isGreaterThan(280);
        assertThat(TwitterTextMeasure.INSTANCE.measure(X_WITH_LONG_LINK)).isLessThanOrEqualTo(280);
        assertThat(X_IN_JAPANESE.codePointCount(0, X_IN_JAPANESE.length())).isLessThan(280);
        assertThat(TwitterTextMeasure.INSTANCE.measure(X_IN_JAPANESE)).isGreaterThan(280);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** Answers by the channel the system message names; a four-message conversation is a reword. */
    private void answer(Function<RecordedRequest, MockResponse> linkedinAnswer) {
        fake.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                JsonNode body = json(request);
                String system = body.path("messages").path(0).path("content").asText();
                if (system.contains("posts for X.")) {
                    if (body.path("messages").size() == 4) {
                        return fake.completion(candidate(X_SHORTER, 0.8, "Luxaris"));
                    }
                    return fake.completion(candidate(X_WITH_LONG_LINK, 0.9), candidate(X_IN_JAPANESE, 0.7));
                }
                return linkedinAnswer.apply(request);
            }
        });
    }

    private Luxaris luxaris() {
        return Luxaris.builder()
                .channel(x)
                .channel(linkedin)
                .generator(OpenAiGenerator.builder()
                        .baseUrl(fake.baseUrl())
                        .apiKey(FakeOpenAi.API_KEY)
                        .model("gpt-4o-mini")
                        .clock(new SleepingClock())
                        .build())
                .clock(clock)
                .build();
    }

    @Test
    void generateFromATemplate_forXAndLinkedIn_acceptOne_scheduleIt_andItIsPublished() throws Exception {
        answer(r -> fake.completion(candidate(LINKEDIN_1, 0.9, "Java", "OpenSource"), candidate(LINKEDIN_2, 0.6)));
        try (Luxaris luxaris = luxaris()) {
            var template = luxaris.templates()
                    .create(
                            alice,
                            TemplateDraft.of("release", "{{product}} {{version}} is out: {{highlights}}. {{url}}"));

            SessionDetails session = luxaris.generation()
                    .generate(
                            alice,
                            GenerationRequest.of("Announce the new release", "x", "linkedin")
                                    .withTemplate(
                                            template.id(),
                                            Map.of(
                                                    "product", "Luxaris",
                                                    "version", "2.1",
                                                    "highlights", "faster scheduling and a calendar view",
                                                    "url", "https://luxaris.io/2.1"))
                                    .withTone("excited")
                                    .withCount(2));

            // the session and its suggestions
            assertThat(session.session().status()).isEqualTo(GenerationStatus.COMPLETED);
            assertThat(session.session().channelErrors()).isEmpty();
            List<GenerationSuggestion> forX = session.forChannel("x");
            List<GenerationSuggestion> forLinkedIn = session.forChannel("linkedin");
            assertThat(forX).hasSize(2);
            assertThat(forLinkedIn).hasSize(2);
            assertThat(forX).allSatisfy(s -> {
                assertThat(TwitterTextMeasure.INSTANCE.measure(s.content())).isLessThanOrEqualTo(280);
                assertThat(s.truncated()).isFalse();
            });
            assertThat(forLinkedIn).allSatisfy(s -> {
                assertThat(TextMeasure.codePoints().measure(s.content())).isLessThanOrEqualTo(3000);
                assertThat(s.truncated()).isFalse();
            });
            // fits as X counts it, though longer than 280 code points: kept as written
            assertThat(forX.get(0).content()).isEqualTo(X_WITH_LONG_LINK);
            assertThat(forX.get(0).metadata()).doesNotContainKey("reworded");
            // under 280 code points but over 280 as X counts it: reworded once
            assertThat(forX.get(1).content()).isEqualTo(X_SHORTER + " #Luxaris");
            assertThat(forX.get(1).metadata())
                    .containsEntry("reworded", "true")
                    .containsEntry(
                            "original_length", Integer.toString(TwitterTextMeasure.INSTANCE.measure(X_IN_JAPANESE)));
            assertThat(forLinkedIn.get(0).content()).isEqualTo(LINKEDIN_1 + "\n\n#Java #OpenSource");
            // auditable: model, prompt with the rendered template, usage, latency
            assertThat(session.suggestions()).allSatisfy(s -> assertThat(s.metadata())
                    .containsEntry("generator", "openai")
                    .containsEntry("model", "gpt-4o-mini-2024-07-18")
                    .containsEntry("usage_total_tokens", "113")
                    .containsKeys("latency_ms", "prompt", "rationale")
                    .hasEntrySatisfying(
                            "prompt",
                            p -> assertThat(p)
                                    .contains(
                                            "Luxaris 2.1 is out: faster scheduling and a calendar view. https://luxaris.io/2.1"))
                    .allSatisfy((k, v) -> assertThat(v).doesNotContain(FakeOpenAi.API_KEY)));
            assertThat(forX.get(0).score()).hasValue(0.9);

            // the requests: one per channel with n=2, plus one reword for X
            assertThat(requests).hasSize(3);
            JsonNode xRequest = json(requests.get(0));
            assertThat(xRequest.path("n").asInt()).isEqualTo(2);
            assertThat(xRequest.path("messages").path(1).path("content").asText())
                    .contains("Tone: excited.")
                    .contains("hard maximum 280");
            assertThat(xRequest.path("messages").path(0).path("content").asText())
                    .contains("every link counts as 23");
            assertThat(json(requests.get(1)).path("messages")).hasSize(4);
            JsonNode linkedinRequest = json(requests.get(2));
            assertThat(linkedinRequest.path("n").asInt()).isEqualTo(2);
            assertThat(linkedinRequest.path("messages").path(1).path("content").asText())
                    .contains("hard maximum 3000");
            requests.forEach(r -> ServerProfilesTest.assertStrictSchema(json(r)));

            // accept one into a variant of a new post, and the LinkedIn one into the same post
            var accepted = luxaris.generation().accept(alice, forX.get(1).id());
            assertThat(accepted.suggestion().accepted()).isTrue();
            assertThat(accepted.variant().content()).isEqualTo(X_SHORTER + " #Luxaris");
            assertThat(accepted.variant().source()).isEqualTo(VariantSource.GENERATED);
            var alsoAccepted = luxaris.generation()
                    .acceptInto(alice, forLinkedIn.get(0).id(), accepted.post().id());
            assertThat(alsoAccepted.post().id()).isEqualTo(accepted.post().id());

            // schedule and publish
            var account = luxaris.channels()
                    .connect(alice, ConnectionRequest.of("x", "@luxaris", Credentials.bearer("tok-123456")));
            Instant at = Instant.parse("2026-11-24T12:00:00Z");
            var schedule = luxaris.schedules()
                    .schedule(alice, ScheduleRequest.at(accepted.variant().id(), account.id(), at));
            assertThat(schedule.status()).isEqualTo(ScheduleStatus.PENDING);
            assertThat(luxaris.posts().get(alice, accepted.post().id()).post().status())
                    .isEqualTo(PostStatus.SCHEDULED);

            clock.set(at);
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
            assertThat(x.posts()).singleElement().satisfies(p -> assertThat(p.content())
                    .isEqualTo(X_SHORTER + " #Luxaris"));
            assertThat(luxaris.schedules().get(alice, schedule.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
            var details = luxaris.posts().get(alice, accepted.post().id());
            assertThat(details.variants())
                    .filteredOn(v -> v.id().equals(accepted.variant().id()))
                    .singleElement()
                    .satisfies(v -> assertThat(v.status()).isEqualTo(VariantStatus.PUBLISHED));
        }
    }

    @Test
    void aChannelThatFails_isRecorded_whileTheOtherKeepsItsSuggestions() throws Exception {
        answer(r -> FakeOpenAi.insufficientQuota());
        try (Luxaris luxaris = luxaris()) {
            SessionDetails session = luxaris.generation()
                    .generate(
                            alice,
                            GenerationRequest.of("Announce 2.1", "x", "linkedin")
                                    .withCount(2));

            assertThat(session.session().status()).isEqualTo(GenerationStatus.COMPLETED);
            assertThat(session.forChannel("x")).hasSize(2);
            assertThat(session.forChannel("linkedin")).isEmpty();
            assertThat(session.session().channelErrors())
                    .containsOnlyKeys("linkedin")
                    .hasEntrySatisfying("linkedin", m -> assertThat(m)
                            .startsWith("quota_exhausted: HTTP 429")
                            .contains("insufficient_quota")
                            .doesNotContain(FakeOpenAi.API_KEY));
        }
    }

    @Test
    void droppedCandidates_areRecordedAsChannelErrors_besideTheKeptOnes() throws Exception {
        answer(r -> fake.completion(Choice.ok(candidate(LINKEDIN_2, 0.8)), Choice.refused("I can't write that.")));
        try (Luxaris luxaris = luxaris()) {
            SessionDetails session = luxaris.generation()
                    .generate(
                            alice,
                            GenerationRequest.of("Announce 2.1", "linkedin").withCount(2));

            assertThat(session.forChannel("linkedin"))
                    .extracting(GenerationSuggestion::content)
                    .containsExactly(LINKEDIN_2);
            assertThat(session.session().channelErrors())
                    .containsEntry("linkedin", "dropped 1 candidate(s): choice 2 refused: I can't write that.");
        }
    }

    @Test
    void offlineGenerator_needsNoKey_andIsDeterministic() {
        try (Luxaris luxaris = Luxaris.builder()
                .channel(x)
                .channel(linkedin)
                .generator(OpenAiGenerator.fromEnvironment(Map.<String, String>of()::get))
                .clock(clock)
                .build()) {
            var request = GenerationRequest.of("Luxaris 2.1 is out with faster scheduling", "x", "linkedin")
                    .withTone("excited")
                    .withCount(3)
                    .usingGenerator(OfflineGenerator.KEY);

            SessionDetails first = luxaris.generation().generate(alice, request);
            SessionDetails second = luxaris.generation().generate(alice, request);

            assertThat(first.session().channelErrors()).isEmpty();
            assertThat(first.suggestions()).hasSize(6);
            assertThat(first.suggestions())
                    .extracting(GenerationSuggestion::content)
                    .containsExactlyElementsOf(second.suggestions().stream()
                            .map(GenerationSuggestion::content)
                            .toList());
            assertThat(first.forChannel("x"))
                    .allSatisfy(s -> assertThat(TwitterTextMeasure.INSTANCE.measure(s.content()))
                            .isLessThanOrEqualTo(280));
            assertThat(first.suggestions())
                    .allSatisfy(s -> assertThat(s.metadata()).containsEntry("generator", "offline"));
        }
        assertThat(fake.requestCount()).isZero();
    }
}
