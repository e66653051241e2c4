package io.luxaris.spi.storage;

import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.VariantId;
import java.util.List;
import java.util.Optional;

/** Post variants. */
public interface VariantRepository {
    void insert(PostVariant variant);

    /** Versioned update; returns the stored record. */
    PostVariant update(PostVariant variant);

    Optional<PostVariant> find(VariantId id);

    /** Variants of a post, oldest first. */
    List<PostVariant> listByPost(PostId post);

    /** Deletes a variant that no schedule references; returns whether it existed. */
    boolean delete(VariantId id);
}
