package io.luxaris.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.MediaKind;
import io.luxaris.domain.MediaRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void emptyMapsAndLists_arePrintedAndReadWithoutTheParser_asTheParserWould() {
        assertThat(Json.map(Map.of())).isEqualTo("{}");
        assertThat(Json.list(List.of())).isEqualTo("[]");
        assertThat(Json.map("{}")).isEmpty();
        assertThat(Json.map("[]")).isEmpty();
        assertThat(Json.list("[]")).isEmpty();
        assertThat(Json.media("[]")).isEmpty();
        assertThat(Json.followUps("[]")).isEmpty();
        assertThat(Json.map("{ }")).as("spaced: through the parser").isEmpty();
        // what is read empty can still be added to, as rows read through the parser
        Json.map("{}").put("k", "v");
        Json.list("[]").add("v");
    }

    @Test
    void nonEmptyValues_roundTrip() {
        assertThat(Json.map(Json.map(Map.of("a", "1")))).containsExactly(Map.entry("a", "1"));
        assertThat(Json.list(Json.list(List.of("x", "y")))).containsExactly("x", "y");
        var media = List.of(new MediaRef(MediaKind.IMAGE, "s3://a", Optional.of("alt")));
        assertThat(Json.media(Json.media(media))).isEqualTo(media);
    }
}
