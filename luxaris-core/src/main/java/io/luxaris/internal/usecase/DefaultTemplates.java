package io.luxaris.internal.usecase;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.Limits;
import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.TemplateConstraints;
import io.luxaris.domain.TemplateId;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.TemplateText;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.usecase.TemplateDraft;
import io.luxaris.usecase.Templates;
import io.luxaris.util.Args;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@link Templates} of an instance, built by the facade. */
public final class DefaultTemplates implements Templates {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]*");

    private final CoreRuntime rt;

    public DefaultTemplates(CoreRuntime rt) {
        this.rt = Objects.requireNonNull(rt, "rt");
    }

    @Override
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

    @Override
    public PostTemplate update(Principal principal, TemplateId id, TemplateDraft draft) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(draft, "draft");
        Optional<ChannelId> channel = validate(draft);
        return rt.storage().inTransaction(tx -> {
            PostTemplate current = find(tx, id);
            rt.requireWrite(principal, ResourceType.TEMPLATE, current.ownerPrincipalId(), id);
            DefaultPosts.expectVersion("template", id, current.version(), draft.expectedVersion());
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

    @Override
    public PostTemplate get(Principal principal, TemplateId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        PostTemplate template = rt.storage().readOnly(tx -> find(tx, id));
        rt.requireRead(principal, ResourceType.TEMPLATE, template.ownerPrincipalId(), id);
        return template;
    }

    @Override
    public List<PostTemplate> list(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        var scope = rt.access().readableOwners(principal, ResourceType.TEMPLATE);
        return rt.storage().readOnly(tx -> tx.templates().list(scope));
    }

    @Override
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

    @Override
    public Set<String> placeholders(Principal principal, TemplateId id) {
        PostTemplate template = get(principal, id);
        return compile(template.body(), "body").placeholders();
    }

    @Override
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
