package io.luxaris.usecase;

import io.luxaris.domain.When;
import java.util.Objects;
import java.util.Optional;

/** What a person found out about an unconfirmed schedule. */
public sealed interface UnconfirmedResolution {
    /** It is on the platform: record it as published. */
    static UnconfirmedResolution published(String externalId, String url) {
        return new Published(externalId, Optional.ofNullable(url));
    }

    /** It is not on the platform: publish it again at {@code when}. */
    static UnconfirmedResolution republishAt(When when) {
        return new Republish(when);
    }

    /** It is not on the platform and should not be: cancel the schedule. */
    static UnconfirmedResolution cancel() {
        return new Cancel();
    }

    record Published(String externalId, Optional<String> url) implements UnconfirmedResolution {
        public Published {
            Objects.requireNonNull(url, "url");
        }
    }

    record Republish(When when) implements UnconfirmedResolution {}

    record Cancel() implements UnconfirmedResolution {}
}
