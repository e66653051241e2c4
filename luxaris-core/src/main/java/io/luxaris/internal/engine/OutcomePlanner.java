package io.luxaris.internal.engine;

import io.luxaris.domain.FailureKind;
import io.luxaris.domain.Limits;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.rules.RetryPolicy;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.internal.Redactor;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.engine.JobResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What an attempt's outcome writes, decided before anything is written: the schedule's next state, the publish
 * events, the listener notices, whether the connection needs re-authorization and whether the account's pending
 * schedules wait for a rate limit's reset. Pure: the same result, time and random numbers give the same plan.
 *
 * <p>An attempt whose unknown outcome a lookup settled right away leaves the same trail as one settled later by
 * {@code schedules().reconcile(...)}: an {@code unconfirmed} event, then the reconciled one.
 */
final class OutcomePlanner {
    static final String RECONCILED = "reconciled";
    static final String RECONCILED_ABSENT = "reconciled_absent";
    /** The code of an outcome whose connection's stored credentials cannot be decrypted. */
    static final String CREDENTIALS_UNREADABLE = "credentials_unreadable";

    private final RetryPolicy retry;
    private final RandomGenerator random;

    OutcomePlanner(RetryPolicy retry, RandomGenerator random) {
        this.retry = retry;
        this.random = random;
    }

    /** The plan of one outcome; {@code source} is the result it was made from. */
    record Planned(
            JobResult source,
            Schedule outcome,
            List<PublishEvent> events,
            List<LuxarisEvent> notices,
            Optional<String> reauthReason,
            Optional<Instant> deferUntil) {}

    Planned plan(JobResult result, Instant now) {
        Schedule s = result.job().schedule();
        Schedule.Builder next = s.toBuilder()
                .lease(Optional.empty())
                .lastAttemptAt(Optional.of(result.startedAt()))
                .checkpoint(result.outcome().checkpoint())
                .updatedAt(now);
        Optional<PublishEvent> unconfirmed =
                result.settledUnknown().map(u -> failedEvent(s, now, PublishEventStatus.UNCONFIRMED, u));
        Instant at = unconfirmed.isPresent() ? now.plusMillis(1) : now; // the reconciled event sorts after it
        Optional<LuxarisEvent> unconfirmedNotice = result.settledUnknown()
                .map(u -> new LuxarisEvent.Unconfirmed(
                        now, s.toBuilder().status(ScheduleStatus.UNCONFIRMED).build(), u.safeMessage()));
        if (result.outcome() instanceof PublishOutcome.Published p) {
            Schedule done = next.status(ScheduleStatus.SUCCESS)
                    .external(Optional.of(p.externalId()), p.url())
                    .error(Optional.empty(), Optional.empty())
                    .build();
            PublishEvent success =
                    PublishEvent.success(s.id(), s.attemptCount(), at, p.externalId(), p.url(), p.rawResponse());
            PublishEvent event = unconfirmed.isPresent()
                    ? success.withNote(RECONCILED, "found on the platform after the outcome was unknown")
                    : success;
            return planned(
                    result,
                    done,
                    unconfirmed,
                    event,
                    unconfirmedNotice,
                    new LuxarisEvent.Published(at, done, event),
                    Optional.empty(),
                    Optional.empty());
        }
        if (result.outcome() instanceof PublishOutcome.DryRun d) {
            // its own outcome, never a failure: no error, no external id; the event keeps the redacted preview
            Schedule dry = next.status(ScheduleStatus.DRY_RUN)
                    .external(Optional.empty(), Optional.empty())
                    .error(Optional.empty(), Optional.empty())
                    .build();
            PublishEvent event = PublishEvent.dryRun(s.id(), s.attemptCount(), now, d.rawResponse());
            return planned(
                    result,
                    dry,
                    Optional.empty(),
                    event,
                    Optional.empty(),
                    new LuxarisEvent.DryRun(now, dry, event),
                    Optional.empty(),
                    Optional.empty());
        }
        var f = (PublishOutcome.Failed) result.outcome();
        switch (f.kind()) {
            case RETRYABLE, RATE_LIMITED -> {
                int attempt = s.attemptCount();
                if (retry.exhausted(attempt)) {
                    Schedule failed = next.status(ScheduleStatus.FAILED)
                            .error(
                                    Optional.of(f.code()),
                                    Optional.of(Redactor.truncate(
                                            f.safeMessage() + " (gave up after " + attempt + " attempts)",
                                            Limits.ERROR_MESSAGE)))
                            .build();
                    PublishEvent event = failedEvent(s, at, PublishEventStatus.FAILED, f);
                    return planned(
                            result,
                            failed,
                            unconfirmed,
                            event,
                            unconfirmedNotice,
                            new LuxarisEvent.PublishFailed(at, failed, event),
                            Optional.empty(),
                            Optional.empty());
                }
                Instant nextAttempt = retry.nextAttemptAt(attempt, now, f.retryAt(), random);
                Schedule pending = next.status(ScheduleStatus.PENDING)
                        .nextAttemptAt(nextAttempt)
                        .error(Optional.of(f.code()), Optional.of(f.safeMessage()))
                        .build();
                PublishEvent event = failedEvent(s, at, PublishEventStatus.RETRIED, f);
                Optional<Instant> defer = f.kind() == FailureKind.RATE_LIMITED ? f.retryAt() : Optional.empty();
                return planned(
                        result,
                        pending,
                        unconfirmed,
                        event,
                        unconfirmedNotice,
                        new LuxarisEvent.RetryScheduled(at, pending, event),
                        Optional.empty(),
                        defer);
            }
            case AUTH_EXPIRED, AUTH_REVOKED, REJECTED -> {
                Schedule failed = next.status(ScheduleStatus.FAILED)
                        .error(Optional.of(f.code()), Optional.of(f.safeMessage()))
                        .build();
                PublishEvent event = failedEvent(s, at, PublishEventStatus.FAILED, f);
                return planned(
                        result,
                        failed,
                        unconfirmed,
                        event,
                        unconfirmedNotice,
                        new LuxarisEvent.PublishFailed(at, failed, event),
                        reauthReason(f),
                        Optional.empty());
            }
            default -> {
                Schedule unknown = next.status(ScheduleStatus.UNCONFIRMED)
                        .error(Optional.of(f.code()), Optional.of(f.safeMessage()))
                        .build();
                PublishEvent event = failedEvent(s, at, PublishEventStatus.UNCONFIRMED, f);
                return planned(
                        result,
                        unknown,
                        Optional.empty(),
                        event,
                        Optional.empty(),
                        new LuxarisEvent.Unconfirmed(at, unknown, f.safeMessage()),
                        Optional.empty(),
                        Optional.empty());
            }
        }
    }

