package io.luxaris.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.When;
import io.luxaris.errors.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleTimeRuleTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final SchedulingRules rules = SchedulingRules.defaults();

    @Test
    void localTime_isConvertedToUtcWithTheZonesOffset() {
        var r = ScheduleTimeRule.resolve(
                When.local(LocalDateTime.parse("2026-03-02T09:00"), BERLIN), NOW, rules, "when");
        assertThat(r.instant()).contains(Instant.parse("2026-03-02T08:00:00Z"));
        var summer = ScheduleTimeRule.resolve(
                When.local(LocalDateTime.parse("2026-07-02T09:00"), BERLIN), NOW, rules, "when");
        assertThat(summer.instant()).contains(Instant.parse("2026-07-02T07:00:00Z"));
    }

    @Test
    void dstGap_inBerlin_isRejectedWithAClearMessage() {
        var r = ScheduleTimeRule.resolve(
                When.local(LocalDateTime.parse("2026-03-29T02:30"), BERLIN), NOW, rules, "when");
        assertThat(r.instant()).isEmpty();
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("when");
            assertThat(v.rule()).isEqualTo("dst_gap");
            assertThat(v.message()).contains("Europe/Berlin").contains("02:00").contains("03:00");
        });
    }

    @Test
    void dstGap_inNewYork_isRejected() {
        var r = ScheduleTimeRule.resolve(
                When.local(LocalDateTime.parse("2026-03-08T02:15"), NEW_YORK), NOW, rules, "when");
        assertThat(r.violations()).extracting(Violation::rule).containsExactly("dst_gap");
    }

    @Test
    void dstGap_isShiftedForward_whenTheRulesSaySo() {
        var shifting = SchedulingRules.builder()
                .dstGapPolicy(DstGapPolicy.SHIFT_FORWARD)
                .build();
        var berlin = ScheduleTimeRule.resolve(
                When.local(LocalDateTime.parse("2026-03-29T02:30"), BERLIN), NOW, shifting, "when");
        assertThat(berlin.instant()).contains(Instant.parse("2026-03-29T01:30:00Z")); // 03:30 CEST
        var newYork = ScheduleTimeRule.resolve(
                When.local(LocalDateTime.parse("2026-03-08T02:15"), NEW_YORK), NOW, shifting, "when");
        assertThat(newYork.instant()).contains(Instant.parse("2026-03-08T07:15:00Z")); // 03:15 EDT
    }

    @Test
    void dstOverlap_takesTheEarlierOffset_inBothZones() {
        var berlin = ScheduleTimeRule.resolve(
                When.local(LocalDateTime.parse("2026-10-25T02:30"), BERLIN), NOW, rules, "when");
        assertThat(berlin.instant()).contains(Instant.parse("2026-10-25T00:30:00Z")); // 02:30 CEST, the first one
        var newYork = ScheduleTimeRule.resolve(
                When.local(LocalDateTime.parse("2026-11-01T01:30"), NEW_YORK), NOW, rules, "when");
        assertThat(newYork.instant()).contains(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT, the first one
    }

    @Test
    void now_andThePast_areRejected_butOneMillisecondAheadIsFine() {
        assertThat(ScheduleTimeRule.checkHorizon(NOW, NOW, rules, "when"))
                .extracting(Violation::rule)
                .containsExactly("in_past");
        assertThat(ScheduleTimeRule.checkHorizon(NOW.minusSeconds(1), NOW, rules, "when"))
                .extracting(Violation::rule)
                .containsExactly("in_past");
        assertThat(ScheduleTimeRule.checkHorizon(NOW.plusMillis(1), NOW, rules, "when"))
                .isEmpty();
    }

    @Test
    void theHorizonIsExclusive() {
        Instant limit = NOW.plus(Duration.ofDays(365));
        assertThat(ScheduleTimeRule.checkHorizon(limit.minusMillis(1), NOW, rules, "when"))
                .isEmpty();
        assertThat(ScheduleTimeRule.checkHorizon(limit, NOW, rules, "when"))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("horizon");
                    assertThat(v.message()).contains("365 days");
                });
    }

    @Test
    void minLeadTime_isEnforced() {
        var lead = SchedulingRules.builder().minLeadTime(Duration.ofMinutes(5)).build();
        assertThat(ScheduleTimeRule.checkHorizon(NOW.plus(Duration.ofMinutes(5)), NOW, lead, "when"))
                .extracting(Violation::rule)
                .containsExactly("in_past");
        assertThat(ScheduleTimeRule.checkHorizon(NOW.plus(Duration.ofMinutes(5)).plusMillis(1), NOW, lead, "when"))
                .isEmpty();
    }

    @Test
    void anExactInstant_isCheckedAgainstTheHorizonToo() {
        var r = ScheduleTimeRule.resolve(When.instant(NOW.minusSeconds(60)), NOW, rules, "when");
        assertThat(r.violations()).extracting(Violation::rule).containsExactly("in_past");
    }
}
