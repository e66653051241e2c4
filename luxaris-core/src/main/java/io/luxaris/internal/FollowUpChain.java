package io.luxaris.internal;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.FollowUpLink;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.spi.channel.FollowUpTarget;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.PublishedPart;
import io.luxaris.spi.storage.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The chain of a variant's follow-up parts: each part is a schedule of its own (a follow-up schedule, {@link
 * Schedule#followUpOf()}), created when the part before it is published, due that long after it. The variant's own
 * schedule is the root; nothing here runs for variants without follow-ups.
 */
public final class FollowUpChain {
    /** The code of a follow-up the channel does not (or no longer) declares. */
    public static final String UNSUPPORTED = "follow_up_unsupported";
    /** The code of a follow-up whose part before it is not published (or whose variant lost the part). */
    public static final String BROKEN = "follow_up_broken";

    private FollowUpChain() {}

    /**
     * The schedule of the part after {@code done}, which was just published at {@code publishedAt}: pending, due after
     * the next follow-up's delay. Empty when {@code done} was the last part (or the variant has no follow-ups).
     *
     * @param done the schedule that was published
     * @param variant its variant
     * @param publishedAt when it was published
     * @return the new schedule, not yet stored
     */
    public static Optional<Schedule> next(Schedule done, PostVariant variant, Instant publishedAt) {
        List<FollowUp> parts = variant.followUps();
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        int index = done.followUpOf().map(l -> l.index() + 1).orElse(0);
        if (index >= parts.size()) {
            return Optional.empty();
        }
        var root = done.followUpOf().map(FollowUpLink::root).orElse(done.id());
        var link = new FollowUpLink(root, done.id(), index);
        return Optional.of(
                Schedule.followUp(done, link, publishedAt.plus(parts.get(index).delay()), publishedAt));
    }

    /** A follow-up's publish request, or why it cannot be sent (a permanent failure). */
    public record Prepared(Optional<PublishRequest> request, Optional<PublishOutcome.Failed> refused) {}

    /**
     * The publish request of a follow-up schedule: the part's text as the variant's content, with the {@link
     * FollowUpTarget} of its root and parent (read in one read-only transaction). Refused permanently when the
     * channel does not declare the part's kind ({@value #UNSUPPORTED}) or the parts before it are not published
     * ({@value #BROKEN}).
     *
     * @param rt the runtime
     * @param schedule the follow-up schedule
     * @param attempt the attempt number
     * @param variant its variant (with the follow-ups)
     * @param connection the account
     * @param channel the channel
     * @return the request, or the refusal
     */
    public static Prepared request(
            CoreRuntime rt,
            Schedule schedule,
            int attempt,
            PostVariant variant,
            ChannelConnection connection,
            RegisteredChannel channel) {
        FollowUpLink link = schedule.followUpOf().orElseThrow();
        if (link.index() >= variant.followUps().size()) {
            return refused(BROKEN, "the variant has no follow-up number " + link.index());
        }
        FollowUp part = variant.followUps().get(link.index());
        if (!channel.provider().descriptor().supports(part.kind())) {
            return refused(
                    UNSUPPORTED,
                    channel.channel().name() + " does not post follow-ups of kind "
                            + part.kind().wireName());
        }
        Map<String, Optional<Schedule>> found =
                rt.storage().readOnly(tx -> Map.of("root", find(tx, link.root()), "parent", find(tx, link.parent())));
        Optional<PublishedPart> root = published(Objects.requireNonNull(found.get("root")));
        Optional<PublishedPart> parent = published(Objects.requireNonNull(found.get("parent")));
        if (root.isEmpty() || parent.isEmpty()) {
            return refused(BROKEN, "the part before follow-up " + link.index() + " is not published");
        }
        var target = new FollowUpTarget(part.kind(), link.index(), root.get(), parent.get());
        return new Prepared(
                Optional.of(new PublishRequest(
                        schedule.id(),
                        attempt,
                        variant.followUpPart(link.index()),
                        connection,
                        schedule.checkpoint(),
                        Optional.of(target))),
                Optional.empty());
    }

    private static Optional<Schedule> find(Transaction tx, io.luxaris.domain.ScheduleId id) {
        return tx.schedules().find(id);
    }

    private static Optional<PublishedPart> published(Optional<Schedule> s) {
        return s.filter(x -> x.status() == ScheduleStatus.SUCCESS
                        && x.externalPostId().isPresent())
                .map(x -> new PublishedPart(x.externalPostId().get(), x.checkpoint()));
    }

    private static Prepared refused(String code, String message) {
        return new Prepared(Optional.empty(), Optional.of(PublishOutcome.failed(FailureKind.REJECTED, code, message)));
    }
}
