package io.luxaris.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void pausesDoubleFromTheFirstUpToTheMaximum() {
        var backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(700));
        var pauses = new ArrayList<Long>();
        for (int i = 0; i < 6; i++) {
            pauses.add(backoff.next().toMillis());
        }
        assertThat(pauses).containsExactly(100L, 200L, 400L, 700L, 700L, 700L);
    }

    @Test
    void reset_startsOverFromTheFirstPause() {
        var backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2));
        backoff.next();
        backoff.next();
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }
}
