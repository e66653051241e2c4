package io.luxaris.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void whatTheEngineStores_isScrubbedOfEncodedTokensToo() {
        String raw = "HTTP 401 {\"detail\":\"token tok%2Fen%2B1 (tok\\/en+1) is invalid\"}";

        assertThat(Redactor.scrubAndTruncate(Optional.of(raw), List.of("tok/en+1"), 4_096))
                .hasValue("HTTP 401 {\"detail\":\"token [REDACTED] ([REDACTED]) is invalid\"}");
        assertThat(Redactor.truncate("abcdefghijklmnopqrstuvwxyz", 20)).isEqualTo("abcdefgh…[truncated]");
    }
}
