package io.luxaris.domain;

import io.luxaris.util.Args;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One generated candidate for one channel. {@code metadata} keeps what makes it auditable: generator, model, token
 * usage, latency, and {@code truncated=true} when Luxaris had to cut it to fit the channel.
 *
 * @param id the suggestion's id
 * @param sessionId the session it belongs to
 * @param channelId the channel it was made for
 * @param content the text, fitted to the channel's limit
 * @param score the generator's score, when it gives one
 * @param accepted whether it was accepted into a post
 * @param metadata generator, model, usage, latency, {@value #TRUNCATED}...
 * @param createdAt when it was generated
 * @param version the optimistic-locking version
 */
public record GenerationSuggestion(
        SuggestionId id,
        GenerationSessionId sessionId,
        ChannelId channelId,
        String content,
        OptionalDouble score,
        boolean accepted,
        Map<String, String> metadata,
        Instant createdAt,
        long version) {
    /** The metadata key that is {@code true} when Luxaris cut the text to fit the channel. */
    public static final String TRUNCATED = "truncated";

    /**
     * Checks the components and copies the metadata.
     *
     * @param id the suggestion's id
     * @param sessionId the session it belongs to
     * @param channelId the channel it was made for
     * @param content the text, fitted to the channel's limit
     * @param score the generator's score, when it gives one
     * @param accepted whether it was accepted into a post
     * @param metadata generator, model, usage, latency, {@value #TRUNCATED}...
     * @param createdAt when it was generated
     * @param version the optimistic-locking version
     * @throws IllegalArgumentException when the version is negative
     */
    public GenerationSuggestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(score, "score");
        metadata = Args.orderedCopy(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        Args.notNegative(version, "version");
    }

    /** {@return whether Luxaris cut the text to fit the channel} */
    public boolean truncated() {
        return "true".equals(metadata.get(TRUNCATED));
    }

    /** {@return this suggestion marked accepted} */
    public GenerationSuggestion markAccepted() {
        return new GenerationSuggestion(id, sessionId, channelId, content, score, true, metadata, createdAt, version);
    }
}
