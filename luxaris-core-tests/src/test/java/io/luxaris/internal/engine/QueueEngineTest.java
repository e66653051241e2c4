package io.luxaris.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PostingQueue;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.QueueDraft;
import io.luxaris.usecase.QueueSlot;
import io.luxaris.usecase.VariantDraft;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Queued posts are published by the engine at their slot's time; a published post keeps its slot and its day. */
class QueueEngineTest {
    private final Principal alice = Principal.of("alice");

    @Test
    void aQueuedPostPublishesAtItsSlot_andStillCountsForItsDay() {
        var clock = SettableClock.at("2026-11-24T10:00:00Z");
        var fake = ScriptedChannel.create("fake");
        try (var luxaris = Luxaris.builder().channel(fake).clock(clock).build()) {
            var account = luxaris.channels()
                    .connect(alice, ConnectionRequest.of("fake", "@a", Credentials.bearer("tok-123456")));
            PostingQueue queue = luxaris.queues()
                    .create(
                            alice,
                            QueueDraft.of(
                                            "q",
                                            account.id(),
                                            "UTC",
                                            LocalTime.of(12, 0),
                                            LocalTime.of(15, 0),
                                            LocalTime.of(18, 0))
                                    .maxPerDay(2));
            Schedule a = luxaris.schedules().enqueue(alice, variant(luxaris, "a"), queue.id());
            Schedule b = luxaris.schedules().enqueue(alice, variant(luxaris, "b"), queue.id());
            assertThat(a.runAt()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
            assertThat(b.runAt()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));

            clock.set(Instant.parse("2026-11-24T11:59:59Z"));
            assertThat(luxaris.publishing().runDue().total()).isZero();
            clock.set(a.runAt());
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
            assertThat(fake.postsFor(a.id())).isEqualTo(1);
            assertThat(luxaris.schedules().get(alice, a.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);

            // the day holds a (published) and b: the next post goes to tomorrow
            Schedule c = luxaris.schedules().enqueue(alice, variant(luxaris, "c"), queue.id());
            assertThat(c.runAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
            // share next takes the first upcoming slot (b's) and pushes b and c back one slot each
            Schedule urgent = luxaris.queues().shareNext(alice, variant(luxaris, "urgent"), queue.id());
            assertThat(urgent.runAt()).isEqualTo(b.runAt());
            assertThat(luxaris.schedules().get(alice, b.id()).runAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
            assertThat(luxaris.schedules().get(alice, c.id()).runAt()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
            assertThat(luxaris.schedules().get(alice, a.id()).runAt()).isEqualTo(a.runAt());

            clock.set(b.runAt());
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
            assertThat(fake.postsFor(urgent.id())).isEqualTo(1);
            assertThat(luxaris.queues().queued(alice, queue.id(), 10))
                    .extracting(QueueSlot::at)
                    .containsExactly(Instant.parse("2026-11-25T12:00:00Z"), Instant.parse("2026-11-25T15:00:00Z"));
        }
    }

    private VariantId variant(Luxaris luxaris, String text) {
        return luxaris.posts()
                .create(alice, PostDraft.of(text).withVariant(VariantDraft.of("fake", text)))
                .firstVariant()
                .id();
    }
}
