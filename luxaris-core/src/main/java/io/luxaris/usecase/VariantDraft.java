package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.MediaRef;
import io.luxaris.util.Args;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new variant: the channel key, optionally the target connection, the content, follow-up thread parts, media, tone
 * and metadata, and the follow-up parts posted after the post (replies and first comments, each its own publish).
 *
 * @param channel the channel's key
 * @param connection the account it is meant for
 * @param content the text of the first post
 * @param thread the follow-up parts
 * @param media the attachments
 * @param tone the tone it is written in
 * @param metadata the host's facts
 * @param followUps the parts posted after the post was published, in order (see {@link FollowUp})
 */
public record VariantDraft(
        String channel,
        Optional<ConnectionId> connection,
        String content,
        List<String> thread,
        List<MediaRef> media,
        Optional<String> tone,
        Map<String, String> metadata,
        List<FollowUp> followUps) {
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
     * @param followUps the parts posted after the post was published
     */
    public VariantDraft {
        connection = connection == null ? Optional.empty() : connection;
        thread = Args.snapshot(thread);
        media = Args.snapshot(media);
        tone = tone == null ? Optional.empty() : tone;
        metadata = Args.snapshot(metadata);
        followUps = Args.snapshot(followUps);
    }

    /**
     * A draft without follow-up parts.
     *
     * @param channel the channel's key
     * @param connection the account it is meant for
     * @param content the text of the first post
     * @param thread the thread parts posted with it
     * @param media the attachments
     * @param tone the tone it is written in
     * @param metadata the host's facts
     */
    public VariantDraft(
            String channel,
            Optional<ConnectionId> connection,
            String content,
            List<String> thread,
            List<MediaRef> media,
            Optional<String> tone,
            Map<String, String> metadata) {
        this(channel, connection, content, thread, media, tone, metadata, List.of());
    }

    /**
     * This draft with follow-up parts, posted after the post is published (each after its delay).
     *
     * @param value the follow-ups, in order
     * @return the changed draft
     */
    public VariantDraft withFollowUps(List<FollowUp> value) {
        return new VariantDraft(channel, connection, content, thread, media, tone, metadata, value);
    }

    /**
     * A variant with content alone.
     *
     * @param channel the channel's key
     * @param content the text
     * @return the draft
     */
    public static VariantDraft of(String channel, String content) {
        return new VariantDraft(
                channel, Optional.empty(), content, List.of(), List.of(), Optional.empty(), Map.of(), List.of());
    }

    /**
     * This draft meant for a connection.
     *
     * @param value the connection; null: none
     * @return the changed copy
     */
    public VariantDraft withConnection(ConnectionId value) {
        return new VariantDraft(channel, Optional.ofNullable(value), content, thread, media, tone, metadata, followUps);
    }

    /**
     * This draft with follow-up parts.
     *
     * @param value the parts, in order
     * @return the changed copy
     */
    public VariantDraft withThread(List<String> value) {
        return new VariantDraft(channel, connection, content, value, media, tone, metadata, followUps);
    }

    /**
     * This draft with attachments.
     *
     * @param value the attachments
     * @return the changed copy
     */
    public VariantDraft withMedia(List<MediaRef> value) {
        return new VariantDraft(channel, connection, content, thread, value, tone, metadata, followUps);
    }

    /**
     * This draft with a tone.
     *
     * @param value the tone; null: none
     * @return the changed copy
     */
    public VariantDraft withTone(String value) {
        return new VariantDraft(
                channel, connection, content, thread, media, Optional.ofNullable(value), metadata, followUps);
    }

    /**
     * This draft with metadata.
     *
     * @param value the host's facts
     * @return the changed copy
     */
    public VariantDraft withMetadata(Map<String, String> value) {
        return new VariantDraft(channel, connection, content, thread, media, tone, value, followUps);
    }
}
