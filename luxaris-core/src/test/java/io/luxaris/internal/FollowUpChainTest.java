package io.luxaris.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.FollowUpLink;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowUpChainTest {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    private static PostVariant variant(List<FollowUp> followUps) {
        return new PostVariant(
                VariantId.random(),
                PostId.random(),
                ChannelId.forKey("fake"),
                Optional.empty(),
                "post",
                List.of("in-call part"),
                followUps,
                List.of(),
                Optional.empty(),
                VariantSource.MANUAL,
                VariantStatus.PUBLISHED,
                Map.of("k", "v"),
                T0,
                T0,
                Optional.of(T0),
                3);
    }

    @Test
    void aVariantWithoutFollowUps_hasNoNextPart() {
        PostVariant v = variant(List.of());
        Schedule root = Schedule.pending(v, ConnectionId.random(), T0, ZoneId.of("UTC"), T0);
        assertThat(FollowUpChain.next(root, v, T0)).isEmpty();
    }

    @Test
    void theRootLeadsToPartZero_eachPartToTheNext_dueAfterItsDelay_andTheLastToNothing() {
        PostVariant v = variant(List.of(FollowUp.reply("a").after(Duration.ofMinutes(5)), FollowUp.comment("b")));
        Schedule root = Schedule.pending(v, ConnectionId.random(), T0, ZoneId.of("Europe/Berlin"), T0);
        Instant published = T0.plusSeconds(10);

        Schedule first = FollowUpChain.next(root, v, published).orElseThrow();
        assertThat(first.followUpOf()).contains(new FollowUpLink(root.id(), root.id(), 0));
        assertThat(first.runAt()).isEqualTo(published.plus(Duration.ofMinutes(5)));
        assertThat(first.nextAttemptAt()).isEqualTo(first.runAt());
        assertThat(first.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(first.connectionId()).isEqualTo(root.connectionId());
        assertThat(first.timezone()).isEqualTo(root.timezone());
        assertThat(first.variantId()).isEqualTo(v.id());
        assertThat(first.id()).isNotEqualTo(root.id());

        Schedule second =
                FollowUpChain.next(first, v, published.plusSeconds(600)).orElseThrow();
        assertThat(second.followUpOf()).contains(new FollowUpLink(root.id(), first.id(), 1));
        assertThat(second.runAt()).isEqualTo(published.plusSeconds(600));
        assertThat(FollowUpChain.next(second, v, published.plusSeconds(700))).isEmpty();
    }

    @Test
    void aPartsVariant_holdsItsTextAlone() {
        PostVariant v = variant(List.of(FollowUp.reply("a"), FollowUp.comment("b")));
        PostVariant part = v.followUpPart(1);
        assertThat(part.content()).isEqualTo("b");
        assertThat(part.thread()).isEmpty();
        assertThat(part.media()).isEmpty();
        assertThat(part.followUps()).isEmpty();
        assertThat(part.id()).isEqualTo(v.id());
        assertThat(part.metadata()).isEqualTo(v.metadata());
        assertThatThrownBy(() -> v.followUpPart(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aLink_checksItsIndex_andThatTheFirstPartHangsOnTheRoot() {
        ScheduleId root = ScheduleId.random();
        assertThatThrownBy(() -> new FollowUpLink(root, root, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FollowUpLink(root, ScheduleId.random(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new FollowUpLink(root, ScheduleId.random(), 1).index()).isEqualTo(1);
    }
}
