package io.luxaris.usecase;

import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.TemplateId;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.spi.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Post templates: Mustache bodies with {@code {{placeholders}}}, rendered with values; a missing value is a
 * validation error that lists every missing placeholder.
 */
public interface Templates {
    /**
     * Creates a template.
     *
     * @param principal the acting principal, owner of the template
     * @param draft name, description, body, default channel and constraints
     * @return the stored template
     * @throws ValidationException when {@code name} is blank, too long, breaks the {@code pattern} or is not {@code
     *     unique} for the owner, {@code description} is too long, {@code body} is blank, too long or not a supported
     *     template ({@code template_syntax}, {@code template_unsupported}), {@code defaultChannel} is unknown, or a
     *     constraint is out of range
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not create templates
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostTemplate create(Principal principal, TemplateDraft draft);

    /**
     * Replaces a template's fields.
     *
     * @param principal the acting principal
     * @param id the template's id
     * @param draft the new fields, optionally with the version they were read at
     * @return the stored template
     * @throws ValidationException as for {@link #create}
     * @throws NotFoundException when the template does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the template
     * @throws io.luxaris.errors.ConflictException when the template changed since {@code draft.expectedVersion()} (or
     *     concurrently)
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostTemplate update(Principal principal, TemplateId id, TemplateDraft draft);

    /**
     * One template.
     *
     * @param principal the acting principal
     * @param id the template's id
     * @return the template
     * @throws NotFoundException when the template does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the template
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    PostTemplate get(Principal principal, TemplateId id);

    /**
     * The principal's templates (those its policy lets it see), by name.
     *
     * @param principal the acting principal
     * @return the templates
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<PostTemplate> list(Principal principal);

    /**
     * Deletes a template; what was made from it stays.
     *
     * @param principal the acting principal
     * @param id the template's id
     * @throws NotFoundException when the template does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the template
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    void delete(Principal principal, TemplateId id);

    /**
     * The placeholder names of a template (variables and sections).
     *
     * @param principal the acting principal
     * @param id the template's id
     * @return the names, such as {@code product} and {@code version}
     * @throws NotFoundException when the template does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the template
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    Set<String> placeholders(Principal principal, TemplateId id);

    /**
     * Renders a template with values. Every placeholder needed and not given is reported at once as a {@code
     * missing_placeholder} violation on {@code values.<name>}.
     *
     * @param principal the acting principal
     * @param id the template's id
     * @param values the placeholders' values by name
     * @return the rendered text
     * @throws ValidationException when {@code values} is missing, has too many or too long entries, or lacks a
     *     placeholder's value ({@code missing_placeholder})
     * @throws NotFoundException when the template does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the template
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    String render(Principal principal, TemplateId id, Map<String, String> values);
}