    private static Optional<String> reauthReason(PublishOutcome.Failed f) {
        return switch (f.kind()) {
            case AUTH_EXPIRED -> Optional.of("the authorization expired and could not be refreshed (" + f.code() + ")");
            case AUTH_REVOKED ->
                Optional.of(
                        f.code().equals(CREDENTIALS_UNREADABLE)
                                ? f.safeMessage()
                                : "the authorization was revoked (" + f.code() + ")");
            default -> Optional.empty();
        };
    }

    private static Planned planned(
            JobResult source,
            Schedule outcome,
            Optional<PublishEvent> unconfirmed,
            PublishEvent event,
            Optional<LuxarisEvent> unconfirmedNotice,
            LuxarisEvent notice,
            Optional<String> reauth,
            Optional<Instant> defer) {
        List<PublishEvent> events = unconfirmed.map(u -> List.of(u, event)).orElse(List.of(event));
        List<LuxarisEvent> notices =
                unconfirmedNotice.map(u -> List.of(u, notice)).orElse(List.of(notice));
        return new Planned(source, outcome, events, notices, reauth, defer);
    }

    static PublishEvent failedEvent(Schedule s, Instant at, PublishEventStatus status, PublishOutcome.Failed f) {
        return switch (status) {
            case FAILED ->
                PublishEvent.failed(
                        s.id(),
                        s.attemptCount(),
                        at,
                        Optional.of(f.kind()),
                        f.code(),
                        f.safeMessage(),
                        f.rawResponse());
            case RETRIED ->
                PublishEvent.retried(
                        s.id(),
                        s.attemptCount(),
                        at,
                        Optional.of(f.kind()),
                        f.code(),
                        f.safeMessage(),
                        f.rawResponse());
            case UNCONFIRMED ->
                PublishEvent.unconfirmed(
                        s.id(),
                        s.attemptCount(),
                        at,
                        Optional.of(f.kind()),
                        f.code(),
                        f.safeMessage(),
                        f.rawResponse());
            default -> throw new IllegalArgumentException("not a failure status: " + status);
        };
    }
}
