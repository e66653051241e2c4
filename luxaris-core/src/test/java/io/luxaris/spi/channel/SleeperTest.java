package io.luxaris.spi.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SleeperTest {
    /** A test clock that advances when slept on. */
    static final class SleepingClock extends Clock implements Sleeper {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        final List<Duration> slept = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            slept.add(duration);
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void theEnvironment_sleepsOnTheHostsClock_whenThatClockCanSleep() throws InterruptedException {
        var clock = new SleepingClock();
        ChannelEnvironment environment = ChannelEnvironment.of(clock, MediaSource.none());

        environment.sleeper().sleep(Duration.ofMinutes(5));

        assertThat(clock.slept).containsExactly(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-24T10:05:00Z"));
    }

    @Test
    void anOrdinaryClock_getsRealSleeping_andAnEnvironmentWithoutOverridesGetsTheSystemClock() throws Exception {
        ChannelEnvironment environment = MediaSource::none;

        assertThat(environment.clock()).isEqualTo(Clock.systemUTC());
        environment.sleeper().sleep(Duration.ZERO); // returns at once
        environment.sleeper().sleep(Duration.ofMillis(-5));
        assertThat(Sleeper.forClock(Clock.systemUTC())).isNotInstanceOf(Clock.class);
    }
}
