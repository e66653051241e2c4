package io.luxaris.spi.channel;

import io.luxaris.util.Args;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a lookup found out about an attempt whose outcome was unknown. */
public sealed interface LookupResult {
    /**
     * The post is on the platform.
     *
     * <p>{@code checkpoint} is what the publish would have left had its answer arrived: the same entries a {@link
     * PublishOutcome.Published} of this publisher carries (such as the ids of every part of an in-call thread the
     * lookup found). The engine stores it merged over the attempt's checkpoint (its entries replace those with the
     * same key, the others stay), so the follow-ups hanging on this post see it in {@link PublishedPart#checkpoint()}.
     * Empty when the publisher keeps nothing there.
     *
     * @param externalId the platform's id of the post
     * @param url the post's URL, when known
     * @param checkpoint the publisher's state of the found post, as a published outcome would carry it
     */
    record Found(String externalId, Optional<String> url, Map<String, String> checkpoint) implements LookupResult {
        /**
         * Checks the components and copies the checkpoint (in its order).
         *
         * @param externalId the platform's id of the post
         * @param url the post's URL, when known
         * @param checkpoint the publisher's state of the found post, as a published outcome would carry it
         */
        public Found {
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(url, "url");
            checkpoint = Args.orderedCopy(checkpoint, "checkpoint");
        }

        /**
         * A found post without a checkpoint.
         *
         * @param externalId the platform's id of the post
         * @param url the post's URL, when known
         */
        public Found(String externalId, Optional<String> url) {
            this(externalId, url, Map.of());
        }
    }

    /** The platform certainly does not have the post: safe to try again. */
    record Absent() implements LookupResult {}

    /**
     * Still unknown (lookup failed or inconclusive): the schedule stays unconfirmed.
     *
     * @param reason why, safe to show
     */
    record Unknown(String reason) implements LookupResult {
        /**
         * Checks the reason is set.
         *
         * @param reason why, safe to show
         */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
