package io.luxaris.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExternalTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            NUL                     | a\\u0000b              | ab
            C0 controls             | \\u0001x\\u001fy\\u0008 | xy
            DEL                     | a\\u007fb              | ab
            tab and line breaks     | a\\tb\\nc\\rd          | a\\tb\\nc\\rd
            lone high surrogate     | a\\ud83db              | a\\ufffdb
            high surrogate at end   | ab\\ud83d              | ab\\ufffd
            lone low surrogate      | a\\ude00b              | a\\ufffdb
            reversed pair           | \\ude00\\ud83d         | \\ufffd\\ufffd
            valid pair kept         | x\\ud83d\\ude00y       | x\\ud83d\\ude00y
            pair after a NUL        | \\u0000\\ud83d\\ude00  | \\ud83d\\ude00
            """)
    void clean_dropsControlCharactersAndReplacesUnpairedSurrogates(String what, String input, String expected) {
        assertThat(ExternalText.clean(unescape(input))).as(what).isEqualTo(unescape(expected));
    }

    @Test
    void clean_returnsTheSameInstance_whenTheTextIsClean() {
        String clean = "Hello 😀 world\twith\nlines";
        assertThat(ExternalText.clean(clean)).isSameAs(clean);
        String empty = "";
        assertThat(ExternalText.clean(empty)).isSameAs(empty);
    }

    @Test
    void safe_cleansScrubsSecretsAndCutsToTheColumn() {
        String text = "token s3cr3t-value\u0000 leaked " + "x".repeat(100);

        String safe = ExternalText.safe(text, List.of("s3cr3t-value"), 40);

        assertThat(safe).doesNotContain("s3cr3t-value").doesNotContain("\u0000").contains("[REDACTED]");
        assertThat(safe).hasSizeLessThanOrEqualTo(40).endsWith("…[truncated]");
        assertThat(ExternalText.safe(Optional.of("a\u0000b"), List.of(), 10)).contains("ab");
        assertThat(ExternalText.safe(Optional.<String>empty(), List.of(), 10)).isEmpty();
    }

    @Test
    void aCheckpoint_getsCleanKeysAndValues_andLosesKeysThatCleanToBlank() {
        var checkpoint = new LinkedHashMap<String, String>();
        checkpoint.put("part\u00001", "id\u0000-1");
        checkpoint.put("\u0000", "dropped");
        checkpoint.put("part2", "id-2\ud83d");

        Map<String, String> cleaned = ExternalText.clean(checkpoint);

        assertThat(cleaned).containsExactly(Map.entry("part1", "id-1"), Map.entry("part2", "id-2\ufffd"));
    }

    /** Turns the {@code \\uXXXX}, {@code \\t}, {@code \\n} and {@code \\r} escapes of the table into characters. */
    private static String unescape(String s) {
        var out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == 'u') {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
                i++;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
