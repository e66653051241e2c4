package io.luxaris.internal;

import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.rules.PostStatusRule;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.spi.storage.ScheduleStatusRow;
import io.luxaris.spi.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-derives a post's status from its schedules inside a transaction. It reads the schedules' status rows ({@link
 * io.luxaris.spi.storage.ScheduleRepository#statusesByPosts}), not the schedules whole: the engine does this after
 * every batch of outcomes.
 */
public final class PostStatusSync {
    private PostStatusSync() {}

    /** Updates the post if its derived status changed; returns the post as stored. */
    @SuppressWarnings("ReferenceEquality") // records are immutable: the same instance back means nothing changed
    public static Post refresh(Transaction tx, PostId postId, SchedulingRules rules, Instant now) {
        Post post =
                tx.posts().find(postId).orElseThrow(() -> new IllegalStateException("post " + postId + " vanished"));
        Post next = derived(post, tx.schedules().statusesByPosts(List.of(postId)), rules, now);
        return next == post ? post : tx.posts().update(next);
    }

    /** {@link #refresh} for several posts, reading them and their schedules' status rows with one call each. */
    @SuppressWarnings("ReferenceEquality") // records are immutable: the same instance back means nothing changed
    public static void refreshAll(Transaction tx, Collection<PostId> postIds, SchedulingRules rules, Instant now) {
        if (postIds.isEmpty()) {
            return;
        }
        Map<PostId, Post> posts = tx.posts().findAll(postIds);
        var rows = new HashMap<PostId, List<ScheduleStatusRow>>();
        for (ScheduleStatusRow row : tx.schedules().statusesByPosts(postIds)) {
            rows.computeIfAbsent(row.post(), k -> new ArrayList<>(1)).add(row);
        }
        var changed = new ArrayList<Post>();
        for (PostId id : postIds) {
            Post post = posts.get(id);
            if (post == null) {
                throw new IllegalStateException("post " + id + " vanished");
            }
            Post next = derived(post, rows.getOrDefault(id, List.of()), rules, now);
            if (next != post) {
                changed.add(next);
            }
        }
        if (!changed.isEmpty()) {
            tx.posts().updateStatuses(changed);
        }
    }

    /** The post with the status its schedules give it; the same instance when that status is unchanged. */
    private static Post derived(Post post, List<ScheduleStatusRow> rows, SchedulingRules rules, Instant now) {
        return post.withStatus(derive(post.status(), rows, rules), now);
    }

    /**
     * A post's status from its schedules' rows, grouped by target; a post's status is its variants' own schedules':
     * follow-up parts show on their schedules and events.
     */
    private static PostStatus derive(PostStatus current, List<ScheduleStatusRow> rows, SchedulingRules rules) {
        List<ScheduleStatusRow> own = rows;
        for (ScheduleStatusRow row : rows) {
            if (row.followUp()) {
                own = rows.stream().filter(r -> !r.followUp()).toList();
                break;
            }
        }
        return PostStatusRule.deriveGrouped(
                current, own, row -> Map.entry(row.variant(), row.connection()), ScheduleStatusRow::status, rules);
    }
}
