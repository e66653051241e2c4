package io.luxaris.domain;

import io.luxaris.internal.Args;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A reusable text pattern with {@code {{placeholders}}} (Mustache syntax), owned by a principal. */
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
