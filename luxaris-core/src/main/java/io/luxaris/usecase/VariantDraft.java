package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.MediaRef;
import io.luxaris.util.Args;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new variant: the channel key, optionally the target connection, the content, follow-up thread parts, media, tone
 * and metadata.
 *
 * @param channel the channel's key
 * @param connection the account it is meant for
 * @param content the text of the first post
 * @param thread the follow-up parts
 * @param media the attachments
 * @param tone the tone it is written in
 * @param metadata the host's facts
 */
public record VariantDraft(
        String channel,
        Optional<ConnectionId> connection,
        String content,
        List<String> thread,
        List<MediaRef> media,
        Optional<String> tone,
        Map<String, String> metadata) {
    /**
     * Takes snapshots of the collections; nulls mean empty.
     *
     * @param channel the channel's key
     * @param connection the account it is meant for
     * @param content the text of the first post
     * @param thread the follow-up parts
     * @param media the attachments
     * @param tone the tone it is written in
     * @param metadata the host's facts
     */
    public VariantDraft {
        connection = connection == null ? Optional.empty() : connection;
        thread = Args.snapshot(thread);
        media = Args.snapshot(media);
        tone = tone == null ? Optional.empty() : tone;
        metadata = Args.snapshot(metadata);
    }

    /**
     * A variant with content alone.
     *
     * @param channel the channel's key
     * @param content the text
     * @return the draft
     */
    public static VariantDraft of(String channel, String content) {
        return new VariantDraft(channel, Optional.empty(), content, List.of(), List.of(), Optional.empty(), Map.of());
    }

    /**
     * This draft meant for a connection.
     *
     * @param value the connection; null: none
     * @return the changed copy
     */
    public VariantDraft withConnection(ConnectionId value) {
        return new VariantDraft(channel, Optional.ofNullable(value), content, thread, media, tone, metadata);
    }

    /**
     * This draft with follow-up parts.
     *
     * @param value the parts, in order
     * @return the changed copy
     */
    public VariantDraft withThread(List<String> value) {
        return new VariantDraft(channel, connection, content, value, media, tone, metadata);
    }

    /**
     * This draft with attachments.
     *
     * @param value the attachments
     * @return the changed copy
     */
    public VariantDraft withMedia(List<MediaRef> value) {
        return new VariantDraft(channel, connection, content, thread, value, tone, metadata);
    }

    /**
     * This draft with a tone.
     *
     * @param value the tone; null: none
     * @return the changed copy
     */
    public VariantDraft withTone(String value) {
        return new VariantDraft(channel, connection, content, thread, media, Optional.ofNullable(value), metadata);
    }

    /**
     * This draft with metadata.
     *
     * @param value the host's facts
     * @return the changed copy
     */
    public VariantDraft withMetadata(Map<String, String> value) {
        return new VariantDraft(channel, connection, content, thread, media, tone, value);
    }
}
