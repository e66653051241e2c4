package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResetTimesTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void retryAfter_inSeconds_countsFromNow_andANegativeNumberIsNow() {
        assertThat(ResetTimes.retryAfter("120", NOW)).contains(NOW.plusSeconds(120));
        assertThat(ResetTimes.retryAfter(" 7 ", NOW)).contains(NOW.plusSeconds(7));
        assertThat(ResetTimes.retryAfter("0", NOW)).contains(NOW);
        assertThat(ResetTimes.retryAfter("-30", NOW)).contains(NOW);
    }

    @Test
    void retryAfter_asAnHttpDate_isThatInstant() {
        assertThat(ResetTimes.retryAfter("Thu, 03 Dec 2026 10:05:30 GMT", NOW))
                .contains(Instant.parse("2026-12-03T10:05:30Z"));
        assertThat(ResetTimes.httpDate(" Wed, 02 Dec 2026 23:59:59 GMT "))
                .contains(Instant.parse("2026-12-02T23:59:59Z"));
    }

    @Test
    void retryAfter_missingBlankGarbledOrOutOfRange_isEmpty() {
        assertThat(ResetTimes.retryAfter(null, NOW)).isEmpty();
        assertThat(ResetTimes.retryAfter("  ", NOW)).isEmpty();
        assertThat(ResetTimes.retryAfter("soon", NOW)).isEmpty();
        assertThat(ResetTimes.retryAfter("1.5", NOW)).isEmpty();
        assertThat(ResetTimes.retryAfter("2026-12-03T10:05:30Z", NOW)).isEmpty();
        assertThat(ResetTimes.retryAfter(String.valueOf(Long.MAX_VALUE), NOW)).isEmpty();
        assertThat(ResetTimes.retryAfter("99999999999999999999", NOW)).isEmpty();
        assertThat(ResetTimes.httpDate(null)).isEmpty();
        assertThat(ResetTimes.httpDate("yesterday")).isEmpty();
    }

    @Test
    void epochSeconds_readsWholeSeconds_elseEmpty() {
        assertThat(ResetTimes.epochSeconds("1764756000")).contains(Instant.ofEpochSecond(1_764_756_000L));
        assertThat(ResetTimes.epochSeconds(" 1764756000 ")).contains(Instant.ofEpochSecond(1_764_756_000L));
        assertThat(ResetTimes.epochSeconds(null)).isEmpty();
        assertThat(ResetTimes.epochSeconds("")).isEmpty();
        assertThat(ResetTimes.epochSeconds("1764756000.5")).isEmpty();
        assertThat(ResetTimes.epochSeconds("2026-12-03T10:00:00Z")).isEmpty();
        assertThat(ResetTimes.epochSeconds(String.valueOf(Long.MAX_VALUE))).isEmpty();
    }
}
