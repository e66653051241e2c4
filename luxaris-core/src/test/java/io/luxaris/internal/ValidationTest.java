package io.luxaris.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.errors.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest {
    @Test
    void storable_dropsNul_andReplacesUnpairedSurrogates() {
        assertThat(Validation.storable("a\u0000b")).isEqualTo("ab");
        assertThat(Validation.storable("x\uD83Dy\uDE00")).isEqualTo("x\uFFFDy\uFFFD");
        assertThat(Validation.storable("pair \uD83D\uDE00")).isEqualTo("pair \uD83D\uDE00");
    }

    @Test
    void everyTextCheck_reportsInvalidCharacters_withTheField() {
        var v = Validation.start()
                .text("a", "x\u0000", 10)
                .maybeBlank("b", "\uD800", 10)
                .maxLength("c", "\uDC00", 10)
                .tags("tags", List.of("ok", "t\uD800"))
                .map("m", Map.of("k\u0000", "v"), 5, 10, 10)
                .map("n", Map.of("k", "v\u0000"), 5, 10, 10);
        assertThat(v.violations())
                .extracting(Violation::field, Violation::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", Validation.INVALID_CHARACTER),
                        org.assertj.core.groups.Tuple.tuple("b", Validation.INVALID_CHARACTER),
                        org.assertj.core.groups.Tuple.tuple("c", Validation.INVALID_CHARACTER),
                        org.assertj.core.groups.Tuple.tuple("tags[1]", Validation.INVALID_CHARACTER),
                        org.assertj.core.groups.Tuple.tuple("m", Validation.INVALID_CHARACTER),
                        org.assertj.core.groups.Tuple.tuple("n.k", Validation.INVALID_CHARACTER));
    }
}
