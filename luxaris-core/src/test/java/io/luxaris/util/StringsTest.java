package io.luxaris.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringsTest {
    @Test
    void invalidCharacterAt_findsNulAndUnpairedSurrogates_only() {
        assertThat(Strings.invalidCharacterAt("plain")).isEqualTo(-1);
        assertThat(Strings.invalidCharacterAt("pair \uD83D\uDE00 ok")).isEqualTo(-1);
        assertThat(Strings.invalidCharacterAt("ctl \t\n\u0001\u007F\uFFFF")).isEqualTo(-1);
        assertThat(Strings.invalidCharacterAt("ab\u0000")).isEqualTo(2);
        assertThat(Strings.invalidCharacterAt("\uD83D")).isEqualTo(0);
        assertThat(Strings.invalidCharacterAt("x\uDE00\uD83D")).isEqualTo(1);
        assertThat(Strings.invalidCharacterAt("\uD83D\uD83D\uDE00")).isEqualTo(0);
        assertThat(Strings.invalidCharacterAt(null)).isEqualTo(-1);
    }
}
