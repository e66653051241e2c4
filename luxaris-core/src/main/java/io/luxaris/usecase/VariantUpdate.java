package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.util.Args;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * New content of a variant (replaces every field). With {@code expectedVersion} the update fails with a {@code
 * ConflictException} if someone changed the variant since that version was read.
 *
 * @param content the text of the first post
 * @param thread the follow-up parts
 * @param media the attachments
 * @param tone the tone
 * @param connection the account it is meant for
 * @param metadata the host's facts
 * @param expectedVersion the version the variant was read at
 * @param followUps the new follow-up parts (see {@link FollowUp}); empty to keep the variant's as they are
 */
public record VariantUpdate(
        String content,
        List<String> thread,
        List<MediaRef> media,
        Optional<String> tone,
        Optional<ConnectionId> connection,
        Map<String, String> metadata,
        OptionalLong expectedVersion,
        Optional<List<FollowUp>> followUps) {
    /**
     * Takes snapshots of the collections; nulls mean empty.
     *
     * @param content the text of the first post
     * @param thread the follow-up parts
     * @param media the attachments
     * @param tone the tone
     * @param connection the account it is meant for
     * @param metadata the host's facts
     * @param expectedVersion the version the variant was read at
     * @param followUps the new follow-up parts; empty to keep the variant's
     */
    public VariantUpdate {
        thread = Args.snapshot(thread);
        media = Args.snapshot(media);
        tone = tone == null ? Optional.empty() : tone;
        connection = connection == null ? Optional.empty() : connection;
        metadata = Args.snapshot(metadata);
        expectedVersion = expectedVersion == null ? OptionalLong.empty() : expectedVersion;
        followUps = followUps == null ? Optional.empty() : followUps.map(Args::snapshot);
    }

    /**
     * An update that keeps the variant's follow-up parts.
     *
     * @param content the text of the first post
     * @param thread the thread parts
     * @param media the attachments
     * @param tone the tone
     * @param connection the account it is meant for
     * @param metadata the host's facts
     * @param expectedVersion the version the variant was read at
     */
    public VariantUpdate(
            String content,
            List<String> thread,
            List<MediaRef> media,
            Optional<String> tone,
            Optional<ConnectionId> connection,
            Map<String, String> metadata,
            OptionalLong expectedVersion) {
        this(content, thread, media, tone, connection, metadata, expectedVersion, Optional.empty());
    }

    /**
     * This update with other follow-up parts (replacing the variant's).
     *
     * @param value the parts, in order
     * @return the changed copy
     */
    public VariantUpdate withFollowUps(List<FollowUp> value) {
        return new VariantUpdate(
                content, thread, media, tone, connection, metadata, expectedVersion, Optional.ofNullable(value));
    }

    /**
     * Starts from the variant as it is, so only what you change differs.
     *
     * @param variant the variant as read
     * @return an update that changes nothing yet, expecting the variant's version
     */
    public static VariantUpdate from(PostVariant variant) {
        return new VariantUpdate(
                variant.content(),
                variant.thread(),
                variant.media(),
                variant.tone(),
                variant.connectionId(),
                variant.metadata(),
                OptionalLong.of(variant.version()),
                Optional.of(variant.followUps()));
    }

    /**
     * This update with other content.
     *
     * @param value the text of the first post
     * @return the changed copy
     */
    public VariantUpdate withContent(String value) {
        return new VariantUpdate(value, thread, media, tone, connection, metadata, expectedVersion, followUps);
    }

    /**
     * This update with other follow-up parts.
     *
     * @param value the parts
     * @return the changed copy
     */
    public VariantUpdate withThread(List<String> value) {
        return new VariantUpdate(content, value, media, tone, connection, metadata, expectedVersion, followUps);
    }

    /**
     * This update with other attachments.
     *
     * @param value the attachments
     * @return the changed copy
     */
    public VariantUpdate withMedia(List<MediaRef> value) {
        return new VariantUpdate(content, thread, value, tone, connection, metadata, expectedVersion, followUps);
    }
}
