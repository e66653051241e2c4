package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.MediaRef;
import io.luxaris.internal.Args;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new variant: the channel key, optionally the target connection, the content, follow-up thread parts, media,
 * tone and metadata.
 */
public record VariantDraft(
        String channel,
        Optional<ConnectionId> connection,
        String content,
        List<String> thread,
        List<MediaRef> media,
        Optional<String> tone,
        Map<String, String> metadata) {
    public VariantDraft {
        connection = connection == null ? Optional.empty() : connection;
        thread = Args.snapshot(thread);
        media = Args.snapshot(media);
        tone = tone == null ? Optional.empty() : tone;
        metadata = Args.snapshot(metadata);
    }

    public static VariantDraft of(String channel, String content) {
        return new VariantDraft(channel, Optional.empty(), content, List.of(), List.of(), Optional.empty(), Map.of());
    }

    public VariantDraft withConnection(ConnectionId value) {
        return new VariantDraft(channel, Optional.ofNullable(value), content, thread, media, tone, metadata);
    }

    public VariantDraft withThread(List<String> value) {
        return new VariantDraft(channel, connection, content, value, media, tone, metadata);
    }

    public VariantDraft withMedia(List<MediaRef> value) {
        return new VariantDraft(channel, connection, content, thread, value, tone, metadata);
    }

    public VariantDraft withTone(String value) {
        return new VariantDraft(channel, connection, content, thread, media, Optional.ofNullable(value), metadata);
    }

    public VariantDraft withMetadata(Map<String, String> value) {
        return new VariantDraft(channel, connection, content, thread, media, tone, value);
    }
}
