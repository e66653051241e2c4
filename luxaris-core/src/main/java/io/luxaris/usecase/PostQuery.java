package io.luxaris.usecase;

import io.luxaris.domain.PageRequest;
import io.luxaris.domain.PostStatus;
import io.luxaris.internal.Args;
import java.util.Optional;
import java.util.Set;

/** Filters and page of a post listing (newest first). Empty statuses: any. */
public record PostQuery(Set<PostStatus> statuses, Optional<String> tag, PageRequest page) {
    public PostQuery {
        statuses = Args.snapshot(statuses);
        tag = tag == null ? Optional.empty() : tag;
        page = page == null ? PageRequest.first() : page;
    }

    public static PostQuery all() {
        return new PostQuery(Set.of(), Optional.empty(), PageRequest.first());
    }

    public PostQuery withStatuses(Set<PostStatus> value) {
        return new PostQuery(value, tag, page);
    }

    public PostQuery withTag(String value) {
        return new PostQuery(statuses, Optional.ofNullable(value), page);
    }

    public PostQuery withPage(PageRequest value) {
        return new PostQuery(statuses, tag, value);
    }
}
