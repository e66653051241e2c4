package io.luxaris.generation.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void mask_showsTheFirstSixAndLastThreeCharacters_likeOpenAi() {
        assertThat(Secrets.mask("sk-abcdefghijklmnopxyz")).isEqualTo("sk-abc***xyz");
        assertThat(Secrets.mask("short-key")).isEqualTo("***");
    }

    @Test
    void scrub_masksKnownSecretsKeyShapedStringsBearerTokensAndAssignments() {
        String text = "key my-azure-key-0123456789 and sk-proj-abcdefghijklmnop, Authorization: Bearer eyJhbGciOi.x.y,"
                + " password: hunter22, \"api_key\": \"abcd1234\"";

        String scrubbed = Secrets.scrub(text, List.of("my-azure-key-0123456789"));

        assertThat(scrubbed)
                .contains("my-azu***789")
                .contains("sk-pro***nop")
                .contains("Bearer ***")
                .contains("password: ***")
                .contains("\"api_key\": \"***\"")
                .doesNotContain("0123456789")
                .doesNotContain("hunter22")
                .doesNotContain("eyJhbGciOi")
                .doesNotContain("abcd1234");
    }

    @Test
    void scrub_leavesOrdinaryTextAlone() {
        String text = "Luxaris 2.1 is out: faster scheduling. Tokens of appreciation to the team! #java";
        assertThat(Secrets.scrub(text, List.of())).isEqualTo(text);
    }

    @Test
    void truncate_marksTheCut_withoutSplittingASurrogatePair() {
        assertThat(Secrets.truncate("abcdef", 10)).isEqualTo("abcdef");
        assertThat(Secrets.truncate("abcdef", 4)).isEqualTo("abc…");
        assertThat(Secrets.truncate("ab😀cd", 4)).isEqualTo("ab…");
    }
}
