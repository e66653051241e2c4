package io.luxaris.domain;

import io.luxaris.util.Args;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A group of AI generations around one intent. {@code channelErrors} maps a channel key to the safe message of why
 * generation failed for it; the suggestions obtained for other channels are kept.
 *
 * @param id the session's id
 * @param ownerPrincipalId the principal who asked for it
 * @param postId the post it generates for (set when a suggestion was accepted into a post, or asked for one)
 * @param templateId the template the prompt was rendered with, if any
 * @param prompt the intent given to the generator
 * @param status where the session is in its lifecycle
 * @param channelErrors per channel key, why generation failed for that channel (safe to show)
 * @param createdAt when it was started
 * @param updatedAt when it last changed
 * @param version the optimistic-locking version
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
    /**
     * Checks the components and copies the errors.
     *
     * @param id the session's id
     * @param ownerPrincipalId the principal who asked for it
     * @param postId the post it generates for (set when a suggestion was accepted into a post, or asked for one)
     * @param templateId the template the prompt was rendered with, if any
     * @param prompt the intent given to the generator
     * @param status where the session is in its lifecycle
     * @param channelErrors per channel key, why generation failed for that channel (safe to show)
     * @param createdAt when it was started
     * @param updatedAt when it last changed
     * @param version the optimistic-locking version
     * @throws IllegalArgumentException when the owner is blank or the version is negative
     */
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

    /**
     * This session finished (completed or aborted) with its per-channel errors.
     *
     * @param to the final status
     * @param errors per channel key, why generation failed for it
     * @param now the time of the change
     * @return the changed copy
     * @throws io.luxaris.errors.ConflictException when the session is already finished in another status
     */
    public GenerationSession finish(GenerationStatus to, Map<String, String> errors, Instant now) {
        if (to != status) {
            Lifecycle.requireGeneration(id, status, to);
        }
        return new GenerationSession(
                id, ownerPrincipalId, postId, templateId, prompt, to, errors, createdAt, now, version);
    }

    /**
     * This session linked to a post.
     *
     * @param post the post its suggestions go to
     * @param now the time of the change
     * @return the changed copy
     */
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
