package io.luxaris.internal.usecase;

import io.luxaris.domain.ApprovalSubject;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Limits;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.rules.LatenessRule;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.PostStatusSync;
import io.luxaris.internal.RateLimits;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.usecase.Schedules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Approval of held schedules and the approval requirements on posts and connections; {@link Schedules} exposes it.
 */
final class Approvals {
    /** The error code of a rejected schedule (cancelled). */
    static final String REJECTED = "approval_rejected";

    private final CoreRuntime rt;

    public Approvals(CoreRuntime rt) {
        this.rt = Objects.requireNonNull(rt, "rt");
    }

    void requireForPost(Principal principal, PostId id, boolean required) {
        Objects.requireNonNull(principal, "principal");
        if (id == null) {
            throw io.luxaris.errors.ValidationException.of("post", "required", "is required");
        }
        rt.storage().inTransaction(tx -> {
            Post post = tx.posts().find(id).orElseThrow(() -> new NotFoundException("post", id));
            change(tx, principal, ApprovalSubject.of(id), ResourceType.POST, post.ownerPrincipalId(), required);
            return null;
        });
    }

    void requireForConnection(Principal principal, ConnectionId id, boolean required) {
        Objects.requireNonNull(principal, "principal");
        if (id == null) {
            throw io.luxaris.errors.ValidationException.of("connection", "required", "is required");
        }
        rt.storage().inTransaction(tx -> {
            ChannelConnection c = rt.connection(tx, id);
            change(tx, principal, ApprovalSubject.of(id), ResourceType.CONNECTION, c.ownerPrincipalId(), required);
            return null;
        });
    }

    boolean requiredForPost(Principal principal, PostId id) {
        Objects.requireNonNull(principal, "principal");
        if (id == null) {
            throw io.luxaris.errors.ValidationException.of("post", "required", "is required");
        }
        return rt.storage().readOnly(tx -> {
            Post post = tx.posts().find(id).orElseThrow(() -> new NotFoundException("post", id));
            rt.requireRead(principal, ResourceType.POST, post.ownerPrincipalId(), id);
            return !tx.approvals().required(List.of(ApprovalSubject.of(id))).isEmpty();
        });
    }

    boolean requiredForConnection(Principal principal, ConnectionId id) {
        Objects.requireNonNull(principal, "principal");
        if (id == null) {
            throw io.luxaris.errors.ValidationException.of("connection", "required", "is required");
        }
        return rt.storage().readOnly(tx -> {
            ChannelConnection c = rt.connection(tx, id);
            rt.requireRead(principal, ResourceType.CONNECTION, c.ownerPrincipalId(), id);
            return !tx.approvals().required(List.of(ApprovalSubject.of(id))).isEmpty();
        });
    }

    /** Setting a requirement needs write access; lifting it needs approval rights (else authors could lift it). */
    private void change(
            Transaction tx,
            Principal principal,
            ApprovalSubject subject,
            ResourceType type,
            String owner,
            boolean required) {
        if (required) {
            rt.requireWrite(principal, type, owner, subject.id());
            tx.approvals().require(subject, rt.now());
        } else {
            rt.requireApprove(principal, type, owner, subject.id());
            tx.approvals().release(subject);
        }
    }

    Schedule approve(Principal principal, ScheduleId id, String note) {
        return decide(principal, id, note, (tx, schedule, now, text, events) -> {
            Schedule updated;
            if (LatenessRule.isTooLate(schedule.nextAttemptAt(), now, rt.rules().latenessWindow())) {
                String reason = LatenessRule.tooLateReason(
                        schedule.nextAttemptAt(), now, rt.rules().latenessWindow());
                updated = tx.schedules()
                        .update(schedule.withStatus(ScheduleStatus.SKIPPED, now).toBuilder()
                                .error(Optional.of("too_late"), Optional.of(reason))
                                .build());
                tx.publishEvents()
                        .insert(PublishEvent.cancelled(
                                schedule.id(), schedule.attemptCount(), now, "too_late", reason));
                events.add(new LuxarisEvent.Approved(now, updated, principal.id(), text));
                events.add(new LuxarisEvent.Skipped(now, updated, reason));
            } else {
                // held schedules count towards the limits already; the rules or the neighbours may have changed
                Validation.start()
                        .addAll(RateLimits.check(
                                tx,
                                rt.rules(),
                                schedule.connectionId(),
                                schedule.runAt(),
                                Set.of(schedule.id()),
                                List.of(),
                                "schedule"))
                        .throwIfInvalid();
                updated = tx.schedules().update(schedule.withStatus(ScheduleStatus.PENDING, now));
                events.add(new LuxarisEvent.Approved(now, updated, principal.id(), text));
            }
            return updated;
        });
    }

    Schedule reject(Principal principal, ScheduleId id, String note) {
        return decide(principal, id, note, (tx, schedule, now, text, events) -> {
            String message =
                    "rejected by " + principal.id() + text.map(t -> ": " + t).orElse("");
            Schedule updated = tx.schedules()
                    .update(schedule.withStatus(ScheduleStatus.CANCELLED, now).toBuilder()
                            .error(Optional.of(REJECTED), Optional.of(message))
                            .build());
            events.add(new LuxarisEvent.Rejected(now, updated, principal.id(), text));
            return updated;
        });
    }

    /** What approving or rejecting does to a held schedule, inside the transaction. */
    private interface Decision {
        Schedule apply(Transaction tx, Schedule held, Instant now, Optional<String> note, List<LuxarisEvent> events);
    }

    /** Checks the note and the access, applies the decision, derives the post's status, then tells listeners. */
    private Schedule decide(Principal principal, ScheduleId id, String note, Decision decision) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Optional<String> text = note(note);
        var events = new ArrayList<LuxarisEvent>();
        Schedule decided = rt.storage().inTransaction(tx -> {
            Schedule schedule = held(tx, principal, id);
            Instant now = rt.now();
            Schedule updated = decision.apply(tx, schedule, now, text, events);
            PostStatusSync.refresh(tx, schedule.postId(), rt.rules(), now);
            return updated;
        });
        rt.events().publishAll(events);
        if (decided.status() == ScheduleStatus.PENDING) {
            rt.engine().ifPresent(e -> e.wakeUp(decided.nextAttemptAt()));
        }
        return decided;
    }

    private Schedule held(Transaction tx, Principal principal, ScheduleId id) {
        Schedule schedule = tx.schedules().find(id).orElseThrow(() -> new NotFoundException("schedule", id));
        Post post =
                tx.posts().find(schedule.postId()).orElseThrow(() -> new NotFoundException("post", schedule.postId()));
        rt.requireApprove(principal, ResourceType.POST, post.ownerPrincipalId(), post.id());
        if (schedule.status() != ScheduleStatus.AWAITING_APPROVAL) {
            throw new ConflictException(
                    "schedule " + id + " is " + schedule.status().wireName() + ", not awaiting approval");
        }
        return schedule;
    }

    /** The note, stripped; empty when absent or blank. */
    private static Optional<String> note(String note) {
        if (note == null || note.isBlank()) {
            return Optional.empty();
        }
        String stripped = note.strip();
        Validation.start().maxLength("note", stripped, Limits.APPROVAL_NOTE).throwIfInvalid();
        return Optional.of(stripped);
    }
}
