package io.luxaris.generation.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CandidateSchemaTest {
    @Test
    void schema_isStrict_everyPropertyRequired_noOtherAllowed() {
        JsonNode format = CandidateSchema.responseFormat();
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        JsonNode schema = format.path("json_schema").path("schema");
        var names = new ArrayList<String>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        assertThat(schema.path("required")).extracting(JsonNode::asText).containsExactlyElementsOf(names);
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void read_takesTextHashtagsScoreAndRationale() {
        var draft = CandidateSchema.read(
                        "{\"text\":\"Hello\",\"hashtags\":[\"#Java\",\"open source\",\"\"],\"score\":0.7,\"rationale\":\"ok\"}")
                .orElseThrow();
        assertThat(draft.text()).isEqualTo("Hello");
        assertThat(draft.hashtags()).containsExactly("Java", "opensource");
        assertThat(draft.score()).isEqualTo(OptionalDouble.of(0.7));
        assertThat(draft.rationale()).contains("ok");
        assertThat(draft.post()).isEqualTo("Hello #Java #opensource");
    }

    @Test
    void read_clampsTheScore_andToleratesMissingOptionalFieldsAndCodeFences() {
        var draft = CandidateSchema.read("```json\n{\"text\":\"Hi\",\"score\":7}\n```")
                .orElseThrow();
        assertThat(draft.score()).isEqualTo(OptionalDouble.of(1.0));
        assertThat(draft.hashtags()).isEmpty();
        assertThat(draft.rationale()).isEmpty();
        assertThat(draft.post()).isEqualTo("Hi");
    }

    @Test
    void read_rejectsWhatIsNotACandidate() {
        assertThat(CandidateSchema.read("Sure, here is a post")).isEmpty();
        assertThat(CandidateSchema.read("{\"text\":\"Big news")).isEmpty();
        assertThat(CandidateSchema.read("{\"text\":\"  \"}")).isEmpty();
        assertThat(CandidateSchema.read("{\"post\":\"Hello\"}")).isEmpty();
        assertThat(CandidateSchema.read("[\"Hello\"]")).isEmpty();
    }

    @Test
    void post_doesNotRepeatHashtagsTheTextCarries_andPutsThemOnTheirOwnLineAfterAParagraph() {
        var inline = CandidateSchema.read("{\"text\":\"Ship it #Java\",\"hashtags\":[\"java\",\"release\"]}")
                .orElseThrow();
        assertThat(inline.post()).isEqualTo("Ship it #Java #release");
        var paragraphs = CandidateSchema.read("{\"text\":\"One.\\n\\nTwo.\",\"hashtags\":[\"release\"]}")
                .orElseThrow();
        assertThat(paragraphs.post()).isEqualTo("One.\n\nTwo.\n\n#release");
    }
}
