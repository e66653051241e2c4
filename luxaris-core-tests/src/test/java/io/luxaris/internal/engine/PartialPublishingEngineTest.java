package io.luxaris.internal.engine;

import static io.luxaris.Fixtures.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantStatus;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.ScriptedChannel.Behavior;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.PostDetails;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine publishes the targets of one post at their own times; the post shows partial success. */
class PartialPublishingEngineTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final SettableClock clock = SettableClock.at(START);
    private final ScriptedChannel fake = ScriptedChannel.create("fake");
    private final Principal alice = Principal.of("alice");
    private Luxaris luxaris;
    private PostId postId;

    @AfterEach
    void close() {
        if (luxaris != null) {
            luxaris.close();
        }
    }

    @Test
    void twoTargets_oneFailsPermanently_thePostIsPartiallyPublished_untilTheFailedTargetIsPublishedAgain() {
        luxaris = Luxaris.builder()
                .channel(fake)
                .clock(clock)
                .rules(SchedulingRules.defaults())
                .build();
        ChannelConnection good = connect(luxaris, alice, "fake", "@good");
        ChannelConnection broken = connect(luxaris, alice, "fake", "@broken");
        var brokenOnce = new AtomicBoolean(true);
        fake.willAnswer(request -> request.connection().id().equals(broken.id()) && brokenOnce.getAndSet(false)
                ? Behavior.fail(FailureKind.REJECTED, "duplicate_content")
                : Behavior.succeed());
        PostDetails post =
                luxaris.posts().create(alice, PostDraft.of("Launch").withVariant(VariantDraft.of("fake", "Launch")));
        PostVariant variant = post.firstVariant();
        postId = post.post().id();
        Instant first = START.plus(Duration.ofHours(1));
        Instant second = START.plus(Duration.ofHours(2));
        List<Schedule> targets = luxaris.schedules()
                .scheduleTargets(
                        alice,
                        post.post().id(),
                        List.of(
                                ScheduleRequest.at(variant.id(), good.id(), first),
                                ScheduleRequest.at(variant.id(), broken.id(), second)));

        clock.set(first);
        assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
        assertThat(status(targets.get(0))).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(status(targets.get(1))).isEqualTo(ScheduleStatus.PENDING);
        assertThat(post().status()).as("a target is still open").isEqualTo(PostStatus.SCHEDULED);

        clock.set(second);
        assertThat(luxaris.publishing().runDue().failed()).isEqualTo(1);
        assertThat(status(targets.get(1))).isEqualTo(ScheduleStatus.FAILED);
        assertThat(fake.callsFor(targets.get(1).id())).isEqualTo(1);
        Post partial = post();
        assertThat(partial.status()).isEqualTo(PostStatus.PARTIALLY_PUBLISHED);
        assertThat(partial.publishedAt())
                .as("set when the post first shows a publication")
                .contains(second);

        // the failed target scheduled again and published: every target is published
        Schedule again = luxaris.schedules()
                .schedule(alice, ScheduleRequest.at(variant.id(), broken.id(), second.plus(Duration.ofHours(1))));
        assertThat(post().status()).isEqualTo(PostStatus.SCHEDULED);
        clock.set(again.runAt());
        assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
        assertThat(post().status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(post().publishedAt()).as("kept").contains(second);
        assertThat(luxaris.posts().get(alice, post.post().id()).firstVariant().status())
                .isEqualTo(VariantStatus.PUBLISHED);
    }

    private ScheduleStatus status(Schedule s) {
        return luxaris.schedules().get(alice, s.id()).status();
    }

    private Post post() {
        return luxaris.posts().get(alice, postId).post();
    }
}
