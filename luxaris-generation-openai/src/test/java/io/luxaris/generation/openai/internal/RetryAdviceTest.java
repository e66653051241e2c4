package io.luxaris.generation.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryAdviceTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void goDurations_asOpenAiSendsThem_areParsed() {
        assertThat(RetryAdvice.goDuration("12ms")).contains(Duration.ofMillis(12));
        assertThat(RetryAdvice.goDuration("1s")).contains(Duration.ofSeconds(1));
        assertThat(RetryAdvice.goDuration("6m0s")).contains(Duration.ofMinutes(6));
        assertThat(RetryAdvice.goDuration("1m30.5s")).contains(Duration.ofMillis(90_500));
        assertThat(RetryAdvice.goDuration("1h2m")).contains(Duration.ofMinutes(62));
        assertThat(RetryAdvice.goDuration("0.25s")).contains(Duration.ofMillis(250));
    }

    @Test
    void goDurations_thatAreNotOne_areEmpty() {
        assertThat(RetryAdvice.goDuration("")).isEmpty();
        assertThat(RetryAdvice.goDuration("soon")).isEmpty();
        assertThat(RetryAdvice.goDuration("5")).isEmpty();
        assertThat(RetryAdvice.goDuration("5s later")).isEmpty();
        assertThat(RetryAdvice.goDuration("-1s")).isEmpty();
        assertThat(RetryAdvice.goDuration(null)).isEmpty();
    }

    @Test
    void retryAfter_inSecondsOrAsAnHttpDate() {
        assertThat(RetryAdvice.retryAfter("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAdvice.retryAfter("0.5", NOW)).contains(Duration.ofMillis(500));
        assertThat(RetryAdvice.retryAfter("Tue, 24 Nov 2026 10:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAdvice.retryAfter("Tue, 24 Nov 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAdvice.retryAfter("-3", NOW)).isEmpty();
        assertThat(RetryAdvice.retryAfter("whenever", NOW)).isEmpty();
    }

    @Test
    void retryAfterMs_winsOverRetryAfter_whichWinsOverTheResetHeaders() {
        Headers all = Headers.of("retry-after-ms", "250", "Retry-After", "3", "x-ratelimit-reset-requests", "9s");
        assertThat(RetryAdvice.from(all, "", NOW)).contains(Duration.ofMillis(250));
        assertThat(RetryAdvice.from(all.newBuilder().removeAll("retry-after-ms").build(), "", NOW))
                .contains(Duration.ofSeconds(3));
    }

    @Test
    void resetHeaders_waitForTheExhaustedLimit_orTheSoonerOne() {
        Headers tokensOut = Headers.of(
                "x-ratelimit-remaining-requests", "10",
                "x-ratelimit-remaining-tokens", "0",
                "x-ratelimit-reset-requests", "1s",
                "x-ratelimit-reset-tokens", "20s");
        assertThat(RetryAdvice.from(tokensOut, "", NOW)).contains(Duration.ofSeconds(20));
        Headers unknown = Headers.of("x-ratelimit-reset-requests", "4s", "x-ratelimit-reset-tokens", "2s");
        assertThat(RetryAdvice.from(unknown, "", NOW)).contains(Duration.ofSeconds(2));
    }

    @Test
    void withoutHeaders_theMessageHintIsUsed() {
        assertThat(RetryAdvice.from(Headers.of(), "Please try again in 1.2s. Visit ...", NOW))
                .contains(Duration.ofMillis(1200));
        assertThat(RetryAdvice.from(Headers.of(), "Slow down", NOW)).isEmpty();
    }
}
