package io.luxaris.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.errors.StorageException;
import io.luxaris.spi.engine.EngineStatus;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.storage.Backlog;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.ScriptedChannel.Behavior;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LuxarisMeterBinderTest {
    private final SettableClock clock = SettableClock.at("2026-11-24T10:00:00Z");
    private final Principal alice = Principal.of("alice");
    private final ScriptedChannel fake = ScriptedChannel.create("fake");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Luxaris luxaris = Luxaris.builder().channel(fake).clock(clock).build();

    @AfterEach
    void close() {
        luxaris.close();
    }

    private void schedule(ChannelConnection account, String text, Instant at) {
        var variant = luxaris.posts()
                .create(alice, PostDraft.of(text).withVariant(VariantDraft.of("fake", text)))
                .firstVariant();
        luxaris.schedules().schedule(alice, ScheduleRequest.at(variant.id(), account.id(), at));
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    @Test
    void backlogGauges_showDueSchedules_theOldestOnesAge_andUnconfirmedOnes() {
        LuxarisMeterBinder.of(luxaris, Duration.ZERO).bindTo(registry);
        var account = luxaris.channels().connect(alice, ConnectionRequest.of("fake", "@a", Credentials.bearer("t")));
        Instant start = clock.instant();
        assertThat(gauge("luxaris.schedules.due")).isZero();
        assertThat(registry.get("luxaris.schedules.due.oldest.age").timeGauge().value(TimeUnit.SECONDS))
                .isZero();

        fake.willNext(Behavior.postedButUnknown());
        schedule(account, "lost answer", start.plusSeconds(10));
        clock.set(start.plusSeconds(10));
        luxaris.publishing().runDue();
        schedule(account, "early", start.plusSeconds(60));
        schedule(account, "later", start.plusSeconds(120));
        schedule(account, "tomorrow", start.plus(Duration.ofDays(1)));
        clock.set(start.plusSeconds(300));

        assertThat(gauge("luxaris.schedules.due")).isEqualTo(2.0);
        assertThat(registry.get("luxaris.schedules.due.oldest.age").timeGauge().value(TimeUnit.SECONDS))
                .isEqualTo(240.0);
        assertThat(gauge("luxaris.schedules.unconfirmed")).isEqualTo(1.0);
    }

    @Test
    void engineGauges_showTheEngineState() {
        LuxarisMeterBinder.of(luxaris).bindTo(registry);
        assertThat(gauge("luxaris.engine.running")).isZero();
        assertThat(gauge("luxaris.engine.in.flight")).isZero();
        assertThat(gauge("luxaris.engine.queued")).isZero();
        assertThat(gauge("luxaris.engine.pending.completions")).isZero();

        luxaris.publishing().start();
        assertThat(gauge("luxaris.engine.running")).isEqualTo(1.0);
        luxaris.publishing().stop(Duration.ofSeconds(1));
        assertThat(gauge("luxaris.engine.running")).isZero();
    }

    @Test
    void theBacklog_isReadOncePerRefresh_howeverManyGaugesAndScrapes() {
        var reads = new AtomicInteger();
        var nanos = new AtomicLong();
        var binder = new LuxarisMeterBinder(
                () -> new Backlog(reads.incrementAndGet(), Optional.of(clock.instant()), 0, clock.instant()),
                () -> luxaris.publishing().status(),
                Duration.ofSeconds(15),
                nanos::get);
        binder.bindTo(registry);

        assertThat(gauge("luxaris.schedules.due")).isEqualTo(1.0);
        assertThat(gauge("luxaris.schedules.unconfirmed")).isZero();
        assertThat(gauge("luxaris.schedules.due")).isEqualTo(1.0);
        nanos.addAndGet(Duration.ofSeconds(14).toNanos());
        assertThat(gauge("luxaris.schedules.due")).isEqualTo(1.0);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(gauge("luxaris.schedules.due")).isEqualTo(2.0);
        assertThat(reads).hasValue(2);
    }

    @Test
    void anUnreadableBacklog_readsNaN_andRecovers() {
        var down = new java.util.concurrent.atomic.AtomicBoolean(true);
        var binder = new LuxarisMeterBinder(
                () -> {
                    if (down.get()) {
                        throw new StorageException("cannot connect to the Luxaris database", null, true);
                    }
                    return new Backlog(3, Optional.of(clock.instant()), 1, clock.instant());
                },
                () -> new EngineStatus(false, 0, 0, 0, Optional.empty(), "i", false, false, Optional.empty(), 0),
                Duration.ZERO,
                System::nanoTime);
        binder.bindTo(registry);

        assertThat(gauge("luxaris.schedules.due")).isNaN();
        assertThat(gauge("luxaris.schedules.unconfirmed")).isNaN();
        down.set(false);
        assertThat(gauge("luxaris.schedules.due")).isEqualTo(3.0);
        assertThat(gauge("luxaris.schedules.unconfirmed")).isEqualTo(1.0);
    }
}
