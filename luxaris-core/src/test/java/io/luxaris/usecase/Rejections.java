package io.luxaris.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.errors.ValidationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The use-case tests' check of a rejected call: a {@link ValidationException} naming the field and the rule. */
final class Rejections {
    private Rejections() {}

    static void rejected(ThrowingCallable call, String field, String rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .as(e.getMessage())
                .anySatisfy(v -> {
                    assertThat(v.field()).isEqualTo(field);
                    assertThat(v.rule()).isEqualTo(rule);
                }));
    }
}
