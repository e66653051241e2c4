package io.luxaris.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Lifecycle;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The post status derived per target: the table the README documents. */
class PostStatusRuleTest {
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private static final SchedulingRules RULES = SchedulingRules.defaults();
    private static final PostId POST = PostId.random();
    private static final PostVariant VARIANT = new PostVariant(
            VariantId.random(),
            POST,
            ChannelId.forKey("fake"),
            Optional.empty(),
            "text",
            List.of(),
            List.of(),
            Optional.empty(),
            VariantSource.MANUAL,
            VariantStatus.READY,
            Map.of(),
            T,
            T,
            Optional.empty(),
            0);
    private final ConnectionId a = ConnectionId.random();
    private final ConnectionId b = ConnectionId.random();

    private static Schedule on(ConnectionId connection, ScheduleStatus status) {
        return Schedule.pending(VARIANT, connection, T, ZoneOffset.UTC, T).toBuilder()
                .status(status)
                .build();
    }

    private static PostStatus derive(Schedule... schedules) {
        return PostStatusRule.deriveFromSchedules(PostStatus.SCHEDULED, List.of(schedules), RULES);
    }

    @Test
    void oneTargetPublished_andAnotherFailedSkippedOrCancelled_isPartiallyPublished() {
        for (var ended : List.of(ScheduleStatus.FAILED, ScheduleStatus.SKIPPED, ScheduleStatus.CANCELLED)) {
            assertThat(derive(on(a, ScheduleStatus.SUCCESS), on(b, ended)))
                    .as("success and %s", ended)
                    .isEqualTo(PostStatus.PARTIALLY_PUBLISHED);
        }
    }

    @Test
    void anOpenOrHeldSchedule_keepsThePostScheduled() {
        for (var open : List.of(
                ScheduleStatus.PENDING,
                ScheduleStatus.QUEUED,
                ScheduleStatus.PROCESSING,
                ScheduleStatus.UNCONFIRMED,
                ScheduleStatus.AWAITING_APPROVAL)) {
            assertThat(derive(on(a, ScheduleStatus.SUCCESS), on(b, ScheduleStatus.FAILED), on(b, open)))
                    .as("with %s", open)
                    .isEqualTo(PostStatus.SCHEDULED);
        }
    }

    @Test
    void aTargetPublishedOnItsSecondSchedule_countsAsPublished() {
        assertThat(derive(on(a, ScheduleStatus.SUCCESS), on(b, ScheduleStatus.FAILED), on(b, ScheduleStatus.SUCCESS)))
                .isEqualTo(PostStatus.PUBLISHED);
        assertThat(derive(on(a, ScheduleStatus.FAILED), on(a, ScheduleStatus.SUCCESS)))
                .isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void dryRunsAreNeutral_andNothingPublishedIsDraftOrTheAllCancelledStatus() {
        assertThat(derive(on(a, ScheduleStatus.SUCCESS), on(b, ScheduleStatus.DRY_RUN)))
                .isEqualTo(PostStatus.PUBLISHED);
        assertThat(derive(on(a, ScheduleStatus.FAILED), on(b, ScheduleStatus.CANCELLED)))
                .isEqualTo(PostStatus.DRAFT);
        var cancelling = SchedulingRules.builder()
                .allCancelledStatus(PostStatus.CANCELLED)
                .build();
        assertThat(PostStatusRule.deriveFromSchedules(
                        PostStatus.SCHEDULED,
                        List.of(on(a, ScheduleStatus.CANCELLED), on(b, ScheduleStatus.CANCELLED)),
                        cancelling))
                .isEqualTo(PostStatus.CANCELLED);
        assertThat(PostStatusRule.deriveFromSchedules(PostStatus.SCHEDULED, List.of(), RULES))
                .isEqualTo(PostStatus.DRAFT);
        assertThat(PostStatusRule.deriveFromSchedules(
                        PostStatus.ARCHIVED,
                        List.of(on(a, ScheduleStatus.SUCCESS), on(b, ScheduleStatus.FAILED)),
                        RULES))
                .isEqualTo(PostStatus.ARCHIVED);
    }

    @Test
    void aSingleSchedule_givesWhatTheStatusOnlyDerivationGives_forEveryStatusAndPostStatus() {
        for (PostStatus current : PostStatus.values()) {
            for (ScheduleStatus status : ScheduleStatus.values()) {
                assertThat(PostStatusRule.deriveFromSchedules(current, List.of(on(a, status)), RULES))
                        .as("%s with one %s schedule", current, status)
                        .isEqualTo(PostStatusRule.derive(current, List.of(status), RULES));
            }
        }
    }

    @Test
    void theGroupedDerivation_givesWhatTheScheduleDerivationGives_forEveryPairOfTargetsAndPostStatus() {
        for (PostStatus current : PostStatus.values()) {
            for (ScheduleStatus first : ScheduleStatus.values()) {
                for (ScheduleStatus second : ScheduleStatus.values()) {
                    assertThat(PostStatusRule.deriveFromTargets(
                                    current, List.of(List.of(first), List.of(second)), RULES))
                            .as("%s with targets %s and %s", current, first, second)
                            .isEqualTo(PostStatusRule.deriveFromSchedules(
                                    current, List.of(on(a, first), on(b, second)), RULES));
                    assertThat(PostStatusRule.deriveFromTargets(current, List.of(List.of(first, second)), RULES))
                            .as("%s with one target of %s and %s", current, first, second)
                            .isEqualTo(PostStatusRule.deriveFromSchedules(
                                    current, List.of(on(a, first), on(a, second)), RULES));
                }
            }
        }
        assertThat(PostStatusRule.deriveFromTargets(
                        PostStatus.SCHEDULED,
                        List.of(List.of(ScheduleStatus.SUCCESS), List.of(ScheduleStatus.FAILED)),
                        RULES))
                .isEqualTo(PostStatus.PARTIALLY_PUBLISHED);
    }

    @Test
    void theStatusOnlyDerivation_takesTheSchedulesAsOneTarget() {
        assertThat(PostStatusRule.derive(
                        PostStatus.SCHEDULED, List.of(ScheduleStatus.SUCCESS, ScheduleStatus.FAILED), RULES))
                .isEqualTo(PostStatus.PUBLISHED);
        assertThat(PostStatusRule.derive(PostStatus.SCHEDULED, List.of(ScheduleStatus.AWAITING_APPROVAL), RULES))
                .isEqualTo(PostStatus.SCHEDULED);
    }

    @Test
    void theLifecycle_allowsTheMovesTheDerivationMakes() {
        assertThat(Lifecycle.allows(PostStatus.SCHEDULED, PostStatus.PARTIALLY_PUBLISHED))
                .isTrue();
        assertThat(Lifecycle.allows(PostStatus.PARTIALLY_PUBLISHED, PostStatus.SCHEDULED))
                .isTrue();
        assertThat(Lifecycle.allows(PostStatus.PARTIALLY_PUBLISHED, PostStatus.ARCHIVED))
                .isTrue();
        assertThat(Lifecycle.allows(PostStatus.DRAFT, PostStatus.PARTIALLY_PUBLISHED))
                .isFalse();
        assertThat(Lifecycle.allows(ScheduleStatus.AWAITING_APPROVAL, ScheduleStatus.PENDING))
                .isTrue();
        assertThat(Lifecycle.allows(ScheduleStatus.AWAITING_APPROVAL, ScheduleStatus.QUEUED))
                .isFalse();
        assertThat(Lifecycle.allows(ScheduleStatus.PENDING, ScheduleStatus.AWAITING_APPROVAL))
                .isFalse();
    }
}
