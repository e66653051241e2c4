package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxaris.Luxaris;
import io.luxaris.spi.security.Principal;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BomConsumerTest {
    @Test
    void theProgramGoesThroughTheXChannelInDryRun() throws Exception {
        var outcome = BomConsumer.publishOnce();
        // dry run: the request is built and handed over, not sent; a dry run of its own, not a failure
        assertEquals(ScheduleStatus.DRY_RUN, outcome.schedule().status(), outcome.toString());
        assertTrue(outcome.schedule().errorCode().isEmpty(), outcome.toString());
        assertEquals(1, outcome.events().size(), outcome.toString());
        assertEquals(PublishEventStatus.DRY_RUN, outcome.events().get(0).status(), outcome.toString());
        assertEquals(1, outcome.requests().size(), outcome.toString());
        assertEquals("POST", outcome.requests().get(0).method());
        assertTrue(outcome.requests().get(0).url().endsWith("/2/tweets"), outcome.requests().get(0).url());
        assertTrue(outcome.requests().get(0).body().contains("Release 2.1 is out!"), outcome.requests().get(0).body());
    }

    @Test
    void theTestkitDrivesTheEngineWithASettableClock() {
        var clock = SettableClock.at("2026-11-24T10:00:00Z");
        var channel = ScriptedChannel.create("fake");
        try (var luxaris = Luxaris.builder().channel(channel).clock(clock).build()) {
            var alice = Principal.of("alice");
            var account = luxaris.channels()
                    .connect(alice, ConnectionRequest.of("fake", "@alice", Credentials.bearer("t0k3n")));
            var post = luxaris.posts()
                    .create(alice, PostDraft.of("hi").withVariant(VariantDraft.of("fake", "Hello")));
            var schedule = luxaris.schedules()
                    .schedule(
                            alice,
                            ScheduleRequest.at(
                                    post.firstVariant().id(), account.id(), clock.instant().plusSeconds(3600)));
            assertEquals(0, luxaris.publishing().runDue().published());
            clock.advance(Duration.ofHours(1));
            assertEquals(1, luxaris.publishing().runDue().published());
            assertEquals(1, channel.postsFor(schedule.id()));
        }
    }
}
