package io.luxaris.http.testing;

import io.luxaris.Luxaris;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Schedule;
import io.luxaris.spi.security.Principal;
import io.luxaris.usecase.PostDetails;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Instant;

/**
 * How the adapters' engine tests put a post on an account's schedule (through this module's test jar): a new post
 * whose only variant is the one given, scheduled through the facade as a host would.
 */
public final class EngineSchedules {
    private EngineSchedules() {}

    /**
     * Creates a post titled {@code title} with {@code variant} as its only variant, and schedules that variant on
     * {@code account} at {@code at}.
     *
     * @return the pending schedule
     */
    public static Schedule schedule(
            Luxaris luxaris, Principal owner, String title, VariantDraft variant, ConnectionId account, Instant at) {
        PostDetails post = luxaris.posts().create(owner, PostDraft.of(title).withVariant(variant));
        return luxaris.schedules()
                .schedule(owner, ScheduleRequest.at(post.firstVariant().id(), account, at));
    }
}
