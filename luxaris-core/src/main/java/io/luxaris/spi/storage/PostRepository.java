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
    /**
     * Stores a new post.
     *
     * @param post the post
     */
    void insert(Post post);

    /**
     * Versioned update; returns the stored record.
     *
     * @param post the post as changed, with the version it was read at
     * @return the stored post, version + 1
     * @throws io.luxaris.errors.ConflictException when the stored version is another one
     */
    Post update(Post post);

    /**
     * One post.
     *
     * @param id the post's id
     * @return the post, or empty when it does not exist
     */
    Optional<Post> find(PostId id);

    /**
     * Stores new posts (with their tags), as {@link #insert} does for each; override it to send one batch.
     *
     * @param posts the new posts
     */
    default void insertAll(List<Post> posts) {
        for (Post post : posts) {
            insert(post);
        }
    }

    /**
     * Versioned update of the status, {@code updated_at} and {@code published_at} of several posts (their other fields
     * are as stored); a post whose version moved on is a {@code ConflictException}. The engine writes the derived post
     * status of a batch with it; override it to send one batch.
     *
     * @param posts the posts as changed, with the versions they were read at
     * @throws io.luxaris.errors.ConflictException when a stored version is another one
     */
    default void updateStatuses(List<Post> posts) {
        for (Post post : posts) {
            update(post);
        }
    }

    /**
     * The posts with these ids that exist (missing ids are left out); override to read them in one query.
     *
     * @param ids the ids
     * @return the posts found, by id
     */
    default Map<PostId, Post> findAll(Collection<PostId> ids) {
        var found = new LinkedHashMap<PostId, Post>();
        for (PostId id : ids) {
            find(id).ifPresent(p -> found.put(id, p));
        }
        return found;
    }

    /**
     * At most {@code criteria.limit()} posts matching, newest first.
     *
     * @param criteria owners, statuses, tag, position and limit
     * @return the posts
     */
    List<Post> list(PostCriteria criteria);
}
