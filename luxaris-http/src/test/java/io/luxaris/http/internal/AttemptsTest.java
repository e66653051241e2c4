package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ScheduleId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AttemptsTest {
    private final Attempts<TreeMap<Integer, String>, Attempts.Unanswered> attempts = new Attempts<>(TreeMap::new);

    @Test
    void progress_isCopiedInAndOut_soACallerNeverChangesWhatIsRemembered() {
        ScheduleId schedule = ScheduleId.random();
        var parts = new TreeMap<Integer, String>();
        parts.put(0, "post-1");

        attempts.remember(schedule, parts);
        parts.put(1, "changed after remembering");
        attempts.progress(schedule).orElseThrow().put(2, "changed after reading");

        assertThat(attempts.progress(schedule)).contains(new TreeMap<>(java.util.Map.of(0, "post-1")));
        assertThat(attempts.progress(ScheduleId.random())).isEmpty();
    }

    @Test
    void anUnansweredRequest_isRememberedPerSchedule_untilForgotten() {
        ScheduleId schedule = ScheduleId.random();
        ScheduleId other = ScheduleId.random();
        Instant at = Instant.parse("2026-11-24T10:00:00Z");

        attempts.rememberUnanswered(schedule, new Attempts.Unanswered(1, at));
        attempts.remember(schedule, new TreeMap<>(java.util.Map.of(0, "post-1")));
        attempts.rememberUnanswered(other, new Attempts.Unanswered(0, at.plusSeconds(1)));

        assertThat(attempts.unanswered(schedule)).contains(new Attempts.Unanswered(1, at));
        attempts.forget(schedule);
        assertThat(attempts.unanswered(schedule)).isEmpty();
        assertThat(attempts.progress(schedule)).isEmpty();
        assertThat(attempts.unanswered(other)).isPresent();
        attempts.clear();
        assertThat(attempts.unanswered(other)).isEmpty();
    }

    @Test
    void itIsBounded_theScheduleUsedLeastRecentlyGoesFirst() {
        ScheduleId first = ScheduleId.random();
        ScheduleId second = ScheduleId.random();
        attempts.remember(first, new TreeMap<>());
        attempts.remember(second, new TreeMap<>());
        attempts.progress(first); // used again: the second one is now the eldest

        for (int i = 0; i < Attempts.MAX_ENTRIES - 1; i++) {
            attempts.remember(ScheduleId.random(), new TreeMap<>());
        }

        assertThat(attempts.progress(first)).isPresent();
        assertThat(attempts.progress(second)).isEmpty();
    }

    @Test
    void graceLeft_isWhatRemainsOfTheGracePeriodSinceTheUnansweredRequest() {
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        Duration grace = Duration.ofSeconds(30);

        assertThat(Attempts.graceLeft(Optional.of(at), at, grace)).isEqualTo(grace);
        assertThat(Attempts.graceLeft(Optional.of(at), at.plusSeconds(12), grace))
                .isEqualTo(Duration.ofSeconds(18));
        assertThat(Attempts.graceLeft(Optional.of(at), at.plusSeconds(30), grace))
                .isZero();
        assertThat(Attempts.graceLeft(Optional.of(at), at.plusSeconds(3600), grace))
                .isZero();
    }

    @Test
    void graceLeft_isNothing_whenNoUnansweredRequestIsRemembered_andAtMostTheGrace_whenItLiesAhead() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        Duration grace = Duration.ofSeconds(30);

        assertThat(Attempts.graceLeft(Optional.empty(), now, grace)).isZero();
        assertThat(Attempts.graceLeft(Optional.of(now.plusSeconds(600)), now, grace))
                .isEqualTo(grace);
        assertThat(Attempts.graceLeft(Optional.of(now), now, Duration.ZERO)).isZero();
    }

    @Test
    void nothingIsNull() {
        assertThatThrownBy(() -> new Attempts<String, Instant>(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> attempts.rememberUnanswered(ScheduleId.random(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Attempts.Unanswered(0, null)).isInstanceOf(NullPointerException.class);
    }
}
