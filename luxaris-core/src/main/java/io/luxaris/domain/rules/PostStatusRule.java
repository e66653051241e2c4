package io.luxaris.domain.rules;

import io.luxaris.domain.PostStatus;
import io.luxaris.domain.ScheduleStatus;
import java.util.Collection;

/**
 * Derives a post's status from its schedules: archived stays archived; any pending, queued, processing or
 * unconfirmed schedule makes it scheduled; otherwise any success makes it published; otherwise, when every
 * schedule was cancelled, the rules' {@code allCancelledStatus} (draft by default); otherwise draft.
 *
 * <p>An unconfirmed schedule counts as scheduled: its outcome is still open until someone resolves it.
 *
 * <p>A dry-run schedule counts as neither published nor failed: a post whose schedules all ended as dry runs (or
 * were cancelled) goes back to draft, ready to be scheduled for real; its variants stay ready.
 */
public final class PostStatusRule {
    private PostStatusRule() {}

    /**
     * The status a post has given its schedules.
     *
     * @param current the post's current status
     * @param schedules the statuses of all its schedules
     * @param rules the rules in force (for {@code allCancelledStatus})
     * @return the derived status
     */
    public static PostStatus derive(PostStatus current, Collection<ScheduleStatus> schedules, SchedulingRules rules) {
        if (current == PostStatus.ARCHIVED) {
            return PostStatus.ARCHIVED;
        }
        boolean anySuccess = false;
        boolean allCancelled = !schedules.isEmpty();
        for (ScheduleStatus s : schedules) {
            if (s.isActive() || s == ScheduleStatus.UNCONFIRMED) {
                return PostStatus.SCHEDULED;
            }
            anySuccess |= s == ScheduleStatus.SUCCESS;
            allCancelled &= s == ScheduleStatus.CANCELLED;
        }
        if (anySuccess) {
            return PostStatus.PUBLISHED;
        }
        if (allCancelled) {
            return rules.allCancelledStatus();
        }
        return PostStatus.DRAFT;
    }
}
