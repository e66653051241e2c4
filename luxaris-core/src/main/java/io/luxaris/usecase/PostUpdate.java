package io.luxaris.usecase;

import io.luxaris.domain.Post;
import io.luxaris.util.Args;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * New title, content, tags and metadata of a post (replaces every field), optionally version-checked.
 *
 * @param title the internal title; empty: none
 * @param baseContent the base content
 * @param tags the tags
 * @param metadata the host's facts
 * @param expectedVersion the version the post was read at; the update fails with a {@code ConflictException} if it
 *     moved on
 */
public record PostUpdate(
        Optional<String> title,
        String baseContent,
        List<String> tags,
        Map<String, String> metadata,
        OptionalLong expectedVersion) {
    /**
     * Takes snapshots of the collections; nulls mean empty.
     *
     * @param title the internal title; empty: none
     * @param baseContent the base content
     * @param tags the tags
     * @param metadata the host's facts
     * @param expectedVersion the version the post was read at; the update fails with a {@code ConflictException} if it
     *     moved on
     */
    public PostUpdate {
        title = title == null ? Optional.empty() : title;
        tags = Args.snapshot(tags);
        metadata = Args.snapshot(metadata);
        expectedVersion = expectedVersion == null ? OptionalLong.empty() : expectedVersion;
    }

    /**
     * Starts from the post as it is.
     *
     * @param post the post as read
     * @return an update that changes nothing yet, expecting the post's version
     */
    public static PostUpdate from(Post post) {
        return new PostUpdate(
                post.title(), post.baseContent(), post.tags(), post.metadata(), OptionalLong.of(post.version()));
    }

    /**
     * This update with another title.
     *
     * @param value the title; null: none
     * @return the changed copy
     */
    public PostUpdate withTitle(String value) {
        return new PostUpdate(Optional.ofNullable(value), baseContent, tags, metadata, expectedVersion);
    }

    /**
     * This update with other base content.
     *
     * @param value the base content
     * @return the changed copy
     */
    public PostUpdate withBaseContent(String value) {
        return new PostUpdate(title, value, tags, metadata, expectedVersion);
    }

    /**
     * This update with other tags.
     *
     * @param value the tags
     * @return the changed copy
     */
    public PostUpdate withTags(List<String> value) {
        return new PostUpdate(title, baseContent, value, metadata, expectedVersion);
    }
}
