package io.luxaris.usecase;

import io.luxaris.domain.When;
import java.util.Objects;
import java.util.Optional;

/** What a person found out about an unconfirmed schedule. */
public sealed interface UnconfirmedResolution {
    /**
     * It is on the platform: record it as published.
     *
     * @param externalId the platform's id of the post
     * @param url the post's URL, or null
     * @return the resolution
     */
    static UnconfirmedResolution published(String externalId, String url) {
        return new Published(externalId, Optional.ofNullable(url));
    }

    /**
     * It is not on the platform: publish it again at {@code when}.
     *
     * @param when the time to publish again
     * @return the resolution
     */
    static UnconfirmedResolution republishAt(When when) {
        return new Republish(when);
    }

    /**
     * It is not on the platform and should not be: cancel the schedule.
     *
     * @return the resolution
     */
    static UnconfirmedResolution cancel() {
        return new Cancel();
    }

    /**
     * The post is on the platform.
     *
     * @param externalId the platform's id of the post
     * @param url the post's URL, when known
     */
    record Published(String externalId, Optional<String> url) implements UnconfirmedResolution {
        /**
         * Checks the URL is set (empty for none).
         *
         * @param externalId the platform's id of the post
         * @param url the post's URL, when known
         */
        public Published {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * The post is not on the platform: publish it again.
     *
     * @param when the time to publish again
     */
    record Republish(When when) implements UnconfirmedResolution {}

    /** The post is not on the platform and should not be. */
    record Cancel() implements UnconfirmedResolution {}
}
