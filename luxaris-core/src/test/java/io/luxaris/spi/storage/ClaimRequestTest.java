package io.luxaris.spi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ChannelId;
import java.time.Duration;
import java.util.HashSet;
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
}
