package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.channels.bluesky.internal.Tid;
import io.luxaris.domain.ScheduleId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Record keys: TIDs derived from the schedule, the same in every attempt. */
class TidTest {
    @Test
    void theFactSheetsTid_isEncodedAndDecodedBack() {
        long micros = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli() * 1000;

        assertThat(Tid.of(micros, 7)).isEqualTo("3n32f522m222b");
        assertThat(Tid.micros("3n32f522m222b")).isEqualTo(micros);
        assertThat(Tid.clockId("3n32f522m222b")).isEqualTo(7);
    }

    @Test
    void aSchedulesKey_dependsOnTheScheduleAndPartOnly() {
        ScheduleId schedule = ScheduleId.of("019a8e3f-5c2b-7e11-9a3c-1234567890ab");

        String first = Tid.forPart(schedule, 0);

        assertThat(Tid.forPart(ScheduleId.of(schedule.toString()), 0)).isEqualTo(first);
        assertThat(Tid.isTid(first)).isTrue();
        assertThat(first).hasSize(13).matches("[2-7a-j][2-7a-z]{12}");
        // within the hour before the schedule was made (the millisecond of its version 7 id)
        Instant made = Instant.ofEpochMilli(0x019a8e3f5c2bL);
        assertThat(Tid.instant(first)).isBetween(made.minusSeconds(3600), made);
    }

    @Test
    void threadParts_getDistinctKeys_inOrder() {
        ScheduleId schedule = ScheduleId.random();
        Set<String> keys = new HashSet<>();
        String previous = "";
        for (int part = 0; part < 26; part++) {
            String key = Tid.forPart(schedule, part);
            assertThat(key).isGreaterThan(previous);
            keys.add(key);
            previous = key;
        }
        assertThat(keys).hasSize(26);
    }

    @Test
    void aThousandSchedulesMadeInOneMillisecond_getDisjointKeys() {
        // version 7 ids as Luxaris makes them in a burst: one millisecond, a counter, random bits (seeded here)
        var random = new java.util.Random(20261124);
        long millis = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
        Set<String> keys = new HashSet<>();
        int schedules = 1_000;
        for (int counter = 0; counter < schedules; counter++) {
            long msb = (millis << 16) | (0x7L << 12) | counter;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            ScheduleId id = new ScheduleId(new java.util.UUID(msb, lsb));
            for (int part = 0; part < 5; part++) {
                keys.add(Tid.forPart(id, part));
            }
        }
        assertThat(keys).hasSize(schedules * 5);
    }

    @Test
    void aNonTimeOrderedUuid_isHashedIntoAValidKey() {
        ScheduleId random = ScheduleId.of("3f2504e0-4f89-41d3-9a0c-0305e82c3301"); // version 4

        String key = Tid.forPart(random, 0);

        assertThat(Tid.isTid(key)).isTrue();
        assertThat(Tid.forPart(random, 0)).isEqualTo(key);
        assertThat(Tid.instant(key)).isAfter(Instant.parse("2023-11-01T00:00:00Z"));
    }
}
