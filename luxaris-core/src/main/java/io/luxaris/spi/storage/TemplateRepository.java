package io.luxaris.spi.storage;

import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.TemplateId;
import io.luxaris.spi.security.OwnerScope;
import java.util.List;
import java.util.Optional;

/** Post templates; names are unique per owner. */
public interface TemplateRepository {
    /**
     * Stores a new template.
     *
     * @param template the template
     */
    void insert(PostTemplate template);

    /**
     * Versioned update; returns the stored record.
     *
     * @param template the template as changed, with the version it was read at
     * @return the stored template, version + 1
     * @throws io.luxaris.errors.ConflictException when the stored version is another one
     */
    PostTemplate update(PostTemplate template);

    /**
     * One template.
     *
     * @param id the template's id
     * @return the template, or empty when it does not exist
     */
    Optional<PostTemplate> find(TemplateId id);

    /**
     * One owner's template by name.
     *
     * @param owner the owner's principal id
     * @param name the template's name
     * @return the template, or empty when the owner has none of that name
     */
    Optional<PostTemplate> findByName(String owner, String name);

    /**
     * Templates of the given owners, by name.
     *
     * @param owners whose templates
     * @return the templates
     */
    List<PostTemplate> list(OwnerScope owners);

    /**
     * Deletes a template.
     *
     * @param id the template's id
     * @return whether it existed
     */
    boolean delete(TemplateId id);
}
