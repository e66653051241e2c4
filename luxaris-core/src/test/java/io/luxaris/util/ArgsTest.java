package io.luxaris.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void orderedCopy_keepsTheOrder_andIsNotChangedByItsSource() {
        var source = new LinkedHashMap<String, String>();
        source.put("zeta", "1");
        source.put("alpha", "2");

        Map<String, String> copy = Args.orderedCopy(source, "metadata");
        source.put("beta", "3");

        assertThat(copy.keySet()).containsExactly("zeta", "alpha");
        assertThat(copy)
                .isEqualTo(Map.of("zeta", "1", "alpha", "2"))
                .hasSameHashCodeAs(Map.of("zeta", "1", "alpha", "2"));
        assertThat(copy.get("alpha")).isEqualTo("2");
        assertThat(copy.get(null)).isNull();
        assertThat(copy.containsKey("beta")).isFalse();
        assertThatThrownBy(() -> copy.put("beta", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void orderedCopy_ofItsOwnCopy_isThatCopy_andOfAnEmptyMap_anEmptyMap() {
        Map<String, String> copy = Args.orderedCopy(Map.of("k", "v"), "metadata");

        assertThat(Args.orderedCopy(copy, "metadata")).isSameAs(copy);
        assertThat(Args.orderedCopy(new HashMap<>(), "metadata")).isEmpty();
        assertThat(Args.orderedCopy(Map.of(), "metadata").get(null)).isNull();
    }

    @Test
    void orderedCopy_refusesNullKeysAndValues_namingTheArgument() {
        var nullValue = new HashMap<String, String>();
        nullValue.put("k", null);
        var nullKey = new HashMap<String, String>();
        nullKey.put(null, "v");

        assertThatThrownBy(() -> Args.orderedCopy(nullValue, "metadata"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("metadata value");
        assertThatThrownBy(() -> Args.orderedCopy(nullKey, "metadata"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("metadata key");
    }
}
