package io.luxaris.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PgColumnsTest {

    @Test
    void utcMicros_printsTheInstantToTheMicrosecond_inTheFormatPostgresReads() {
        assertThat(PgColumns.utcMicros(Instant.parse("2026-12-06T06:33:48.123456789Z")))
                .isEqualTo("2026-12-06T06:33:48.123456Z");
        assertThat(PgColumns.utcMicros(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000Z");
        assertThat(PgColumns.utcMicros(Instant.parse("1969-12-31T23:59:59.999999Z")))
                .isEqualTo("1969-12-31T23:59:59.999999Z");
        assertThat(PgColumns.utcMicros(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo("0001-01-01T00:00:00.000000Z");
        assertThat(PgColumns.utcMicros(Instant.parse("9999-12-31T23:59:59.999999999Z")))
                .isEqualTo("9999-12-31T23:59:59.999999Z");
    }

    @Test
    void utcMicros_readsBackAsTheInstantTruncatedToMicroseconds_overTheWholeRange() {
        var random = new SplittableRandom(15);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            assertThat(Instant.parse(PgColumns.utcMicros(instant)))
                    .as("%s", instant)
                    .isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
        }
    }

    @Test
    void utcMicros_leavesYearsOutsideFourDigitsToInstantToString() {
        for (Instant far : List.of(
                Instant.parse("+10000-01-01T00:00:00.5Z"),
                Instant.parse("0000-12-31T23:59:59Z"),
                Instant.MAX,
                Instant.MIN)) {
            assertThat(PgColumns.utcMicros(far))
                    .isEqualTo(far.truncatedTo(ChronoUnit.MICROS).toString());
        }
    }
}
