package io.luxaris.domain;

import io.luxaris.domain.rules.Lifecycle;
import io.luxaris.internal.Args;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A group of AI generations around one intent. {@code channelErrors} maps a channel key to the safe message of
 * why generation failed for it; the suggestions obtained for other channels are kept.
 */
public record GenerationSession(
        GenerationSessionId id,
        String ownerPrincipalId,
        Optional<PostId> postId,
        Optional<TemplateId> templateId,
        String prompt,
        GenerationStatus status,
        Map<String, String> channelErrors,
        Instant createdAt,
        Instant updatedAt,
        long version) {
    public GenerationSession {
        Objects.requireNonNull(id, "id");
        Args.nonBlank(ownerPrincipalId, "ownerPrincipalId");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(status, "status");
        channelErrors = Args.orderedCopy(channelErrors, "channelErrors");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Args.notNegative(version, "version");
    }

    public GenerationSession finish(GenerationStatus to, Map<String, String> errors, Instant now) {
        if (to != status) {
            Lifecycle.requireGeneration(id, status, to);
        }
        return new GenerationSession(
                id, ownerPrincipalId, postId, templateId, prompt, to, errors, createdAt, now, version);
    }

    public GenerationSession withPost(PostId post, Instant now) {
        return new GenerationSession(
                id,
                ownerPrincipalId,
                Optional.of(post),
                templateId,
                prompt,
                status,
                channelErrors,
                createdAt,
                now,
                version);
    }
}
