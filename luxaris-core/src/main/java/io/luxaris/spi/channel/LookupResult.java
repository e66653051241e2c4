package io.luxaris.spi.channel;

import java.util.Objects;
import java.util.Optional;

/** What a lookup found out about an attempt whose outcome was unknown. */
public sealed interface LookupResult {
    /**
     * The post is on the platform.
     *
     * @param externalId the platform's id of the post
     * @param url the post's URL, when known
     */
    record Found(String externalId, Optional<String> url) implements LookupResult {
        /**
         * Checks the components are set.
         *
         * @param externalId the platform's id of the post
         * @param url the post's URL, when known
         */
        public Found {
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(url, "url");
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
