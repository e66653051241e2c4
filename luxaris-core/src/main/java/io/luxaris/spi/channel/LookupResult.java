package io.luxaris.spi.channel;

import java.util.Objects;
import java.util.Optional;

/** What a lookup found out about an attempt whose outcome was unknown. */
public sealed interface LookupResult {
    /** The post is on the platform. */
    record Found(String externalId, Optional<String> url) implements LookupResult {
        public Found {
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(url, "url");
        }
    }

    /** The platform certainly does not have the post: safe to try again. */
    record Absent() implements LookupResult {}

    /** Still unknown (lookup failed or inconclusive): the schedule stays unconfirmed. */
    record Unknown(String reason) implements LookupResult {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
