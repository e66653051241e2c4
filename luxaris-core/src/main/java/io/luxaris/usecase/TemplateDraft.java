package io.luxaris.usecase;

import io.luxaris.domain.TemplateConstraints;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A template: a name unique per owner, a description, a Mustache body ({@code {{placeholder}}} variables, and
 * {@code {{#name}}...{{/name}}} sections shown only when {@code name} has a value), an optional default channel key
 * and constraints. Used to create and to update (with an optional expected version).
 */
public record TemplateDraft(
        String name,
        Optional<String> description,
        String body,
        Optional<String> defaultChannel,
        TemplateConstraints constraints,
        OptionalLong expectedVersion) {
    public TemplateDraft {
        description = description == null ? Optional.empty() : description;
        defaultChannel = defaultChannel == null ? Optional.empty() : defaultChannel;
        constraints = constraints == null ? TemplateConstraints.none() : constraints;
        expectedVersion = expectedVersion == null ? OptionalLong.empty() : expectedVersion;
    }

    public static TemplateDraft of(String name, String body) {
        return new TemplateDraft(
                name, Optional.empty(), body, Optional.empty(), TemplateConstraints.none(), OptionalLong.empty());
    }

    public TemplateDraft withDescription(String value) {
        return new TemplateDraft(name, Optional.ofNullable(value), body, defaultChannel, constraints, expectedVersion);
    }

    public TemplateDraft withDefaultChannel(String value) {
        return new TemplateDraft(name, description, body, Optional.ofNullable(value), constraints, expectedVersion);
    }

    public TemplateDraft withConstraints(TemplateConstraints value) {
        return new TemplateDraft(name, description, body, defaultChannel, value, expectedVersion);
    }

    public TemplateDraft withBody(String value) {
        return new TemplateDraft(name, description, value, defaultChannel, constraints, expectedVersion);
    }

    public TemplateDraft expectingVersion(long value) {
        return new TemplateDraft(name, description, body, defaultChannel, constraints, OptionalLong.of(value));
    }
}
