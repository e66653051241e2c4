package io.luxaris.usecase;

import io.luxaris.NotFoundException;
import io.luxaris.Principal;
import io.luxaris.ValidationException;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.Limits;
import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.TemplateConstraints;
import io.luxaris.domain.TemplateId;
import io.luxaris.internal.Args;
import io.luxaris.internal.Runtime;
import io.luxaris.internal.TemplateText;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Post templates: Mustache bodies with {@code {{placeholders}}}, rendered with values; a missing value is a
 * validation error that lists every missing placeholder.
 */
public final class Templates {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]*");

    private final Runtime rt;

    Templates(Runtime rt) {
        this.rt = Objects.requireNonNull(rt, "rt");
    }

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
     * @throws io.luxaris.AccessDeniedException when the principal may not create templates
     * @throws io.luxaris.StorageException when the storage fails
     */
    public PostTemplate create(Principal principal, TemplateDraft draft) {
        rt.requireCreate(principal, ResourceType.TEMPLATE);
        Objects.requireNonNull(draft, "draft");
        Optional<ChannelId> channel = validate(draft);
        Instant now = rt.now();
        var template = new PostTemplate(
                TemplateId.random(),
                principal.id(),
                draft.name().strip(),
                draft.description(),
                draft.body(),
                channel,
                draft.constraints(),
                now,
                now,
                0);
        return rt.storage().inTransaction(tx -> {
            requireUniqueName(tx, principal.id(), template.name(), Optional.empty());
            tx.templates().insert(template);
            return template;
        });
    }

    /**
     * Replaces a template's fields.
     *
     * @param principal the acting principal
     * @param id the template's id
     * @param draft the new fields, optionally with the version they were read at
     * @return the stored template
     * @throws ValidationException as for {@link #create}
     * @throws NotFoundException when the template does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the template
     * @throws io.luxaris.ConflictException when the template changed since {@code draft.expectedVersion()} (or
     *     concurrently)
     * @throws io.luxaris.StorageException when the storage fails
     */
    public PostTemplate update(Principal principal, TemplateId id, TemplateDraft draft) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(draft, "draft");
        Optional<ChannelId> channel = validate(draft);
        return rt.storage().inTransaction(tx -> {
            PostTemplate current = find(tx, id);
            rt.requireWrite(principal, ResourceType.TEMPLATE, current.ownerPrincipalId(), id);
            Posts.expectVersion("template", id, current.version(), draft.expectedVersion());
            requireUniqueName(tx, current.ownerPrincipalId(), draft.name().strip(), Optional.of(id));
            return tx.templates()
                    .update(new PostTemplate(
                            id,
                            current.ownerPrincipalId(),
                            draft.name().strip(),
                            draft.description(),
                            draft.body(),
                            channel,
                            draft.constraints(),
                            current.createdAt(),
                            rt.now(),
                            current.version()));
        });
    }

    /**
     * One template.
     *
     * @param principal the acting principal
     * @param id the template's id
     * @return the template
     * @throws NotFoundException when the template does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not read the template
     * @throws io.luxaris.StorageException when the storage fails
     */
    public PostTemplate get(Principal principal, TemplateId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        PostTemplate template = rt.storage().readOnly(tx -> find(tx, id));
        rt.requireRead(principal, ResourceType.TEMPLATE, template.ownerPrincipalId(), id);
        return template;
    }

    /**
     * The principal's templates (those its policy lets it see), by name.
     *
     * @param principal the acting principal
     * @return the templates
     * @throws io.luxaris.StorageException when the storage fails
     */
    public List<PostTemplate> list(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        var scope = rt.access().readableOwners(principal, ResourceType.TEMPLATE);
        return rt.storage().readOnly(tx -> tx.templates().list(scope));
    }

    /**
     * Deletes a template; what was made from it stays.
     *
     * @param principal the acting principal
     * @param id the template's id
     * @throws NotFoundException when the template does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not change the template
     * @throws io.luxaris.StorageException when the storage fails
     */
    public void delete(Principal principal, TemplateId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        rt.storage().inTransaction(tx -> {
            PostTemplate template = find(tx, id);
            rt.requireWrite(principal, ResourceType.TEMPLATE, template.ownerPrincipalId(), id);
            tx.templates().delete(id);
            return null;
        });
    }

    /**
     * The placeholder names of a template (variables and sections).
     *
     * @param principal the acting principal
     * @param id the template's id
     * @return the names, such as {@code product} and {@code version}
     * @throws NotFoundException when the template does not exist
     * @throws io.luxaris.AccessDeniedException when the principal may not read the template
     * @throws io.luxaris.StorageException when the storage fails
     */
    public Set<String> placeholders(Principal principal, TemplateId id) {
        PostTemplate template = get(principal, id);
        return compile(template.body(), "body").placeholders();
    }

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
     * @throws io.luxaris.AccessDeniedException when the principal may not read the template
     * @throws io.luxaris.StorageException when the storage fails
     */
    public String render(Principal principal, TemplateId id, Map<String, String> values) {
        PostTemplate template = get(principal, id);
        return render(template, values);
    }

    String render(PostTemplate template, Map<String, String> given) {
        var v = Validation.start();
        Map<String, String> values = Args.snapshot(given);
        if (v.required("values", given)) {
            v.map("values", values, Limits.TEMPLATE_VALUES, Limits.METADATA_KEY, Limits.TEMPLATE_VALUE);
        }
        v.throwIfInvalid();
        var rendered = compile(template.body(), "body").render(values, "values");
        if (!rendered.ok()) {
            throw new ValidationException(rendered.violations());
        }
        return Objects.requireNonNull(rendered.text());
    }

    private static TemplateText compile(String body, String field) {
        var result = TemplateText.compile(body, field);
        if (!result.ok()) {
            throw new ValidationException(result.violations());
        }
        return Objects.requireNonNull(result.template());
    }

    private Optional<ChannelId> validate(TemplateDraft draft) {
        var v = Validation.start();
        v.text("name", draft.name(), Limits.TEMPLATE_NAME);
        if (draft.name() != null
                && !draft.name().isBlank()
                && !NAME.matcher(draft.name().strip()).matches()) {
            v.add(
                    "name",
                    "pattern",
                    "must start with a letter or digit and use letters, digits, spaces, '_', '.', ':' or '-'");
        }
        draft.description().ifPresent(d -> v.maxLength("description", d, Limits.TEMPLATE_DESCRIPTION));
        v.text("body", draft.body(), Limits.TEMPLATE_BODY);
        if (v.ok()) {
            v.addAll(TemplateText.compile(draft.body(), "body").violations());
        }
        Optional<ChannelId> channel = Optional.empty();
        if (draft.defaultChannel().isPresent()) {
            try {
                channel = Optional.of(rt.requireChannel(draft.defaultChannel().get(), "defaultChannel")
                        .channel()
                        .id());
            } catch (ValidationException e) {
                v.addAll(e.violations());
            }
        }
        TemplateConstraints c = draft.constraints();
        c.maxLength().ifPresent(max -> v.range("constraints.maxLength", max, 1, Limits.VARIANT_CONTENT));
        c.defaultTone().ifPresent(t -> v.text("constraints.defaultTone", t, Limits.TONE));
        v.maxSize("constraints.tonePresets", c.tonePresets(), 20);
        for (int i = 0; i < c.tonePresets().size(); i++) {
            v.text("constraints.tonePresets[" + i + "]", c.tonePresets().get(i), Limits.TONE);
        }
        v.throwIfInvalid();
        return channel;
    }

    private static void requireUniqueName(Transaction tx, String owner, String name, Optional<TemplateId> self) {
        tx.templates().findByName(owner, name).ifPresent(existing -> {
            if (self.isEmpty() || !existing.id().equals(self.get())) {
                throw ValidationException.of("name", "unique", "a template named '" + name + "' already exists");
            }
        });
    }

    PostTemplate find(Transaction tx, TemplateId id) {
        return tx.templates().find(id).orElseThrow(() -> new NotFoundException("template", id));
    }
}
