package io.luxaris.usecase;

import io.luxaris.domain.Post;
import io.luxaris.internal.Args;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** New title, content, tags and metadata of a post (replaces every field), optionally version-checked. */
public record PostUpdate(
        Optional<String> title,
        String baseContent,
        List<String> tags,
        Map<String, String> metadata,
        OptionalLong expectedVersion) {
    public PostUpdate {
        title = title == null ? Optional.empty() : title;
        tags = Args.snapshot(tags);
        metadata = Args.snapshot(metadata);
        expectedVersion = expectedVersion == null ? OptionalLong.empty() : expectedVersion;
    }

    /** Starts from the post as it is. */
    public static PostUpdate from(Post post) {
        return new PostUpdate(
                post.title(), post.baseContent(), post.tags(), post.metadata(), OptionalLong.of(post.version()));
    }

    public PostUpdate withTitle(String value) {
        return new PostUpdate(Optional.ofNullable(value), baseContent, tags, metadata, expectedVersion);
    }

    public PostUpdate withBaseContent(String value) {
        return new PostUpdate(title, value, tags, metadata, expectedVersion);
    }

    public PostUpdate withTags(List<String> value) {
        return new PostUpdate(title, baseContent, value, metadata, expectedVersion);
    }
}
