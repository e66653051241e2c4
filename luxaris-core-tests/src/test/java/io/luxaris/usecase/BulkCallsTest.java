package io.luxaris.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Fixtures;
import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.AccessDeniedException;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.spi.security.AccessPolicy;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idempotency keys, bulk creation and scheduling, and schedule counts through the facade on the in-memory store. */
class BulkCallsTest {
    private final SettableClock clock = SettableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedChannel fake =
            ScriptedChannel.builder("fake").maxTextLength(100).build();
    private final List<Luxaris> opened = new ArrayList<>();
    private final List<LuxarisEvent> events = new CopyOnWriteArrayList<>();
    private final Luxaris luxaris = open(SchedulingRules.defaults(), Duration.ofHours(24));
    private final Principal alice = Principal.of("alice");
    private final Principal bob = Principal.of("bob");
    private final ChannelConnection account = Fixtures.connect(luxaris, alice, "fake", "@alice");

    private Luxaris open(SchedulingRules rules, Duration retention) {
        Luxaris l = Luxaris.builder()
                .channel(fake)
                .clock(clock)
                .rules(rules)
                .idempotencyRetention(retention)
                .listener(events::add)
                .build();
        opened.add(l);
        return l;
    }

    @AfterEach
    void close() {
        opened.forEach(Luxaris::close);
    }

    // ================================================================== scheduleAll

