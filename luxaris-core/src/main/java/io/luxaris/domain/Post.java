package io.luxaris.domain;

import io.luxaris.domain.rules.Lifecycle;
import io.luxaris.internal.Args;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The channel-agnostic message. Its status is derived from its schedules (see {@code PostStatusRule}), except
 * {@code ARCHIVED} which is set explicitly.
 */
public record Post(
        PostId id,
        String ownerPrincipalId,
        Optional<String> title,
        String baseContent,
        List<String> tags,
        PostStatus status,
        Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> publishedAt,
        long version) {
    public Post {
        Objects.requireNonNull(id, "id");
        Args.nonBlank(ownerPrincipalId, "ownerPrincipalId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(baseContent, "baseContent");
        tags = List.copyOf(tags);
        Objects.requireNonNull(status, "status");
        metadata = Args.orderedCopy(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Args.notNegative(version, "version");
    }

    /** A new draft. */
    public static Post draft(
            String owner,
            Optional<String> title,
            String baseContent,
            List<String> tags,
            Map<String, String> metadata,
            Instant now) {
        return new Post(
                PostId.random(),
                owner,
                title,
                baseContent,
                tags,
                PostStatus.DRAFT,
                metadata,
                now,
                now,
                Optional.empty(),
                0);
    }

    /** This post in another status; throws {@code ConflictException} for a move the lifecycle forbids. */
    public Post withStatus(PostStatus to, Instant now) {
        if (to == status) {
            return this;
        }
        Lifecycle.requirePost(id, status, to);
        Optional<Instant> published =
                to == PostStatus.PUBLISHED && publishedAt.isEmpty() ? Optional.of(now) : publishedAt;
        return new Post(
                id, ownerPrincipalId, title, baseContent, tags, to, metadata, createdAt, now, published, version);
    }

    public Post withContent(
            Optional<String> newTitle,
            String newBaseContent,
            List<String> newTags,
            Map<String, String> newMetadata,
            Instant now) {
        return new Post(
                id,
                ownerPrincipalId,
                newTitle,
                newBaseContent,
                newTags,
                status,
                newMetadata,
                createdAt,
                now,
                publishedAt,
                version);
    }

    public boolean isArchived() {
        return status == PostStatus.ARCHIVED;
    }
}
