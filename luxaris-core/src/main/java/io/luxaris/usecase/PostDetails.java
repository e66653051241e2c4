package io.luxaris.usecase;

import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import java.util.List;
import java.util.Objects;

/**
 * A post with its variants.
 *
 * @param post the post
 * @param variants its variants, oldest first
 */
public record PostDetails(Post post, List<PostVariant> variants) {
    /**
     * Copies the variants.
     *
     * @param post the post
     * @param variants its variants, oldest first
     */
    public PostDetails {
        Objects.requireNonNull(post, "post");
        variants = List.copyOf(variants);
    }

    /**
     * The first variant (for posts created with one).
     *
     * @return the oldest variant
     * @throws java.util.NoSuchElementException when the post has no variant
     */
    public PostVariant firstVariant() {
        if (variants.isEmpty()) {
            throw new java.util.NoSuchElementException("post " + post.id() + " has no variant");
        }
        return variants.get(0);
    }
}
