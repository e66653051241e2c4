package io.luxaris.benchmarks.jmh;

import io.luxaris.Luxaris;
import io.luxaris.channels.x.XChannel;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Luxaris instance on the in-memory storage with the no-op channel, X (dry run: it never sends) and a settable
 * clock, and the few steps the benchmarks repeat: connect accounts, write drafts, schedule them. Everything goes
 * through the public facade, as a host application would. Unless a method names a channel, it is the no-op one.
 */
final class Fixture implements AutoCloseable {
    /** A Tuesday morning; the benchmarks' "now" until they move the clock. */
    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    final SettableClock clock = SettableClock.at(START);
    final Principal owner = Principal.of("bench");
    final InMemoryStorage storage = InMemoryStorage.create();
    final Luxaris luxaris;
    final List<ChannelConnection> connections = new ArrayList<>();

    Fixture(EngineSettings engine) {
        this(engine, NoopChannel.create());
    }

    /** With {@code noop} as the no-op channel (it may look every post up). */
    Fixture(EngineSettings engine, io.luxaris.spi.channel.ChannelProvider noop) {
        luxaris = Luxaris.builder()
                .storage(storage)
                .channel(noop)
                .channel(XChannel.builder().dryRun().build())
                .clock(clock)
                .rules(SchedulingRules.defaults())
                .engine(engine)
                .instanceId("bench")
                .random(new SplittableRandom(42))
                .build();
    }

    Fixture() {
        this(EngineSettings.defaults());
    }

    /** Connects {@code count} accounts of the no-op channel. */
    Fixture connect(int count) {
        return connect(NoopChannel.KEY, count);
    }

    /** Connects {@code count} accounts of a channel. */
    Fixture connect(String channel, int count) {
        for (int i = 0; i < count; i++) {
            connections.add(luxaris.channels()
                    .connect(owner, ConnectionRequest.of(channel, "@acct" + i, Credentials.bearer("token-" + i))));
        }
        return this;
    }

    /** A new post with one no-op variant. */
    PostVariant draft(String text) {
        return draft(NoopChannel.KEY, text);
    }

    /** A new post with one variant for a channel. */
    PostVariant draft(String channel, String text) {
        return luxaris.posts()
                .create(owner, PostDraft.of(text).withVariant(VariantDraft.of(channel, text)))
                .firstVariant();
    }

    /** {@code count} new posts, one variant each. */
    List<PostVariant> drafts(int count) {
        var out = new ArrayList<PostVariant>(count);
        for (int i = 0; i < count; i++) {
            out.add(draft("Benchmark post " + i + " with a link https://example.com/p/" + i));
        }
        return out;
    }

    Schedule schedule(PostVariant variant, ChannelConnection connection, Instant at) {
        return luxaris.schedules().schedule(owner, ScheduleRequest.at(variant.id(), connection.id(), at));
    }

    /**
     * {@code count} posts scheduled round-robin over the connections, the i-th at {@code first + i * step} (so
     * consecutive schedules in run-time order belong to different connections).
     */
    List<Schedule> scheduleMany(int count, Instant first, Duration step) {
        var out = new ArrayList<Schedule>(count);
        for (int i = 0; i < count; i++) {
            PostVariant v = draft("Benchmark post " + i + " with a link https://example.com/p/" + i);
            out.add(schedule(v, connections.get(i % connections.size()), first.plus(step.multipliedBy(i))));
        }
        return out;
    }

    @Override
    public void close() {
        luxaris.close();
    }
}
