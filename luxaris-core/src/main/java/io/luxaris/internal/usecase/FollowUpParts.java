package io.luxaris.internal.usecase;

import io.luxaris.domain.FollowUp;
import io.luxaris.domain.FollowUpLink;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.errors.ConflictException;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.PostStatusSync;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.usecase.FollowUpPart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The follow-up use cases of {@link Schedules}: read-back, retry of a failed part, cancelling what is left. */
final class FollowUpParts {
    private final CoreRuntime rt;

    FollowUpParts(CoreRuntime rt) {
        this.rt = rt;
    }

    /** The root of a schedule's chain: itself, or the root its link names. */
    static ScheduleId rootOf(Schedule s) {
        return s.followUpOf().map(FollowUpLink::root).orElse(s.id());
    }

    /** The latest schedule of each follow-up index of the chain of {@code root}. */
    static Map<Integer, Schedule> latestByIndex(Transaction tx, Schedule root) {
        var latest = new HashMap<Integer, Schedule>();
        ScheduleId rootId = root.id();
        tx.schedules().listByVariant(root.variantId()).stream()
                .filter(s -> s.followUpOf().isPresent()
                        && s.followUpOf().get().root().equals(rootId))
                // a retry is created after the part it retries; at the same instant, the one still alive wins
                .sorted(Comparator.comparing(Schedule::createdAt).thenComparing(FollowUpParts::alive))
                .forEach(s -> latest.put(s.followUpOf().get().index(), s));
        return latest;
    }

    private static boolean alive(Schedule s) {
        return s.status() != ScheduleStatus.FAILED
                && s.status() != ScheduleStatus.CANCELLED
                && s.status() != ScheduleStatus.SKIPPED;
    }

    List<FollowUpPart> list(Transaction tx, Schedule any) {
        Schedule root = rootOf(any).equals(any.id())
                ? any
                : tx.schedules().find(rootOf(any)).orElseThrow();
        PostVariant variant = tx.variants().find(root.variantId()).orElseThrow();
        Map<Integer, Schedule> latest = variant.followUps().isEmpty() ? Map.of() : latestByIndex(tx, root);
        var parts = new ArrayList<FollowUpPart>(variant.followUps().size());
        FollowUpPart.State before = stateOf(root);
        for (int i = 0; i < variant.followUps().size(); i++) {
            FollowUp f = variant.followUps().get(i);
            Schedule s = latest.get(i);
            FollowUpPart part;
            if (s == null) {
                FollowUpPart.State state =
                        switch (before) {
                            case FAILED, CANCELLED, DRY_RUN, BLOCKED -> FollowUpPart.State.BLOCKED;
                            default -> FollowUpPart.State.WAITING;
                        };
                part = new FollowUpPart(
                        i,
                        f.kind(),
                        state,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
            } else {
                FollowUpPart.State state = stateOf(s);
                boolean failedOrRetrying = state != FollowUpPart.State.PUBLISHED;
                part = new FollowUpPart(
                        i,
                        f.kind(),
                        state,
                        Optional.of(state == FollowUpPart.State.SCHEDULED ? s.nextAttemptAt() : s.runAt()),
                        Optional.of(s.id()),
                        s.externalPostId(),
                        s.externalUrl(),
                        failedOrRetrying ? s.errorCode() : Optional.empty(),
                        failedOrRetrying ? s.errorMessage() : Optional.empty());
            }
            parts.add(part);
            before = part.state();
        }
        return parts;
    }

    /** A schedule's status as a part's state (the root's too: what its follow-ups wait on). */
    private static FollowUpPart.State stateOf(Schedule s) {
        return switch (s.status()) {
            case PENDING, QUEUED, PROCESSING, AWAITING_APPROVAL -> FollowUpPart.State.SCHEDULED;
            case SUCCESS -> FollowUpPart.State.PUBLISHED;
            case FAILED -> FollowUpPart.State.FAILED;
            case UNCONFIRMED -> FollowUpPart.State.UNCONFIRMED;
            case CANCELLED, SKIPPED -> FollowUpPart.State.CANCELLED;
            case DRY_RUN -> FollowUpPart.State.DRY_RUN;
        };
    }

    /** A new schedule of a failed, cancelled or skipped follow-up part, due now; the chain continues from it. */
    Schedule retry(Transaction tx, Schedule failed, List<LuxarisEvent> events) {
        FollowUpLink link = failed.followUpOf()
                .orElseThrow(() -> new ConflictException(
                        "schedule " + failed.id() + " is not a follow-up part; reschedule its post instead"));
        if (failed.status() != ScheduleStatus.FAILED
                && failed.status() != ScheduleStatus.CANCELLED
                && failed.status() != ScheduleStatus.SKIPPED) {
            throw new ConflictException(
                    "schedule " + failed.id() + " is " + failed.status().wireName()
                            + "; only a failed, cancelled or skipped follow-up part can be retried");
        }
        Schedule root = tx.schedules().find(link.root()).orElseThrow();
        Schedule latest = latestByIndex(tx, root).get(link.index());
        if (latest != null && !latest.id().equals(failed.id())) {
            throw new ConflictException("follow-up " + link.index() + " of schedule " + root.id()
                    + " was retried already (schedule " + latest.id() + ")");
        }
        Instant now = rt.now();
        Schedule again = Schedule.followUp(failed, link, now, now);
        tx.schedules().insert(again);
        PostStatusSync.refresh(tx, failed.postId(), rt.rules(), now);
        events.add(new LuxarisEvent.Scheduled(now, again));
        return again;
    }

    /**
     * Cancels the pending follow-up parts of the chain of {@code root} (a published root: the rest of the chain is
     * not posted). Returns how many were cancelled.
     */
    int cancelPending(Transaction tx, Schedule root, List<LuxarisEvent> events) {
        Instant now = rt.now();
        int n = 0;
        for (Schedule s : latestByIndex(tx, root).values()) {
            if (s.status() == ScheduleStatus.PENDING) {
                Schedule cancelled = tx.schedules()
                        .update(s.withStatus(ScheduleStatus.CANCELLED, now).toBuilder()
                                .lease(Optional.empty())
                                .build());
                events.add(new LuxarisEvent.Cancelled(now, cancelled));
                n++;
            }
        }
        return n;
    }
}