    @Test
    void scheduleAll_createsTheValidItemsAndReportsEachInvalidOneWithItsViolations() {
        PostVariant ok1 = draft("one");
        PostVariant ok2 = draft("two");
        PostVariant tooLong = draft("x".repeat(50));
        Instant at = clock.instant().plus(Duration.ofHours(3));
        var requests = new ArrayList<ScheduleRequest>();
        requests.add(ScheduleRequest.at(ok1.id(), account.id(), at));
        requests.add(ScheduleRequest.at(ok2.id(), account.id(), clock.instant().minusSeconds(60)));
        requests.add(ScheduleRequest.at(VariantId.random(), account.id(), at));
        requests.add(null);
        requests.add(ScheduleRequest.at(ok2.id(), account.id(), at.plusSeconds(60)));

        BulkResult<Schedule> result = luxaris.schedules().scheduleAll(alice, requests);

        assertThat(result.items()).extracting(BulkItem::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(result.items()).extracting(BulkItem::isCreated).containsExactly(true, false, false, false, true);
        assertThat(rules(result.items().get(1))).containsExactly("when:in_past");
        assertThat(rules(result.items().get(2))).containsExactly("variant:not_found");
        assertThat(rules(result.items().get(3))).containsExactly("request:required");
        assertThat(luxaris.schedules().listForPost(alice, ok1.postId()))
                .extracting(Schedule::status)
                .containsExactly(ScheduleStatus.PENDING);
        assertThat(luxaris.schedules().listForPost(alice, tooLong.postId())).isEmpty();
        assertThat(events).filteredOn(LuxarisEvent.Scheduled.class::isInstance).hasSize(2);
    }

    @Test
    void scheduleAll_holdsTheItemsWhosePostOrConnectionRequiresApproval_asASingleScheduleIs() {
        PostVariant reviewed = draft("reviewed");
        PostVariant free = draft("free");
        luxaris.schedules().requireApproval(alice, reviewed.postId(), true);
        Instant at = clock.instant().plus(Duration.ofHours(3));

        BulkResult<Schedule> result = luxaris.schedules()
                .scheduleAll(
                        alice,
                        List.of(
                                ScheduleRequest.at(reviewed.id(), account.id(), at),
                                ScheduleRequest.at(free.id(), account.id(), at.plusSeconds(60))));

        assertThat(result.created())
                .extracting(Schedule::status)
                .containsExactly(ScheduleStatus.AWAITING_APPROVAL, ScheduleStatus.PENDING);
        assertThat(luxaris.schedules().listForPost(alice, reviewed.postId()))
                .extracting(Schedule::status)
                .containsExactly(ScheduleStatus.AWAITING_APPROVAL);
        assertThat(events)
                .filteredOn(LuxarisEvent.ApprovalRequested.class::isInstance)
                .hasSize(1);
    }

    @Test
    void schedule_withAKey_isHeldForApprovalLikeWithout_andRepeatsItsFirstResult() {
        PostVariant reviewed = draft("reviewed");
        luxaris.schedules().requireApproval(alice, reviewed.postId(), true);
        var request =
                ScheduleRequest.at(reviewed.id(), account.id(), clock.instant().plus(Duration.ofHours(3)));

        Schedule first = luxaris.schedules().schedule(alice, request, IdempotencyKey.of("held-once"));
        Schedule again = luxaris.schedules().schedule(alice, request, IdempotencyKey.of("held-once"));

        assertThat(first.status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(luxaris.schedules().listForPost(alice, reviewed.postId())).hasSize(1);
    }

    @Test
    void scheduleAll_reportsAnotherPrincipalsVariantAsAccessDeniedWithoutFailingTheBatch() {
        PostVariant mine = draft("mine");
        PostVariant bobs = Fixtures.draft(luxaris, bob, "fake", "bob's");
        Instant at = clock.instant().plus(Duration.ofHours(3));

        BulkResult<Schedule> result = luxaris.schedules()
                .scheduleAll(
                        alice,
                        List.of(
                                ScheduleRequest.at(mine.id(), account.id(), at),
                                ScheduleRequest.at(bobs.id(), account.id(), at.plusSeconds(1))));

        assertThat(result.created()).hasSize(1);
        assertThat(rules(result.items().get(1))).containsExactly("variant:access_denied");
    }

    @Test
    void scheduleAll_itemsOfOneBatchCountAgainstEachOthersRateLimits() {
        Luxaris limited = open(
                SchedulingRules.builder().maxSchedulesPerHourPerConnection(2).build(), Duration.ofHours(1));
        ChannelConnection c = Fixtures.connect(limited, alice, "fake", "@limited");
        Instant at = clock.instant().plus(Duration.ofHours(5));
        var requests = new ArrayList<ScheduleRequest>();
        for (int i = 0; i < 3; i++) {
            requests.add(ScheduleRequest.at(
                    Fixtures.draft(limited, alice, "fake", "r" + i).id(), c.id(), at.plus(Duration.ofMinutes(i))));
        }

        BulkResult<Schedule> result = limited.schedules().scheduleAll(alice, requests);

        assertThat(result.items()).extracting(BulkItem::isCreated).containsExactly(true, true, false);
        assertThat(rules(result.items().get(2))).containsExactly("when:rate_limit");
    }

    @Test
    void scheduleAll_takesAtMostTheBatchLimit() {
        PostVariant v = draft("limit");
        Instant at = clock.instant().plus(Duration.ofHours(3));
        var atLimit = new ArrayList<ScheduleRequest>(
                Collections.nCopies(Schedules.MAX_BATCH, ScheduleRequest.at(v.id(), account.id(), at)));
        var overLimit = new ArrayList<>(atLimit);
        overLimit.add(ScheduleRequest.at(v.id(), account.id(), at));

        assertThat(luxaris.schedules().scheduleAll(alice, atLimit).created()).hasSize(Schedules.MAX_BATCH);
        assertThatThrownBy(() -> luxaris.schedules().scheduleAll(alice, overLimit))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(x -> {
                            assertThat(x.field()).isEqualTo("requests");
                            assertThat(x.rule()).isEqualTo("max_size");
                        }));
        assertThatThrownBy(() -> luxaris.schedules().scheduleAll(alice, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule)
                        .containsExactly("required"));
    }

    @Test
    void scheduleAll_ofNothingCreatesNothing() {
        assertThat(luxaris.schedules().scheduleAll(alice, List.of()).items()).isEmpty();
    }

    // ================================================================== idempotency keys

    @Test
    void scheduleWithKey_repeatedReturnsTheFirstScheduleWithoutASecondEvent() {
        PostVariant v = draft("once");
        var request = ScheduleRequest.at(v.id(), account.id(), clock.instant().plus(Duration.ofHours(2)));
        var key = IdempotencyKey.of("req-1");

        Schedule first = luxaris.schedules().schedule(alice, request, key);
        clock.advance(Duration.ofMinutes(10));
        Schedule again = luxaris.schedules().schedule(alice, request, key);

        assertThat(again).isEqualTo(first);
        assertThat(luxaris.schedules().listForPost(alice, v.postId())).hasSize(1);
        assertThat(events).filteredOn(LuxarisEvent.Scheduled.class::isInstance).hasSize(1);
    }

    @Test
    void sameKeyWithAnotherRequestIsAConflictNamingTheKeyButNotTheRequest() {
        PostVariant v = draft("secret plan");
        var key = IdempotencyKey.of("req-2");
        luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(v.id(), account.id(), clock.instant().plusSeconds(3600)),
                        key);

        assertThatThrownBy(() -> luxaris.schedules()
                        .schedule(
                                alice,
                                ScheduleRequest.at(
                                        v.id(), account.id(), clock.instant().plusSeconds(7200)),
                                key))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("req-2")
                .hasMessageNotContaining(v.id().toString())
                .hasMessageNotContaining("secret plan");
        assertThatThrownBy(() -> luxaris.posts().create(alice, PostDraft.of("secret plan"), key))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void keysAreScopedToThePrincipal() {
        var key = IdempotencyKey.of("shared");
        PostDetails mine = luxaris.posts().create(alice, PostDraft.of("a"), key);
        PostDetails bobs = luxaris.posts().create(bob, PostDraft.of("a"), key);

        assertThat(bobs.post().id()).isNotEqualTo(mine.post().id());
        assertThat(bobs.post().ownerPrincipalId()).isEqualTo("bob");
    }

    @Test
    void aKeyIsKeptForTheRetentionThenCreatesAgain() {
        var key = IdempotencyKey.of("daily-import");
        var draft = PostDraft.of("daily").withVariant(VariantDraft.of("fake", "daily"));
        PostDetails first = luxaris.posts().create(alice, draft, key);

        clock.advance(Duration.ofHours(23));
        assertThat(luxaris.posts().create(alice, draft, key).post().id())
                .isEqualTo(first.post().id());
        clock.advance(Duration.ofHours(2));
        assertThat(luxaris.posts().create(alice, draft, key).post().id())
                .isNotEqualTo(first.post().id());
    }

    @Test
    void aFailedCallLeavesTheKeyFreeForTheCorrectedRequest() {
        PostVariant v = draft("retry");
        var key = IdempotencyKey.of("req-3");
        assertThatThrownBy(() -> luxaris.schedules()
                        .schedule(
                                alice,
                                ScheduleRequest.at(
                                        v.id(), account.id(), clock.instant().minusSeconds(1)),
                                key))
                .isInstanceOf(ValidationException.class);

        Schedule s = luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(v.id(), account.id(), clock.instant().plusSeconds(600)),
                        key);

        assertThat(s.status()).isEqualTo(ScheduleStatus.PENDING);
    }

