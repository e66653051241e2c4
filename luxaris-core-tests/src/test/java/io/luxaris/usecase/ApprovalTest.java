package io.luxaris.usecase;

import static io.luxaris.Fixtures.connect;
import static io.luxaris.Fixtures.draft;
import static io.luxaris.Fixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Limits;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.When;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.AccessDeniedException;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.memory.InMemoryStorage;
import io.luxaris.spi.security.AccessPolicy;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.security.SecretCipher;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Approval: schedules held until a principal the access policy allows approves or rejects them. */
class ApprovalTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final SettableClock clock = SettableClock.at(START);
    private final ScriptedChannel fake = ScriptedChannel.create("fake");
    private final Principal alice = Principal.of("alice");
    private final Principal rita = Principal.of("rita");
    private final List<LuxarisEvent> events = new CopyOnWriteArrayList<>();
    private final List<Luxaris> opened = new ArrayList<>();

    /** Alice writes her own things; only rita, the reviewer, approves (and reads alice's posts to review them). */
    private static final AccessPolicy REVIEWED = new AccessPolicy() {
        @Override
        public boolean canCreate(Principal principal, ResourceType type) {
            return true;
        }

        @Override
        public boolean canRead(Principal principal, ResourceType type, String ownerId) {
            return principal.id().equals(ownerId) || principal.id().equals("rita");
        }

        @Override
        public boolean canWrite(Principal principal, ResourceType type, String ownerId) {
            return principal.id().equals(ownerId);
        }

        @Override
        public OwnerScope readableOwners(Principal principal, ResourceType type) {
            return principal.id().equals("rita") ? OwnerScope.all() : OwnerScope.only(principal.id());
        }

        @Override
        public boolean canApprove(Principal principal, ResourceType type, String ownerId) {
            return principal.id().equals("rita");
        }
    };

    @AfterEach
    void close() {
        opened.forEach(Luxaris::close);
    }

    private Luxaris luxaris(boolean hostRequiresApproval, AccessPolicy policy) {
        Luxaris l = Luxaris.builder()
                .channel(fake)
                .clock(clock)
                .rules(SchedulingRules.builder()
                        .latenessWindow(Duration.ofHours(2))
                        .build())
                .accessPolicy(policy)
                .approvalRequired(hostRequiresApproval)
                .listener(events::add)
                .build();
        opened.add(l);
        return l;
    }

    /** An instance on the given storage (and cipher), reviewed by rita, with the given rules. */
    private Luxaris onStorage(InMemoryStorage storage, SecretCipher cipher, SchedulingRules rules) {
        Luxaris l = Luxaris.builder()
                .channel(fake)
                .clock(clock)
                .storage(storage)
                .secretCipher(cipher)
                .rules(rules)
                .accessPolicy(REVIEWED)
                .listener(events::add)
                .build();
        opened.add(l);
        return l;
    }

    /** An instance whose host requires approval, reviewed by rita, with one of alice's schedules held, due in 1 h. */
    private record Held(Luxaris luxaris, PostVariant variant, Schedule schedule) {}

    private Held held(String text) {
        Luxaris l = luxaris(true, REVIEWED);
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        PostVariant variant = draft(l, alice, "fake", text);
        return new Held(l, variant, schedule(l, alice, variant, account, START.plus(Duration.ofHours(1))));
    }

    private static Schedule at(Luxaris l, Principal p, ScheduleId id) {
        return l.schedules().get(p, id);
    }

    @Test
    void hostRule_heldScheduleIsNeverPublishedWhileHeld_andIsPublishedAfterApproval() {
        Luxaris l = luxaris(true, REVIEWED);
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        PostVariant variant = draft(l, alice, "fake", "Launch day");
        Instant t = START.plus(Duration.ofHours(1));
        Schedule held = schedule(l, alice, variant, account, t);
        assertThat(held.status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);
        assertThat(l.posts().get(alice, variant.postId()).post().status()).isEqualTo(PostStatus.SCHEDULED);

        clock.set(t.plus(Duration.ofMinutes(30)));
        assertThat(l.publishing().runDue().total()).isZero();
        assertThat(l.publishing().status().nextDue()).isEmpty();
        assertThat(fake.callCount()).isZero();
        assertThat(at(l, alice, held.id()).status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);

        Schedule approved = l.schedules().approve(rita, held.id(), "  looks good ");
        assertThat(approved.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(l.publishing().runDue().published()).isEqualTo(1);
        assertThat(fake.postsFor(held.id())).isEqualTo(1);
        assertThat(at(l, alice, held.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(l.posts().get(alice, variant.postId()).post().status()).isEqualTo(PostStatus.PUBLISHED);

        assertThat(events)
                .map(e -> e.getClass().getSimpleName())
                .containsExactly("Scheduled", "ApprovalRequested", "Approved", "PublishStarted", "Published");
        assertThat(events.get(1))
                .isInstanceOfSatisfying(LuxarisEvent.ApprovalRequested.class, e -> assertThat(e.principalId())
                        .isEqualTo("alice"));
        assertThat(events.get(2)).isInstanceOfSatisfying(LuxarisEvent.Approved.class, e -> {
            assertThat(e.principalId()).isEqualTo("rita");
            assertThat(e.note()).contains("looks good");
            assertThat(e.schedule().status()).isEqualTo(ScheduleStatus.PENDING);
        });
    }

    @Test
    void approvedBeyondTheLatenessWindow_isSkippedAsTooLate_withoutPublishing() {
        Held h = held("Old news");
        Luxaris l = h.luxaris();
        PostVariant variant = h.variant();
        Schedule held = h.schedule();

        clock.set(START.plus(Duration.ofHours(3)).plusSeconds(1));
        Schedule approved = l.schedules().approve(rita, held.id(), null);

        assertThat(approved.status()).isEqualTo(ScheduleStatus.SKIPPED);
        assertThat(approved.errorCode()).contains("too_late");
        assertThat(approved.errorMessage().orElseThrow()).contains("lateness window of 120 min");
        assertThat(l.schedules().events(rita, held.id())).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(PublishEventStatus.CANCELLED);
            assertThat(e.errorCode()).contains("too_late");
        });
        assertThat(l.publishing().runDue().total()).isZero();
        assertThat(fake.callCount()).isZero();
        assertThat(l.posts().get(alice, variant.postId()).post().status()).isEqualTo(PostStatus.DRAFT);
        assertThat(events).map(e -> e.getClass().getSimpleName()).endsWith("Approved", "Skipped");
    }

    @Test
    void approvedLateButWithinTheLatenessWindow_isPublishedAtOnce() {
        Held h = held("Still fresh");
        Luxaris l = h.luxaris();
        PostVariant variant = h.variant();
        Schedule held = h.schedule();

        clock.set(START.plus(Duration.ofHours(2)));
        assertThat(l.schedules().approve(rita, held.id(), "").status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(l.publishing().runDue().published()).isEqualTo(1);
        assertThat(fake.calls()).singleElement().satisfies(c -> assertThat(c.at())
                .isEqualTo(START.plus(Duration.ofHours(2))));
    }

    @Test
    void reject_cancelsWithTheReasonAndThePrincipal_andItIsNeverPublished() {
        Held h = held("Too bold");
        Luxaris l = h.luxaris();
        PostVariant variant = h.variant();
        Schedule held = h.schedule();

        Schedule rejected = l.schedules().reject(rita, held.id(), "tone it down");

        assertThat(rejected.status()).isEqualTo(ScheduleStatus.CANCELLED);
        assertThat(rejected.errorCode()).contains("approval_rejected");
        assertThat(rejected.errorMessage()).contains("rejected by rita: tone it down");
        assertThat(l.posts().get(alice, variant.postId()).post().status()).isEqualTo(PostStatus.DRAFT);
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(LuxarisEvent.Rejected.class, e -> {
            assertThat(e.principalId()).isEqualTo("rita");
            assertThat(e.note()).contains("tone it down");
            assertThat(e.schedule().status()).isEqualTo(ScheduleStatus.CANCELLED);
        });
        clock.set(START.plus(Duration.ofHours(2)));
        assertThat(l.publishing().runDue().total()).isZero();
        assertThatThrownBy(() -> l.schedules().approve(rita, held.id(), null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("cancelled, not awaiting approval");
        assertThatThrownBy(() -> l.schedules().reject(rita, ScheduleId.random(), null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyWhomThePolicyAllows_approvesOrRejects_orLiftsARequirement() {
        Luxaris l = luxaris(false, REVIEWED);
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        PostVariant variant = draft(l, alice, "fake", "Needs review");
        l.schedules().requireApproval(alice, variant.postId(), true);
        Schedule held = schedule(l, alice, variant, account, START.plus(Duration.ofHours(1)));
        assertThat(held.status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);

        assertThatThrownBy(() -> l.schedules().approve(alice, held.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> l.schedules().reject(alice, held.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> l.schedules().requireApproval(alice, variant.postId(), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> l.schedules().requireApproval(rita, variant.postId(), true))
                .as("setting a requirement needs write access")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(at(l, alice, held.id()).status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);

        l.schedules().requireApproval(rita, variant.postId(), false);
        assertThat(at(l, alice, held.id()).status())
                .as("lifting the rule releases nothing already held")
                .isEqualTo(ScheduleStatus.AWAITING_APPROVAL);
        Schedule free = schedule(l, alice, variant, account, START.plus(Duration.ofHours(2)));
        assertThat(free.status()).isEqualTo(ScheduleStatus.PENDING);
        assertThat(l.schedules().approve(rita, held.id(), null).status()).isEqualTo(ScheduleStatus.PENDING);
    }

    @Test
    void theDefaultPolicy_letsTheOwnerApprove_andNobodyElse() {
        Luxaris l = luxaris(true, AccessPolicy.ownerOnly());
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        PostVariant variant = draft(l, alice, "fake", "Solo");
        Schedule held = schedule(l, alice, variant, account, START.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> l.schedules().approve(Principal.of("bob"), held.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(l.schedules().approve(alice, held.id(), null).status()).isEqualTo(ScheduleStatus.PENDING);
    }

    @Test
    void connectionRule_holdsOnlySchedulesThroughThatConnection() {
        Luxaris l = luxaris(false, REVIEWED);
        ChannelConnection brand = connect(l, alice, "fake", "@brand");
        ChannelConnection personal = connect(l, alice, "fake", "@alice");
        l.schedules().requireApproval(alice, brand.id(), true);
        l.schedules().requireApproval(alice, brand.id(), true);
        PostVariant variant = draft(l, alice, "fake", "Both accounts");
        Instant t = START.plus(Duration.ofHours(1));

        assertThat(schedule(l, alice, variant, brand, t).status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);
        assertThat(schedule(l, alice, variant, personal, t).status()).isEqualTo(ScheduleStatus.PENDING);
        assertThatThrownBy(() -> l.schedules().requireApproval(Principal.of("bob"), brand.id(), true))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> l.schedules().requireApproval(alice, (io.luxaris.domain.ConnectionId) null, true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("connection", "required")));
        assertThatThrownBy(() -> l.schedules().requireApproval(alice, io.luxaris.domain.ConnectionId.random(), true))
                .isInstanceOf(NotFoundException.class);

        l.schedules().requireApproval(rita, brand.id(), false);
        assertThat(schedule(l, alice, variant, brand, t.plusSeconds(60)).status())
                .isEqualTo(ScheduleStatus.PENDING);
    }

    @Test
    void approve_isRefusedWhenReleasingTheHeldScheduleWouldBreakTheRateLimits_untilItIsMoved() {
        InMemoryStorage storage = InMemoryStorage.create();
        SecretCipher cipher = SecretCipher.ephemeral();
        // the schedules are made by an instance without limits; a second one on the same storage has them
        Luxaris lax = onStorage(
                storage,
                cipher,
                SchedulingRules.builder().latenessWindow(Duration.ofHours(2)).build());
        Luxaris strict = onStorage(
                storage,
                cipher,
                SchedulingRules.builder()
                        .latenessWindow(Duration.ofHours(2))
                        .minGapPerConnection(Duration.ofHours(1))
                        .build());
        ChannelConnection account = connect(lax, alice, "fake", "@alice");
        PostVariant reviewed = draft(lax, alice, "fake", "Reviewed");
        lax.schedules().requireApproval(alice, reviewed.postId(), true);
        Instant t = START.plus(Duration.ofHours(3));
        Schedule held = schedule(lax, alice, reviewed, account, t);
        assertThat(held.status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);
        schedule(lax, alice, draft(lax, alice, "fake", "Close by"), account, t.plus(Duration.ofMinutes(20)));
        events.clear();

        assertThatThrownBy(() -> strict.schedules().approve(rita, held.id(), "ok"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("schedule");
                            assertThat(v.rule()).isEqualTo("min_gap");
                            assertThat(v.message())
                                    .contains(t.plus(Duration.ofMinutes(20)).toString());
                        }));
        assertThat(at(strict, alice, held.id()).status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);
        assertThat(events).isEmpty();

        // a held schedule can be moved; once it keeps the limits it is approved
        strict.schedules().reschedule(alice, held.id(), When.instant(t.minus(Duration.ofHours(1))));
        assertThat(strict.schedules().approve(rita, held.id(), "ok").status()).isEqualTo(ScheduleStatus.PENDING);
    }

    @Test
    void approvalRequired_readsBackTheRequirementOfAPostAndOfAConnection() {
        Luxaris l = luxaris(false, REVIEWED);
        ChannelConnection brand = connect(l, alice, "fake", "@brand");
        PostVariant variant = draft(l, alice, "fake", "Read back");
        assertThat(l.schedules().approvalRequired(alice, variant.postId())).isFalse();
        assertThat(l.schedules().approvalRequired(alice, brand.id())).isFalse();

        l.schedules().requireApproval(alice, variant.postId(), true);
        assertThat(l.schedules().approvalRequired(alice, variant.postId())).isTrue();
        assertThat(l.schedules().approvalRequired(rita, variant.postId())).isTrue();
        assertThat(l.schedules().approvalRequired(alice, brand.id()))
                .as("the post's requirement is not the connection's")
                .isFalse();
        l.schedules().requireApproval(alice, brand.id(), true);
        assertThat(l.schedules().approvalRequired(alice, brand.id())).isTrue();

        l.schedules().requireApproval(rita, variant.postId(), false);
        assertThat(l.schedules().approvalRequired(alice, variant.postId())).isFalse();
        assertThat(l.schedules().approvalRequired(alice, brand.id())).isTrue();
        l.schedules().requireApproval(rita, brand.id(), false);
        assertThat(l.schedules().approvalRequired(alice, brand.id())).isFalse();

        Principal bob = Principal.of("bob");
        assertThatThrownBy(() -> l.schedules().approvalRequired(bob, variant.postId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> l.schedules().approvalRequired(bob, brand.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> l.schedules().approvalRequired(alice, (io.luxaris.domain.PostId) null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("post", "required")));
        assertThatThrownBy(() -> l.schedules().approvalRequired(alice, (io.luxaris.domain.ConnectionId) null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("connection", "required")));
        assertThatThrownBy(() -> l.schedules().approvalRequired(alice, io.luxaris.domain.PostId.random()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> l.schedules().approvalRequired(alice, io.luxaris.domain.ConnectionId.random()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void notes_areLimitedInSize_andStoredCharactersOnly() {
        Held h = held("Notes");
        Luxaris l = h.luxaris();
        PostVariant variant = h.variant();
        Schedule held = h.schedule();

        assertThatThrownBy(() -> l.schedules().approve(rita, held.id(), "x".repeat(Limits.APPROVAL_NOTE + 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("note", "max_length")));
        assertThatThrownBy(() -> l.schedules().reject(rita, held.id(), "bad\u0000note"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("note", "invalid_character")));
        assertThat(at(l, alice, held.id()).status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);

        Schedule rejected = l.schedules().reject(rita, held.id(), "y".repeat(Limits.APPROVAL_NOTE));
        assertThat(rejected.errorMessage().orElseThrow()).endsWith("y".repeat(Limits.APPROVAL_NOTE));
        assertThat(events.get(events.size() - 1))
                .isInstanceOfSatisfying(LuxarisEvent.Rejected.class, e -> assertThat(e.note())
                        .contains("y".repeat(Limits.APPROVAL_NOTE)));
    }

    @Test
    void heldSchedules_canBeMovedAndCancelled_andArchivingThePostCancelsThem() {
        Luxaris l = luxaris(true, REVIEWED);
        ChannelConnection account = connect(l, alice, "fake", "@alice");
        PostVariant variant = draft(l, alice, "fake", "Movable");
        Schedule first = schedule(l, alice, variant, account, START.plus(Duration.ofHours(1)));
        Schedule second = schedule(l, alice, variant, account, START.plus(Duration.ofHours(2)));

        Schedule moved = l.schedules().reschedule(alice, first.id(), When.instant(START.plus(Duration.ofHours(5))));
        assertThat(moved.status()).isEqualTo(ScheduleStatus.AWAITING_APPROVAL);
        assertThat(moved.runAt()).isEqualTo(START.plus(Duration.ofHours(5)));
        assertThat(l.schedules().cancel(alice, second.id()).status()).isEqualTo(ScheduleStatus.CANCELLED);

        l.posts().archive(alice, variant.postId());
        Schedule archived = at(l, alice, first.id());
        assertThat(archived.status()).isEqualTo(ScheduleStatus.CANCELLED);
        assertThat(archived.errorCode()).contains("post_archived");
        assertThat(l.posts().get(alice, variant.postId()).post().status()).isEqualTo(PostStatus.ARCHIVED);
    }
}
