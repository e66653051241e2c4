package io.luxaris.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sequences of recurrence rules: days, weeks, months, ends, and rules out of range. */
class RecurrenceRuleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    private static LocalDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0);
    }

    @Test
    void everyTwoDays_endingAfterThree() {
        var rule =
                RecurrenceRule.daily(2, LocalDate.of(2026, 3, 1), NINE, BERLIN).endingAfter(3);

        assertThat(rule.localTimes()).containsExactly(at(2026, 3, 1), at(2026, 3, 3), at(2026, 3, 5));
    }

    @Test
    void everyOtherWeek_onMondayAndFriday_fromAWednesday() {
        var rule = RecurrenceRule.weekly(
                2, Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), LocalDate.of(2026, 3, 4), NINE, BERLIN);

        // Monday 2 March is before the start; the week of 16 March is skipped
        assertThat(rule.localTimes(0, 5))
                .containsExactly(at(2026, 3, 6), at(2026, 3, 16), at(2026, 3, 20), at(2026, 3, 30), at(2026, 4, 3));
    }

    @Test
    void monthlyOnThe31st_fallsOnTheLastDayOfShorterMonths() {
        var rule = RecurrenceRule.monthly(1, 31, LocalDate.of(2026, 1, 1), NINE, BERLIN);

        assertThat(rule.localTimes(0, 5))
                .containsExactly(at(2026, 1, 31), at(2026, 2, 28), at(2026, 3, 31), at(2026, 4, 30), at(2026, 5, 31));
        assertThat(RecurrenceRule.monthly(12, 29, LocalDate.of(2027, 2, 1), NINE, BERLIN)
                        .localTimes(0, 3))
                .containsExactly(at(2027, 2, 28), at(2028, 2, 29), at(2029, 2, 28));
    }

    @Test
    void monthly_aFirstMonthWhoseDayIsBeforeTheStart_hasNoOccurrence() {
        var rule = RecurrenceRule.monthly(1, 10, LocalDate.of(2026, 1, 15), NINE, BERLIN);

        assertThat(rule.localTimes(0, 2)).containsExactly(at(2026, 2, 10), at(2026, 3, 10));
    }

    @Test
    void anEndDate_isInclusive() {
        var rule =
                RecurrenceRule.daily(1, LocalDate.of(2026, 3, 1), NINE, BERLIN).endingOn(LocalDate.of(2026, 3, 3));

        assertThat(rule.localTimes()).containsExactly(at(2026, 3, 1), at(2026, 3, 2), at(2026, 3, 3));
        assertThat(rule.isBounded()).isTrue();
        assertThat(RecurrenceRule.daily(1, LocalDate.of(2026, 3, 1), NINE, BERLIN)
                        .isBounded())
                .isFalse();
    }

    @Test
    void theLocalTimeStays_acrossDstChanges() {
        var rule = RecurrenceRule.daily(1, LocalDate.of(2026, 3, 28), NINE, BERLIN);

        assertThat(rule.localTimes(0, 3))
                .allSatisfy(t -> assertThat(t.toLocalTime()).isEqualTo(NINE));
    }

    @Test
    void aRuleOutOfRange_hasNoOccurrences() {
        LocalDate start = LocalDate.of(2026, 3, 1);
        assertThat(RecurrenceRule.daily(0, start, NINE, BERLIN).localTimes()).isEmpty();
        assertThat(RecurrenceRule.daily(RecurrenceRule.MAX_INTERVAL + 1, start, NINE, BERLIN)
                        .localTimes())
                .isEmpty();
        assertThat(RecurrenceRule.weekly(1, Set.of(), start, NINE, BERLIN).localTimes())
                .isEmpty();
        assertThat(RecurrenceRule.monthly(1, 32, start, NINE, BERLIN).localTimes())
                .isEmpty();
        assertThat(RecurrenceRule.daily(1, start, NINE, BERLIN).endingAfter(0).localTimes())
                .isEmpty();
    }

    @Test
    void theSequenceEnds_atTheLastSupportedDate() {
        var rule =
                RecurrenceRule.monthly(RecurrenceRule.MAX_INTERVAL, 1, LocalDate.of(999_999_000, 1, 1), NINE, BERLIN);

        assertThat(rule.localTimes().count()).isEqualTo(33);
    }
}