    @Test
    void scheduleAllWithKey_replaysTheSameIdsAndTheSameRejectedItems() {
        PostVariant v = draft("bulk");
        var requests = List.of(
                ScheduleRequest.at(v.id(), account.id(), clock.instant().plusSeconds(3600)),
                ScheduleRequest.at(v.id(), account.id(), clock.instant().minusSeconds(3600)));
        var key = IdempotencyKey.of("bulk-1");

        BulkResult<Schedule> first = luxaris.schedules().scheduleAll(alice, requests, key);
        BulkResult<Schedule> again = luxaris.schedules().scheduleAll(alice, requests, key);

        assertThat(again.created()).isEqualTo(first.created());
        assertThat(again.items().get(1).violations())
                .isEqualTo(first.items().get(1).violations());
        assertThat(luxaris.schedules().listForPost(alice, v.postId())).hasSize(1);
    }

    @Test
    void keysAreValidated() {
        assertThat(IdempotencyKey.of("k".repeat(IdempotencyKey.MAX_LENGTH)).value())
                .hasSize(255);
        assertThat(keyRule("k".repeat(IdempotencyKey.MAX_LENGTH + 1))).isEqualTo("max_length");
        assertThat(keyRule("")).isEqualTo("required");
        assertThat(keyRule(null)).isEqualTo("required");
        assertThat(keyRule("has space")).isEqualTo("invalid_character");
        assertThat(keyRule("line\nbreak")).isEqualTo("invalid_character");
        assertThat(keyRule("umlaut-ä")).isEqualTo("invalid_character");
    }

