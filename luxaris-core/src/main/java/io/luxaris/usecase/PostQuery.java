package io.luxaris.usecase;

import io.luxaris.domain.PageRequest;
import io.luxaris.domain.PostStatus;
import io.luxaris.util.Args;
import java.util.Optional;
import java.util.Set;

/**
 * Filters and page of a post listing (newest first). Empty statuses: any.
 *
 * @param statuses the statuses to list; empty: any
 * @param tag only posts with this tag
 * @param page which page
 */
public record PostQuery(Set<PostStatus> statuses, Optional<String> tag, PageRequest page) {
    /**
     * Takes a snapshot of the statuses; a null tag means none, a null page the first.
     *
     * @param statuses the statuses to list; empty: any
     * @param tag only posts with this tag
     * @param page which page
     */
    public PostQuery {
        statuses = Args.snapshot(statuses);
        tag = tag == null ? Optional.empty() : tag;
        page = page == null ? PageRequest.first() : page;
    }

    /** {@return every post, first page} */
    public static PostQuery all() {
        return new PostQuery(Set.of(), Optional.empty(), PageRequest.first());
    }

    /**
     * This query limited to some statuses.
     *
     * @param value the statuses; empty: any
     * @return the changed copy
     */
    public PostQuery withStatuses(Set<PostStatus> value) {
        return new PostQuery(value, tag, page);
    }

    /**
     * This query limited to a tag.
     *
     * @param value the tag; null: any
     * @return the changed copy
     */
    public PostQuery withTag(String value) {
        return new PostQuery(statuses, Optional.ofNullable(value), page);
    }

    /**
     * This query for another page.
     *
     * @param value the page
     * @return the changed copy
     */
    public PostQuery withPage(PageRequest value) {
        return new PostQuery(statuses, tag, value);
    }
}
