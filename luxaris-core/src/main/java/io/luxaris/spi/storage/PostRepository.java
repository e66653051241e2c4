package io.luxaris.spi.storage;

import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Posts. */
public interface PostRepository {
    void insert(Post post);

    /** Versioned update; returns the stored record. */
    Post update(Post post);

    Optional<Post> find(PostId id);

    /**
     * Versioned update of the status, {@code updated_at} and {@code published_at} of several posts (their other
     * fields are as stored); a post whose version moved on is a {@code ConflictException}. The engine writes the
     * derived post status of a batch with it; override it to send one batch.
     */
    default void updateStatuses(List<Post> posts) {
        for (Post post : posts) {
            update(post);
        }
    }

    /** The posts with these ids that exist (missing ids are left out); override to read them in one query. */
    default Map<PostId, Post> findAll(Collection<PostId> ids) {
        var found = new LinkedHashMap<PostId, Post>();
        for (PostId id : ids) {
            find(id).ifPresent(p -> found.put(id, p));
        }
        return found;
    }

    /** At most {@code criteria.limit()} posts matching, newest first. */
    List<Post> list(PostCriteria criteria);
}
