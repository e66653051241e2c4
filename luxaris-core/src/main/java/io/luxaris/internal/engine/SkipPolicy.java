package io.luxaris.internal.engine;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.rules.LatenessRule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a claimed schedule must not be published, and why: its variant or post is gone or archived, its
 * connection is gone or not connected, no provider serves its channel, or it was found past the lateness window.
 * Pure: decides from what the claim read.
 */
final class SkipPolicy {
    private SkipPolicy() {}

    /** Why a schedule is skipped: a stable code and a sentence for people. */
    record Skip(String code, String reason) {}

    static Optional<Skip> check(
            Optional<PostVariant> variant,
            Optional<Post> post,
            Optional<ChannelConnection> connection,
            boolean channelRegistered,
            Instant due,
            Instant now,
            Duration latenessWindow) {
        if (variant.isEmpty() || post.isEmpty()) {
            return skip("variant_missing", "the variant no longer exists");
        }
        if (post.get().isArchived()) {
            return skip("post_archived", "the post was archived");
        }
        if (connection.isEmpty()) {
            return skip("connection_missing", "the connection no longer exists");
        }
        ChannelConnection c = connection.get();
        if (c.status() != ConnectionStatus.CONNECTED) {
            return skip(
                    "connection_" + c.status().wireName(),
                    "the connection is " + c.status().wireName()
                            + c.statusReason().map(r -> " (" + r + ")").orElse(""));
        }
        if (!channelRegistered) {
            return skip("channel_unavailable", "no provider for the channel is registered");
        }
        if (LatenessRule.isTooLate(due, now, latenessWindow)) {
            return skip("too_late", LatenessRule.tooLateReason(due, now, latenessWindow));
        }
        return Optional.empty();
    }

    private static Optional<Skip> skip(String code, String reason) {
        return Optional.of(new Skip(code, reason));
    }
}
