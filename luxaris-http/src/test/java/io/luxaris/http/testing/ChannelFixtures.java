package io.luxaris.http.testing;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.FollowUpTarget;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.PublishedPart;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The domain objects every channel adapter's tests publish with (through this module's test jar): a ready variant,
 * a connected account, a first publish request and a channel environment. Each adapter's {@code Fixtures} adds its
 * channel key, account and defaults.
 */
public final class ChannelFixtures {
    private ChannelFixtures() {}

    /** A ready, manually written variant for channel {@code channelKey}, created and updated at {@code at}. */
    public static PostVariant variant(
            String channelKey,
            String content,
            List<String> thread,
            List<MediaRef> media,
            Map<String, String> metadata,
            Instant at) {
        return new PostVariant(
                VariantId.random(),
                PostId.random(),
                ChannelId.forKey(channelKey),
                Optional.empty(),
                content,
                thread,
                media,
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.READY,
                metadata,
                at,
                at,
                Optional.empty(),
                0);
    }

    /** A connected account of channel {@code channelKey} owned by {@code owner}, created and updated at {@code at}. */
    public static ChannelConnection connection(
            String channelKey, String displayName, Map<String, String> properties, Instant at) {
        return new ChannelConnection(
                ConnectionId.random(),
                "owner",
                ChannelId.forKey(channelKey),
                displayName,
                ConnectionStatus.CONNECTED,
                Optional.empty(),
                properties,
                Optional.empty(),
                Optional.empty(),
                at,
                at,
                Optional.empty(),
                0);
    }

    /** The first attempt of a new schedule, without a checkpoint. */
    public static PublishRequest request(PostVariant variant, ChannelConnection connection) {
        return new PublishRequest(ScheduleId.random(), 1, variant, connection, Map.of());
    }

    /** The same schedule's next attempt (of a post or of a follow-up), with the checkpoint the engine kept. */
    public static PublishRequest retry(PublishRequest earlier, Map<String, String> checkpoint) {
        return new PublishRequest(
                earlier.scheduleId(),
                earlier.attempt() + 1,
                earlier.variant(),
                earlier.connection(),
                checkpoint,
                earlier.followUp());
    }

    /**
     * The first attempt of a follow-up's own schedule, as the engine hands it over: {@code variant}'s channel and
     * metadata with the follow-up's {@code text} as its content (no thread, no media), hanging on {@code target}.
     */
    public static PublishRequest followUp(
            PostVariant variant, ChannelConnection connection, String text, FollowUpTarget target) {
        PostVariant part = new PostVariant(
                VariantId.random(),
                variant.postId(),
                variant.channelId(),
                variant.connectionId(),
                text,
                List.of(),
                List.of(),
                Optional.empty(),
                variant.source(),
                VariantStatus.READY,
                variant.metadata(),
                variant.createdAt(),
                variant.updatedAt(),
                Optional.empty(),
                0);
        return new PublishRequest(ScheduleId.random(), 1, part, connection, Map.of(), Optional.of(target));
    }

    /** What a published outcome left for the follow-ups hanging on it: its id and its checkpoint. */
    public static PublishedPart part(PublishOutcome outcome) {
        if (!(outcome instanceof PublishOutcome.Published published)) {
            throw new AssertionError("expected a published outcome, got " + outcome);
        }
        return new PublishedPart(published.externalId(), published.checkpoint());
    }

    /** Follow-up {@code index} replying to {@code parent} of the post {@code root}. */
    public static FollowUpTarget reply(int index, PublishedPart root, PublishedPart parent) {
        return new FollowUpTarget(FollowUpKind.REPLY, index, root, parent);
    }

    /** Follow-up {@code index} commenting on the post {@code root} (after {@code parent}). */
    public static FollowUpTarget comment(int index, PublishedPart root, PublishedPart parent) {
        return new FollowUpTarget(FollowUpKind.COMMENT, index, root, parent);
    }

    /** An environment with {@code clock} and {@code media}. */
    public static ChannelEnvironment environment(Clock clock, MediaSource media) {
        return ChannelEnvironment.of(clock, media);
    }
}
