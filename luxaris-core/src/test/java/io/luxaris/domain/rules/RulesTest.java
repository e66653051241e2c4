package io.luxaris.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.PostStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.errors.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rate limits, retry policy, lateness, post status derivation and rule settings. */
class RulesTest {
    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void maxPerHour_countsEveryOneHourWindowAroundTheNewSchedule() {
        var rules =
                SchedulingRules.builder().maxSchedulesPerHourPerConnection(3).build();
        var two = List.of(T.minus(Duration.ofMinutes(50)), T.minus(Duration.ofMinutes(10)));
        assertThat(RateLimitRule.check(T, two, rules, "when")).isEmpty();
        var three = List.of(
                T.minus(Duration.ofMinutes(50)), T.minus(Duration.ofMinutes(10)), T.plus(Duration.ofMinutes(5)));
        assertThat(RateLimitRule.check(T, three, rules, "when"))
                .extracting(Violation::rule)
                .containsExactly("rate_limit");
        // spread over more than an hour: no window holds four
        var spread = List.of(
                T.minus(Duration.ofMinutes(59)), T.minus(Duration.ofMinutes(30)), T.plus(Duration.ofMinutes(31)));
        assertThat(RateLimitRule.check(T, spread, rules, "when")).isEmpty();
        // exactly one hour apart is never in the same (half-open) hour
        var edge = List.of(T.minus(Duration.ofHours(1)), T.minus(Duration.ofMinutes(1)), T.plus(Duration.ofMinutes(1)));
        assertThat(RateLimitRule.check(T, edge, rules, "when")).isEmpty();
        var justInside = List.of(
                T.minus(Duration.ofMinutes(59)), T.minus(Duration.ofMinutes(58)), T.minus(Duration.ofMinutes(1)));
        assertThat(RateLimitRule.check(T, justInside, rules, "when"))
                .extracting(Violation::rule)
                .containsExactly("rate_limit");
    }

