package io.luxaris.internal.engine;

import static io.luxaris.Fixtures.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelLimits;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.channel.ChannelDescriptor;
import io.luxaris.spi.channel.ChannelEnvironment;
import io.luxaris.spi.channel.ChannelProvider;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.FollowUpTarget;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A root post with an in-call thread whose publish went unanswered and which a lookup then found: the thread parts the
 * lookup found are kept in the root's checkpoint, so the reply after it hangs on the last part, both when the engine
 * looks it up at once and when {@code schedules().reconcile(...)} settles it later.
 */
class FollowUpAfterLookupTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant AT = START.plus(Duration.ofHours(1));
    /** What the channel's publish leaves for each part of a thread: {@code thread.part.N} = the part's id. */
    private static final Map<String, String> WHOLE_THREAD =
            Map.of("thread.part.0", "root-0", "thread.part.1", "root-1", "thread.part.2", "root-2");

    private final SettableClock clock = SettableClock.at(START);
    private final ThreadChannel channel = new ThreadChannel();
    private final Principal alice = Principal.of("alice");
    private Luxaris luxaris;
    private ChannelConnection account;

    @BeforeEach
    void start() {
        luxaris = Luxaris.builder()
                .secretCipher(io.luxaris.spi.security.SecretCipher.ephemeral())
                .channel(channel)
                .storage(InMemoryStorage.create())
                .clock(clock)
                .rules(SchedulingRules.defaults())
                .build();
        account = connect(luxaris, alice, ThreadChannel.KEY, "@alice");
    }

    @AfterEach
    void close() {
        luxaris.close();
    }

    /** A three-part thread with one reply after it. */
    private Schedule scheduleThreadWithAReply() {
        PostVariant variant = luxaris.posts()
                .create(
                        alice,
                        PostDraft.of("Launch")
                                .withVariant(VariantDraft.of(ThreadChannel.KEY, "Part 1/3")
                                        .withThread(List.of("Part 2/3", "Part 3/3"))
                                        .withFollowUps(List.of(FollowUp.reply("A reply")))))
                .firstVariant();
        return luxaris.schedules().schedule(alice, ScheduleRequest.at(variant.id(), account.id(), AT));
    }

    /** The root's publish: the platform took the whole thread, the answer to part 2 never came. */
    private static PublishOutcome unansweredAfterTheFirstPart(PublishRequest request) {
        return PublishOutcome.failed(FailureKind.UNKNOWN, "timeout_after_send", "part 2 of 3: no answer")
                .withCheckpoint(Map.of("thread.part.0", "root-0", "thread.failed_part", "1"));
    }

    /** The root's publish goes unanswered after its first part ({@link #unansweredAfterTheFirstPart}); replies post. */
    private void rootUnansweredRepliesPublished() {
        channel.publish = r -> r.followUp().isEmpty()
                ? unansweredAfterTheFirstPart(r)
                : PublishOutcome.published("reply-0", "https://thread.example/reply-0");
    }

    /** The lookup finds the whole thread. */
    private static LookupResult foundWholeThread(PublishRequest request) {
        return new LookupResult.Found("root-0", Optional.of("https://thread.example/root-0"), WHOLE_THREAD);
    }

    /** Asserts that the one reply hangs on the root's id, with the thread's parts (the last one too) in its parent. */
    private FollowUpTarget assertReplyHangsOnTheLastPart() {
        FollowUpTarget target = replyTarget();
        assertThat(target.parent().externalId()).isEqualTo("root-0");
        assertThat(target.parent().checkpoint())
                .as("the reply's parent names the thread's last part")
                .containsEntry("thread.part.2", "root-2")
                .containsAllEntriesOf(WHOLE_THREAD);
        return target;
    }

    private FollowUpTarget replyTarget() {
        List<PublishRequest> replies =
                channel.requests.stream().filter(r -> r.followUp().isPresent()).toList();
        assertThat(replies).hasSize(1);
        return replies.get(0).followUp().orElseThrow();
    }

    @Test
    void aThreadFoundByTheLookupAtOnce_leavesItsPartsInTheCheckpoint_andTheReplyHangsOnItsLastPart() {
        Schedule root = scheduleThreadWithAReply();
        rootUnansweredRepliesPublished();
        channel.lookup = FollowUpAfterLookupTest::foundWholeThread;
        clock.set(AT);

        runUntilQuiet();

        Schedule published = luxaris.schedules().get(alice, root.id());
        assertThat(published.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(published.checkpoint()).containsAllEntriesOf(WHOLE_THREAD).containsEntry("thread.failed_part", "1");
        FollowUpTarget target = assertReplyHangsOnTheLastPart();
        assertThat(target.kind()).isEqualTo(FollowUpKind.REPLY);
        assertThat(target.root().checkpoint()).containsAllEntriesOf(WHOLE_THREAD);
    }

    @Test
    void aThreadFoundByALaterReconcile_leavesItsPartsInTheCheckpoint_andTheReplyHangsOnItsLastPart() {
        Schedule root = scheduleThreadWithAReply();
        rootUnansweredRepliesPublished();
        channel.lookup = r -> new LookupResult.Unknown("the timeline cannot be read just now");
        clock.set(AT);
        runUntilQuiet();
        assertThat(luxaris.schedules().get(alice, root.id()).status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
        assertThat(luxaris.schedules().get(alice, root.id()).checkpoint())
                .doesNotContainKeys("thread.part.1", "thread.part.2");

        channel.lookup = FollowUpAfterLookupTest::foundWholeThread;
        clock.set(AT.plus(Duration.ofMinutes(5)));
        Schedule reconciled = luxaris.schedules().reconcile(alice, root.id());
        runUntilQuiet();

        assertThat(reconciled.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(reconciled.checkpoint()).containsAllEntriesOf(WHOLE_THREAD).containsEntry("thread.failed_part", "1");
        assertThat(luxaris.schedules().get(alice, root.id()).checkpoint()).isEqualTo(reconciled.checkpoint());
        assertReplyHangsOnTheLastPart();
    }

    private void runUntilQuiet() {
        EngineRuns.untilQuiet(luxaris);
    }

    /**
     * A channel posting threads and replies whose publish and lookup each test scripts; it records every publish
     * request.
     */
    private static final class ThreadChannel implements ChannelProvider {
        static final String KEY = "thread";

        final List<PublishRequest> requests = new CopyOnWriteArrayList<>();
        volatile Function<PublishRequest, PublishOutcome> publish =
                r -> PublishOutcome.published("post", "https://thread.example/post");
        volatile Function<PublishRequest, LookupResult> lookup = r -> new LookupResult.Unknown("not scripted");

        @Override
        public String key() {
            return KEY;
        }

        @Override
        public ChannelDescriptor descriptor() {
            return ChannelDescriptor.of(
                            "Thread channel",
                            ChannelLimits.builder(500).threads(5).build())
                    .withFollowUps(FollowUpKind.REPLY, FollowUpKind.COMMENT);
        }

        @Override
        public ChannelPublisher createPublisher(ChannelEnvironment environment) {
            return new ChannelPublisher() {
                @Override
                public PublishOutcome publish(PublishRequest request, PublishContext context) {
                    requests.add(request);
                    return publish.apply(request);
                }

                @Override
                public boolean supportsLookup() {
                    return true;
                }

                @Override
                public LookupResult lookup(PublishRequest request, PublishContext context) {
                    return lookup.apply(request);
                }
            };
        }
    }
}
