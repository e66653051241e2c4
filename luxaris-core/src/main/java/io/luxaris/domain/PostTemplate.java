package io.luxaris.domain;

import io.luxaris.util.Args;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A reusable text pattern with {@code {{placeholders}}} (Mustache syntax), owned by a principal.
 *
 * @param id the template's id
 * @param ownerPrincipalId the principal who created it
 * @param name its name, unique per owner
 * @param description what it is for
 * @param body the Mustache text
 * @param defaultChannelId the channel it is meant for, if any
 * @param constraints what content made from it must respect
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the optimistic-locking version
 */
public record PostTemplate(
        TemplateId id,
        String ownerPrincipalId,
        String name,
        Optional<String> description,
        String body,
        Optional<ChannelId> defaultChannelId,
        TemplateConstraints constraints,
        Instant createdAt,
        Instant updatedAt,
        long version) {
    /**
     * Checks the components.
     *
     * @param id the template's id
     * @param ownerPrincipalId the principal who created it
     * @param name its name, unique per owner
     * @param description what it is for
     * @param body the Mustache text
     * @param defaultChannelId the channel it is meant for, if any
     * @param constraints what content made from it must respect
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param version the optimistic-locking version
     * @throws IllegalArgumentException when the owner or name is blank or the version is negative
     */
    public PostTemplate {
        Objects.requireNonNull(id, "id");
        Args.nonBlank(ownerPrincipalId, "ownerPrincipalId");
        Args.nonBlank(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(defaultChannelId, "defaultChannelId");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Args.notNegative(version, "version");
    }
}
