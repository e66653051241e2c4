package io.luxaris.internal;

import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.rules.PostStatusRule;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.spi.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Re-derives a post's status from its schedules inside a transaction. */
public final class PostStatusSync {
    private PostStatusSync() {}

    /** Updates the post if its derived status changed; returns the post as stored. */
    @SuppressWarnings("ReferenceEquality") // records are immutable: the same instance back means nothing changed
    public static Post refresh(Transaction tx, PostId postId, SchedulingRules rules, Instant now) {
        Post post =
                tx.posts().find(postId).orElseThrow(() -> new IllegalStateException("post " + postId + " vanished"));
        Post next = derived(post, tx.schedules().listByPost(postId), rules, now);
        return next == post ? post : tx.posts().update(next);
    }

    /** {@link #refresh} for several posts, reading them and their schedules with one call each. */
    @SuppressWarnings("ReferenceEquality") // records are immutable: the same instance back means nothing changed
    public static void refreshAll(Transaction tx, Collection<PostId> postIds, SchedulingRules rules, Instant now) {
        if (postIds.isEmpty()) {
            return;
        }
        Map<PostId, Post> posts = tx.posts().findAll(postIds);
        var schedules = new HashMap<PostId, List<Schedule>>();
        for (Schedule s : tx.schedules().listByPosts(postIds)) {
            schedules.computeIfAbsent(s.postId(), k -> new ArrayList<>()).add(s);
        }
        var changed = new ArrayList<Post>();
        for (PostId id : postIds) {
            Post post = posts.get(id);
            if (post == null) {
                throw new IllegalStateException("post " + id + " vanished");
            }
            Post next = derived(post, schedules.getOrDefault(id, List.of()), rules, now);
            if (next != post) {
                changed.add(next);
            }
        }
        if (!changed.isEmpty()) {
            tx.posts().updateStatuses(changed);
        }
    }

    /** The post with the status its schedules give it; the same instance when that status is unchanged. */
    private static Post derived(Post post, List<Schedule> schedules, SchedulingRules rules, Instant now) {
        // a post's status is its variants' own schedules': follow-up parts show on their schedules and events
        List<Schedule> own = schedules;
        for (Schedule s : schedules) {
            if (s.isFollowUp()) {
                own = schedules.stream().filter(x -> !x.isFollowUp()).toList();
                break;
            }
        }
        PostStatus derived = PostStatusRule.deriveFromSchedules(post.status(), own, rules);
        return post.withStatus(derived, now);
    }
}
