package io.luxaris.domain;

import io.luxaris.util.Args;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The channel-agnostic message. Its status is derived from its schedules (see {@code PostStatusRule}), except {@code
 * ARCHIVED} which is set explicitly.
 *
 * @param id the post's id
 * @param ownerPrincipalId the principal who created it
 * @param title an internal title, not published
 * @param baseContent the channel-agnostic text variants start from
 * @param tags the author's tags
 * @param status derived from its schedules, or archived
 * @param metadata the host's own non-secret facts
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param publishedAt when a variant of it was first published
 * @param version the optimistic-locking version
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
    /**
     * Checks the components and copies the collections.
     *
     * @param id the post's id
     * @param ownerPrincipalId the principal who created it
     * @param title an internal title, not published
     * @param baseContent the channel-agnostic text variants start from
     * @param tags the author's tags
     * @param status derived from its schedules, or archived
     * @param metadata the host's own non-secret facts
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param publishedAt when a variant of it was first published
     * @param version the optimistic-locking version
     * @throws IllegalArgumentException when the owner is blank or the version is negative
     */
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

    /**
     * A new draft.
     *
     * @param owner the principal id of its owner
     * @param title an internal title
     * @param baseContent the channel-agnostic text
     * @param tags the tags
     * @param metadata the host's facts
     * @param now the creation time
     * @return a draft with a new id and version 0
     */
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

    /**
     * This post in another status; a published post keeps its first {@code publishedAt}.
     *
     * @param to the new status
     * @param now the time of the change
     * @return the changed copy, or this post when the status is the same
     * @throws io.luxaris.errors.ConflictException for a move the lifecycle forbids
     */
    public Post withStatus(PostStatus to, Instant now) {
        if (to == status) {
            return this;
        }
        Lifecycle.requirePost(id, status, to);
        Optional<Instant> published =
                (to == PostStatus.PUBLISHED || to == PostStatus.PARTIALLY_PUBLISHED) && publishedAt.isEmpty()
                        ? Optional.of(now)
                        : publishedAt;
        return new Post(
                id, ownerPrincipalId, title, baseContent, tags, to, metadata, createdAt, now, published, version);
    }

    /**
     * This post with new content.
     *
     * @param newTitle the title
     * @param newBaseContent the base content
     * @param newTags the tags
     * @param newMetadata the metadata
     * @param now the time of the change
     * @return the changed copy
     */
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

    /** {@return whether the post is archived (final: nothing more is scheduled or published)} */
    public boolean isArchived() {
        return status == PostStatus.ARCHIVED;
    }
}
