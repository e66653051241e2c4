package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Limits;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.When;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.spi.security.Principal;
import java.time.Instant;
import java.util.List;

/**
 * Scheduling: publish a variant through a connection at a time given in the author's zone; move, re-target or
 * cancel a pending schedule; read its publish events; resolve an unconfirmed one by hand. The post's status is
 * re-derived after every change.
 */
public interface Schedules {
    /** The most items one bulk call ({@link #scheduleAll}, {@link Posts#createAll}) takes. */
    int MAX_BATCH = 1_000;

    /**
     * Puts a variant into the next free slot of a queue; see {@link Queues#enqueue}.
     *
     * @param principal the acting principal
     * @param variant the variant to publish
     * @param queue the queue
     * @return the new pending schedule at the slot's time
     * @throws ValidationException when {@code variant} or {@code queue} is missing, the queue is full within the
     *     horizon, the variant's connection is not the queue's, the connection is unusable or the content does not fit
     * @throws NotFoundException when the variant, the queue or the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post or the queue, or read or
     *     publish with the connection
     * @throws ConflictException when the post is archived, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule enqueue(Principal principal, io.luxaris.domain.VariantId variant, io.luxaris.domain.QueueId queue);

    /**
     * Schedules many variants at once: every item is checked like {@link #schedule(Principal, ScheduleRequest)}
     * (items of the batch count against each other's rate limits); the valid items are created together in one
     * transaction, the invalid ones are reported with their violations (fields relative to the item, such as {@code
     * when}) and create nothing. One invalid item does not fail the batch. A problem of the whole call (the list is
     * missing or too long, the storage fails, a row changed concurrently) fails it and creates nothing.
     *
     * @param principal the acting principal
     * @param requests at most {@value #MAX_BATCH} requests
     * @return one item per request, in request order: the new pending schedule or the item's violations (rules as
     *     for a single schedule, plus {@code not_found} and {@code access_denied} for the variant or connection, and
     *     {@code archived})
     * @throws ValidationException on {@code requests}: {@code required} when it is null, {@code max_size} when it
     *     holds more than {@value #MAX_BATCH} items
     * @throws ConflictException when a row changed concurrently: retry
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    BulkResult<Schedule> scheduleAll(Principal principal, List<ScheduleRequest> requests);

    /**
     * {@link #scheduleAll(Principal, List)} made safe to repeat: a repeated call with the same key and the same
     * requests returns the first call's result (the same schedule ids, the same rejected items) and creates nothing.
     *
     * @param principal the acting principal; keys are scoped to it
     * @param requests at most {@value #MAX_BATCH} requests
     * @param key the caller's idempotency key
     * @return one item per request, in request order
     * @throws ValidationException when {@code requests} is missing or too long
     * @throws ConflictException when the key was used with different requests, or a row changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    BulkResult<Schedule> scheduleAll(Principal principal, List<ScheduleRequest> requests, IdempotencyKey key);

    /**
     * Counts the schedules with run time in {@code [from, to)} of posts the principal may see (the calendar's access
     * rule), grouped by any of status, channel and connection, with one storage query. The range may span at most
     * {@value Limits#CALENDAR_RANGE_DAYS} days.
     *
     * @param principal the acting principal
     * @param from the start of the range, inclusive
     * @param to the end of the range, exclusive
     * @param groupBy what to group by; none: one total (omitted when there is nothing to count)
     * @return the non-empty groups, ordered by status, channel key and connection id
     * @throws ValidationException when {@code from} or {@code to} is missing or out of range, the range is empty or
     *     too long, or {@code groupBy} holds null
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<ScheduleCount> counts(Principal principal, Instant from, Instant to, CountBy... groupBy);

    /**
     * Schedules a variant. Checks: the time is in the future and within the horizon (DST gaps rejected unless the rules
     * shift them), the connection is connected, on the variant's channel and usable by the principal, the content fits
     * that connection's limits, and the per-connection rate limits hold. The variant becomes ready and the post
     * scheduled. When the host ({@code Luxaris.Builder.approvalRequired}), the post or the connection ({@link
     * #requireApproval(Principal, PostId, boolean)}) requires approval, the schedule is held as {@code
     * awaiting_approval} until {@link #approve} or {@link #reject}.
     *
     * @param principal the acting principal
     * @param request the variant, the connection (default: the variant's own) and the time
     * @return the new schedule, pending or awaiting approval; {@link Schedule#runAt()} is the instant in UTC
     * @throws ValidationException when {@code variant}, {@code when} or {@code connection} is missing, the time breaks
     *     a rule ({@code in_past}, {@code horizon}, {@code dst_gap}, {@code rate_limit}, {@code min_gap}), the
     *     connection is unusable ({@code channel_mismatch}, {@code connection_status}, {@code channel_disabled}) or the
     *     content does not fit it
     * @throws NotFoundException when the variant or the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post, or read or publish with the
     *     connection
     * @throws ConflictException when the post is archived, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule schedule(Principal principal, ScheduleRequest request);

    /**
     * {@link #schedule(Principal, ScheduleRequest)} made safe to repeat: the key is claimed in the transaction that
     * creates the schedule, so a repeated call with the same key and request returns the first call's schedule (the
     * same id, as it is now) and creates nothing, also when two instances race with one key.
     *
     * @param principal the acting principal; keys are scoped to it
     * @param request the variant, the connection (default: the variant's own) and the time
     * @param key the caller's idempotency key
     * @return the new pending schedule, or the one the first call with this key created
     * @throws ValidationException as {@link #schedule(Principal, ScheduleRequest)}
     * @throws NotFoundException when the variant or the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post, or read or publish with the
     *     connection
     * @throws ConflictException when the key was used with a different request, the post is archived, or it changed
     *     concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule schedule(Principal principal, ScheduleRequest request, IdempotencyKey key);

    /**
     * Schedules one post to several targets (a variant through a connection, each at its own time) in one call:
     * every target is checked as {@link #schedule} checks one (and the rate limits count the targets of the call
     * too), then all are created in one transaction, or none when any check fails. Targets needing approval are held
     * as {@code awaiting_approval}, the others are pending; each has its own status from then on, and the post's
     * status shows partial success ({@code partially_published}) when some targets are published and others are not.
     *
     * @param principal the acting principal
     * @param post the post whose variants are scheduled
     * @param targets one request per target, at most {@link Limits#SCHEDULE_TARGETS}
     * @return the new schedules, one per target in the order of {@code targets}
     * @throws ValidationException when {@code post} or {@code targets} is missing, {@code targets} is empty or too long
     *     ({@code too_many}), a target's {@code variant} or {@code when} is missing, its variant belongs to another post
     *     ({@code other_post}), or a target breaks a rule of {@link #schedule}; the fields are named {@code
     *     targets[i].variant}, {@code targets[i].when} and {@code targets[i].connection}
     * @throws NotFoundException when the post, a variant or a connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post, or read or publish with a
     *     connection
     * @throws ConflictException when the post is archived, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<Schedule> scheduleTargets(Principal principal, PostId post, List<ScheduleRequest> targets);

    /**
     * Moves a pending or held (awaiting approval) schedule to another time (same checks as scheduling).
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @param when the new time
     * @return the moved schedule
     * @throws ValidationException when {@code when} is missing or breaks a rule ({@code in_past}, {@code horizon},
     *     {@code dst_gap}, {@code rate_limit}, {@code min_gap})
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the schedule is neither pending nor awaiting approval, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule reschedule(Principal principal, ScheduleId id, When when);

    /**
     * Publishes a pending or held (awaiting approval) schedule through another connection of the same channel.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @param connectionId the new connection
     * @return the changed schedule
     * @throws ValidationException when {@code connection} is missing or unusable ({@code channel_mismatch}, {@code
     *     connection_status}, {@code channel_disabled}), the content does not fit it, or its rate limits would break
     * @throws NotFoundException when the schedule or the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post, or read or publish with the
     *     connection
     * @throws ConflictException when the schedule is neither pending nor awaiting approval, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule changeConnection(Principal principal, ScheduleId id, ConnectionId connectionId);

    /**
     * Cancels a pending, queued, unconfirmed or held (awaiting approval) schedule; the post's status is derived again (draft when nothing is
     * left). Cancelling a cancelled schedule returns it unchanged. Cancelling a published schedule whose follow-up
     * parts are still to come cancels those parts (a pending part's schedule; later parts are then never created) and
     * returns the published schedule unchanged.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @return the cancelled schedule
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the schedule is being published right now or finished, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule cancel(Principal principal, ScheduleId id);

    /**
     * One schedule.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @return the schedule
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read its post
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule get(Principal principal, ScheduleId id);

    /**
     * The schedules of a post, by run time.
     *
     * @param principal the acting principal
     * @param post the post's id
     * @return its schedules, of every status
     * @throws NotFoundException when the post does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the post
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<Schedule> listForPost(Principal principal, PostId post);

    /**
     * The publish attempts of a schedule, oldest first.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @return its publish events
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read its post
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<PublishEvent> events(Principal principal, ScheduleId id);

    /**
     * Resolves an unconfirmed schedule with what a person found on the platform: published (with its external id and
     * URL), not published and to be published again at a time, or not published and cancelled. A publish event records
     * the resolution.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @param resolution what was found
     * @return the schedule as resolved: success, pending or cancelled
     * @throws ValidationException when {@code resolution} is missing, its {@code externalId} or {@code url} breaks a
     *     rule, or its time ({@code resolution.when}) is missing or breaks a rule
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the schedule is not unconfirmed, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule resolveUnconfirmed(Principal principal, ScheduleId id, UnconfirmedResolution resolution);

    /**
     * Asks the platform about an unconfirmed schedule, where its channel can look posts up: found, it becomes
     * published; certainly absent, it is published again now; otherwise it stays unconfirmed. Returns the schedule as
     * it is afterwards. A channel without lookup leaves it to {@link #resolveUnconfirmed}.
     *
     * @param principal the acting principal
     * @param id the schedule's id
     * @return the schedule after the lookup
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the schedule is not unconfirmed
     * @throws SecurityException when the connection's stored credentials cannot be decrypted
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule reconcile(Principal principal, ScheduleId id);

    /**
     * Approves a schedule held for approval: it becomes pending and is published at its time, or at once when its time
     * has passed but lies within the lateness window; beyond that window it is skipped as too late ({@code too_late},
     * like a schedule the engine finds too late), and an {@link LuxarisEvent.Approved} is followed by a {@link
     * LuxarisEvent.Skipped}. Releasing it must keep the rules' per-connection rate limits (the rules or the
     * neighbouring schedules may have changed while it was held); when it would not, the call is refused and the
     * schedule stays held: move it with {@link #reschedule} and approve it again.
     *
     * @param principal the approving principal; the access policy's {@code canApprove} must allow it for the post
     * @param id the schedule's id
     * @param note a note for the author (null or blank: none), at most {@link Limits#APPROVAL_NOTE} characters
     * @return the schedule: pending, or skipped when it was too late
     * @throws ValidationException when the note is too long ({@code max_length}) or holds an invalid character, or
     *     releasing the schedule would break the rate limits ({@code schedule}/{@code rate_limit} or {@code min_gap})
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not approve schedules of the post
     * @throws ConflictException when the schedule is not awaiting approval, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule approve(Principal principal, ScheduleId id, String note);

    /**
     * Rejects a schedule held for approval: it is cancelled, with the error code {@code approval_rejected} and the
     * message {@code rejected by <principal>: <note>}. Its post's status is derived again.
     *
     * @param principal the reviewing principal; the access policy's {@code canApprove} must allow it for the post
     * @param id the schedule's id
     * @param note why (null or blank: no reason given), at most {@link Limits#APPROVAL_NOTE} characters
     * @return the cancelled schedule
     * @throws ValidationException when the note is too long ({@code max_length}) or holds an invalid character
     * @throws NotFoundException when the schedule does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not approve schedules of the post
     * @throws ConflictException when the schedule is not awaiting approval, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule reject(Principal principal, ScheduleId id, String note);

    /**
     * Sets or lifts the requirement that schedules of a post need approval. It applies to schedules created
     * afterwards; schedules already held stay held until approved or rejected. Setting it needs write access to the
     * post; lifting it needs the access policy's {@code canApprove}, so an author cannot lift a reviewer's rule.
     *
     * @param principal the acting principal
     * @param post the post's id
     * @param required true to require approval, false to lift the requirement
     * @throws ValidationException when {@code post} is missing
     * @throws NotFoundException when the post does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post (setting) or approve for it
     *     (lifting)
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    void requireApproval(Principal principal, PostId post, boolean required);

    /**
     * Sets or lifts the requirement that schedules through a connection need approval, as {@link
     * #requireApproval(Principal, PostId, boolean)} does for a post.
     *
     * @param principal the acting principal
     * @param connection the connection's id
     * @param required true to require approval, false to lift the requirement
     * @throws ValidationException when {@code connection} is missing
     * @throws NotFoundException when the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the connection (setting) or approve
     *     for it (lifting)
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    void requireApproval(Principal principal, ConnectionId connection, boolean required);

    /**
     * Whether the post itself requires approval ({@link #requireApproval(Principal, PostId, boolean)}): the read-back
     * of that setting. The host's rule ({@code Luxaris.Builder.approvalRequired}) and the connections' requirements
     * are separate; a schedule is held when any of them applies.
     *
     * @param principal the acting principal
     * @param post the post's id
     * @return true when the post requires approval
     * @throws ValidationException when {@code post} is missing
     * @throws NotFoundException when the post does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the post
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    boolean approvalRequired(Principal principal, PostId post);

    /**
     * Whether the connection itself requires approval ({@link #requireApproval(Principal, ConnectionId, boolean)}),
     * as {@link #approvalRequired(Principal, PostId)} tells for a post.
     *
     * @param principal the acting principal
     * @param connection the connection's id
     * @return true when the connection requires approval
     * @throws ValidationException when {@code connection} is missing
     * @throws NotFoundException when the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the connection
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    boolean approvalRequired(Principal principal, ConnectionId connection);

    /**
     * Where each follow-up part of a variant's chain stands (see {@link io.luxaris.domain.FollowUp}): one entry per
     * follow-up of the variant, in order, with its state, due time, schedule, external id and URL once published, and
     * the error of a failure. A variant without follow-ups gives an empty list.
     *
     * @param principal the acting principal
     * @param id the variant's own schedule (the chain's root), or any follow-up schedule of the chain
     * @return the parts, in order
     * @throws io.luxaris.errors.NotFoundException when the schedule does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read its post
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<FollowUpPart> followUps(Principal principal, ScheduleId id);

    /**
     * Publishes a follow-up part again that failed for good (or was cancelled or skipped): a new schedule of the same
     * part, due now, hanging on the same parts before it; when it is published the chain continues. Parts already
     * published are never posted again.
     *
     * @param principal the acting principal
     * @param id the failed follow-up schedule (the latest schedule of its part)
     * @return the new pending schedule
     * @throws io.luxaris.errors.NotFoundException when the schedule does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change its post
     * @throws io.luxaris.errors.ConflictException when the schedule is not a follow-up part, not failed, cancelled or
     *     skipped, its part was retried already, or the post is archived
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule retryFollowUp(Principal principal, ScheduleId id);
}
