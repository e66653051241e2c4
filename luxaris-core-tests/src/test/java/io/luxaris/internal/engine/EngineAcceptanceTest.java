package io.luxaris.internal.engine;

import static io.luxaris.Fixtures.connect;
import static io.luxaris.Fixtures.draft;
import static io.luxaris.Fixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantStatus;
import io.luxaris.domain.When;
import io.luxaris.domain.rules.RetryPolicy;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.ScriptedChannel.Behavior;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.UnconfirmedResolution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The publishing engine's acceptance scenarios, on the in-memory storage with the settable clock. */
class EngineAcceptanceTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private static final io.luxaris.spi.security.SecretCipher CIPHER = io.luxaris.spi.security.SecretCipher.ephemeral();

    private final SettableClock clock = SettableClock.at(START);
    private final Principal alice = Principal.of("alice");
    private final List<LuxarisEvent> events = new CopyOnWriteArrayList<>();
    private final List<Luxaris> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Luxaris::close);
    }

    private Luxaris luxaris(ScriptedChannel channel, SchedulingRules rules, EngineSettings engine) {
        return luxaris(InMemoryStorage.create(), channel, rules, engine, "node");
    }

    private Luxaris luxaris(
            InMemoryStorage storage, ScriptedChannel channel, SchedulingRules rules, EngineSettings engine, String id) {
        Luxaris l = Luxaris.builder()
                .storage(storage)
                .channel(channel)
                .clock(clock)
                .rules(rules)
                .engine(engine)
                .instanceId(id)
                .secretCipher(CIPHER) // nodes sharing a store share the key
                .listener(events::add)
                .random(new SplittableRandom(42))
                .build();
        opened.add(l);
        return l;
    }

    private static EngineSettings.Builder settings() {
        return EngineSettings.builder()
                .maxConcurrency(8)
                .claimBatchSize(64)
                .leaseDuration(Duration.ofSeconds(30))
                .publishTimeout(Duration.ofSeconds(1));
    }

    @Test
    void aScheduleDueAtT_isPublishedAtT_notBefore_exactlyOnce_andTheListenerSeesItInOrder() {
        var fake = ScriptedChannel.create("fake");
        Luxaris l = luxaris(fake, SchedulingRules.defaults(), settings().build());
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        PostVariant variant = draft(l, alice, "fake", "Hello world");
        Instant t = START.plus(Duration.ofHours(3));
        Schedule s = schedule(l, alice, variant, account, t);

        clock.set(t.minusMillis(1));
        assertThat(l.publishing().runDue().total()).isZero();
        assertThat(fake.callCount()).isZero();

        clock.set(t);
        assertThat(l.publishing().runDue().published()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(l.publishing().runDue().total()).isZero();

        assertThat(fake.calls()).singleElement().satisfies(c -> assertThat(c.at())
                .isEqualTo(t));
        assertThat(fake.postsFor(s.id())).isEqualTo(1);
        Schedule done = l.schedules().get(alice, s.id());
        assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(done.attemptCount()).isEqualTo(1);
        assertThat(done.externalPostId()).contains(fake.posts().get(0).id());
        assertThat(done.externalUrl()).contains(fake.posts().get(0).url());
        assertThat(l.schedules().events(alice, s.id())).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(PublishEventStatus.SUCCESS);
            assertThat(e.attemptIndex()).isEqualTo(1);
            assertThat(e.externalPostId()).isEqualTo(done.externalPostId());
            assertThat(e.rawResponse()).isPresent();
        });
        var post = l.posts().get(alice, variant.postId());
        assertThat(post.post().status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(post.post().publishedAt()).contains(t);
        assertThat(post.firstVariant().status()).isEqualTo(VariantStatus.PUBLISHED);
        assertThat(events)
                .map(e -> e.getClass().getSimpleName())
                .containsExactly("Scheduled", "PublishStarted", "Published");
    }

    @Test
    void tenThousandSchedules_on50Connections_with30PercentRetryableFailures_endPublishedOrFailed_noneLostNoneTwice() {
        long seed = Long.getLong("luxaris.seed", System.nanoTime());
        System.out.println("EngineAcceptanceTest seed=" + seed + " (rerun with -Dluxaris.seed=" + seed + ")");
        var fake = ScriptedChannel.create("fake");
        fake.willAnswer(request -> new SplittableRandom(seed
                                        ^ (request.scheduleId().value().getLeastSignificantBits() * 31
                                                + request.attempt()))
                                .nextDouble()
                        < 0.3
                ? Behavior.fail(FailureKind.RETRYABLE, "http_503")
                : Behavior.succeed());
        var rules = SchedulingRules.builder()
                .retryPolicy(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0))
                .latenessWindow(Duration.ofDays(1))
                .build();
        Luxaris l = luxaris(
                fake, rules, settings().maxConcurrency(16).claimBatchSize(200).build());
        var connections = new ArrayList<ChannelConnection>();
        for (int i = 0; i < 50; i++) {
            connections.add(connect(l, alice, "fake", "@acct" + i));
        }
        var schedules = new ArrayList<Schedule>();
        for (int i = 0; i < 10_000; i++) {
            PostVariant v = draft(l, alice, "fake", "post " + i);
            schedules.add(schedule(l, alice, v, connections.get(i % 50), START.plusSeconds(60 + i / 50)));
        }
        clock.set(START.plusSeconds(60));
        for (int round = 0; round < 2_000; round++) {
            l.publishing().runDue();
            clock.advance(Duration.ofSeconds(1));
            if (l.publishing().status().nextDue().isEmpty() && round > 300) {
                break;
            }
        }
        clock.advance(Duration.ofMinutes(5));
        l.publishing().runDue();

        int success = 0;
        int failed = 0;
        for (Schedule s : schedules) {
            Schedule now = l.schedules().get(alice, s.id());
            assertThat(now.status()).as("schedule %s", s.id()).isIn(ScheduleStatus.SUCCESS, ScheduleStatus.FAILED);
            if (now.status() == ScheduleStatus.SUCCESS) {
                success++;
                assertThat(fake.postsFor(s.id())).isEqualTo(1);
            } else {
                failed++;
                assertThat(now.attemptCount()).isEqualTo(4);
                assertThat(fake.postsFor(s.id())).isZero();
            }
            assertThat(fake.callsFor(s.id())).isEqualTo(now.attemptCount());
        }
        System.out.println("10,000 schedules: " + success + " published, " + failed + " failed after 4 attempts, "
                + fake.callCount() + " channel calls, max " + fake.maxConcurrentCallsPerConnection()
                + " per connection");
        assertThat(success + failed).isEqualTo(10_000);
        assertThat(fake.posts()).hasSize(success);
        assertThat(fake.maxConcurrentCallsPerConnection()).isEqualTo(1);
        // per connection, first attempts happened in run-time order
        Map<io.luxaris.domain.ScheduleId, Instant> runAt = new HashMap<>();
        schedules.forEach(s -> runAt.put(s.id(), s.runAt()));
        Map<io.luxaris.domain.ConnectionId, Instant> last = new HashMap<>();
        for (var call : fake.calls()) {
            if (call.attempt() != 1) {
                continue;
            }
            Instant previous = last.put(call.connection(), runAt.get(call.schedule()));
            if (previous != null) {
                assertThat(runAt.get(call.schedule())).isAfterOrEqualTo(previous);
            }
        }
    }

    @Test
    void aPublisherThatHangsPastItsTimeout_endsUnconfirmed_isNeverRepublished_andCanBeResolvedByHand()
            throws InterruptedException {
        var fake = ScriptedChannel.create("fake");
        Luxaris l = luxaris(fake, SchedulingRules.defaults(), settings().build());
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        Schedule first = schedule(l, alice, draft(l, alice, "fake", "first"), account, START.plusSeconds(60));
        Schedule second = schedule(l, alice, draft(l, alice, "fake", "second"), account, START.plusSeconds(120));
        fake.willNext(Behavior.hangForever(), Behavior.hangForever());
        clock.set(START.plusSeconds(120));

        var report = l.publishing().runDue();
        assertThat(report.unconfirmed()).isEqualTo(2);
        for (Schedule s : List.of(first, second)) {
            assertThat(l.schedules().get(alice, s.id()).status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
            assertThat(l.schedules().events(alice, s.id())).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(PublishEventStatus.UNCONFIRMED);
                assertThat(e.errorCode()).contains("publish_timeout");
            });
        }
        fake.releaseHangs();
        // the channel is held back while its abandoned calls hold their threads: the republished one below must
        // not find it held (a loaded machine saw "published 0")
        waitUntil(() -> l.publishing().status().abandoned() == 0);
        clock.advance(Duration.ofHours(1));
        assertThat(l.publishing().runDue().total()).isZero();
        assertThat(fake.callCount()).isEqualTo(2);
        assertThat(l.posts().get(alice, first.postId()).post().status()).isEqualTo(PostStatus.SCHEDULED);

        Schedule resolved = l.schedules()
                .resolveUnconfirmed(
                        alice, first.id(), UnconfirmedResolution.published("ext-42", "https://fake.example/ext-42"));
        assertThat(resolved.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(resolved.externalPostId()).contains("ext-42");
        assertThat(l.posts().get(alice, first.postId()).post().status()).isEqualTo(PostStatus.PUBLISHED);

        Schedule again = l.schedules()
                .resolveUnconfirmed(
                        alice,
                        second.id(),
                        UnconfirmedResolution.republishAt(
                                When.instant(clock.instant().plusSeconds(30))));
        assertThat(again.status()).isEqualTo(ScheduleStatus.PENDING);
        clock.advance(Duration.ofSeconds(30));
        assertThat(l.publishing().runDue().published()).isEqualTo(1);
        assertThat(fake.postsFor(second.id())).isEqualTo(1);
        assertThat(l.schedules().events(alice, second.id()))
                .extracting(e -> e.status())
                .containsExactly(
                        PublishEventStatus.UNCONFIRMED, PublishEventStatus.RETRIED, PublishEventStatus.SUCCESS);
    }

    @Test
    void anEngineThatDiesMidPublish_leavesAnUnconfirmedScheduleThatAnotherEngineReaps_neverRepublished()
            throws Exception {
        var storage = InMemoryStorage.create();
        var fake = ScriptedChannel.create("fake");
        var settings = settings()
                .leaseDuration(Duration.ofSeconds(20))
                .publishTimeout(Duration.ofMinutes(10))
                .build();
        Luxaris dying = luxaris(storage, fake, SchedulingRules.defaults(), settings, "dying");
        Luxaris survivor = luxaris(storage, fake, SchedulingRules.defaults(), settings, "survivor");
        ChannelConnection account = connect(dying, alice, "fake", "@alice");
        Schedule s = schedule(dying, alice, draft(dying, alice, "fake", "hello"), account, START.plusSeconds(60));
        fake.willNext(Behavior.hangForever());
        clock.set(START.plusSeconds(60));
        dying.publishing().start();
        waitUntil(() -> fake.callCount() == 1);
        dying.publishing().stop(Duration.ZERO); // the process is gone: no more heartbeats
        assertThat(survivor.schedules().get(alice, s.id()).status()).isEqualTo(ScheduleStatus.PROCESSING);
        assertThat(survivor.schedules().get(alice, s.id()).lease()).isPresent();

        clock.advance(Duration.ofSeconds(21));
        var report = survivor.publishing().runDue();
        assertThat(report.reaped()).isEqualTo(1);
        Schedule reaped = survivor.schedules().get(alice, s.id());
        assertThat(reaped.status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
        assertThat(reaped.errorCode()).contains("lease_expired");
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(LuxarisEvent.Unconfirmed.class));
        clock.advance(Duration.ofHours(1));
        survivor.publishing().runDue();
        assertThat(fake.callsFor(s.id())).isEqualTo(1);
        fake.releaseHangs();
    }

    @Test
    void rateLimitedWithAResetTime_nothingIsRetriedOnThatConnectionBeforeTheReset() {
        var fake = ScriptedChannel.create("fake");
        Luxaris l = luxaris(fake, SchedulingRules.defaults(), settings().build());
        ChannelConnection limited = connect(l, alice, "fake", "@limited");
        ChannelConnection other = connect(l, alice, "fake", "@other");
        var onLimited = new ArrayList<Schedule>();
        for (int i = 0; i < 3; i++) {
            onLimited.add(
                    schedule(l, alice, draft(l, alice, "fake", "limited " + i), limited, START.plusSeconds(60 + i)));
        }
        Schedule onOther = schedule(l, alice, draft(l, alice, "fake", "other"), other, START.plusSeconds(61));
        Instant reset = START.plus(Duration.ofMinutes(16));
        fake.willAnswer(
                r -> r.connection().id().equals(limited.id()) && clock.instant().isBefore(reset)
                        ? Behavior.rateLimited(reset)
                        : Behavior.succeed());
        clock.set(START.plusSeconds(65));

        var first = l.publishing().runDue();
        assertThat(first.retried()).isEqualTo(1);
        assertThat(first.published()).isEqualTo(1);
        assertThat(fake.postsFor(onOther.id())).isEqualTo(1);
        assertThat(fake.callCount()).isEqualTo(2); // one call on the limited connection, then it is deferred
        for (Schedule s : onLimited) {
            assertThat(l.schedules().get(alice, s.id()).nextAttemptAt()).isAfterOrEqualTo(reset);
        }
        for (int minute = 0; minute < 14; minute++) {
            clock.advance(Duration.ofMinutes(1));
            l.publishing().runDue();
        }
        assertThat(clock.instant()).isBefore(reset);
        assertThat(fake.callCount()).isEqualTo(2);

        clock.set(reset.plus(Duration.ofMinutes(2)));
        assertThat(l.publishing().runDue().published()).isEqualTo(3);
        onLimited.forEach(s -> assertThat(fake.postsFor(s.id())).isEqualTo(1));
        assertThat(fake.calls().stream().skip(2))
                .allSatisfy(c -> assertThat(c.at()).isAfterOrEqualTo(reset));
    }

    @Test
    void stoppingWithWorkInFlight_losesNothing_andLeavesNothingProcessingWithoutALease() throws Exception {
        stopWithWorkInFlight(ScriptedChannel.create("fake"));
    }

    @Test
    void stoppingWithWorkInFlight_onAChannelClaimedStraightToProcessing_givesBackWhatItHadNotCalled() throws Exception {
        stopWithWorkInFlight(
                ScriptedChannel.builder("fake").withLookupForEveryRequest().build());
    }

    /** 40 schedules on 10 accounts, 4 in flight, stopped after the first calls: each ends published once. */
    private void stopWithWorkInFlight(ScriptedChannel fake) throws Exception {
        fake.willAlways(Behavior.delay(Duration.ofMillis(150), Behavior.succeed()));
        Luxaris l = luxaris(
                fake,
                SchedulingRules.defaults(),
                settings().maxConcurrency(4).claimBatchSize(4).build());
        var connections = new ArrayList<ChannelConnection>();
        for (int i = 0; i < 10; i++) {
            connections.add(connect(l, alice, "fake", "@a" + i));
        }
        var schedules = new ArrayList<Schedule>();
        for (int i = 0; i < 40; i++) {
            schedules.add(schedule(
                    l, alice, draft(l, alice, "fake", "p" + i), connections.get(i % 10), START.plusSeconds(60)));
        }
        clock.set(START.plusSeconds(60));
        l.publishing().start();
        waitUntil(() -> fake.callCount() >= 4);
        l.publishing().stop(Duration.ofSeconds(5));
        assertThat(l.publishing().status().inFlight()).isZero();
        int published = 0;
        for (Schedule s : schedules) {
            Schedule now = l.schedules().get(alice, s.id());
            assertThat(now.status()).isIn(ScheduleStatus.SUCCESS, ScheduleStatus.PENDING);
            if (now.status() == ScheduleStatus.SUCCESS) {
                published++;
            } else {
                assertThat(now.lease()).isEmpty();
            }
        }
        assertThat(published).isEqualTo(fake.posts().size()).isPositive();
        System.out.println("stopped after " + published + " of 40 published; the rest pending again");

        l.publishing().runDue();
        for (Schedule s : schedules) {
            assertThat(l.schedules().get(alice, s.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
            assertThat(fake.postsFor(s.id())).isEqualTo(1);
        }
    }

    @Test
    void theBackgroundEngine_wakesForAScheduleCreatedWhileItSleeps_andPublishesItAtItsTime() throws Exception {
        var fake = ScriptedChannel.create("fake");
        var realClock = java.time.Clock.systemUTC();
        Luxaris l = Luxaris.builder()
                .channel(fake)
                .clock(realClock)
                .engine(settings().maxIdleSleep(Duration.ofSeconds(30)).build())
                .build();
        opened.add(l);
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        l.publishing().start();
        Thread.sleep(200); // the engine found nothing due and sleeps for up to 30 s
        Instant due = realClock.instant().plusMillis(400);
        Schedule s = schedule(l, alice, draft(l, alice, "fake", "wake up"), account, due);
        waitUntil(() -> fake.postsFor(s.id()) == 1);
        assertThat(fake.calls().get(0).at()).isAfterOrEqualTo(due);
        // the outcome is written just after the channel answered: wait for it rather than race it
        waitUntil(() -> l.schedules().get(alice, s.id()).status() == ScheduleStatus.SUCCESS);
        assertThat(l.schedules().get(alice, s.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
        l.publishing().stop(Duration.ofSeconds(2));
    }

    @Test
    void anExpiredToken_isRefreshedOnce_andThePostGoesOut() {
        var fake = ScriptedChannel.builder("fake").refreshable().build();
        fake.willAlways(Behavior.requireToken("refreshed-access-1"));
        Luxaris l = luxaris(fake, SchedulingRules.defaults(), settings().build());
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        Schedule s = schedule(l, alice, draft(l, alice, "fake", "hi"), account, START.plusSeconds(60));
        clock.set(START.plusSeconds(60));
        assertThat(l.publishing().runDue().published()).isEqualTo(1);
        assertThat(fake.refreshCount()).isEqualTo(1);
        assertThat(fake.callsFor(s.id())).isEqualTo(2);
        assertThat(l.channels().health(alice, account.id()).tokenExpiresAt()).isPresent();
    }

    @Test
    void aRevokedAuthorization_failsTheSchedule_marksTheConnection_tellsTheHostOnce_andSkipsTheRest() {
        var fake = ScriptedChannel.create("fake");
        fake.willAlways(Behavior.fail(FailureKind.AUTH_REVOKED, "invalid_grant"));
        Luxaris l = luxaris(fake, SchedulingRules.defaults(), settings().build());
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        Schedule a = schedule(l, alice, draft(l, alice, "fake", "a"), account, START.plusSeconds(60));
        Schedule b = schedule(l, alice, draft(l, alice, "fake", "b"), account, START.plusSeconds(61));
        Schedule c = schedule(l, alice, draft(l, alice, "fake", "c"), account, START.plusSeconds(3600));
        clock.set(START.plusSeconds(61));
        l.publishing().runDue();
        assertThat(l.schedules().get(alice, a.id()).status()).isEqualTo(ScheduleStatus.FAILED);
        assertThat(l.channels().get(alice, account.id()).status()).isEqualTo(ConnectionStatus.ERROR);
        assertThat(l.channels().health(alice, account.id()).needsReauthorization())
                .isTrue();
        assertThat(events.stream().filter(e -> e instanceof LuxarisEvent.ConnectionNeedsReauthorization))
                .hasSize(1);
        assertThat(l.schedules().get(alice, b.id()).status()).isIn(ScheduleStatus.SKIPPED, ScheduleStatus.FAILED);
        clock.set(START.plusSeconds(3600));
        l.publishing().runDue();
        Schedule skipped = l.schedules().get(alice, c.id());
        assertThat(skipped.status()).isEqualTo(ScheduleStatus.SKIPPED);
        assertThat(skipped.errorCode()).contains("connection_error");
        assertThat(events.stream().filter(e -> e instanceof LuxarisEvent.ConnectionNeedsReauthorization))
                .hasSize(1);
        assertThat(fake.callCount()).isLessThanOrEqualTo(2);
    }

    @Test
    void anUnknownOutcome_isLookedUp_foundMeansPublished_absentMeansRetried() {
        var fake = ScriptedChannel.builder("fake").withLookup().build();
        Luxaris l = luxaris(fake, SchedulingRules.defaults(), settings().build());
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        Schedule posted = schedule(l, alice, draft(l, alice, "fake", "a"), account, START.plusSeconds(60));
        Schedule lost = schedule(l, alice, draft(l, alice, "fake", "b"), account, START.plusSeconds(61));
        fake.willNext(Behavior.postedButUnknown(), Behavior.fail(FailureKind.UNKNOWN, "timeout"));
        clock.set(START.plusSeconds(61));
        var report = l.publishing().runDue();
        assertThat(l.schedules().get(alice, posted.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(fake.postsFor(posted.id())).isEqualTo(1);
        assertThat(l.schedules().get(alice, lost.id()).status()).isIn(ScheduleStatus.PENDING, ScheduleStatus.SUCCESS);
        clock.advance(Duration.ofMinutes(5));
        l.publishing().runDue();
        assertThat(l.schedules().get(alice, lost.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(fake.postsFor(lost.id())).isEqualTo(1);
        assertThat(report.unconfirmed()).isZero();
    }

    @Test
    void skips_archivedPost_revokedConnection_andStaleSchedules_eachWithAReason() {
        var fake = ScriptedChannel.create("fake");
        Luxaris l = luxaris(fake, SchedulingRules.defaults(), settings().build());
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        ChannelConnection revoked = connect(l, alice, "fake", "@revoked");
        PostVariant archivedVariant = draft(l, alice, "fake", "archived");
        Schedule archived = schedule(l, alice, archivedVariant, account, START.plusSeconds(60));
        Schedule onRevoked = schedule(l, alice, draft(l, alice, "fake", "revoked"), revoked, START.plusSeconds(60));
        Schedule stale = schedule(l, alice, draft(l, alice, "fake", "stale"), account, START.plusSeconds(60));
        l.posts().archive(alice, archivedVariant.postId());
        l.channels().revoke(alice, revoked.id());
        clock.set(START.plusSeconds(60).plus(Duration.ofHours(3)));
        var report = l.publishing().runDue();
        assertThat(fake.callCount()).isZero();
        assertThat(report.skipped()).isEqualTo(2);
        assertThat(l.schedules().get(alice, archived.id()).status()).isEqualTo(ScheduleStatus.CANCELLED);
        Schedule r = l.schedules().get(alice, onRevoked.id());
        assertThat(r.status()).isEqualTo(ScheduleStatus.SKIPPED);
        assertThat(r.errorCode()).contains("connection_revoked");
        Schedule late = l.schedules().get(alice, stale.id());
        assertThat(late.status()).isEqualTo(ScheduleStatus.SKIPPED);
        assertThat(late.errorCode()).contains("too_late");
        assertThat(late.errorMessage().orElseThrow()).contains("lateness window");
        assertThat(l.posts().get(alice, stale.postId()).post().status()).isEqualTo(PostStatus.DRAFT);
        assertThat(events).filteredOn(e -> e instanceof LuxarisEvent.Skipped).hasSize(2);
    }

    @Test
    void aThrowingListener_isLoggedAndNeverBreaksTheEngine() {
        var fake = ScriptedChannel.create("fake");
        Luxaris l = Luxaris.builder()
                .channel(fake)
                .clock(clock)
                .listener(e -> {
                    throw new IllegalStateException("listener bug");
                })
                .build();
        opened.add(l);
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        Schedule s = schedule(l, alice, draft(l, alice, "fake", "x"), account, START.plusSeconds(60));
        clock.set(START.plusSeconds(60));
        assertThat(l.publishing().runDue().published()).isEqualTo(1);
        assertThat(l.schedules().get(alice, s.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
    }

    @Test
    void attemptsExhausted_failTheScheduleAndTheVariant_withTheLastCodeAndACountedMessage() {
        var fake = ScriptedChannel.create("fake");
        fake.willAlways(Behavior.fail(FailureKind.RETRYABLE, "http_502"));
        var rules = SchedulingRules.builder()
                .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0))
                .build();
        Luxaris l = luxaris(fake, rules, settings().build());
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        PostVariant v = draft(l, alice, "fake", "x");
        Schedule s = schedule(l, alice, v, account, START.plusSeconds(60));
        clock.set(START.plusSeconds(60));
        for (int i = 0; i < 5; i++) {
            l.publishing().runDue();
            clock.advance(Duration.ofSeconds(2));
        }
        Schedule failed = l.schedules().get(alice, s.id());
        assertThat(failed.status()).isEqualTo(ScheduleStatus.FAILED);
        assertThat(failed.errorCode()).contains("http_502");
        assertThat(failed.errorMessage().orElseThrow()).contains("3 attempts");
        assertThat(l.posts().variant(alice, v.id()).status()).isEqualTo(VariantStatus.FAILED);
        assertThat(l.posts().get(alice, v.postId()).post().status()).isEqualTo(PostStatus.DRAFT);
        assertThat(l.schedules().events(alice, s.id()))
                .extracting(e -> e.status())
                .containsExactly(PublishEventStatus.RETRIED, PublishEventStatus.RETRIED, PublishEventStatus.FAILED);
        assertThat(fake.callCount()).isEqualTo(3);
    }

    @Test
    void concurrencyLimits_global_perConnection_andPerChannel_areHonoured() {
        var fast = ScriptedChannel.create("fake");
        var slow = ScriptedChannel.create("slow");
        fast.willAlways(Behavior.delay(Duration.ofMillis(20), Behavior.succeed()));
        slow.willAlways(Behavior.delay(Duration.ofMillis(20), Behavior.succeed()));
        Luxaris l = Luxaris.builder()
                .channel(fast)
                .channel(slow)
                .clock(clock)
                .engine(settings()
                        .maxConcurrency(6)
                        .perChannelConcurrency(2)
                        .perConnectionConcurrency(1)
                        .build())
                .build();
        opened.add(l);
        var connections = new ArrayList<ChannelConnection>();
        for (int i = 0; i < 8; i++) {
            connections.add(connect(l, alice, i % 2 == 0 ? "fake" : "slow", "@c" + i));
        }
        for (int i = 0; i < 64; i++) {
            ChannelConnection c = connections.get(i % 8);
            String channel = i % 2 == 0 ? "fake" : "slow";
            schedule(l, alice, draft(l, alice, channel, "p" + i), c, START.plusSeconds(60));
        }
        clock.set(START.plusSeconds(60));
        assertThat(l.publishing().runDue().published()).isEqualTo(64);
        assertThat(fast.maxConcurrentCalls()).isLessThanOrEqualTo(2);
        assertThat(slow.maxConcurrentCalls()).isLessThanOrEqualTo(2);
        assertThat(fast.maxConcurrentCallsPerConnection()).isEqualTo(1);
        assertThat(slow.maxConcurrentCallsPerConnection()).isEqualTo(1);
        assertThat(fast.maxConcurrentCalls() + slow.maxConcurrentCalls()).isGreaterThan(1);
    }

    @Test
    void aTokenThatExpiresSoonAndCannotBeRefreshed_isSignalledOnce() {
        var fake = ScriptedChannel.create("fake");
        Luxaris l = luxaris(fake, SchedulingRules.defaults(), settings().build());
        var account = l.channels()
                .connect(
                        alice,
                        io.luxaris.usecase.ConnectionRequest.of(
                                "fake",
                                "@li",
                                io.luxaris.domain.Credentials.bearer("sixty-day-token")
                                        .with(
                                                io.luxaris.domain.Credentials.EXPIRES_AT,
                                                START.plus(Duration.ofDays(10)).toString())));
        schedule(l, alice, draft(l, alice, "fake", "a"), account, START.plusSeconds(60));
        schedule(l, alice, draft(l, alice, "fake", "b"), account, START.plus(Duration.ofDays(4)));
        schedule(l, alice, draft(l, alice, "fake", "c"), account, START.plus(Duration.ofDays(5)));
        clock.set(START.plusSeconds(60));
        l.publishing().runDue();
        assertThat(events).noneMatch(e -> e instanceof LuxarisEvent.ConnectionExpiringSoon);
        clock.set(START.plus(Duration.ofDays(4)));
        l.publishing().runDue();
        clock.set(START.plus(Duration.ofDays(5)));
        l.publishing().runDue();
        assertThat(events)
                .filteredOn(e -> e instanceof LuxarisEvent.ConnectionExpiringSoon)
                .singleElement()
                .satisfies(e -> assertThat(((LuxarisEvent.ConnectionExpiringSoon) e).expiresAt())
                        .isEqualTo(START.plus(Duration.ofDays(10))));
    }

    @Test
    void anEngineThatDiesAfterPosting_onAChannelWithLookup_isSettledAsPublishedByTheReaper_notPostedAgain()
            throws Exception {
        var storage = InMemoryStorage.create();
        var fake = ScriptedChannel.builder("fake").withLookup().build();
        var settings = settings()
                .leaseDuration(Duration.ofSeconds(20))
                .publishTimeout(Duration.ofMinutes(10))
                .build();
        Luxaris dying = luxaris(storage, fake, SchedulingRules.defaults(), settings, "dying");
        Luxaris survivor = luxaris(storage, fake, SchedulingRules.defaults(), settings, "survivor");
        ChannelConnection account = connect(dying, alice, "fake", "@alice");
        Schedule posted = schedule(dying, alice, draft(dying, alice, "fake", "posted"), account, START.plusSeconds(60));
        fake.willNext(Behavior.postedThenHang());
        clock.set(START.plusSeconds(60));
        dying.publishing().start();
        waitUntil(() -> fake.callCount() == 1);
        dying.publishing().stop(Duration.ZERO);

        clock.advance(Duration.ofSeconds(21));
        survivor.publishing().runDue();
        Schedule settled = survivor.schedules().get(alice, posted.id());
        assertThat(settled.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(settled.externalPostId()).contains(fake.posts().get(0).id());
        assertThat(fake.postsFor(posted.id())).isEqualTo(1);
        assertThat(survivor.schedules().events(alice, posted.id()))
                .extracting(e -> e.status())
                .containsExactly(PublishEventStatus.UNCONFIRMED, PublishEventStatus.SUCCESS);
        fake.releaseHangs();
    }

    @Test
    void reconcile_asksThePlatform_publishedWhenFound_publishedAgainWhenAbsent() throws InterruptedException {
        var fake = ScriptedChannel.builder("fake").withLookup().build();
        Luxaris l = luxaris(fake, SchedulingRules.defaults(), settings().build());
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        Schedule found = schedule(l, alice, draft(l, alice, "fake", "found"), account, START.plusSeconds(60));
        Schedule absent = schedule(l, alice, draft(l, alice, "fake", "absent"), account, START.plusSeconds(61));
        fake.willNext(Behavior.postedThenHang(), Behavior.hangForever());
        clock.set(START.plusSeconds(61));
        assertThat(l.publishing().runDue().unconfirmed()).isEqualTo(2);
        assertThat(l.publishing().status().abandoned()).isEqualTo(2);
        fake.releaseHangs();
        // the channel is held back while its abandoned calls hold their threads; released, they return
        waitUntil(() -> l.publishing().status().abandoned() == 0);

        assertThat(l.schedules().reconcile(alice, found.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
        Schedule again = l.schedules().reconcile(alice, absent.id());
        assertThat(again.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(l.publishing().runDue().published()).isEqualTo(1);
        assertThat(fake.postsFor(found.id())).isEqualTo(1);
        assertThat(fake.postsFor(absent.id())).isEqualTo(1);
        assertThatThrownBy(() -> l.schedules().reconcile(alice, found.id()))
                .isInstanceOf(io.luxaris.errors.ConflictException.class);
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }
}
