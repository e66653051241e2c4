package io.luxaris.usecase;

import io.luxaris.domain.TemplateConstraints;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A template: a name unique per owner, a description, a Mustache body ({@code {{placeholder}}} variables, and {@code
 * {{#name}}...{{/name}}} sections shown only when {@code name} has a value), an optional default channel key and
 * constraints. Used to create and to update (with an optional expected version).
 *
 * @param name the name, unique per owner
 * @param description what it is for
 * @param body the Mustache text
 * @param defaultChannel the key of the channel it is meant for
 * @param constraints what content made from it must respect
 * @param expectedVersion for an update: the version the template was read at
 */
public record TemplateDraft(
        String name,
        Optional<String> description,
        String body,
        Optional<String> defaultChannel,
        TemplateConstraints constraints,
        OptionalLong expectedVersion) {
    /**
     * Turns nulls into empty values and no constraints.
     *
     * @param name the name, unique per owner
     * @param description what it is for
     * @param body the Mustache text
     * @param defaultChannel the key of the channel it is meant for
     * @param constraints what content made from it must respect
     * @param expectedVersion for an update: the version the template was read at
     */
    public TemplateDraft {
        description = description == null ? Optional.empty() : description;
        defaultChannel = defaultChannel == null ? Optional.empty() : defaultChannel;
        constraints = constraints == null ? TemplateConstraints.none() : constraints;
        expectedVersion = expectedVersion == null ? OptionalLong.empty() : expectedVersion;
    }

    /**
     * A draft with a name and a body alone.
     *
     * @param name the name
     * @param body the Mustache text
     * @return the draft
     */
    public static TemplateDraft of(String name, String body) {
        return new TemplateDraft(
                name, Optional.empty(), body, Optional.empty(), TemplateConstraints.none(), OptionalLong.empty());
    }

    /**
     * This draft with a description.
     *
     * @param value the description; null: none
     * @return the changed copy
     */
    public TemplateDraft withDescription(String value) {
        return new TemplateDraft(name, Optional.ofNullable(value), body, defaultChannel, constraints, expectedVersion);
    }

    /**
     * This draft with a default channel.
     *
     * @param value the channel's key; null: none
     * @return the changed copy
     */
    public TemplateDraft withDefaultChannel(String value) {
        return new TemplateDraft(name, description, body, Optional.ofNullable(value), constraints, expectedVersion);
    }

    /**
     * This draft with constraints.
     *
     * @param value the constraints
     * @return the changed copy
     */
    public TemplateDraft withConstraints(TemplateConstraints value) {
        return new TemplateDraft(name, description, body, defaultChannel, value, expectedVersion);
    }

    /**
     * This draft with another body.
     *
     * @param value the Mustache text
     * @return the changed copy
     */
    public TemplateDraft withBody(String value) {
        return new TemplateDraft(name, description, value, defaultChannel, constraints, expectedVersion);
    }

    /**
     * This draft expecting a version (for an update).
     *
     * @param value the version the template was read at
     * @return the changed copy
     */
    public TemplateDraft expectingVersion(long value) {
        return new TemplateDraft(name, description, body, defaultChannel, constraints, OptionalLong.of(value));
    }
}
