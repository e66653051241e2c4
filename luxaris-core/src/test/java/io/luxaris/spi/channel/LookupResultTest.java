package io.luxaris.spi.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LookupResultTest {
    @Test
    void found_withoutACheckpoint_hasAnEmptyOne() {
        var found = new LookupResult.Found("123", Optional.of("https://example.com/123"));

        assertThat(found.checkpoint()).isEmpty();
        assertThat(found).isEqualTo(new LookupResult.Found("123", Optional.of("https://example.com/123"), Map.of()));
    }

    @Test
    void found_copiesItsCheckpoint_inOrder_andTheCopyCannotBeChanged() {
        var checkpoint = new LinkedHashMap<String, String>();
        checkpoint.put("x.part.1", "2");
        checkpoint.put("x.part.0", "1");

        var found = new LookupResult.Found("1", Optional.empty(), checkpoint);
        checkpoint.put("x.part.2", "3");

        assertThat(found.checkpoint()).containsExactly(Map.entry("x.part.1", "2"), Map.entry("x.part.0", "1"));
        assertThatThrownBy(() -> found.checkpoint().put("x.part.2", "3"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void found_refusesNulls() {
        var withNullValue = new HashMap<String, String>();
        withNullValue.put("x.part.0", null);

        assertThatThrownBy(() -> new LookupResult.Found("1", Optional.empty(), withNullValue))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("checkpoint");
        assertThatThrownBy(() -> new LookupResult.Found("1", Optional.empty(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LookupResult.Found(null, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
    }
}
