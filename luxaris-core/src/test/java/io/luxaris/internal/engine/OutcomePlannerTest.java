package io.luxaris.internal.engine;

import static io.luxaris.internal.engine.Jobs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.rules.RetryPolicy;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutcomePlannerTest {
    private static final int MAX_ATTEMPTS = 3;
    private static final RetryPolicy RETRY =
            new RetryPolicy(MAX_ATTEMPTS, Duration.ofSeconds(30), Duration.ofMinutes(30), 2.0);
    private static final Instant NOW = T0.plusSeconds(5);
    private static final Instant RESET = T0.plus(Duration.ofMinutes(15));

    private final Jobs jobs = new Jobs();
    private final OutcomePlanner planner = new OutcomePlanner(RETRY, new SplittableRandom(7));

    private static PublishOutcome.Failed failure(FailureKind kind) {
        return new PublishOutcome.Failed(
                kind,
                "code_" + kind.wireName(),
                "what the platform said",
                kind == FailureKind.RATE_LIMITED ? Optional.of(RESET) : Optional.empty(),
                Optional.of("raw"),
                Map.of());
    }

    static Stream<Arguments> table() {
        // kind, retries exhausted, schedule status, event statuses, notices, re-authorization, deferred
        return Stream.of(
                Arguments.of(
                        FailureKind.RETRYABLE,
                        false,
                        ScheduleStatus.PENDING,
                        List.of(PublishEventStatus.RETRIED),
                        List.of("RetryScheduled"),
                        false,
                        false),
                Arguments.of(
                        FailureKind.RETRYABLE,
                        true,
                        ScheduleStatus.FAILED,
                        List.of(PublishEventStatus.FAILED),
                        List.of("PublishFailed"),
                        false,
                        false),
                Arguments.of(
                        FailureKind.RATE_LIMITED,
                        false,
                        ScheduleStatus.PENDING,
                        List.of(PublishEventStatus.RETRIED),
                        List.of("RetryScheduled"),
                        false,
                        true),
                Arguments.of(
                        FailureKind.RATE_LIMITED,
                        true,
                        ScheduleStatus.FAILED,
                        List.of(PublishEventStatus.FAILED),
                        List.of("PublishFailed"),
                        false,
                        false),
                Arguments.of(
                        FailureKind.AUTH_EXPIRED,
                        false,
                        ScheduleStatus.FAILED,
                        List.of(PublishEventStatus.FAILED),
                        List.of("PublishFailed"),
                        true,
                        false),
                Arguments.of(
                        FailureKind.AUTH_EXPIRED,
                        true,
                        ScheduleStatus.FAILED,
                        List.of(PublishEventStatus.FAILED),
                        List.of("PublishFailed"),
                        true,
                        false),
                Arguments.of(
                        FailureKind.AUTH_REVOKED,
                        false,
                        ScheduleStatus.FAILED,
                        List.of(PublishEventStatus.FAILED),
                        List.of("PublishFailed"),
                        true,
                        false),
                Arguments.of(
                        FailureKind.AUTH_REVOKED,
                        true,
                        ScheduleStatus.FAILED,
                        List.of(PublishEventStatus.FAILED),
                        List.of("PublishFailed"),
                        true,
                        false),
                Arguments.of(
                        FailureKind.REJECTED,
                        false,
                        ScheduleStatus.FAILED,
                        List.of(PublishEventStatus.FAILED),
                        List.of("PublishFailed"),
                        false,
                        false),
                Arguments.of(
                        FailureKind.REJECTED,
                        true,
                        ScheduleStatus.FAILED,
                        List.of(PublishEventStatus.FAILED),
                        List.of("PublishFailed"),
                        false,
                        false),
                Arguments.of(
                        FailureKind.UNKNOWN,
                        false,
                        ScheduleStatus.UNCONFIRMED,
                        List.of(PublishEventStatus.UNCONFIRMED),
                        List.of("Unconfirmed"),
                        false,
                        false),
                Arguments.of(
                        FailureKind.UNKNOWN,
                        true,
                        ScheduleStatus.UNCONFIRMED,
                        List.of(PublishEventStatus.UNCONFIRMED),
                        List.of("Unconfirmed"),
                        false,
                        false));
    }

    @ParameterizedTest(name = "{0}, exhausted={1} -> {2} {3} {4} reauth={5} defer={6}")
    @MethodSource("table")
    void aFailureIsPlannedByItsKindAndTheRetriesLeft(
            FailureKind kind,
            boolean exhausted,
            ScheduleStatus status,
            List<PublishEventStatus> events,
            List<String> notices,
            boolean reauth,
            boolean deferred) {
        PublishJob job = jobs.job("x", "@a", exhausted ? MAX_ATTEMPTS : 1);
        var result = new JobResult(job, failure(kind), T0, T0.plusSeconds(1));

        OutcomePlanner.Planned plan = planner.plan(result, NOW);

        assertThat(plan.source()).isSameAs(result);
        assertThat(plan.outcome().status()).isEqualTo(status);
        assertThat(plan.outcome().lease()).as("the claim ends with its outcome").isEmpty();
        assertThat(plan.outcome().lastAttemptAt()).contains(T0);
        assertThat(plan.outcome().errorCode()).contains("code_" + kind.wireName());
        assertThat(plan.outcome().updatedAt()).isEqualTo(NOW);
        assertThat(plan.events()).extracting(PublishEvent::status).containsExactlyElementsOf(events);
        assertThat(plan.events()).allSatisfy(e -> {
            assertThat(e.scheduleId()).isEqualTo(job.schedule().id());
            assertThat(e.attemptIndex()).isEqualTo(job.schedule().attemptCount());
            assertThat(e.failureKind()).contains(kind);
            assertThat(e.rawResponse()).contains("raw");
            assertThat(e.timestamp()).isEqualTo(NOW);
        });
        assertThat(plan.notices()).extracting(n -> n.getClass().getSimpleName()).containsExactlyElementsOf(notices);
        assertThat(plan.reauthReason().isPresent()).isEqualTo(reauth);
        assertThat(plan.deferUntil()).isEqualTo(deferred ? Optional.of(RESET) : Optional.empty());
        if (status == ScheduleStatus.PENDING) {
            assertThat(plan.outcome().nextAttemptAt()).isAfterOrEqualTo(kind == FailureKind.RATE_LIMITED ? RESET : NOW);
        }
        if (status == ScheduleStatus.FAILED
                && exhausted
                && (kind == FailureKind.RETRYABLE || kind == FailureKind.RATE_LIMITED)) {
            assertThat(plan.outcome().errorMessage())
                    .hasValueSatisfying(m -> assertThat(m).endsWith("(gave up after 3 attempts)"));
        }
    }

    @Test
    void aPublishedOutcome_isSuccessWithThePostsIdAndUrl() {
        PublishJob job = jobs.job("x", "@a");
        var result = new JobResult(job, PublishOutcome.published("123", "https://x.example/123"), T0, T0);

        OutcomePlanner.Planned plan = planner.plan(result, NOW);

        assertThat(plan.outcome().status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(plan.outcome().externalPostId()).contains("123");
        assertThat(plan.outcome().externalUrl()).contains("https://x.example/123");
        assertThat(plan.outcome().errorCode()).isEmpty();
        assertThat(plan.events()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(PublishEventStatus.SUCCESS);
            assertThat(e.errorCode()).isEmpty();
            assertThat(e.externalPostId()).contains("123");
        });
        assertThat(plan.notices()).singleElement().isInstanceOf(LuxarisEvent.Published.class);
        assertThat(plan.reauthReason()).isEmpty();
        assertThat(plan.deferUntil()).isEmpty();
    }

    @Test
    void theReauthorizationReason_namesWhatHappened() {
        PublishJob job = jobs.job("x", "@a");
        assertThat(planner.plan(new JobResult(job, failure(FailureKind.AUTH_EXPIRED), T0, T0), NOW)
                        .reauthReason())
                .hasValueSatisfying(r -> assertThat(r).contains("expired").contains("code_auth_expired"));
        assertThat(planner.plan(new JobResult(job, failure(FailureKind.AUTH_REVOKED), T0, T0), NOW)
                        .reauthReason())
                .hasValueSatisfying(r -> assertThat(r).contains("revoked").contains("code_auth_revoked"));
        assertThat(planner.plan(new JobResult(job, ChannelAttempt.unreadable(), T0, T0), NOW)
                        .reauthReason())
                .contains(ChannelAttempt.unreadable().safeMessage());
    }

    @Test
    void aLookupThatFoundThePost_leavesTheUnconfirmedThenReconciledTrail() {
        PublishJob job = jobs.job("x", "@a");
        var unknown = PublishOutcome.failed(FailureKind.UNKNOWN, "timeout", "no answer");
        var result =
                new JobResult(job, PublishOutcome.published("123", null), T0, T0.plusSeconds(2), Optional.of(unknown));

        OutcomePlanner.Planned plan = planner.plan(result, NOW);

        assertThat(plan.outcome().status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(plan.events())
                .extracting(PublishEvent::status)
                .containsExactly(PublishEventStatus.UNCONFIRMED, PublishEventStatus.SUCCESS);
        PublishEvent unconfirmed = plan.events().get(0);
        PublishEvent reconciled = plan.events().get(1);
        assertThat(unconfirmed.errorCode()).contains("timeout");
        assertThat(reconciled.errorCode()).contains(OutcomePlanner.RECONCILED);
        assertThat(reconciled.timestamp())
                .as("sorts after the unconfirmed event")
                .isAfter(unconfirmed.timestamp());
        assertThat(plan.notices()).hasSize(2);
        assertThat(plan.notices().get(0)).isInstanceOfSatisfying(LuxarisEvent.Unconfirmed.class, u -> {
            assertThat(u.reason()).isEqualTo("no answer");
            assertThat(u.schedule().status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
        });
        assertThat(plan.notices().get(1)).isInstanceOf(LuxarisEvent.Published.class);
    }

    @Test
    void aLookupThatFoundNothing_leavesTheUnconfirmedTrailThenARetry() {
        PublishJob job = jobs.job("x", "@a");
        var unknown = PublishOutcome.failed(FailureKind.UNKNOWN, "timeout", "no answer");
        var absent = PublishOutcome.failed(FailureKind.RETRYABLE, OutcomePlanner.RECONCILED_ABSENT, "not there");
        var result = new JobResult(job, absent, T0, T0, Optional.of(unknown));

        OutcomePlanner.Planned plan = planner.plan(result, NOW);

        assertThat(plan.outcome().status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(plan.outcome().errorCode()).contains(OutcomePlanner.RECONCILED_ABSENT);
        assertThat(plan.events())
                .extracting(PublishEvent::status)
                .containsExactly(PublishEventStatus.UNCONFIRMED, PublishEventStatus.RETRIED);
        assertThat(plan.notices())
                .extracting(n -> n.getClass().getSimpleName())
                .containsExactly("Unconfirmed", "RetryScheduled");
    }

    @Test
    void theSameResultTimeAndRandomNumbers_giveTheSamePlan() {
        PublishJob job = jobs.job("x", "@a");
        var result = new JobResult(job, failure(FailureKind.RETRYABLE), T0, T0);

        var one = new OutcomePlanner(RETRY, new SplittableRandom(11)).plan(result, NOW);
        var two = new OutcomePlanner(RETRY, new SplittableRandom(11)).plan(result, NOW);

        assertThat(one.outcome()).isEqualTo(two.outcome());
        assertThat(one.outcome().nextAttemptAt()).isBetween(NOW, NOW.plus(RETRY.ceiling(1)));
    }
}
