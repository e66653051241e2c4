package io.luxaris.domain.rules;

import io.luxaris.domain.PostStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Derives a post's status from its schedules. A <em>target</em> is a variant published through a connection; a
 * post scheduled to several connections has several targets, and a target scheduled again (after a failure, or
 * cancelled and scheduled anew) has several schedules. In order:
 *
 * <ol>
 *   <li>archived stays archived;
 *   <li>any pending, queued, processing, unconfirmed or awaiting-approval schedule: scheduled;
 *   <li>some target published (one of its schedules succeeded) and another target ended without being published (its
 *       schedules failed, were skipped or cancelled, none succeeded): partially published;
 *   <li>some target published: published;
 *   <li>every schedule cancelled: the rules' {@code allCancelledStatus} (draft by default);
 *   <li>otherwise draft.
 * </ol>
 *
 * <p>An unconfirmed schedule counts as scheduled: its outcome is still open until someone resolves it. So does a
 * schedule awaiting approval.
 *
 * <p>A dry-run schedule counts as neither published nor failed: a post whose schedules all ended as dry runs (or
 * were cancelled) goes back to draft, ready to be scheduled for real; its variants stay ready. A target with only
 * dry runs does not make a published post partially published.
 */
public final class PostStatusRule {
    private PostStatusRule() {}

    /**
     * The status a post has given the statuses of its schedules, taken as the schedules of one target (so never
     * partially published; see {@link #deriveFromSchedules} for posts with several targets).
     *
     * @param current the post's current status
     * @param schedules the statuses of all its schedules
     * @param rules the rules in force (for {@code allCancelledStatus})
     * @return the derived status
     */
    public static PostStatus derive(PostStatus current, Collection<ScheduleStatus> schedules, SchedulingRules rules) {
        return decide(current, List.of(schedules), rules);
    }

    /**
     * The status a post has given the statuses of its schedules grouped by target (variant and connection): what
     * {@link #deriveFromSchedules} decides once the schedules are grouped.
     *
     * @param current the post's current status
     * @param targets the statuses of each target's schedules
     * @param rules the rules in force (for {@code allCancelledStatus})
     * @return the derived status, partially published when one target was published and another ended without
     */
    public static PostStatus deriveFromTargets(
            PostStatus current, Collection<? extends Collection<ScheduleStatus>> targets, SchedulingRules rules) {
        return decide(current, targets, rules);
    }

    /**
     * The status a post has given its schedules, grouped by target (variant and connection).
     *
     * @param current the post's current status
     * @param schedules all its schedules
     * @param rules the rules in force (for {@code allCancelledStatus})
     * @return the derived status, partially published when one target was published and another ended without
     */
    public static PostStatus deriveFromSchedules(
            PostStatus current, Collection<Schedule> schedules, SchedulingRules rules) {
        return deriveGrouped(
                current, schedules, s -> Map.entry(s.variantId(), s.connectionId()), Schedule::status, rules);
    }

    /**
     * The status a post has given any description of its schedules: each item is one schedule, {@code target} gives
     * the key its target is known by (equal keys, one target) and {@code status} its status. What {@link
     * #deriveFromSchedules} decides, for callers that read less than whole schedules.
     *
     * @param current the post's current status
     * @param items one item per schedule
     * @param target the key of an item's target (variant and connection), compared with {@code equals}
     * @param status an item's schedule status
     * @param rules the rules in force (for {@code allCancelledStatus})
     * @param <T> the items' type
     * @return the derived status, partially published when one target was published and another ended without
     */
    public static <T> PostStatus deriveGrouped(
            PostStatus current,
            Collection<? extends T> items,
            Function<? super T, ?> target,
            Function<? super T, ScheduleStatus> status,
            SchedulingRules rules) {
        if (current == PostStatus.ARCHIVED) {
            return PostStatus.ARCHIVED;
        }
        for (T item : items) {
            if (isOpen(status.apply(item))) {
                return PostStatus.SCHEDULED; // as decide() answers: no grouping needed
            }
        }
        if (items.size() == 1) { // one target: the engine's common case, without a map per post
            return decide(current, List.of(List.of(status.apply(items.iterator().next()))), rules);
        }
        var byTarget = new HashMap<Object, List<ScheduleStatus>>();
        for (T item : items) {
            byTarget.computeIfAbsent(target.apply(item), k -> new ArrayList<>()).add(status.apply(item));
        }
        return decide(current, byTarget.values(), rules);
    }

    private static PostStatus decide(
            PostStatus current, Collection<? extends Collection<ScheduleStatus>> byTarget, SchedulingRules rules) {
        if (current == PostStatus.ARCHIVED) {
            return PostStatus.ARCHIVED;
        }
        boolean anyPublished = false;
        boolean anyUnpublished = false;
        boolean any = false;
        boolean allCancelled = true;
        for (Collection<ScheduleStatus> target : byTarget) {
            boolean published = false;
            boolean ended = false;
            for (ScheduleStatus s : target) {
                if (isOpen(s)) {
                    return PostStatus.SCHEDULED;
                }
                any = true;
                published |= s == ScheduleStatus.SUCCESS;
                ended |= s == ScheduleStatus.FAILED || s == ScheduleStatus.SKIPPED || s == ScheduleStatus.CANCELLED;
                allCancelled &= s == ScheduleStatus.CANCELLED;
            }
            anyPublished |= published;
            anyUnpublished |= ended && !published;
        }
        if (anyPublished) {
            return anyUnpublished ? PostStatus.PARTIALLY_PUBLISHED : PostStatus.PUBLISHED;
        }
        if (any && allCancelled) {
            return rules.allCancelledStatus();
        }
        return PostStatus.DRAFT;
    }

    private static boolean isOpen(ScheduleStatus s) {
        return s.isActive() || s == ScheduleStatus.UNCONFIRMED || s == ScheduleStatus.AWAITING_APPROVAL;
    }
}
