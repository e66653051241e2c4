package io.luxaris.spi.storage;

import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.QueueId;
import io.luxaris.domain.ScheduleId;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.security.OwnerScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Publishing queues and the slots their schedules claim. A slot is claimed at most once: {@link #claim} is enforced
 * by the store (a unique key on queue and instant), and writers serialize on the queue with {@link #lock}.
 */
public interface PostingQueueRepository {
    /**
     * Inserts a new queue.
     *
     * @param queue the queue
     * @throws ConflictException when a queue with its id exists
     */
    void insert(PostingQueue queue);

    /**
     * Replaces a queue's settings if its version is unchanged; the stored version is then one higher.
     *
     * @param queue the queue with the version it was read at
     * @return the stored queue
     * @throws ConflictException when it was changed or deleted meanwhile
     */
    PostingQueue update(PostingQueue queue);

    /**
     * One queue.
     *
     * @param id the queue's id
     * @return the queue, or empty when it does not exist
     */
    Optional<PostingQueue> find(QueueId id);

    /**
     * One queue, locked until the transaction ends: another transaction locking it waits. Every change of the queue's
     * slots locks it first, so two writers never both pick the same free slot.
     *
     * @param id the queue's id
     * @return the queue, or empty when it does not exist
     */
    Optional<PostingQueue> lock(QueueId id);

    /**
     * The queues of some owners, by name then id.
     *
     * @param owners whose queues
     * @return the queues
     */
    List<PostingQueue> list(OwnerScope owners);

    /**
     * Deletes a queue and its claims; its schedules stay as they are.
     *
     * @param id the queue's id
     * @return whether it existed
     */
    boolean delete(QueueId id);

    /**
     * Claims a slot for a schedule.
     *
     * @param queue the queue
     * @param slot the slot's instant
     * @param schedule the schedule taking it
     * @throws ConflictException when the slot is claimed already (also a stale claim: {@link #release} it first)
     */
    void claim(QueueId queue, Instant slot, ScheduleId schedule);

    /**
     * Removes the claim of a slot.
     *
     * @param queue the queue
     * @param slot the slot's instant
     * @return whether there was a claim
     */
    boolean release(QueueId queue, Instant slot);

    /**
     * The claims of slots in {@code [from, to)}, by slot, with their schedules.
     *
     * @param queue the queue
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the claims, stale ones included
     */
    List<QueueClaim> claims(QueueId queue, Instant from, Instant to);
}
