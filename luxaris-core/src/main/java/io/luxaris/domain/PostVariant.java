package io.luxaris.domain;

import io.luxaris.errors.ConflictException;
import io.luxaris.util.Args;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The channel-specific form of a post: what is actually published. {@code thread} holds follow-up parts posted as
 * replies after {@code content} in the same publish (for channels with threads); {@code followUps} holds parts posted
 * later, each as a publish of its own (replies and first comments, see {@link FollowUp}). A published variant's
 * content and follow-ups never change.
 *
 * @param id the variant's id
 * @param postId the post it belongs to
 * @param channelId the channel it is written for
 * @param connectionId the account it is meant for, if chosen already
 * @param content the text of the first post
 * @param thread the thread parts posted with the first post, in order
 * @param followUps the parts posted after the post was published, each as its own publish, in order
 * @param media the attachments of the first post
 * @param tone the tone it was written in, if given
 * @param source where its content came from
 * @param status where it is in its lifecycle
 * @param metadata the host's own non-secret facts
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param publishedAt when it was published
 * @param version the optimistic-locking version
 */
public record PostVariant(
        VariantId id,
        PostId postId,
        ChannelId channelId,
        Optional<ConnectionId> connectionId,
        String content,
        List<String> thread,
        List<FollowUp> followUps,
        List<MediaRef> media,
        Optional<String> tone,
        VariantSource source,
        VariantStatus status,
        Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> publishedAt,
        long version) {
    /**
     * Checks the components and copies the collections.
     *
     * @param id the variant's id
     * @param postId the post it belongs to
     * @param channelId the channel it is written for
     * @param connectionId the account it is meant for, if chosen already
     * @param content the text of the first post
     * @param thread the thread parts posted with the first post, in order
     * @param followUps the parts posted after the post was published, in order
     * @param media the attachments of the first post
     * @param tone the tone it was written in, if given
     * @param source where its content came from
     * @param status where it is in its lifecycle
     * @param metadata the host's own non-secret facts
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param publishedAt when it was published
     * @param version the optimistic-locking version
     * @throws IllegalArgumentException when the version is negative
     */
    public PostVariant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(content, "content");
        thread = List.copyOf(thread);
        followUps = List.copyOf(followUps);
        media = List.copyOf(media);
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        metadata = Args.orderedCopy(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Args.notNegative(version, "version");
    }

    /**
     * A variant without follow-up parts.
     *
     * @param id the variant's id
     * @param postId the post it belongs to
     * @param channelId the channel it is written for
     * @param connectionId the account it is meant for, if chosen already
     * @param content the text of the first post
     * @param thread the thread parts posted with the first post, in order
     * @param media the attachments of the first post
     * @param tone the tone it was written in, if given
     * @param source where its content came from
     * @param status where it is in its lifecycle
     * @param metadata the host's own non-secret facts
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param publishedAt when it was published
     * @param version the optimistic-locking version
     * @throws IllegalArgumentException when the version is negative
     */
    public PostVariant(
            VariantId id,
            PostId postId,
            ChannelId channelId,
            Optional<ConnectionId> connectionId,
            String content,
            List<String> thread,
            List<MediaRef> media,
            Optional<String> tone,
            VariantSource source,
            VariantStatus status,
            Map<String, String> metadata,
            Instant createdAt,
            Instant updatedAt,
            Optional<Instant> publishedAt,
            long version) {
        this(
                id,
                postId,
                channelId,
                connectionId,
                content,
                thread,
                List.of(),
                media,
                tone,
                source,
                status,
                metadata,
                createdAt,
                updatedAt,
                publishedAt,
                version);
    }

    /** {@return the content followed by the thread parts} */
    public List<String> texts() {
        var all = new ArrayList<String>(1 + thread.size());
        all.add(content);
        all.addAll(thread);
        return all;
    }

    /**
     * What a follow-up part's own publish posts: this variant with the follow-up's text as its content, and no thread,
     * media or follow-ups.
     *
     * @param index the follow-up's number, from 0
     * @return the variant of that part
     * @throws IndexOutOfBoundsException when the variant has no such follow-up
     */
    public PostVariant followUpPart(int index) {
        FollowUp part = followUps.get(index);
        return new PostVariant(
                id,
                postId,
                channelId,
                connectionId,
                part.text(),
                List.of(),
                List.of(),
                List.of(),
                tone,
                source,
                status,
                metadata,
                createdAt,
                updatedAt,
                publishedAt,
                version);
    }

    /** {@return whether it is published (its content is final)} */
    public boolean isPublished() {
        return status == VariantStatus.PUBLISHED;
    }

    /**
     * This variant in another status; a published variant keeps its first {@code publishedAt}.
     *
     * @param to the new status
     * @param now the time of the change
     * @return the changed copy, or this variant when the status is the same
     * @throws io.luxaris.errors.ConflictException for a move the lifecycle forbids
     */
    public PostVariant withStatus(VariantStatus to, Instant now) {
        if (to == status) {
            return this;
        }
        Lifecycle.requireVariant(id, status, to);
        Optional<Instant> published =
                to == VariantStatus.PUBLISHED && publishedAt.isEmpty() ? Optional.of(now) : publishedAt;
        return new PostVariant(
                id,
                postId,
                channelId,
                connectionId,
                content,
                thread,
                followUps,
                media,
                tone,
                source,
                to,
                metadata,
                createdAt,
                now,
                published,
                version);
    }

    /**
     * This variant with new content.
     *
     * @param newContent the text of the first post
     * @param newThread the follow-up parts
     * @param newMedia the attachments
     * @param newTone the tone
     * @param newConnection the account it is meant for
     * @param newMetadata the metadata
     * @param now the time of the change
     * @return the changed copy
     * @throws io.luxaris.errors.ConflictException when the variant is published
     */
    public PostVariant withContent(
            String newContent,
            List<String> newThread,
            List<MediaRef> newMedia,
            Optional<String> newTone,
            Optional<ConnectionId> newConnection,
            Map<String, String> newMetadata,
            Instant now) {
        return withContent(newContent, newThread, followUps, newMedia, newTone, newConnection, newMetadata, now);
    }

    /**
     * This variant with new content and follow-up parts.
     *
     * @param newContent the text of the first post
     * @param newThread the thread parts
     * @param newFollowUps the follow-up parts
     * @param newMedia the attachments
     * @param newTone the tone
     * @param newConnection the account it is meant for
     * @param newMetadata the metadata
     * @param now the time of the change
     * @return the changed copy
     * @throws io.luxaris.errors.ConflictException when the variant is published
     */
    public PostVariant withContent(
            String newContent,
            List<String> newThread,
            List<FollowUp> newFollowUps,
            List<MediaRef> newMedia,
            Optional<String> newTone,
            Optional<ConnectionId> newConnection,
            Map<String, String> newMetadata,
            Instant now) {
        if (isPublished()) {
            throw new ConflictException("variant " + id + " is published; its content cannot change any more");
        }
        return new PostVariant(
                id,
                postId,
                channelId,
                newConnection,
                newContent,
                newThread,
                newFollowUps,
                newMedia,
                newTone,
                source,
                status,
                newMetadata,
                createdAt,
                now,
                publishedAt,
                version);
    }
}