    @Test
    void theRetentionIsBounded() {
        assertThatThrownBy(() -> Luxaris.builder().idempotencyRetention(Duration.ofSeconds(59)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Luxaris.builder().idempotencyRetention(Duration.ofDays(31)))
                .isInstanceOf(IllegalArgumentException.class);
        Luxaris.builder().idempotencyRetention(Duration.ofDays(30));
    }

    // ================================================================== createAll

    @Test
    void createAll_createsTheValidDraftsAndReportsTheInvalidOnesRelativeToTheDraft() {
        var drafts = new ArrayList<PostDraft>();
        drafts.add(PostDraft.of("good").withVariant(VariantDraft.of("fake", "good")));
        drafts.add(PostDraft.of("bad").withVariant(VariantDraft.of("fake", "x".repeat(101))));
        drafts.add(PostDraft.of("unknown").withVariant(VariantDraft.of("nope", "hi")));
        drafts.add(null);
        drafts.add(PostDraft.of("also good"));

        BulkResult<PostDetails> result = luxaris.posts().createAll(alice, drafts);

        assertThat(result.items()).extracting(BulkItem::isCreated).containsExactly(true, false, false, false, true);
        assertThat(result.items().get(1).violations())
                .extracting(Violation::field)
                .allMatch(f -> f.startsWith("variants[0]"));
        assertThat(rules(result.items().get(2))).containsExactly("variants[0].channel:unknown_channel");
        assertThat(rules(result.items().get(3))).containsExactly("draft:required");
        assertThat(result.created().get(0).variants()).hasSize(1);
        assertThat(luxaris.posts()
                        .list(alice, io.luxaris.usecase.PostQuery.all())
                        .items())
                .hasSize(2);
    }

    @Test
    void createAll_needsTheRightToCreatePostsAndTakesAtMostTheBatchLimit() {
        Luxaris readOnly = Luxaris.builder()
                .channel(fake)
                .clock(clock)
                .accessPolicy(new AccessPolicy() {
                    private final AccessPolicy owner = AccessPolicy.ownerOnly();

                    @Override
                    public boolean canCreate(Principal principal, ResourceType type) {
                        return false;
                    }

                    @Override
                    public boolean canRead(Principal principal, ResourceType type, String ownerId) {
                        return owner.canRead(principal, type, ownerId);
                    }

                    @Override
                    public boolean canWrite(Principal principal, ResourceType type, String ownerId) {
                        return owner.canWrite(principal, type, ownerId);
                    }

                    @Override
                    public OwnerScope readableOwners(Principal principal, ResourceType type) {
                        return owner.readableOwners(principal, type);
                    }
                })
                .build();
        opened.add(readOnly);
        assertThatThrownBy(() -> readOnly.posts().createAll(alice, List.of(PostDraft.of("x"))))
                .isInstanceOf(AccessDeniedException.class);
        var tooMany = Collections.nCopies(Schedules.MAX_BATCH + 1, PostDraft.of("x"));
        assertThatThrownBy(() -> luxaris.posts().createAll(alice, tooMany))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(x -> x.field() + ":" + x.rule())
                        .containsExactly("drafts:max_size"));
    }

    // ================================================================== counts

    @Test
    void counts_groupTheVisibleSchedulesOfTheRange() {
        Instant from = clock.instant();
        Instant at = from.plus(Duration.ofHours(3));
        var created = luxaris.schedules()
                .scheduleAll(
                        alice,
                        List.of(
                                ScheduleRequest.at(draft("a").id(), account.id(), at),
                                ScheduleRequest.at(draft("b").id(), account.id(), at.plusSeconds(60)),
                                ScheduleRequest.at(draft("c").id(), account.id(), at.plus(Duration.ofDays(2)))))
                .created();
        luxaris.schedules().cancel(alice, created.get(1).id());

        List<ScheduleCount> counts =
                luxaris.schedules().counts(alice, from, from.plus(Duration.ofDays(1)), CountBy.STATUS);

        assertThat(counts)
                .containsExactly(
                        new ScheduleCount(Optional.of(ScheduleStatus.CANCELLED), Optional.empty(), Optional.empty(), 1),
                        new ScheduleCount(Optional.of(ScheduleStatus.PENDING), Optional.empty(), Optional.empty(), 1));
        assertThat(luxaris.schedules().counts(bob, from, from.plus(Duration.ofDays(3))))
                .isEmpty();
        assertThat(luxaris.schedules().counts(alice, from, from.plus(Duration.ofDays(3)), CountBy.CHANNEL))
                .containsExactly(new ScheduleCount(Optional.empty(), Optional.of("fake"), Optional.empty(), 3));
    }

    @Test
    void counts_validateTheRangeAndTheGrouping() {
        Instant from = clock.instant();
        assertThat(countRule(from, null, CountBy.STATUS)).isEqualTo("to:required");
        assertThat(countRule(from, from, CountBy.STATUS)).isEqualTo("to:range");
        assertThat(countRule(from, from.plus(Duration.ofDays(367)), CountBy.STATUS))
                .isEqualTo("to:range");
        assertThat(countRule(from, from.plusSeconds(1), (CountBy) null)).isEqualTo("groupBy:required");
        assertThat(luxaris.schedules().counts(alice, from, from.plus(Duration.ofDays(366))))
                .isEmpty();
    }

    // ================================================================== helpers

    private PostVariant draft(String text) {
        return Fixtures.draft(luxaris, alice, "fake", text);
    }

    private static List<String> rules(BulkItem<?> item) {
        return item.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    private static String keyRule(String value) {
        try {
            IdempotencyKey.of(value);
            return "accepted";
        } catch (ValidationException e) {
            assertThat(e.violations()).extracting(Violation::field).containsOnly("idempotencyKey");
            return e.violations().get(0).rule();
        }
    }

    private String countRule(Instant from, Instant to, CountBy... groupBy) {
        try {
            luxaris.schedules().counts(alice, from, to, groupBy);
            return "accepted";
        } catch (ValidationException e) {
            Violation v = e.violations().get(0);
            return v.field() + ":" + v.rule();
        }
    }
}
