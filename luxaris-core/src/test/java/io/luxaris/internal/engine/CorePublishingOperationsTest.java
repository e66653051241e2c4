package io.luxaris.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantStatus;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.StorageException;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishContext;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.spi.engine.ClaimedJobs;
import io.luxaris.spi.engine.EngineSettings;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import io.luxaris.spi.engine.RunReport;
import io.luxaris.spi.security.Principal;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Luxaris's publishing steps on the in-memory storage, with a fake channel and a hand-set clock. */
class CorePublishingOperationsTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T = START.plus(Duration.ofHours(1));
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(START);
    private final FakeChannel channel = new FakeChannel();
    private final SelectiveCipher cipher = new SelectiveCipher();
    private final List<LuxarisEvent> events = new CopyOnWriteArrayList<>();
    private final Principal alice = Principal.of("alice");
    private FlakyStorage storage;
    private CorePublishingOperations ops;
    private Luxaris luxaris;

    @BeforeEach
    void build() {
        luxaris = Luxaris.builder()
                .storage(context ->
                        storage = new FlakyStorage(InMemoryStorage.create().open(context)))
                .channel(channel)
                .clock(clock)
                .secretCipher(cipher)
                .listener(events::add)
                .random(new SplittableRandom(1))
                .instanceId("node-1")
                .rules(SchedulingRules.defaults())
                .engine(EngineSettings.builder()
                        .maxConcurrency(4)
                        .leaseDuration(LEASE)
                        .executor(Runnable::run)
                        .build())
                .schedulerEngine(context -> {
                    ops = (CorePublishingOperations) context.operations();
                    return new DefaultSchedulerEngine(context, new ManualTicker());
                })
                .build();
    }

    @AfterEach
    void close() {
        luxaris.close();
    }

    // ---------------------------------------------------------------- helpers

    private ChannelConnection connect(String name) {
        return connect(name, Credentials.bearer("token-of-" + name));
    }

    private ChannelConnection connect(String name, Credentials credentials) {
        return luxaris.channels().connect(alice, ConnectionRequest.of(FakeChannel.KEY, name, credentials));
    }

    private Schedule schedule(ChannelConnection connection, Instant at) {
        PostVariant variant = luxaris.posts()
                .create(
                        alice,
                        PostDraft.of("post for " + connection.displayName())
                                .withVariant(VariantDraft.of(FakeChannel.KEY, "text for " + connection.displayName())))
                .firstVariant();
        return luxaris.schedules().schedule(alice, ScheduleRequest.at(variant.id(), connection.id(), at));
    }

    private Schedule stored(Schedule s) {
        return luxaris.schedules().get(alice, s.id());
    }

    private List<PublishEvent> eventsOf(Schedule s) {
        return luxaris.schedules().events(alice, s.id());
    }

    private <E extends LuxarisEvent> List<E> notices(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The notices about the engine's work, by type name, in order (without Scheduled). */
    private List<String> engineNotices() {
        return events.stream()
                .filter(e -> !(e instanceof LuxarisEvent.Scheduled))
                .map(e -> e.getClass().getSimpleName())
                .toList();
    }

    private PublishJob only(List<PublishJob> jobs, Schedule s) {
        return jobs.stream()
                .filter(j -> j.schedule().id().equals(s.id()))
                .findFirst()
                .orElseThrow();
    }

    /** Claims, starts and publishes what is due; writes nothing. */
    private List<JobResult> publishDue() {
        List<PublishJob> started = ops.start(ops.claim(10, Set.of()).jobs());
        return started.stream().map(ops::publish).toList();
    }

    private static Optional<PublishOutcome.Failed> failure(JobResult r) {
        return r.outcome() instanceof PublishOutcome.Failed f ? Optional.of(f) : Optional.empty();
    }

    // ---------------------------------------------------------------- claim

    @Test
    void claim_skipsArchivedPostsRevokedConnectionsAndLateSchedules_andReturnsTheRest() {
        ChannelConnection a = connect("@a");
        ChannelConnection revoked = connect("@revoked");
        Schedule late = schedule(a, START.plusSeconds(60));
        Instant now = START.plus(Duration.ofHours(3));
        Schedule onTime = schedule(a, now);
        Schedule ofRevoked = schedule(revoked, now);
        Schedule ofArchived = schedule(a, now);
        luxaris.channels().revoke(alice, revoked.id());
        storage.inTransaction(tx -> tx.posts()
                .update(tx.posts().find(ofArchived.postId()).orElseThrow().withStatus(PostStatus.ARCHIVED, START)));
        clock.set(now);

        ClaimedJobs claimed = ops.claim(10, Set.of());

        assertThat(claimed.jobs()).singleElement().satisfies(job -> {
            assertThat(job.schedule().id()).isEqualTo(onTime.id());
            assertThat(job.schedule().status()).isEqualTo(ScheduleStatus.QUEUED);
            assertThat(job.schedule().lease()).hasValueSatisfying(l -> {
                assertThat(l.owner()).isEqualTo("node-1");
                assertThat(l.expiresAt()).isEqualTo(now.plus(LEASE));
            });
            assertThat(job.connection().id()).isEqualTo(a.id());
            assertThat(job.channel().id()).isEqualTo(ChannelId.forKey(FakeChannel.KEY));
        });
        assertThat(claimed.skipped()).isEqualTo(3);
        assertThat(Map.of(
                        "too_late", stored(late),
                        "connection_revoked", stored(ofRevoked),
                        "post_archived", stored(ofArchived)))
                .allSatisfy((code, s) -> {
                    assertThat(s.status()).isEqualTo(ScheduleStatus.SKIPPED);
                    assertThat(s.errorCode()).contains(code);
                    assertThat(s.lease()).isEmpty();
                    assertThat(eventsOf(s)).singleElement().satisfies(e -> {
                        assertThat(e.status()).isEqualTo(PublishEventStatus.CANCELLED);
                        assertThat(e.errorCode()).contains(code);
                    });
                });
        assertThat(notices(LuxarisEvent.Skipped.class))
                .extracting(n -> n.schedule().id())
                .containsExactlyInAnyOrder(late.id(), ofRevoked.id(), ofArchived.id());
        assertThat(channel.calls()).isEmpty();
    }

    @Test
    void claim_leavesOutBusyConnectionsAndChannels_andClaimsNothingWhenEveryChannelIsBusy() {
        ChannelConnection a = connect("@a");
        ChannelConnection b = connect("@b");
        schedule(a, T);
        Schedule ofB = schedule(b, T);
        clock.set(T);

        assertThat(ops.claim(10, Set.of(), Set.of(ChannelId.forKey(FakeChannel.KEY))))
                .isEqualTo(ClaimedJobs.none());
        ClaimedJobs claimed = ops.claim(10, Set.of(a.id()));

        assertThat(claimed.jobs()).extracting(j -> j.schedule().id()).containsExactly(ofB.id());
        assertThat(ops.nextDue()).contains(T);
    }

    @Test
    void releasedClaims_arePendingAgain() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        clock.set(T);
        List<PublishJob> jobs = ops.claim(10, Set.of()).jobs();

        ops.release(jobs);
        ops.release(List.of());

        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(stored(s).lease()).isEmpty();
        assertThat(ops.now()).isEqualTo(T);
        assertThat(ops.nextDue()).contains(T);
    }

    // ---------------------------------------------------------------- start and credentials

    @Test
    void start_movesClaimsToProcessing_andTellsTheHost() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        clock.set(T);

        List<PublishJob> started = ops.start(ops.claim(10, Set.of()).jobs());

        assertThat(started).singleElement().satisfies(j -> {
            assertThat(j.schedule().status()).isEqualTo(ScheduleStatus.PROCESSING);
            assertThat(j.schedule().lastAttemptAt()).contains(T);
        });
        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.PROCESSING);
        assertThat(notices(LuxarisEvent.PublishStarted.class))
                .singleElement()
                .satisfies(n -> assertThat(n.schedule().id()).isEqualTo(s.id()));
        assertThat(ops.start(List.of())).isEmpty();
    }

    @Test
    void aClaimThatNoLongerHolds_isNotStarted() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        clock.set(T);
        List<PublishJob> jobs = ops.claim(10, Set.of()).jobs();
        clock.set(T.plus(LEASE).plusSeconds(1));
        ops.reap(); // another instance gives it back

        assertThat(ops.start(jobs)).isEmpty();
        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.PENDING);
    }

    // ---------------------------------------------------------------- claimed straight to processing

    /** Builds the instance again with a channel that can look every post up (and finds none). */
    private void lookingUpEveryPost() {
        luxaris.close();
        channel.lookupEveryRequest(r -> new LookupResult.Absent());
        build();
    }

    /** On a channel that can look every post up: one schedule of {@code @a} due at T, the clock at T. */
    private Schedule dueOnAChannelLookingUpEveryPost() {
        lookingUpEveryPost();
        Schedule s = schedule(connect("@a"), T);
        clock.set(T);
        return s;
    }

    @Test
    void aChannelThatLooksUpEveryPost_isClaimedStraightToProcessing_andStartedWithoutATransactionOfItsOwn() {
        Schedule s = dueOnAChannelLookingUpEveryPost();

        List<PublishJob> claimed = ops.claim(10, Set.of()).jobs();

        assertThat(claimed).singleElement().satisfies(j -> {
            assertThat(j.schedule().status()).isEqualTo(ScheduleStatus.PROCESSING);
            assertThat(j.schedule().lastAttemptAt()).contains(T);
        });
        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.PROCESSING);
        int transactions = storage.transactions();
        List<PublishJob> started = ops.start(claimed);
        assertThat(storage.transactions()).as("no start transaction").isEqualTo(transactions);
        assertThat(started).singleElement().satisfies(j -> assertThat(j.schedule())
                .isEqualTo(stored(s)));
        assertThat(notices(LuxarisEvent.PublishStarted.class))
                .singleElement()
                .satisfies(n -> assertThat(n.schedule().id()).isEqualTo(s.id()));

        JobResult result = ops.publish(started.get(0));
        ops.complete(List.of(result));

        assertThat(channel.calls()).singleElement().satisfies(c -> assertThat(c.accessToken())
                .as("credentials read with the claim")
                .isEqualTo("token-of-@a"));
        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(eventsOf(s)).extracting(PublishEvent::status).containsExactly(PublishEventStatus.SUCCESS);
    }

    @Test
    void aJobClaimedStraightToProcessing_thatWaitedHalfALease_startsOnlyIfItsClaimStillHolds() {
        lookingUpEveryPost();
        ChannelConnection a = connect("@a");
        ChannelConnection b = connect("@b");
        Schedule ofA = schedule(a, T);
        Schedule ofB = schedule(b, T);
        clock.set(T);
        List<PublishJob> claimed = ops.claim(10, Set.of()).jobs();
        clock.set(T.plus(LEASE.dividedBy(2)).plusSeconds(1));

        int transactions = storage.transactions();
        List<PublishJob> startedA = ops.start(List.of(only(claimed, ofA)));

        assertThat(storage.transactions()).as("its row was checked").isEqualTo(transactions + 1);
        assertThat(startedA).extracting(j -> j.schedule().id()).containsExactly(ofA.id());

        clock.set(T.plus(LEASE).plusSeconds(1));
        ops.reap(); // another instance takes over the expired claim of b: unconfirmed, looked up, absent: pending

        assertThat(stored(ofB).status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(ops.start(List.of(only(claimed, ofB)))).isEmpty();
        assertThat(channel.calls()).isEmpty();
    }

    @Test
    void anInstanceThatDiesAfterClaimingStraightToProcessing_leavesItToTheReapersLookup_andItIsPublishedOnce() {
        Schedule s = dueOnAChannelLookingUpEveryPost();
        assertThat(ops.claim(10, Set.of()).jobs()).hasSize(1); // and the instance dies before calling the channel
        clock.set(T.plus(LEASE).plusSeconds(1));

        ops.reap();

        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(stored(s).errorCode()).contains("reconciled_absent");
        assertThat(eventsOf(s))
                .extracting(PublishEvent::status)
                .containsExactly(PublishEventStatus.UNCONFIRMED, PublishEventStatus.RETRIED);
        List<JobResult> results = publishDue();
        ops.complete(results);
        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(stored(s).attemptCount()).isEqualTo(2);
        assertThat(channel.calls()).hasSize(1);
    }

    @Test
    void releasedClaimsStraightToProcessing_arePendingAgain_andTheirCredentialsForgotten() {
        Schedule s = dueOnAChannelLookingUpEveryPost();
        List<PublishJob> jobs = ops.claim(10, Set.of()).jobs();

        ops.release(jobs);

        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(stored(s).lease()).isEmpty();
        assertThat(ops.nextDue()).contains(T);
        assertThat(ops.start(jobs)).as("a released claim does not start").isEmpty();
    }

    @Test
    void runDue_publishesEveryScheduleOfAChannelThatLooksUpEveryPost_once_inEachAccountsOrder() {
        lookingUpEveryPost();
        ChannelConnection a = connect("@a");
        ChannelConnection b = connect("@b");
        var schedules = new java.util.ArrayList<Schedule>();
        for (int i = 0; i < 6; i++) {
            schedules.add(schedule(i % 2 == 0 ? a : b, T.plusSeconds(i)));
        }
        clock.set(T.plusSeconds(10));

        RunReport report = luxaris.publishing().runDue();

        assertThat(report.published()).isEqualTo(6);
        assertThat(schedules).allSatisfy(s -> assertThat(stored(s).status()).isEqualTo(ScheduleStatus.SUCCESS));
        assertThat(channel.calls())
                .extracting(c -> c.request().scheduleId())
                .containsExactlyElementsOf(schedules.stream().map(Schedule::id).toList());
    }

    @Test
    void credentialsThatCannotBeDecrypted_failOnlyThatConnectionsSchedules_andMarkItErrorOnce() {
        ChannelConnection lost = connect("@lost");
        ChannelConnection fine = connect("@fine");
        Schedule lost1 = schedule(lost, T);
        Schedule lost2 = schedule(lost, T.plusSeconds(60));
        Schedule ofFine = schedule(fine, T);
        cipher.cannotDecrypt(lost.id());
        clock.set(T.plusSeconds(60));

        RunReport report = luxaris.publishing().runDue();

        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.published()).isEqualTo(1);
        for (Schedule s : List.of(lost1, lost2)) {
            assertThat(stored(s).status()).isEqualTo(ScheduleStatus.FAILED);
            assertThat(stored(s).errorCode()).contains(OutcomePlanner.CREDENTIALS_UNREADABLE);
        }
        assertThat(stored(ofFine).status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(channel.calls()).extracting(c -> c.request().scheduleId()).containsExactly(ofFine.id());
        assertThat(luxaris.channels().get(alice, lost.id()).status()).isEqualTo(ConnectionStatus.ERROR);
        assertThat(luxaris.channels().get(alice, fine.id()).status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(notices(LuxarisEvent.ConnectionNeedsReauthorization.class))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.connection().id()).isEqualTo(lost.id());
                    assertThat(n.reason()).contains("cannot be decrypted");
                });
    }

    @Test
    void aPublishWithoutStart_readsTheStoredCredentials() {
        ChannelConnection a = connect("@a");
        schedule(a, T);
        clock.set(T);
        PublishJob claimed = ops.claim(10, Set.of()).jobs().get(0);

        JobResult result = ops.publish(claimed);

        assertThat(result.outcome()).isInstanceOf(PublishOutcome.Published.class);
        assertThat(channel.calls()).singleElement().satisfies(c -> assertThat(c.accessToken())
                .isEqualTo("token-of-@a"));
    }

    @Test
    void aConnectionsCredentials_areOpenedOnceWhileTheStoredOnesStayTheSame_andReplacedOnesAreUsedAtTheNextStart() {
        ChannelConnection a = connect("@a");
        schedule(a, T);
        schedule(a, T.plusSeconds(60));
        clock.set(T.plusSeconds(60));
        ops.complete(publishDue());
        luxaris.channels().reconnect(alice, a.id(), Credentials.bearer("token-after-reconnect"));
        schedule(a, T.plusSeconds(120));
        clock.set(T.plusSeconds(120));
        ops.complete(publishDue());

        assertThat(channel.calls())
                .extracting(FakeChannel.Call::accessToken)
                .containsExactly("token-of-@a", "token-of-@a", "token-after-reconnect");
        assertThat(ops.credentialsOpenedAndKept()).isEqualTo(1);
    }

    @Test
    void aConnectionsLastUse_isRecordedToTheMinute() {
        ChannelConnection a = connect("@a");
        schedule(a, T);
        schedule(a, T.plusSeconds(59));
        schedule(a, T.plusSeconds(120));
        clock.set(T);
        ops.complete(publishDue());
        assertThat(luxaris.channels().get(alice, a.id()).lastUsedAt()).contains(T);

        clock.set(T.plusSeconds(59));
        ops.complete(publishDue());
        assertThat(luxaris.channels().get(alice, a.id()).lastUsedAt()).contains(T);

        clock.set(T.plusSeconds(120));
        ops.complete(publishDue());
        assertThat(luxaris.channels().get(alice, a.id()).lastUsedAt()).contains(T.plusSeconds(120));
        assertThat(channel.calls()).hasSize(3);
    }

    @Test
    void aTokenThatExpiresSoonAndCannotBeRefreshed_isToldOncePerExpiry() {
        Instant expires = T.plus(Duration.ofDays(3));
        ChannelConnection a = connect(
                "@a",
                Credentials.of(Map.of(Credentials.ACCESS_TOKEN, "tok-a", Credentials.EXPIRES_AT, expires.toString())));
        ChannelConnection refreshable =
                connect("@r", Credentials.oauth2("tok-r", "refresh-r", T.plus(Duration.ofDays(1))));
        schedule(a, T);
        schedule(a, T.plusSeconds(60));
        schedule(refreshable, T);
        clock.set(T.plusSeconds(60));

        luxaris.publishing().runDue();

        assertThat(notices(LuxarisEvent.ConnectionExpiringSoon.class))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.connection().id()).isEqualTo(a.id());
                    assertThat(n.expiresAt()).isEqualTo(expires);
                });
    }

    // ---------------------------------------------------------------- publish: refresh, lookup, safe text

    @Test
    void anExpiredToken_isRefreshedOnce_andTheCallRepeatedWithWhatTheFirstCallDid() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        channel.then(PublishOutcome.failed(FailureKind.AUTH_EXPIRED, "token_expired", "expired")
                        .withCheckpoint(Map.of("part1", "id-1")))
                .refreshesTo(Credentials.bearer("rotated-token"));
        clock.set(T);

        RunReport report = luxaris.publishing().runDue();

        assertThat(report.published()).isEqualTo(1);
        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(channel.refreshes()).isEqualTo(1);
        assertThat(channel.calls()).hasSize(2);
        assertThat(channel.calls().get(0).accessToken()).isEqualTo("token-of-@a");
        assertThat(channel.calls().get(1).accessToken()).isEqualTo("rotated-token");
        assertThat(channel.calls().get(1).request().checkpoint()).containsEntry("part1", "id-1");
    }

    static Stream<Arguments> refreshes() {
        Function<PublishContext, RefreshResult> throwing = c -> {
            throw new IllegalStateException("the token endpoint broke");
        };
        return Stream.of(
                // what refreshing does, the schedule's status and error code, the connection's status
                Arguments.of(
                        "revoked",
                        (Function<PublishContext, RefreshResult>)
                                c -> new RefreshResult.Revoked("invalid_grant", "the grant is gone"),
                        ScheduleStatus.FAILED,
                        "invalid_grant",
                        ConnectionStatus.ERROR),
                Arguments.of(
                        "transient",
                        (Function<PublishContext, RefreshResult>)
                                c -> new RefreshResult.TransientFailure("http_503", "try later"),
                        ScheduleStatus.PENDING,
                        "http_503",
                        ConnectionStatus.CONNECTED),
                Arguments.of("throws", throwing, ScheduleStatus.PENDING, "refresh_error", ConnectionStatus.CONNECTED),
                Arguments.of(
                        "unsupported",
                        (Function<PublishContext, RefreshResult>) c -> new RefreshResult.Unsupported(),
                        ScheduleStatus.FAILED,
                        "token_expired",
                        ConnectionStatus.ERROR));
    }

    @ParameterizedTest(name = "refresh {0} -> {2} {3}, connection {4}")
    @MethodSource("refreshes")
    void aRefreshThatDoesNotSucceed_decidesTheOutcome(
            String what,
            Function<PublishContext, RefreshResult> refresh,
            ScheduleStatus status,
            String code,
            ConnectionStatus connectionStatus) {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        channel.then(PublishOutcome.failed(FailureKind.AUTH_EXPIRED, "token_expired", "expired"))
                .refresh(refresh);
        clock.set(T);

        luxaris.publishing().runDue();

        assertThat(stored(s).status()).isEqualTo(status);
        assertThat(stored(s).errorCode()).contains(code);
        assertThat(luxaris.channels().get(alice, a.id()).status()).isEqualTo(connectionStatus);
        assertThat(channel.calls())
                .as("called once: no repeat without new credentials")
                .hasSize(1);
    }

    @Test
    void aTokenStillExpiredAfterTheRefresh_isNotRefreshedTwice() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        var expired = PublishOutcome.failed(FailureKind.AUTH_EXPIRED, "token_expired", "expired");
        channel.then(expired).then(expired).refreshesTo(Credentials.bearer("rotated-token"));
        clock.set(T);

        luxaris.publishing().runDue();

        assertThat(channel.refreshes()).isEqualTo(1);
        assertThat(channel.calls()).hasSize(2);
        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.FAILED);
        assertThat(luxaris.channels().get(alice, a.id()).status()).isEqualTo(ConnectionStatus.ERROR);
    }

    static Stream<Arguments> lookups() {
        Function<io.luxaris.spi.channel.PublishRequest, LookupResult> throwing = r -> {
            throw new IllegalStateException("lookup broke");
        };
        return Stream.of(
                // what the lookup finds, the schedule's status, its events, the notices after PublishStarted
                Arguments.of(
                        "found",
                        (Function<io.luxaris.spi.channel.PublishRequest, LookupResult>)
                                r -> new LookupResult.Found("found-1", Optional.of("https://fake.example/found-1")),
                        ScheduleStatus.SUCCESS,
                        List.of(PublishEventStatus.UNCONFIRMED, PublishEventStatus.SUCCESS),
                        List.of("Unconfirmed", "Published")),
                Arguments.of(
                        "absent",
                        (Function<io.luxaris.spi.channel.PublishRequest, LookupResult>) r -> new LookupResult.Absent(),
                        ScheduleStatus.PENDING,
                        List.of(PublishEventStatus.UNCONFIRMED, PublishEventStatus.RETRIED),
                        List.of("Unconfirmed", "RetryScheduled")),
                Arguments.of(
                        "unknown",
                        (Function<io.luxaris.spi.channel.PublishRequest, LookupResult>)
                                r -> new LookupResult.Unknown("cannot tell"),
                        ScheduleStatus.UNCONFIRMED,
                        List.of(PublishEventStatus.UNCONFIRMED),
                        List.of("Unconfirmed")),
                Arguments.of(
                        "throws",
                        throwing,
                        ScheduleStatus.UNCONFIRMED,
                        List.of(PublishEventStatus.UNCONFIRMED),
                        List.of("Unconfirmed")));
    }

    @ParameterizedTest(name = "lookup {0} -> {2} {3} {4}")
    @MethodSource("lookups")
    void anUnknownOutcome_isLookedUpAtOnce_leavingTheUnconfirmedThenReconciledTrail(
            String what,
            Function<io.luxaris.spi.channel.PublishRequest, LookupResult> lookup,
            ScheduleStatus status,
            List<PublishEventStatus> trail,
            List<String> notices) {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        channel.then(PublishOutcome.failed(FailureKind.UNKNOWN, "timeout", "no answer"))
                .lookup(lookup);
        clock.set(T);

        luxaris.publishing().runDue();

        assertThat(stored(s).status()).isEqualTo(status);
        assertThat(eventsOf(s)).extracting(PublishEvent::status).containsExactlyElementsOf(trail);
        assertThat(engineNotices())
                .containsExactlyElementsOf(Stream.concat(Stream.of("PublishStarted"), notices.stream())
                        .toList());
        if (status == ScheduleStatus.SUCCESS) {
            assertThat(stored(s).externalPostId()).contains("found-1");
            assertThat(eventsOf(s).get(1).errorCode()).contains(OutcomePlanner.RECONCILED);
        }
        if (status == ScheduleStatus.PENDING) {
            assertThat(stored(s).errorCode()).contains(OutcomePlanner.RECONCILED_ABSENT);
        }
    }

    @Test
    void aLookupAtOnce_storesWhatItFoundInTheCheckpoint_overWhatTheAttemptStartedFromAndReported() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        channel.then(PublishOutcome.failed(FailureKind.RETRYABLE, "server_error", "try again")
                        .withCheckpoint(Map.of("fake.part.0", "p0", "fake.note", "from attempt 1")))
                .then(PublishOutcome.failed(FailureKind.UNKNOWN, "timeout", "no answer")
                        .withCheckpoint(Map.of("fake.part.0", "p0", "fake.part.1", "p1", "fake.failed_part", "2")))
                .lookup(r -> new LookupResult.Found(
                        "p0",
                        Optional.empty(),
                        Map.of("fake.part.0", "p0", "fake.part.1", "p1", "fake.part.2", "p\u00002")));
        clock.set(T);
        luxaris.publishing().runDue();
        clock.set(stored(s).nextAttemptAt());

        luxaris.publishing().runDue();

        assertThat(channel.calls()).hasSize(2);
        assertThat(channel.calls().get(1).request().checkpoint()).containsEntry("fake.note", "from attempt 1");
        Schedule done = stored(s);
        assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(done.externalPostId()).contains("p0");
        assertThat(done.checkpoint())
                .as("the attempt's checkpoint with the found one over it, cleaned")
                .isEqualTo(Map.of(
                        "fake.part.0", "p0",
                        "fake.note", "from attempt 1",
                        "fake.part.1", "p1",
                        "fake.failed_part", "2",
                        "fake.part.2", "p2"));
    }

    @Test
    void anUnknownOutcome_ofAChannelWithoutLookup_staysUnconfirmed() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        channel.then(PublishOutcome.failed(FailureKind.UNKNOWN, "timeout", "no answer"));
        clock.set(T);

        RunReport report = luxaris.publishing().runDue();

        assertThat(report.unconfirmed()).isEqualTo(1);
        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
        assertThat(eventsOf(s)).extracting(PublishEvent::status).containsExactly(PublishEventStatus.UNCONFIRMED);
    }

    @Test
    void aChannelThatLooksUpSomeRequestsOnly_isNeverAskedAboutTheOthers_byTheEngineOrByReconcile() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        channel.then(PublishOutcome.failed(FailureKind.UNKNOWN, "timeout", "no answer"))
                .lookup(r -> new LookupResult.Found("p0", Optional.empty()))
                .lookupOnlyFor(r -> r.followUp().isPresent());
        clock.set(T);

        RunReport report = luxaris.publishing().runDue();
        Schedule reconciled = luxaris.schedules().reconcile(alice, s.id());

        assertThat(report.unconfirmed()).isEqualTo(1);
        assertThat(reconciled.status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
        assertThat(channel.lookups())
                .as("a post is not a request this channel can look up")
                .isZero();
    }

    @Test
    void anOutcomeWithNulAndSecretsInItsText_isStoredCleaned() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        channel.then(new PublishOutcome.Failed(
                FailureKind.REJECTED,
                "dup\u0000licate",
                "refused\u0000 for token-of-@a",
                Optional.empty(),
                Optional.of("{\"error\":\"\u0000\",\"auth\":\"token-of-@a\"}\ud800"),
                Map.of()));
        clock.set(T);

        luxaris.publishing().runDue();

        Schedule failed = stored(s);
        assertThat(failed.status()).isEqualTo(ScheduleStatus.FAILED);
        assertThat(failed.errorCode()).contains("duplicate");
        assertThat(failed.errorMessage()).contains("refused for [REDACTED]");
        assertThat(eventsOf(s)).singleElement().satisfies(e -> {
            assertThat(e.errorMessage()).contains("refused for [REDACTED]");
            assertThat(e.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                    .doesNotContain("\u0000")
                    .doesNotContain("token-of-@a")
                    .endsWith("\ufffd"));
        });
        assertThat(luxaris.posts().variant(alice, s.variantId()).status())
                .as("nothing else will publish it")
                .isEqualTo(VariantStatus.FAILED);
    }

    @Test
    void aTokenSavedByARefresh_isScrubbedFromWhatTheRepeatedCallAnswers_asTheOneBeforeIt() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        channel.then(PublishOutcome.failed(FailureKind.AUTH_EXPIRED, "token_expired", "expired"))
                .then(new PublishOutcome.Failed(
                        FailureKind.REJECTED,
                        "refused",
                        "refused for rotated-token and token-of-@a",
                        Optional.empty(),
                        Optional.of("{\"auth\":\"rotated-token\",\"old\":\"token-of-@a\"}"),
                        Map.of()))
                .refreshesTo(Credentials.bearer("rotated-token"));
        clock.set(T);

        luxaris.publishing().runDue();

        assertThat(channel.calls().get(1).accessToken()).isEqualTo("rotated-token");
        assertThat(stored(s).errorMessage()).contains("refused for [REDACTED] and [REDACTED]");
        assertThat(eventsOf(s)).singleElement().satisfies(e -> assertThat(e.rawResponse())
                .hasValueSatisfying(
                        raw -> assertThat(raw).doesNotContain("rotated-token").doesNotContain("token-of-@a")));
    }

    @Test
    void aPublishedPostIdWithControlCharacters_isStoredCleaned() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        channel.then(PublishOutcome.published("id\u0000-1\u0007", "https://fake.example/\u0000p"));
        clock.set(T);

        luxaris.publishing().runDue();

        assertThat(stored(s).externalPostId()).contains("id-1");
        assertThat(stored(s).externalUrl()).contains("https://fake.example/p");
        assertThat(luxaris.posts().variant(alice, s.variantId()).status()).isEqualTo(VariantStatus.PUBLISHED);
    }

    @Test
    void aPublisherThatThrowsOrAnswersNothing_givesAnUnknownOutcome() {
        ChannelConnection a = connect("@a");
        ChannelConnection b = connect("@b");
        Schedule throwing = schedule(a, T);
        Schedule silent = schedule(b, T);
        channel.then(r -> {
                    throw new IllegalStateException("socket closed");
                })
                .then(r -> null);
        clock.set(T);

        List<JobResult> results = publishDue();

        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(failure(r)).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
            assertThat(f.code()).isEqualTo("publisher_error");
        }));
        assertThat(failure(results.get(0)).orElseThrow().safeMessage()).contains("IllegalStateException");
        assertThat(List.of(throwing.id(), silent.id()))
                .containsExactlyInAnyOrderElementsOf(
                        results.stream().map(r -> r.job().schedule().id()).toList());
    }

    // ---------------------------------------------------------------- complete

    @Test
    void aRateLimit_defersTheAccountsOtherPendingSchedulesToTheReset() {
        ChannelConnection a = connect("@a");
        Schedule first = schedule(a, T);
        Schedule second = schedule(a, T.plusSeconds(60));
        Instant reset = T.plus(Duration.ofMinutes(15));
        channel.then(PublishOutcome.rateLimited("http_429", "slow down", reset));
        clock.set(T);

        RunReport report = ops.complete(publishDue());

        assertThat(report.retried()).isEqualTo(1);
        assertThat(stored(first).status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(stored(first).nextAttemptAt()).isAfterOrEqualTo(reset);
        assertThat(stored(second).nextAttemptAt()).isAfterOrEqualTo(reset);
        assertThat(ops.complete(List.of())).isEqualTo(RunReport.empty());
    }

    @Test
    void aCompletionThatCommittedButFailedToAnswer_isToldExactlyOnce_whenItIsWrittenAgain() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        clock.set(T);
        List<JobResult> results = publishDue();
        storage.failAfterNextCommit();

        assertThatThrownBy(() -> ops.complete(results)).isInstanceOf(StorageException.class);

        assertThat(stored(s).status()).as("it did commit").isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(notices(LuxarisEvent.Published.class))
                .as("not told before the write is known")
                .isEmpty();

        RunReport again = ops.complete(results);

        assertThat(again.published()).isEqualTo(1);
        assertThat(notices(LuxarisEvent.Published.class))
                .singleElement()
                .satisfies(n -> assertThat(n.schedule().id()).isEqualTo(s.id()));
        assertThat(eventsOf(s)).as("written once").hasSize(1);
        assertThat(ops.complete(results).published())
                .as("a third write is a lost claim")
                .isZero();
        assertThat(notices(LuxarisEvent.Published.class)).hasSize(1);
    }

    @Test
    void aCompletionThatDidNotCommit_isWrittenAndToldOnce_whenItIsWrittenAgain() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        clock.set(T);
        List<JobResult> results = publishDue();
        storage.failNextTransaction();

        assertThatThrownBy(() -> ops.complete(results)).isInstanceOf(StorageException.class);
        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.PROCESSING);

        assertThat(ops.complete(results).published()).isEqualTo(1);
        assertThat(notices(LuxarisEvent.Published.class)).hasSize(1);
        assertThat(eventsOf(s)).hasSize(1);
    }

    @Test
    void aLateOutcome_replacesTheReapersUnconfirmed_once() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        clock.set(T);
        List<JobResult> results = publishDue();
        clock.set(T.plus(LEASE).plusSeconds(1));
        ops.reap(); // the lease expired while the call ran: unconfirmed, the lease owner kept
        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.UNCONFIRMED);

        assertThat(ops.complete(results).published()).isEqualTo(1);

        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(ops.complete(results).published()).isZero();
        assertThat(notices(LuxarisEvent.Published.class)).hasSize(1);
    }

    @Test
    void theOutcomeOfALostClaim_isNotRecorded() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        clock.set(T);
        PublishJob claimed = ops.claim(10, Set.of()).jobs().get(0);
        JobResult late = ops.publish(claimed);
        clock.set(T.plus(LEASE).plusSeconds(1));
        ops.reap(); // never started: back to pending
        ops.claim(10, Set.of()); // claimed again (attempt 2)

        RunReport report = ops.complete(List.of(late));

        assertThat(report).isEqualTo(RunReport.empty());
        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.QUEUED);
        assertThat(stored(s).attemptCount()).isEqualTo(2);
        assertThat(eventsOf(s)).isEmpty();
        assertThat(notices(LuxarisEvent.Published.class)).isEmpty();
    }

    // ---------------------------------------------------------------- heartbeat and reap

    @Test
    void heartbeat_extendsOnlyTheLeasesTheEngineHolds() {
        ChannelConnection a = connect("@a");
        ChannelConnection b = connect("@b");
        Schedule held = schedule(a, T);
        Schedule forgotten = schedule(b, T);
        clock.set(T);
        List<PublishJob> claimed = ops.claim(10, Set.of()).jobs();
        clock.set(T.plusSeconds(30));

        assertThat(ops.heartbeat(List.of(only(claimed, held).fence()))).isEqualTo(1);

        assertThat(stored(held).lease()).hasValueSatisfying(l -> assertThat(l.expiresAt())
                .isEqualTo(T.plusSeconds(30).plus(LEASE)));
        assertThat(stored(forgotten).lease())
                .hasValueSatisfying(l -> assertThat(l.expiresAt()).isEqualTo(T.plus(LEASE)));
        clock.set(T.plus(LEASE).plusSeconds(1));
        assertThat(ops.reap()).isEqualTo(1);
        assertThat(stored(forgotten).status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(stored(held).status()).isEqualTo(ScheduleStatus.QUEUED);
        assertThat(ops.heartbeat(List.of())).isZero();
    }

    @Test
    void theCredentialsOfAStartedJobThatNeverPublishes_areForgottenAtTheNextHeartbeatThatDoesNotHoldIt() {
        ChannelConnection a = connect("@a");
        ChannelConnection b = connect("@b");
        schedule(a, T);
        schedule(b, T);
        clock.set(T);
        List<PublishJob> started = ops.start(ops.claim(10, Set.of()).jobs());
        assertThat(ops.credentialsKept()).isEqualTo(2);

        ops.heartbeat(List.of(started.get(0).fence())); // the other one never reached publish (rejected, stopped)

        assertThat(ops.credentialsKept()).isEqualTo(1);
        ops.publish(started.get(0));
        assertThat(ops.credentialsKept()).isZero();
    }

    @Test
    void reap_makesAnExpiredPublishUnconfirmed_andSaysWhy() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        clock.set(T);
        ops.start(ops.claim(10, Set.of()).jobs());
        clock.set(T.plus(LEASE).plusSeconds(1));

        assertThat(ops.reap()).isEqualTo(1);

        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
        assertThat(eventsOf(s)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(PublishEventStatus.UNCONFIRMED);
            assertThat(e.errorCode()).contains("lease_expired");
        });
        assertThat(notices(LuxarisEvent.Unconfirmed.class)).singleElement().satisfies(n -> assertThat(n.reason())
                .contains("node-1"));
        assertThat(ops.reap()).as("nothing more expired").isZero();
    }

    @Test
    void reap_settlesAnExpiredPublishAtOnce_whenTheChannelCanLookItUp() {
        ChannelConnection a = connect("@a");
        Schedule found = schedule(a, T);
        channel.lookup(r -> new LookupResult.Found("found-1", Optional.empty()));
        clock.set(T);
        ops.start(ops.claim(10, Set.of()).jobs());
        clock.set(T.plus(LEASE).plusSeconds(1));

        ops.reap();

        assertThat(stored(found).status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(eventsOf(found))
                .extracting(PublishEvent::status)
                .containsExactly(PublishEventStatus.UNCONFIRMED, PublishEventStatus.SUCCESS);
    }

    @Test
    void reap_storesTheFoundCheckpoint_mergedOverTheStoredOne_andCleaned() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        channel.then(PublishOutcome.failed(FailureKind.RETRYABLE, "server_error", "try again")
                .withCheckpoint(Map.of("fake.part.0", "p0", "fake.note", "kept")));
        clock.set(T);
        luxaris.publishing().runDue();
        assertThat(stored(s).checkpoint()).containsEntry("fake.note", "kept");
        channel.lookup(r ->
                new LookupResult.Found("p0", Optional.empty(), Map.of("fake.part.0", "p0", "fake.part.1", "p\u00001")));
        clock.set(stored(s).nextAttemptAt());
        ops.start(ops.claim(10, Set.of()).jobs());
        clock.set(stored(s).nextAttemptAt().plus(LEASE).plusSeconds(1));

        ops.reap();

        Schedule done = stored(s);
        assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(done.checkpoint()).isEqualTo(Map.of("fake.part.0", "p0", "fake.note", "kept", "fake.part.1", "p1"));
    }

    @Test
    void reap_leavesAnExpiredPublishUnconfirmed_whenTheLookupFails() {
        ChannelConnection a = connect("@a");
        Schedule s = schedule(a, T);
        channel.lookup(r -> {
            throw new IllegalStateException("lookup broke");
        });
        clock.set(T);
        ops.start(ops.claim(10, Set.of()).jobs());
        clock.set(T.plus(LEASE).plusSeconds(1));

        assertThat(ops.reap()).isEqualTo(1);

        assertThat(stored(s).status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
    }
}
