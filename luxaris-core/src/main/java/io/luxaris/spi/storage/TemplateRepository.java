package io.luxaris.spi.storage;

import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.TemplateId;
import io.luxaris.spi.security.OwnerScope;
import java.util.List;
import java.util.Optional;

/** Post templates; names are unique per owner. */
public interface TemplateRepository {
    void insert(PostTemplate template);

    /** Versioned update; returns the stored record. */
    PostTemplate update(PostTemplate template);

    Optional<PostTemplate> find(TemplateId id);

    Optional<PostTemplate> findByName(String owner, String name);

    /** Templates of the given owners, by name. */
    List<PostTemplate> list(OwnerScope owners);

    boolean delete(TemplateId id);
}
