package io.luxaris.internal.engine;

import static io.luxaris.Fixtures.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.ConflictException;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.channel.FollowUpTarget;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.ScriptedChannel.Behavior;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.CalendarFilter;
import io.luxaris.usecase.FollowUpPart;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.UnconfirmedResolution;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine publishes a variant's follow-up parts (replies, first comments) as schedules of their own, one after the
 * other, each after its delay, hanging on the right parts; failures stop the chain at the failed part and a retry of it
 * resumes the chain without posting anything twice.
 */
class FollowUpEngineTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant AT = START.plus(Duration.ofHours(1));

    private final SettableClock clock = SettableClock.at(START);
    private final ScriptedChannel fake = ScriptedChannel.builder("fake")
            .followUps(FollowUpKind.REPLY, FollowUpKind.COMMENT)
            .build();
    private final Principal alice = Principal.of("alice");
    private final List<LuxarisEvent> events = new CopyOnWriteArrayList<>();
    private Luxaris luxaris;
    private ChannelConnection account;

    @AfterEach
    void close() {
        if (luxaris != null) {
            luxaris.close();
        }
    }

    private final io.luxaris.spi.security.SecretCipher cipher = io.luxaris.spi.security.SecretCipher.ephemeral();

    private void start(ScriptedChannel channel, InMemoryStorage storage) {
        luxaris = Luxaris.builder()
                .secretCipher(cipher)
                .channel(channel)
                .storage(storage)
                .clock(clock)
                .rules(SchedulingRules.defaults())
                .listener(events::add)
                .build();
        account = connect(luxaris, alice, channel.key(), "@alice");
    }

    private Schedule scheduleWith(FollowUp... followUps) {
        PostVariant variant = luxaris.posts()
                .create(
                        alice,
                        PostDraft.of("Launch")
                                .withVariant(
                                        VariantDraft.of("fake", "Launch day").withFollowUps(List.of(followUps))))
                .firstVariant();
        return luxaris.schedules().schedule(alice, ScheduleRequest.at(variant.id(), account.id(), AT));
    }

    private Schedule get(ScheduleId id) {
        return luxaris.schedules().get(alice, id);
    }

    private List<FollowUpPart> parts(Schedule root) {
        return luxaris.schedules().followUps(alice, root.id());
    }

    private List<PublishRequest> followUpRequests() {
        return fake.requests().stream().filter(r -> r.followUp().isPresent()).toList();
    }

    @Test
    void aChainOfRepliesAndAComment_isPostedInOrder_afterItsDelays_eachHangingOnTheRightPart() {
        start(fake, InMemoryStorage.create());
        Schedule root = scheduleWith(
                FollowUp.reply("first reply").after(Duration.ofMinutes(10)),
                FollowUp.reply("second reply").after(Duration.ofMinutes(5)),
                FollowUp.comment("a first comment"));
        assertThat(parts(root))
                .extracting(FollowUpPart::state)
                .containsExactly(FollowUpPart.State.WAITING, FollowUpPart.State.WAITING, FollowUpPart.State.WAITING);

        clock.set(AT);
        assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
        Schedule published = get(root.id());
        assertThat(published.status()).isEqualTo(ScheduleStatus.SUCCESS);
        List<FollowUpPart> afterRoot = parts(root);
        assertThat(afterRoot.get(0).state()).isEqualTo(FollowUpPart.State.SCHEDULED);
        assertThat(afterRoot.get(0).due()).contains(AT.plus(Duration.ofMinutes(10)));
        assertThat(afterRoot.get(1).state()).isEqualTo(FollowUpPart.State.WAITING);
        assertThat(luxaris.publishing().runDue().published())
                .as("the reply is not due yet")
                .isZero();
        assertThat(followUpRequests()).isEmpty();

        clock.set(AT.plus(Duration.ofMinutes(10)));
        assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
        Schedule reply1 = get(parts(root).get(0).scheduleId().orElseThrow());
        assertThat(reply1.status()).isEqualTo(ScheduleStatus.SUCCESS);
        FollowUpTarget t0 = followUpRequests().get(0).followUp().orElseThrow();
        assertThat(t0.kind()).isEqualTo(FollowUpKind.REPLY);
        assertThat(t0.index()).isZero();
        assertThat(t0.root().externalId()).isEqualTo(published.externalPostId().orElseThrow());
        assertThat(t0.parent().externalId())
                .isEqualTo(published.externalPostId().orElseThrow());
        assertThat(followUpRequests().get(0).variant().content()).isEqualTo("first reply");
        assertThat(followUpRequests().get(0).variant().followUps()).isEmpty();

        clock.set(AT.plus(Duration.ofMinutes(15)));
        int published2 = luxaris.publishing().runDue().published();
        // the comment has no delay: due as soon as the second reply is published (this round or the next)
        published2 += luxaris.publishing().runDue().published();
        assertThat(published2).isEqualTo(2);
        List<PublishRequest> requests = followUpRequests();
        assertThat(requests).hasSize(3);
        FollowUpTarget t1 = requests.get(1).followUp().orElseThrow();
        assertThat(t1.index()).isEqualTo(1);
        assertThat(t1.parent().externalId()).isEqualTo(reply1.externalPostId().orElseThrow());
        assertThat(t1.root().externalId()).isEqualTo(published.externalPostId().orElseThrow());
        FollowUpTarget t2 = requests.get(2).followUp().orElseThrow();
        assertThat(t2.kind()).isEqualTo(FollowUpKind.COMMENT);
        assertThat(t2.root().externalId())
                .as("a comment hangs on the post")
                .isEqualTo(published.externalPostId().get());
        assertThat(t2.parent().externalId()).isNotEqualTo(t2.root().externalId());

        List<FollowUpPart> done = parts(root);
        assertThat(done).extracting(FollowUpPart::state).containsOnly(FollowUpPart.State.PUBLISHED);
        assertThat(done).extracting(p -> p.externalId().isPresent()).containsOnly(true);
        assertThat(done.get(1).due()).contains(AT.plus(Duration.ofMinutes(15)));
        assertThat(fake.posts()).hasSize(4);
        assertThat(fake.posts())
                .extracting(ScriptedChannel.Post::content)
                .containsExactly("Launch day", "first reply", "second reply", "a first comment");

        // the post is published once; the parts are no posts of their own in the calendar and the counts
        assertThat(luxaris.posts().get(alice, root.postId()).post().status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(luxaris.calendar()
                        .between(alice, START, AT.plus(Duration.ofDays(1)), CalendarFilter.none())
                        .items())
                .hasSize(1);
        assertThat(luxaris.schedules().counts(alice, START, AT.plus(Duration.ofDays(1))))
                .extracting(c -> c.count())
                .containsExactly(1L);
        // listeners tell the parts by their schedule's link
        assertThat(events.stream()
                        .filter(e -> e instanceof LuxarisEvent.Published)
                        .map(e -> ((LuxarisEvent.Published) e).schedule())
                        .map(s -> s.followUpOf().map(l -> l.index()).orElse(-1)))
                .containsExactly(-1, 0, 1, 2);
    }

    @Test
    void aPartFailingTransiently_isRetried_andThePartsBeforeItAreNotSentAgain() {
        start(fake, InMemoryStorage.create());
        var once = new AtomicBoolean(true);
        fake.willAnswer(r -> r.followUp().isPresent() && r.followUp().get().index() == 1 && once.getAndSet(false)
                ? Behavior.fail(FailureKind.RETRYABLE, "server_error")
                : Behavior.succeed());
        Schedule root = scheduleWith(FollowUp.reply("one"), FollowUp.reply("two"), FollowUp.reply("three"));
        clock.set(AT);
        runUntilQuiet();
        FollowUpPart second = parts(root).get(1);
        assertThat(second.state()).isEqualTo(FollowUpPart.State.SCHEDULED);
        assertThat(second.errorCode()).contains("server_error");
        assertThat(parts(root).get(2).state()).isEqualTo(FollowUpPart.State.WAITING);

        clock.set(get(second.scheduleId().orElseThrow()).nextAttemptAt());
        runUntilQuiet();
        assertThat(parts(root)).extracting(FollowUpPart::state).containsOnly(FollowUpPart.State.PUBLISHED);
        assertThat(fake.callsFor(root.id())).isEqualTo(1);
        assertThat(fake.callsFor(parts(root).get(0).scheduleId().orElseThrow())).isEqualTo(1);
        assertThat(fake.callsFor(second.scheduleId().orElseThrow())).isEqualTo(2);
        assertThat(fake.posts())
                .extracting(ScriptedChannel.Post::content)
                .containsExactly("Launch day", "one", "two", "three");
    }

    @Test
    void aPartFailingPermanently_blocksTheLaterOnes_untilARetryOfItResumesTheChain() {
        start(fake, InMemoryStorage.create());
        var once = new AtomicBoolean(true);
        fake.willAnswer(r -> r.followUp().isPresent() && r.followUp().get().index() == 0 && once.getAndSet(false)
                ? Behavior.fail(FailureKind.REJECTED, "duplicate_content")
                : Behavior.succeed());
        Schedule root =
                scheduleWith(FollowUp.reply("one"), FollowUp.comment("two").after(Duration.ofHours(1)));
        clock.set(AT);
        runUntilQuiet();
        List<FollowUpPart> failed = parts(root);
        assertThat(failed.get(0).state()).isEqualTo(FollowUpPart.State.FAILED);
        assertThat(failed.get(0).errorCode()).contains("duplicate_content");
        assertThat(failed.get(1).state()).isEqualTo(FollowUpPart.State.BLOCKED);
        assertThat(luxaris.posts().get(alice, root.postId()).post().status())
                .as("the post itself is published")
                .isEqualTo(PostStatus.PUBLISHED);
        clock.set(AT.plus(Duration.ofDays(2)));
        runUntilQuiet();
        assertThat(fake.callCount()).as("nothing after the failed part").isEqualTo(2);

        ScheduleId failedId = failed.get(0).scheduleId().orElseThrow();
        Schedule again = luxaris.schedules().retryFollowUp(alice, failedId);
        assertThat(again.followUpOf().orElseThrow().index()).isZero();
        assertThatThrownBy(() -> luxaris.schedules().retryFollowUp(alice, failedId))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> luxaris.schedules().retryFollowUp(alice, root.id()))
                .isInstanceOf(ConflictException.class);
        runUntilQuiet();
        assertThat(parts(root).get(0).state()).isEqualTo(FollowUpPart.State.PUBLISHED);
        assertThat(parts(root).get(0).scheduleId()).contains(again.id());
        assertThat(parts(root).get(1).state()).isEqualTo(FollowUpPart.State.SCHEDULED);
        clock.set(parts(root).get(1).due().orElseThrow());
        runUntilQuiet();
        assertThat(parts(root)).extracting(FollowUpPart::state).containsOnly(FollowUpPart.State.PUBLISHED);
        assertThat(fake.postsFor(root.id())).isEqualTo(1);
        assertThat(fake.posts()).extracting(ScriptedChannel.Post::content).containsExactly("Launch day", "one", "two");
    }

    @Test
    void aPartWhoseOutcomeIsUnknown_isUnconfirmed_neverPostedTwice_andTheChainContinuesOnceResolved() {
        start(fake, InMemoryStorage.create());
        var once = new AtomicBoolean(true);
        fake.willAnswer(r -> r.followUp().isPresent() && r.followUp().get().index() == 0 && once.getAndSet(false)
                ? Behavior.postedButUnknown()
                : Behavior.succeed());
        Schedule root = scheduleWith(FollowUp.reply("one"), FollowUp.reply("two"));
        clock.set(AT);
        runUntilQuiet();
        assertThat(parts(root))
                .extracting(FollowUpPart::state)
                .containsExactly(FollowUpPart.State.UNCONFIRMED, FollowUpPart.State.WAITING);
        ScheduleId unknown = parts(root).get(0).scheduleId().orElseThrow();
        clock.set(AT.plus(Duration.ofDays(1)));
        runUntilQuiet();
        assertThat(fake.postsFor(unknown)).as("not posted again").isEqualTo(1);
        assertThat(fake.callsFor(unknown)).isEqualTo(1);

        String found = fake.posts().get(1).id();
        luxaris.schedules()
                .resolveUnconfirmed(
                        alice, unknown, new UnconfirmedResolution.Published(found, java.util.Optional.empty()));
        runUntilQuiet();
        assertThat(parts(root)).extracting(FollowUpPart::state).containsOnly(FollowUpPart.State.PUBLISHED);
        assertThat(followUpRequests().get(1).followUp().orElseThrow().parent().externalId())
                .isEqualTo(found);
        assertThat(fake.posts()).hasSize(3);
    }

    @Test
    void aDryRunRoot_postsNoFollowUps_theyShowBlocked() {
        start(fake, InMemoryStorage.create());
        fake.willAlways(Behavior.dryRun());
        Schedule root = scheduleWith(FollowUp.reply("one"));
        clock.set(AT);
        runUntilQuiet();
        assertThat(get(root.id()).status()).isEqualTo(ScheduleStatus.DRY_RUN);
        assertThat(parts(root)).extracting(FollowUpPart::state).containsExactly(FollowUpPart.State.BLOCKED);
        assertThat(followUpRequests()).isEmpty();
    }

    @Test
    void cancellingThePublishedRoot_cancelsThePendingPart_andTheChainStops() {
        start(fake, InMemoryStorage.create());
        Schedule root = scheduleWith(FollowUp.reply("one").after(Duration.ofHours(1)), FollowUp.reply("two"));
        clock.set(AT);
        runUntilQuiet();
        assertThat(parts(root).get(0).state()).isEqualTo(FollowUpPart.State.SCHEDULED);
        assertThat(luxaris.schedules().cancel(alice, root.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
        clock.set(AT.plus(Duration.ofHours(2)));
        runUntilQuiet();
        assertThat(parts(root))
                .extracting(FollowUpPart::state)
                .containsExactly(FollowUpPart.State.CANCELLED, FollowUpPart.State.BLOCKED);
        assertThat(followUpRequests()).isEmpty();
        assertThatThrownBy(() -> luxaris.schedules().cancel(alice, root.id()))
                .as("nothing left to cancel: a published schedule cannot be cancelled")
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aChannelThatNoLongerDeclaresTheKind_isNeverSentThePart_itFailsWithACode() {
        InMemoryStorage storage = InMemoryStorage.create();
        start(fake, storage);
        Schedule root = scheduleWith(FollowUp.comment("first comment"));
        luxaris.close();
        // the same data, the channel's new version posts no comments
        ScriptedChannel plain = ScriptedChannel.builder("fake").build();
        luxaris = Luxaris.builder()
                .secretCipher(cipher)
                .channel(plain)
                .storage(storage)
                .clock(clock)
                .rules(SchedulingRules.defaults())
                .build();
        clock.set(AT);
        runUntilQuiet();
        assertThat(get(root.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
        FollowUpPart part = parts(root).get(0);
        assertThat(part.state()).isEqualTo(FollowUpPart.State.FAILED);
        assertThat(part.errorCode()).contains("follow_up_unsupported");
        assertThat(plain.requests()).hasSize(1).allMatch(r -> r.followUp().isEmpty());
    }

    private void runUntilQuiet() {
        EngineRuns.untilQuiet(luxaris);
    }
}
