package io.luxaris;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.spi.security.Principal;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Instant;

/** Small helpers for tests that drive a Luxaris instance. */
public final class Fixtures {
    private Fixtures() {}

    public static ChannelConnection connect(Luxaris luxaris, Principal owner, String channel, String name) {
        return luxaris.channels()
                .connect(owner, ConnectionRequest.of(channel, name, Credentials.bearer("token-of-" + name)));
    }

    public static PostVariant draft(Luxaris luxaris, Principal owner, String channel, String text) {
        return luxaris.posts()
                .create(owner, PostDraft.of(text).withVariant(VariantDraft.of(channel, text)))
                .firstVariant();
    }

    public static Schedule schedule(
            Luxaris luxaris, Principal owner, PostVariant variant, ChannelConnection c, Instant at) {
        return luxaris.schedules().schedule(owner, ScheduleRequest.at(variant.id(), c.id(), at));
    }
}
