package io.luxaris.domain;

import io.luxaris.ConflictException;
import io.luxaris.domain.rules.Lifecycle;
import io.luxaris.internal.Args;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The channel-specific form of a post: what is actually published. {@code thread} holds follow-up parts posted
 * as replies after {@code content} (for channels with threads). A published variant's content never changes.
 */
public record PostVariant(
        VariantId id,
        PostId postId,
        ChannelId channelId,
        Optional<ConnectionId> connectionId,
        String content,
        List<String> thread,
        List<MediaRef> media,
        Optional<String> tone,
        VariantSource source,
        VariantStatus status,
        Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> publishedAt,
        long version) {
    public PostVariant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(content, "content");
        thread = List.copyOf(thread);
        media = List.copyOf(media);
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        metadata = Args.orderedCopy(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Args.notNegative(version, "version");
    }

    /** The content followed by the thread parts. */
    public List<String> texts() {
        var all = new ArrayList<String>(1 + thread.size());
        all.add(content);
        all.addAll(thread);
        return all;
    }

    public boolean isPublished() {
        return status == VariantStatus.PUBLISHED;
    }

    public PostVariant withStatus(VariantStatus to, Instant now) {
        if (to == status) {
            return this;
        }
        Lifecycle.requireVariant(id, status, to);
        Optional<Instant> published =
                to == VariantStatus.PUBLISHED && publishedAt.isEmpty() ? Optional.of(now) : publishedAt;
        return new PostVariant(
                id,
                postId,
                channelId,
                connectionId,
                content,
                thread,
                media,
                tone,
                source,
                to,
                metadata,
                createdAt,
                now,
                published,
                version);
    }

    /** New content; a published variant refuses with {@code ConflictException}. */
    public PostVariant withContent(
            String newContent,
            List<String> newThread,
            List<MediaRef> newMedia,
            Optional<String> newTone,
            Optional<ConnectionId> newConnection,
            Map<String, String> newMetadata,
            Instant now) {
        if (isPublished()) {
            throw new ConflictException("variant " + id + " is published; its content cannot change any more");
        }
        return new PostVariant(
                id,
                postId,
                channelId,
                newConnection,
                newContent,
                newThread,
                newMedia,
                newTone,
                source,
                status,
                newMetadata,
                createdAt,
                now,
                publishedAt,
                version);
    }
}