    @Test
    void minGap_rejectsSchedulesTooClose_andAcceptsTheExactGap() {
        var rules = SchedulingRules.builder()
                .minGapPerConnection(Duration.ofMinutes(15))
                .build();
        assertThat(RateLimitRule.check(T, List.of(T.minus(Duration.ofMinutes(15))), rules, "when"))
                .isEmpty();
        assertThat(RateLimitRule.check(T, List.of(T.plus(Duration.ofMinutes(14))), rules, "when"))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("min_gap");
                    assertThat(v.message()).contains("15 minutes");
                });
    }

    @Test
    void retryPolicy_backsOffExponentiallyWithFullJitter_underTheCap() {
        var policy = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(60), 2.0);
        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.ceiling(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.ceiling(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.ceiling(30)).isEqualTo(Duration.ofSeconds(60));
        var random = new SplittableRandom(7);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2_000; i++) {
            long delay = Duration.between(T, policy.nextAttemptAt(3, T, Optional.empty(), random))
                    .toMillis();
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }
        assertThat(min).isBetween(0L, 1_000L);
        assertThat(max).isBetween(39_000L, 40_000L);
    }

    @Test
    void retryPolicy_neverRetriesBeforeThePlatformsResetTime() {
        var policy = RetryPolicy.defaults();
        Instant reset = T.plus(Duration.ofMinutes(15));
        var random = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            Instant next = policy.nextAttemptAt(1, T, Optional.of(reset), random);
            assertThat(next).isAfterOrEqualTo(reset).isBeforeOrEqualTo(reset.plus(policy.initialDelay()));
        }
        // a reset time in the past falls back to backoff
        assertThat(policy.nextAttemptAt(1, T, Optional.of(T.minusSeconds(5)), random))
                .isBeforeOrEqualTo(T.plus(policy.initialDelay()));
    }

    @Test
    void retryPolicy_isExhaustedAfterMaxAttempts() {
        var policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0);
        assertThat(policy.exhausted(2)).isFalse();
        assertThat(policy.exhausted(3)).isTrue();
        assertThat(RetryPolicy.none().exhausted(1)).isTrue();
    }

    @Test
    void retryPolicy_rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), 2))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(1), 2))
                .hasMessageContaining("maxDelay");
    }

    @Test
    void lateness_isJudgedFromTheAttemptsDueTime_exclusiveOfTheWindow() {
        Duration window = Duration.ofHours(2);
        assertThat(LatenessRule.isTooLate(T, T.plus(window), window)).isFalse();
        assertThat(LatenessRule.isTooLate(T, T.plus(window).plusMillis(1), window))
                .isTrue();
    }

    @Test
    void postStatus_isDerivedFromSchedules() {
        var rules = SchedulingRules.defaults();
        assertThat(PostStatusRule.derive(PostStatus.DRAFT, List.of(), rules)).isEqualTo(PostStatus.DRAFT);
        assertThat(PostStatusRule.derive(PostStatus.DRAFT, List.of(ScheduleStatus.PENDING), rules))
                .isEqualTo(PostStatus.SCHEDULED);
        assertThat(PostStatusRule.derive(
                        PostStatus.SCHEDULED, List.of(ScheduleStatus.SUCCESS, ScheduleStatus.QUEUED), rules))
                .isEqualTo(PostStatus.SCHEDULED);
        assertThat(PostStatusRule.derive(
                        PostStatus.SCHEDULED, List.of(ScheduleStatus.SUCCESS, ScheduleStatus.FAILED), rules))
                .isEqualTo(PostStatus.PUBLISHED);
        assertThat(PostStatusRule.derive(PostStatus.SCHEDULED, List.of(ScheduleStatus.UNCONFIRMED), rules))
                .isEqualTo(PostStatus.SCHEDULED);
        assertThat(PostStatusRule.derive(
                        PostStatus.SCHEDULED, List.of(ScheduleStatus.CANCELLED, ScheduleStatus.CANCELLED), rules))
                .isEqualTo(PostStatus.DRAFT);
        assertThat(PostStatusRule.derive(
                        PostStatus.SCHEDULED, List.of(ScheduleStatus.CANCELLED, ScheduleStatus.FAILED), rules))
                .isEqualTo(PostStatus.DRAFT);
        var cancelling = SchedulingRules.builder()
                .allCancelledStatus(PostStatus.CANCELLED)
                .build();
        assertThat(PostStatusRule.derive(PostStatus.SCHEDULED, List.of(ScheduleStatus.CANCELLED), cancelling))
                .isEqualTo(PostStatus.CANCELLED);
        assertThat(PostStatusRule.derive(PostStatus.ARCHIVED, List.of(ScheduleStatus.PENDING), rules))
                .isEqualTo(PostStatus.ARCHIVED);
        // dry runs: not published, not failed; the post goes back to draft unless something is open or published
        assertThat(PostStatusRule.derive(PostStatus.SCHEDULED, List.of(ScheduleStatus.DRY_RUN), rules))
                .isEqualTo(PostStatus.DRAFT);
        assertThat(PostStatusRule.derive(
                        PostStatus.SCHEDULED, List.of(ScheduleStatus.DRY_RUN, ScheduleStatus.CANCELLED), cancelling))
                .isEqualTo(PostStatus.DRAFT);
        assertThat(PostStatusRule.derive(
                        PostStatus.SCHEDULED, List.of(ScheduleStatus.DRY_RUN, ScheduleStatus.PENDING), rules))
                .isEqualTo(PostStatus.SCHEDULED);
        assertThat(PostStatusRule.derive(
                        PostStatus.SCHEDULED, List.of(ScheduleStatus.DRY_RUN, ScheduleStatus.SUCCESS), rules))
                .isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void rules_validateEagerly_namingTheSetting() {
        assertThatThrownBy(() -> SchedulingRules.builder().maxFutureDays(0)).hasMessageContaining("maxFutureDays");
        assertThatThrownBy(() ->
                        SchedulingRules.builder().latenessWindow(Duration.ZERO).build())
                .hasMessageContaining("latenessWindow");
        assertThatThrownBy(() -> SchedulingRules.builder()
                        .allCancelledStatus(PostStatus.PUBLISHED)
                        .build())
                .hasMessageContaining("allCancelledStatus");
        assertThatThrownBy(() -> SchedulingRules.builder()
                        .maxSchedulesPerHourPerConnection(0)
                        .build())
                .hasMessageContaining("maxSchedulesPerHourPerConnection");
    }
}
