package io.luxaris.spi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Lease;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimRequestTest {
    private static final ChannelId X = ChannelId.forKey("x");
    private static final ChannelId LINKEDIN = ChannelId.forKey("linkedin");

    @Test
    void aClaimWithoutStartChannels_claimsEverythingToQueued() {
        var request = new ClaimRequest("node-1", 10, Duration.ofMinutes(1), Set.of(X, LINKEDIN), Set.of());

        assertThat(request.startChannels()).isEmpty();
        assertThat(request.startsAtClaim(X)).isFalse();
    }

    @Test
    void startChannels_areCopied_andSayWhichChannelsStartAtTheClaim() {
        var start = new HashSet<>(Set.of(X));
        var request = new ClaimRequest("node-1", 10, Duration.ofMinutes(1), Set.of(X, LINKEDIN), Set.of(), start);
        start.add(LINKEDIN);

        assertThat(request.startsAtClaim(X)).isTrue();
        assertThat(request.startsAtClaim(LINKEDIN)).isFalse();
        assertThat(request.startChannels()).containsExactly(X);
    }

    @Test
    void aStartChannelThatIsNotClaimedFor_isRefused() {
        assertThatThrownBy(() ->
                        new ClaimRequest("node-1", 10, Duration.ofMinutes(1), Set.of(LINKEDIN), Set.of(), Set.of(X)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startChannels");
    }

    @Test
    void claimed_queuesOrStartsThePendingSchedule_leasedToTheOwner_withTheNextAttemptAndVersion() {
        Instant t = Instant.parse("2026-12-06T10:00:00Z");
        Instant now = t.plusSeconds(5);
        Instant expires = now.plus(Duration.ofMinutes(1));
        var request = new ClaimRequest("node-1", 10, Duration.ofMinutes(1), Set.of(X, LINKEDIN), Set.of(), Set.of(X));

        for (ChannelId channel : List.of(X, LINKEDIN)) {
            Schedule pending = pendingOn(channel, t);
            Schedule claimed = request.claimed(pending, now, expires);

            assertThat(claimed.status())
                    .as("on %s", channel)
                    .isEqualTo(channel.equals(X) ? ScheduleStatus.PROCESSING : ScheduleStatus.QUEUED);
            assertThat(claimed.lastAttemptAt()).isEqualTo(channel.equals(X) ? Optional.of(now) : Optional.empty());
            assertThat(claimed.attemptCount()).isEqualTo(pending.attemptCount() + 1);
            assertThat(claimed.lease()).contains(new Lease("node-1", expires));
            assertThat(claimed.updatedAt()).isEqualTo(now);
            assertThat(claimed.version()).isEqualTo(pending.version() + 1);
            assertThat(claimed.toBuilder()
                            .status(ScheduleStatus.PENDING)
                            .lastAttemptAt(Optional.empty())
                            .attemptCount(pending.attemptCount())
                            .lease(Optional.empty())
                            .updatedAt(pending.updatedAt())
                            .version(pending.version())
                            .build())
                    .as("nothing else changes")
                    .isEqualTo(pending);
        }
    }

    private static Schedule pendingOn(ChannelId channel, Instant t) {
        var variant = new PostVariant(
                VariantId.random(),
                PostId.random(),
                channel,
                Optional.empty(),
                "text",
                List.of(),
                List.of(),
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.READY,
                Map.of(),
                t,
                t,
                Optional.empty(),
                0);
        return Schedule.pending(variant, ConnectionId.random(), t.plusSeconds(60), ZoneOffset.UTC, t);
    }
}
