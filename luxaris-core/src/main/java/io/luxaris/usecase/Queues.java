package io.luxaris.usecase;

import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.QueueId;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.VariantId;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.spi.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Publishing queues: weekly time slots (wall-clock times in an IANA zone, on enabled days, except excluded dates, at
 * most so many posts per day) over one connection or several. A post put into a queue takes the next free slot;
 * two instances enqueueing at once never take one slot (the store locks the queue and keeps each slot unique).
 * Slots follow DST as wall-clock times: a slot time inside a spring-forward gap is skipped that day, or shifted
 * forward when {@link io.luxaris.domain.rules.SchedulingRules#dstGapPolicy()} says so; inside a fall-back overlap it
 * is its first occurrence. A queued post is an ordinary pending schedule at its slot's time: cancelling or moving it
 * with {@link Schedules} frees the slot.
 */
public interface Queues {
    /** Most slots one preview or listing returns. */
    int MAX_PREVIEW = 100;

    /** Most free slots one calendar query returns. */
    int MAX_FREE_SLOTS = 1_000;

    /**
     * Creates a queue owned by the principal.
     *
     * @param principal the acting principal, owner of the new queue
     * @param draft the settings
     * @return the new queue
     * @throws ValidationException when a setting is missing or breaks a rule: {@code name} ({@code required}, {@code
     *     max_length}), {@code connections} ({@code required}, {@code too_many}, {@code duplicate}), {@code zone}
     *     ({@code required}, {@code invalid}), {@code slotTimes} ({@code required}, {@code too_many}, {@code
     *     duplicate}, {@code precision}), {@code days} ({@code required}), {@code excludedDates} ({@code too_many},
     *     {@code range}), {@code maxPerDay} ({@code range})
     * @throws NotFoundException when a connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not create queues, or read or publish with a
     *     connection
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostingQueue create(Principal principal, QueueDraft draft);

    /**
     * Replaces a queue's settings. Posts already queued keep their times; new posts take the new slots.
     *
     * @param principal the acting principal
     * @param id the queue's id
     * @param draft the new settings
     * @return the changed queue
     * @throws ValidationException when a setting is missing or breaks a rule (see {@link #create})
     * @throws NotFoundException when the queue or a connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the queue, or read or publish with a
     *     connection
     * @throws ConflictException when the queue is changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostingQueue update(Principal principal, QueueId id, QueueDraft draft);

    /**
     * Deletes a queue. Its queued posts stay scheduled at their times.
     *
     * @param principal the acting principal
     * @param id the queue's id
     * @return whether it existed
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the queue
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    boolean delete(Principal principal, QueueId id);

    /**
     * One queue.
     *
     * @param principal the acting principal
     * @param id the queue's id
     * @return the queue
     * @throws NotFoundException when the queue does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read it
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostingQueue get(Principal principal, QueueId id);

    /**
     * The queues the principal may read, by name.
     *
     * @param principal the acting principal
     * @return the queues
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<PostingQueue> list(Principal principal);

    /**
     * Puts a variant into the queue's next free slot: the first upcoming slot nobody holds on a day that has fewer
     * than {@code maxPerDay} posts, and whose time keeps the rules' per-connection rate limits (a slot that breaks
     * them is passed over). The variant publishes through its own connection when the queue has it, else
     * through the queue's only connection. Same checks as {@link Schedules#schedule}, except that the time is the
     * slot's.
     *
     * @param principal the acting principal
     * @param variant the variant to publish
     * @param queue the queue
     * @return the new pending schedule at the slot's time
     * @throws ValidationException when {@code variant} or {@code queue} is missing, the queue has no free slot within
     *     the horizon ({@code queue}/{@code full}), the variant's connection is not one of the queue's ({@code
     *     connection}/{@code not_in_queue}), the connection is unusable or the content does not fit it
     * @throws NotFoundException when the variant, the queue or the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post or the queue, or read or
     *     publish with the connection
     * @throws ConflictException when the post is archived, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule enqueue(Principal principal, VariantId variant, QueueId queue);

    /**
     * Puts a variant into the queue's first upcoming slot and pushes the posts after it back one slot each, up to
     * the first free slot (on a day with room). Same checks as {@link #enqueue}; the new post at the first slot and
     * every pushed post must keep the rules' per-connection rate limits at their new times, else the call is refused
     * as a whole ({@code queue}/{@code rate_limit} or {@code min_gap}, the message naming the schedule).
     *
     * @param principal the acting principal
     * @param variant the variant to publish
     * @param queue the queue
     * @return the new pending schedule at the first slot's time
     * @throws ValidationException as {@link #enqueue}, and when a new time breaks the rate limits
     * @throws NotFoundException when the variant, the queue or the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post or the queue, or read or
     *     publish with the connection
     * @throws ConflictException when the post is archived, or a pushed schedule changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Schedule shareNext(Principal principal, VariantId variant, QueueId queue);

    /**
     * The next free slots of a queue (those {@link #enqueue} would take, in order, where the rules' rate limits
     * allow them).
     *
     * @param principal the acting principal
     * @param id the queue's id
     * @param count how many, 1..{@value #MAX_PREVIEW}
     * @return up to {@code count} free slots; fewer when the horizon ends first
     * @throws ValidationException when {@code count} is out of range
     * @throws NotFoundException when the queue does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the queue
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<QueueSlot> preview(Principal principal, QueueId id, int count);

    /**
     * The upcoming taken slots of a queue with their schedules, in order.
     *
     * @param principal the acting principal
     * @param id the queue's id
     * @param count how many, 1..{@value #MAX_PREVIEW}
     * @return up to {@code count} taken slots
     * @throws ValidationException when {@code count} is out of range
     * @throws NotFoundException when the queue does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the queue
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<QueueSlot> queued(Principal principal, QueueId id, int count);

    /**
     * Moves a queued post to another upcoming slot of its queue; when a post holds that slot, the two swap. Each
     * moved post must keep the rules' per-connection rate limits at its new time, else nothing moves.
     *
     * @param principal the acting principal
     * @param id the queue's id
     * @param schedule the queued schedule to move
     * @param slot the instant of the target slot
     * @return the slots that changed, with their new schedules
     * @throws ValidationException when {@code schedule} or {@code slot} is missing, the slot is not an upcoming slot
     *     of the queue ({@code slot}/{@code not_a_slot}), the schedule is not queued in it ({@code
     *     schedule}/{@code not_queued}), the target day is full ({@code slot}/{@code max_per_day}), or a moved post
     *     would break the rate limits at its new time ({@code slot}/{@code rate_limit} or {@code min_gap})
     * @throws NotFoundException when the queue does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the queue or a moved post
     * @throws ConflictException when a moved schedule changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<QueueSlot> move(Principal principal, QueueId id, ScheduleId schedule, Instant slot);

    /**
     * Shuffles the upcoming queued posts of a queue over the slots they hold (a random permutation; the same seed gives
     * the same permutation of the same posts). An order in which a post would break the rules' per-connection rate
     * limits is not used: another is drawn from the same source, up to 20 draws.
     *
     * @param principal the acting principal
     * @param id the queue's id
     * @param seed the seed; empty: a random one
     * @return the taken slots with their new schedules, in order
     * @throws ValidationException when none of the orders drawn keeps the rate limits ({@code queue}/{@code
     *     rate_limit} or {@code min_gap})
     * @throws NotFoundException when the queue does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the queue or a queued post
     * @throws ConflictException when a queued schedule changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<QueueSlot> shuffle(Principal principal, QueueId id, OptionalLong seed);
}
