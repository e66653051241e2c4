package io.luxaris.http.internal;

import io.luxaris.domain.FollowUpKind;
import io.luxaris.spi.channel.FollowUpTarget;
import io.luxaris.spi.channel.PublishedPart;
import java.util.TreeMap;

/**
 * What a follow-up publish (a reply or a comment posted after a variant's post, {@link FollowUpTarget}) hangs on, in
 * the terms the adapters share. On the channels where a comment is a reply (X, Mastodon, Bluesky, Threads) a comment
 * replies to the variant's own post (its first part), and a reply replies to the part before it: the last part of
 * that part's in-call thread, which the adapter's own publish left in its checkpoint as numbered entries ({@code
 * x.part.0}, {@code x.part.1}...), else the part's external id.
 */
public final class FollowUps {
    private FollowUps() {}

    /**
     * The part a follow-up hangs on: the variant's own post for a comment, the part before it for a reply.
     *
     * @param target the follow-up's target
     * @return that part
     */
    public static PublishedPart hangsOn(FollowUpTarget target) {
        return target.kind() == FollowUpKind.COMMENT ? target.root() : target.parent();
    }

    /**
     * The platform id a follow-up replies to: for a comment, the variant's own post ({@code root}'s external id, its
     * first part); for a reply, the last thread part {@code parent}'s publish recorded under {@code prefix}, else
     * {@code parent}'s external id.
     *
     * @param target the follow-up's target
     * @param prefix the adapter's checkpoint prefix of thread parts, such as {@code x.part.}
     * @return the id to reply to
     */
    public static String replyTo(FollowUpTarget target, String prefix) {
        return replyTo(target, prefix, "");
    }

    /**
     * {@link #replyTo(FollowUpTarget, String)} for adapters whose checkpoint keeps several entries per part: the ids
     * are the entries {@code prefix + N + suffix} (such as {@code bluesky.part.1.uri}).
     *
     * @param target the follow-up's target
     * @param prefix the adapter's checkpoint prefix of thread parts, such as {@code bluesky.part.}
     * @param suffix what follows the part number in the key of a part's id, such as {@code .uri}
     * @return the id to reply to
     */
    public static String replyTo(FollowUpTarget target, String prefix, String suffix) {
        if (target.kind() == FollowUpKind.COMMENT) {
            return target.root().externalId();
        }
        PublishedPart parent = target.parent();
        TreeMap<Integer, String> parts = Checkpoints.numbered(parent.checkpoint(), prefix, suffix);
        return parts.isEmpty() ? parent.externalId() : parts.lastEntry().getValue();
    }

    /**
     * The follow-up named for messages and previews, with the id it hangs on: {@code follow-up 2 (a reply to 123)},
     * {@code follow-up 1 (a comment on 123)}.
     *
     * @param target the follow-up's target
     * @param id the id it replies to or comments on
     * @return the label
     */
    public static String label(FollowUpTarget target, String id) {
        return "follow-up " + (target.index() + 1) + " ("
                + (target.kind() == FollowUpKind.COMMENT ? "a comment on " : "a reply to ") + id + ")";
    }
}
