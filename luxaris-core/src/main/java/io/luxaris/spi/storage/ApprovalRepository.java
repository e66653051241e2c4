package io.luxaris.spi.storage;

import io.luxaris.domain.ApprovalSubject;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Which posts and connections require approval before their schedules are published. */
public interface ApprovalRepository {
    /**
     * Records that the subject requires approval; recording it again changes nothing.
     *
     * @param subject the post or connection
     * @param at when the requirement was set
     */
    void require(ApprovalSubject subject, Instant at);

    /**
     * Removes the requirement.
     *
     * @param subject the post or connection
     * @return whether a requirement was removed
     */
    boolean release(ApprovalSubject subject);

    /**
     * Which of these subjects require approval.
     *
     * @param subjects the posts and connections asked about
     * @return those of them with a recorded requirement
     */
    Set<ApprovalSubject> required(Collection<ApprovalSubject> subjects);
}
