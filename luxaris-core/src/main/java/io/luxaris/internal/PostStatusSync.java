package io.luxaris.internal;

import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.rules.PostStatusRule;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.spi.storage.Transaction;
import java.time.Instant;
import java.util.List;

/** Re-derives a post's status from its schedules inside a transaction. */
public final class PostStatusSync {
    private PostStatusSync() {}

    /** Updates the post if its derived status changed; returns the post as stored. */
    public static Post refresh(Transaction tx, PostId postId, SchedulingRules rules, Instant now) {
        Post post =
                tx.posts().find(postId).orElseThrow(() -> new IllegalStateException("post " + postId + " vanished"));
        List<Schedule> schedules = tx.schedules().listByPost(postId);
        PostStatus derived = PostStatusRule.derive(
                post.status(), schedules.stream().map(Schedule::status).toList(), rules);
        if (derived == post.status()) {
            return post;
        }
        return tx.posts().update(post.withStatus(derived, now));
    }
}
