package io.luxaris.spi.storage;

import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Post variants. */
public interface VariantRepository {
    /**
     * Stores a new variant.
     *
     * @param variant the variant
     */
    void insert(PostVariant variant);

    /**
     * Stores new variants, as {@link #insert} does for each; override it to send one batch.
     *
     * @param variants the new variants
     */
    default void insertAll(List<PostVariant> variants) {
        for (PostVariant variant : variants) {
            insert(variant);
        }
    }

    /**
     * Versioned update; returns the stored record.
     *
     * @param variant the variant as changed, with the version it was read at
     * @return the stored variant, version + 1
     * @throws io.luxaris.errors.ConflictException when the stored version is another one
     */
    PostVariant update(PostVariant variant);

    /**
     * One variant.
     *
     * @param id the variant's id
     * @return the variant, or empty when it does not exist
     */
    Optional<PostVariant> find(VariantId id);

    /**
     * The variants with these ids that exist (missing ids are left out); override to read them in one query.
     *
     * @param ids the ids
     * @return the variants found, by id
     */
    default Map<VariantId, PostVariant> findAll(Collection<VariantId> ids) {
        var found = new LinkedHashMap<VariantId, PostVariant>();
        for (VariantId id : ids) {
            find(id).ifPresent(v -> found.put(id, v));
        }
        return found;
    }

    /**
     * Marks as published (status, {@code published_at} if unset, {@code updated_at}, version + 1) those of these
     * variants that are {@code ready} or {@code failed}; others are left as they are. Returns how many changed.
     * Override to write them with one statement.
     *
     * @param ids the variants' ids
     * @param now the time of the change
     * @return how many variants changed
     */
    default int markPublished(Collection<VariantId> ids, Instant now) {
        int changed = 0;
        for (PostVariant v : findAll(ids).values()) {
            if (v.status() == VariantStatus.READY || v.status() == VariantStatus.FAILED) {
                update(v.withStatus(VariantStatus.PUBLISHED, now));
                changed++;
            }
        }
        return changed;
    }

    /**
     * Variants of a post, oldest first.
     *
     * @param post the post's id
     * @return its variants
     */
    List<PostVariant> listByPost(PostId post);

    /**
     * Deletes a variant that no schedule references; returns whether it existed.
     *
     * @param id the variant's id
     * @return whether it existed
     */
    boolean delete(VariantId id);

    /**
     * Marks draft and failed variants ready (they are scheduled); others stay as they are. Override to do it with one
     * statement.
     *
     * @param ids the variants' ids
     * @param now the update time
     * @return how many variants changed
     */
    default int markReady(Collection<VariantId> ids, Instant now) {
        int changed = 0;
        for (PostVariant v : findAll(ids).values()) {
            if (v.status() == VariantStatus.DRAFT || v.status() == VariantStatus.FAILED) {
                update(v.withStatus(VariantStatus.READY, now));
                changed++;
            }
        }
        return changed;
    }
}
