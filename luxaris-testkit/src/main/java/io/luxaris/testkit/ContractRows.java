package io.luxaris.testkit;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.ChannelStatus;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain rows the feature storage contracts start from: a channel, an account on it, a draft post, a ready variant. */
final class ContractRows {
    private ContractRows() {}

    /** An active channel with the key {@code "fake"}, 500 characters. */
    static Channel fakeChannel(ChannelId id, Instant now) {
        return new Channel(
                id,
                "fake",
                "Fake",
                ChannelStatus.ACTIVE,
                ChannelLimits.builder(500).build(),
                now,
                now);
    }

    /** A connected account {@code @owner} of {@code owner} on the channel, without properties or expiry. */
    static ChannelConnection connection(String owner, ChannelId channel, Instant now) {
        return new ChannelConnection(
                ConnectionId.random(),
                owner,
                channel,
                "@" + owner,
                ConnectionStatus.CONNECTED,
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                now,
                now,
                Optional.empty(),
                0);
    }

    /** A draft post of {@code owner} without title, tags or metadata. */
    static Post post(String owner, String content, Instant now) {
        return new Post(
                PostId.random(),
                owner,
                Optional.empty(),
                content,
                List.of(),
                PostStatus.DRAFT,
                Map.of(),
                now,
                now,
                Optional.empty(),
                0);
    }

    /** A ready, manual variant of the post on the channel, without media or target connection. */
    static PostVariant readyVariant(PostId post, ChannelId channel, String content, Instant now) {
        return new PostVariant(
                VariantId.random(),
                post,
                channel,
                Optional.empty(),
                content,
                List.of(),
                List.of(),
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.READY,
                Map.of(),
                now,
                now,
                Optional.empty(),
                0);
    }
}
