package io.luxaris.spi.storage;

import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import java.util.List;
import java.util.Optional;

/** Posts. */
public interface PostRepository {
    void insert(Post post);

    /** Versioned update; returns the stored record. */
    Post update(Post post);

    Optional<Post> find(PostId id);

    /** At most {@code criteria.limit()} posts matching, newest first. */
    List<Post> list(PostCriteria criteria);
}
