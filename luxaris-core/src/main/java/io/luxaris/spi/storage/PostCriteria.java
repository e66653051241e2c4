package io.luxaris.spi.storage;

import io.luxaris.domain.Cursor;
import io.luxaris.domain.PostStatus;
import io.luxaris.spi.security.OwnerScope;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A page of posts, newest first (created at descending, id descending). Empty {@code statuses} means any status. {@code
 * after} is the position of the last post of the previous page.
 *
 * @param owners whose posts
 * @param statuses only these statuses; empty: any
 * @param tag only posts with this tag
 * @param after the position (created at, id) of the last post of the previous page
 * @param limit the most posts to return
 */
public record PostCriteria(
        OwnerScope owners, Set<PostStatus> statuses, Optional<String> tag, Optional<Cursor> after, int limit) {
    /**
     * Checks the components and copies the statuses.
     *
     * @param owners whose posts
     * @param statuses only these statuses; empty: any
     * @param tag only posts with this tag
     * @param after the position (created at, id) of the last post of the previous page
     * @param limit the most posts to return
     * @throws IllegalArgumentException when the limit is not positive
     */
    public PostCriteria {
        Objects.requireNonNull(owners, "owners");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
