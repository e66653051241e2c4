package io.luxaris.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.FollowUpPart;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link Luxaris} engine on one channel for the adapters' "through the engine" tests (through this module's test
 * jar): built with the channel and a {@link SettableClock} (at the current time unless given), with one owner and one
 * account connected as a host would connect it. Closing it closes the engine, so a test holds it in
 * try-with-resources.
 */
public final class ChannelEngine implements AutoCloseable {
    /** How far ahead {@link #scheduleInAMinute} schedules and {@link #runDueInAMinute} moves the clock. */
    public static final Duration A_MINUTE = Duration.ofSeconds(60);

    private final SettableClock clock;
    private final Principal owner = Principal.of("owner");
    private final Luxaris luxaris;
    private final ConnectionId account;

    private ChannelEngine(ChannelProvider channel, SettableClock clock, ConnectionRequest connection) {
        this.clock = clock;
        this.luxaris = Luxaris.builder().channel(channel).clock(clock).build();
        try {
            this.account = luxaris.channels().connect(owner, connection).id();
        } catch (RuntimeException e) {
            luxaris.close();
            throw e;
        }
    }

    /** {@return an engine on {@code channel} whose owner has connected the account {@code connection} describes} */
    public static ChannelEngine start(ChannelProvider channel, ConnectionRequest connection) {
        return new ChannelEngine(channel, SettableClock.at(Instant.now()), connection);
    }

    /**
     * {@return an engine on {@code channel} and {@code clock} whose owner has connected the account {@code
     * connection} describes}
     */
    public static ChannelEngine start(ChannelProvider channel, SettableClock clock, ConnectionRequest connection) {
        return new ChannelEngine(channel, clock, connection);
    }

    /** {@return the engine} */
    public Luxaris luxaris() {
        return luxaris;
    }

    /** {@return the owner of the account and of the posts} */
    public Principal owner() {
        return owner;
    }

    /** {@return the engine's clock, which stands still until a test moves it} */
    public SettableClock clock() {
        return clock;
    }

    /** {@return the connected account} */
    public ConnectionId account() {
        return account;
    }

    /**
     * Creates a post titled {@code title} with {@code variant} as its only variant and schedules it on the account a
     * minute from now.
     *
     * @return the pending schedule
     */
    public Schedule scheduleInAMinute(String title, VariantDraft variant) {
        return schedule(title, variant, clock.instant().plus(A_MINUTE));
    }

    /**
     * Creates a post titled {@code title} with {@code variant} as its only variant and schedules it on the account at
     * {@code at}.
     *
     * @return the pending schedule
     */
    public Schedule schedule(String title, VariantDraft variant, Instant at) {
        return EngineSchedules.schedule(luxaris, owner, title, variant, account, at);
    }

    /**
     * Moves the clock a minute on and runs what is due once.
     *
     * @return what the run did
     */
    public RunReport runDueInAMinute() {
        clock.advance(A_MINUTE);
        return runDue();
    }

    /**
     * Runs what is due once, without moving the clock.
     *
     * @return what the run did
     */
    public RunReport runDue() {
        return luxaris.publishing().runDue();
    }

    /** {@return the connected account as stored now} */
    public ChannelConnection connection() {
        return luxaris.channels().get(owner, account);
    }

    /** {@return the schedule {@code id} as stored now} */
    public Schedule schedule(ScheduleId id) {
        return luxaris.schedules().get(owner, id);
    }

    /**
     * Asserts that the schedule {@code root} of a post with one follow-up went unanswered once and was then settled
     * by a lookup: it succeeded with {@code checkpointKey} at {@code checkpointValue} in its checkpoint, its events
     * are an unconfirmed and then a successful attempt, and its one follow-up part was published.
     *
     * @return that follow-up part, for further assertions
     */
    public FollowUpPart assertSettledByLookupWithOneFollowUp(
            ScheduleId root, String checkpointKey, String checkpointValue) {
        Schedule settled = schedule(root);
        assertThat(settled.status()).as("status of %s", settled).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(settled.checkpoint()).containsEntry(checkpointKey, checkpointValue);
        assertThat(luxaris.schedules().events(owner, root))
                .extracting(PublishEvent::status)
                .containsExactly(PublishEventStatus.UNCONFIRMED, PublishEventStatus.SUCCESS);
        var parts = luxaris.schedules().followUps(owner, root);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).state()).as("state of %s", parts.get(0)).isEqualTo(FollowUpPart.State.PUBLISHED);
        return parts.get(0);
    }

    @Override
    public void close() {
        luxaris.close();
    }
}
