package io.luxaris.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantStatus;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {
    @Test
    void publishesAtItsTimeExactlyOnce() {
        var clock = SettableClock.at("2026-11-24T10:00:00Z");
        var fake = ScriptedChannel.create("fake");
        List<LuxarisEvent> seen = new CopyOnWriteArrayList<>();
        try (var luxaris =
                Luxaris.builder().channel(fake).clock(clock).listener(seen::add).build()) {
            var alice = Principal.of("alice");
            var account = luxaris.channels()
                    .connect(alice, ConnectionRequest.of("fake", "@a", Credentials.bearer("tok-123456")));
            var post = luxaris.posts().create(alice, PostDraft.of("hi").withVariant(VariantDraft.of("fake", "Hello")));
            Instant t = Instant.parse("2026-11-24T12:00:00Z");
            var s = luxaris.schedules()
                    .schedule(alice, ScheduleRequest.at(post.firstVariant().id(), account.id(), t));

            clock.set(t.minusMillis(1));
            assertThat(luxaris.publishing().runDue().total()).isZero();
            assertThat(fake.callCount()).isZero();

            clock.set(t);
            var report = luxaris.publishing().runDue();
            assertThat(report.published()).isEqualTo(1);
            assertThat(fake.postsFor(s.id())).isEqualTo(1);
            clock.advance(Duration.ofHours(1));
            assertThat(luxaris.publishing().runDue().total()).isZero();
            assertThat(fake.callsFor(s.id())).isEqualTo(1);

            var stored = luxaris.schedules().get(alice, s.id());
            assertThat(stored.status()).isEqualTo(ScheduleStatus.SUCCESS);
            assertThat(stored.externalPostId()).isPresent();
            assertThat(luxaris.schedules().events(alice, s.id()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(PublishEventStatus.SUCCESS));
            var details = luxaris.posts().get(alice, post.post().id());
            assertThat(details.post().status()).isEqualTo(PostStatus.PUBLISHED);
            assertThat(details.firstVariant().status()).isEqualTo(VariantStatus.PUBLISHED);
            assertThat(seen)
                    .map(e -> e.getClass().getSimpleName())
                    .containsExactly("Scheduled", "PublishStarted", "Published");
        }
    }
}
