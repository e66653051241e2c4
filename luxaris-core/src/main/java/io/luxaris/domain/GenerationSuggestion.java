package io.luxaris.domain;

import io.luxaris.internal.Args;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One generated candidate for one channel. {@code metadata} keeps what makes it auditable: generator, model,
 * token usage, latency, and {@code truncated=true} when Luxaris had to cut it to fit the channel.
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
    public static final String TRUNCATED = "truncated";

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

    public boolean truncated() {
        return "true".equals(metadata.get(TRUNCATED));
    }

    public GenerationSuggestion markAccepted() {
        return new GenerationSuggestion(id, sessionId, channelId, content, score, true, metadata, createdAt, version);
    }
}
