package io.luxaris.spi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private static final String TOKEN = "AQX/9a+bc=d e&f";

    @Test
    void aSecret_isMaskedAsItself_urlEncoded_percentEncoded_andJsonEscaped() {
        String formEncoded = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8); // AQX%2F9a%2Bbc%3Dd+e%26f
        String percentLower = "AQX%2f9a%2bbc%3dd%20e%26f";
        String jsonEscaped = "AQX\\/9a+bc=d e&f";
        String unicodeEscaped = "AQX\\u002F9a\\u002bbc=d e\\u0026f";
        String text = "raw " + TOKEN + " | form " + formEncoded + " | lower " + percentLower + " | json " + jsonEscaped
                + " | unicode " + unicodeEscaped + " | end";

        String scrubbed = Redaction.scrub(text, List.of(TOKEN));

        assertThat(scrubbed)
                .isEqualTo("raw [REDACTED] | form [REDACTED] | lower [REDACTED] | json [REDACTED] | unicode"
                        + " [REDACTED] | end");
    }

    @Test
    void theStartOfASecret_atTheEndOfACutText_isMasked() {
        String cut = "{\"message\":\"bad token AQX%2F9a%2Bb";

        assertThat(Redaction.scrub(cut, List.of(TOKEN))).isEqualTo("{\"message\":\"bad token [REDACTED]");
        // a text that merely ends like the first characters of a secret's shorter prefix is left alone
        assertThat(Redaction.scrub("ends with AQ", List.of(TOKEN))).isEqualTo("ends with AQ");
    }

    @Test
    void tokenShapedValues_areMaskedWithoutBeingNamed() {
        String text = "Authorization: Bearer eyJhbGciOi.payload.sig; Authorization: Basic Y2xpZW50OnNlY3JldA=="
                + " key sk-proj-abcdefghijklmnop {\"access_token\":\"a1\",\"refresh_token\" : \"r\\\"2\","
                + "\"client_secret\":\"cs\"} grant_type=refresh_token&refresh_token=rt-123&client_id=app"
                + " https://cb.example/?code=oneTimeCode&state=s password: hunter22 api_key=abcd1234 OAuth"
                + " oauth_consumer_key=\"ck\", oauth_signature=\"Ls93hJiZbQ3akF3HF3x1Bz8/zU4=\","
                + " oauth_token=\"370773112-GmHx\"";

        String scrubbed = Redaction.scrub(text, List.of());

        assertThat(scrubbed)
                .contains("Bearer [REDACTED]")
                .contains("Basic [REDACTED]")
                .contains("key [REDACTED]")
                .contains("\"access_token\":\"[REDACTED]\"")
                .contains("\"refresh_token\" : \"[REDACTED]\"")
                .contains("\"client_secret\":\"[REDACTED]\"")
                .contains("&refresh_token=[REDACTED]&client_id=app")
                .contains("?code=[REDACTED]&state=s")
                .contains("password: [REDACTED]")
                .contains("api_key=[REDACTED]")
                .contains("oauth_consumer_key=\"ck\"")
                .contains("oauth_signature=\"[REDACTED]\"")
                .contains("oauth_token=\"[REDACTED]\"")
                .doesNotContain("eyJhbGciOi", "Y2xpZW50", "abcdefghijklmnop", "hunter22", "abcd1234", "oneTimeCode")
                .doesNotContain("rt-123", "Ls93hJiZ", "GmHx", "r\\\"2");
    }

    @Test
    void ordinaryText_andPlatformErrorCodes_areLeftAlone() {
        String text = "Tokens of appreciation to the team! Bearer tokens expire. #java {\"code\":\"ACCESS_DENIED\","
                + "\"serviceErrorCode\":100,\"token_type\":\"bearer\",\"message\":\"The token used in the request has"
                + " expired\"} basic information";

        assertThat(Redaction.scrub(text, List.of("abc"))).isEqualTo(text);
    }

    @Test
    void hintStyle_showsKnownKeysAndKeyShapedStringsAsHints_andOtherValuesAsStars() {
        String key = "sk-test-0123456789abcdefXYZ";
        String text = "key " + key + " other sk-proj-AAAAAAAAAAAAAAAAAAAAAAAA and api_key=hunter2secret"
                + " Bearer eyJhbGciOi.x.y";

        String scrubbed = Redaction.scrub(text, List.of(key), Redaction.Style.HINT);

        assertThat(scrubbed).isEqualTo("key sk-tes***XYZ other sk-pro***AAA and api_key=*** Bearer ***");
        assertThat(Redaction.hint("short-key")).isEqualTo("***");
    }

    @Test
    void truncate_marksTheCut_withoutSplittingASurrogatePair() {
        assertThat(Redaction.truncate("abcdef", 10)).isEqualTo("abcdef");
        assertThat(Redaction.truncate("a".repeat(20), 15)).isEqualTo("aaa…[truncated]");
        assertThat(Redaction.truncate("ab😀" + "c".repeat(20), 15)).isEqualTo("ab…[truncated]");
    }

    @Test
    void scrubAndTruncate_scrubsBeforeCutting_soNoPartOfASecretSurvives() {
        String secret = "secret-value-0123456789";
        String text = "x".repeat(20) + secret + "y".repeat(100);

        String kept = Redaction.scrubAndTruncate(text, List.of(secret), 44);

        assertThat(kept).isEqualTo("x".repeat(20) + "[REDACTED]" + "yy" + "…[truncated]");
        assertThat(kept).doesNotContain("secret-");
    }

    @Test
    void textWithoutAnyWordATokenPatternNeeds_isLeftAsItIs_whileEveryPatternStillMatchesInAnyCase() {
        String url = "https://example.com/status/1861234567890123456?s=20";
        assertThat(Redaction.mayHoldTokenShapedValue(url)).isFalse();
        assertThat(Redaction.scrub(url, List.of())).isSameAs(url);

        // each pattern's word in another case than the pattern spells it: the quick check lets the text through
        assertThat(Redaction.scrub("{\"ACCESS_TOKEN\": \"abc123def456\"}", List.of()))
                .isEqualTo("{\"ACCESS_TOKEN\": \"[REDACTED]\"}");
        assertThat(Redaction.scrub("Client-Secret=abc123def456", List.of())).isEqualTo("Client-Secret=[REDACTED]");
        assertThat(Redaction.scrub("Code_Verifier: abc123def456", List.of())).isEqualTo("Code_Verifier: [REDACTED]");
        assertThat(Redaction.scrub("API KEY=abc123def456", List.of())).isEqualTo("API KEY=[REDACTED]");
        assertThat(Redaction.scrub("PassWd: abc123def456", List.of())).isEqualTo("PassWd: [REDACTED]");
        assertThat(Redaction.scrub("OAuth_Signature=abc123def456", List.of())).isEqualTo("OAuth_Signature=[REDACTED]");
        assertThat(Redaction.scrub("/cb?CODE=abc123def456", List.of())).isEqualTo("/cb?CODE=[REDACTED]");
        assertThat(Redaction.scrub("BEARER eyJhbGciOi.payload", List.of())).isEqualTo("BEARER [REDACTED]");
        assertThat(Redaction.scrub("AUTHORIZATION: BASIC Y2xpZW50OnNlY3JldA==", List.of()))
                .isEqualTo("AUTHORIZATION: BASIC [REDACTED]");
        assertThat(Redaction.scrub("key rk-0123456789abcdef", List.of())).isEqualTo("key [REDACTED]");
    }
}
