package io.luxaris.usecase;

import static io.luxaris.Fixtures.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Limits;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantStatus;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One post scheduled to several targets, each at its own time, in one all-or-nothing call. */
class ScheduleTargetsTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final SettableClock clock = SettableClock.at(START);
    private final ScriptedChannel fake = ScriptedChannel.create("fake");
    private final ScriptedChannel other = ScriptedChannel.create("other");
    private final Principal alice = Principal.of("alice");
    private final List<LuxarisEvent> events = new CopyOnWriteArrayList<>();
    private final List<Luxaris> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Luxaris::close);
    }

    private Luxaris luxaris(SchedulingRules rules) {
        Luxaris l = Luxaris.builder()
                .channel(fake)
                .channel(other)
                .clock(clock)
                .rules(rules)
                .listener(events::add)
                .build();
        opened.add(l);
        return l;
    }

    private PostDetails post(Luxaris l, String text) {
        return l.posts()
                .create(
                        alice,
                        PostDraft.of(text)
                                .withVariant(VariantDraft.of("fake", text))
                                .withVariant(VariantDraft.of("other", text)));
    }

    private static PostVariant variant(PostDetails post, String channel) {
        return post.variants().stream()
                .filter(v -> v.channelId().equals(io.luxaris.domain.ChannelId.forKey(channel)))
                .findFirst()
                .orElseThrow();
    }

    private static List<Violation> violations(Runnable call) {
        try {
            call.run();
        } catch (ValidationException e) {
            return e.violations();
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void twoTargets_atTheirOwnTimes_areCreatedTogether_inTheOrderGiven() {
        Luxaris l = luxaris(SchedulingRules.defaults());
        ChannelConnection fakeAccount = connect(l, alice, "fake", "@alice");
        ChannelConnection otherAccount = connect(l, alice, "other", "@alice");
        PostDetails post = post(l, "Launch");
        LocalDateTime nine = LocalDateTime.of(2026, 11, 25, 9, 0);

        List<Schedule> created = l.schedules()
                .scheduleTargets(
                        alice,
                        post.post().id(),
                        List.of(
                                ScheduleRequest.at(
                                        variant(post, "other").id(), otherAccount.id(), nine.plusHours(3), BERLIN),
                                ScheduleRequest.at(variant(post, "fake").id(), fakeAccount.id(), nine, BERLIN)));

        assertThat(created)
                .extracting(Schedule::connectionId, Schedule::runAt, Schedule::status)
                .containsExactly(
                        tuple(otherAccount.id(), Instant.parse("2026-11-25T11:00:00Z"), ScheduleStatus.PENDING),
                        tuple(fakeAccount.id(), Instant.parse("2026-11-25T08:00:00Z"), ScheduleStatus.PENDING));
        assertThat(l.schedules().listForPost(alice, post.post().id())).hasSize(2);
        PostDetails after = l.posts().get(alice, post.post().id());
        assertThat(after.post().status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(after.variants()).extracting(PostVariant::status).containsOnly(VariantStatus.READY);
        assertThat(events).filteredOn(LuxarisEvent.Scheduled.class::isInstance).hasSize(2);
    }

    @Test
    void oneBadTarget_failsTheWholeCall_namingItsIndex_andNothingIsWritten() {
        Luxaris l = luxaris(SchedulingRules.defaults());
        ChannelConnection fakeAccount = connect(l, alice, "fake", "@alice");
        ChannelConnection otherAccount = connect(l, alice, "other", "@alice");
        PostDetails post = post(l, "Launch");

        List<Violation> found = violations(() -> l.schedules()
                .scheduleTargets(
                        alice,
                        post.post().id(),
                        List.of(
                                ScheduleRequest.at(
                                        variant(post, "fake").id(), fakeAccount.id(), START.plus(Duration.ofHours(1))),
                                ScheduleRequest.at(
                                        variant(post, "other").id(), otherAccount.id(), START.minusSeconds(1)),
                                ScheduleRequest.at(
                                        variant(post, "other").id(), fakeAccount.id(), START.plusSeconds(60)))));

        assertThat(found)
                .extracting(Violation::field, Violation::rule)
                .containsExactly(
                        tuple("targets[1].when", "in_past"), tuple("targets[2].connection", "channel_mismatch"));
        assertThat(l.schedules().listForPost(alice, post.post().id())).isEmpty();
        PostDetails after = l.posts().get(alice, post.post().id());
        assertThat(after.post().status()).isEqualTo(PostStatus.DRAFT);
        assertThat(after.variants()).extracting(PostVariant::status).containsOnly(VariantStatus.DRAFT);
        assertThat(events).isEmpty();
    }

    @Test
    void aVariantOfAnotherPost_isRejected_andUnknownOnesAreNotFound() {
        Luxaris l = luxaris(SchedulingRules.defaults());
        ChannelConnection fakeAccount = connect(l, alice, "fake", "@alice");
        PostDetails post = post(l, "Mine");
        PostDetails stranger = post(l, "Another");
        Instant t = START.plus(Duration.ofHours(1));

        assertThat(violations(() -> l.schedules()
                        .scheduleTargets(
                                alice,
                                post.post().id(),
                                List.of(ScheduleRequest.at(
                                        variant(stranger, "fake").id(), fakeAccount.id(), t)))))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("targets[0].variant", "other_post"));
        assertThatThrownBy(() -> l.schedules()
                        .scheduleTargets(
                                alice,
                                post.post().id(),
                                List.of(ScheduleRequest.at(VariantId.random(), fakeAccount.id(), t))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> l.schedules()
                        .scheduleTargets(
                                alice,
                                io.luxaris.domain.PostId.random(),
                                List.of(ScheduleRequest.at(variant(post, "fake").id(), fakeAccount.id(), t))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theTargetList_isRequired_nonEmpty_complete_andLimited() {
        Luxaris l = luxaris(SchedulingRules.defaults());
        ChannelConnection fakeAccount = connect(l, alice, "fake", "@alice");
        PostDetails post = post(l, "Many");
        VariantId v = variant(post, "fake").id();
        var id = post.post().id();

        assertThat(violations(() -> l.schedules().scheduleTargets(alice, null, null)))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("post", "required"), tuple("targets", "required"));
        assertThat(violations(() -> l.schedules().scheduleTargets(alice, id, List.of())))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("targets", "required"));
        assertThat(violations(() -> l.schedules()
                        .scheduleTargets(
                                alice,
                                id,
                                Arrays.asList(ScheduleRequest.at(v, fakeAccount.id(), START.plusSeconds(60)), null))))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("targets[1]", "required"));
        assertThat(violations(
                        () -> l.schedules().scheduleTargets(alice, id, List.of(new ScheduleRequest(v, null, null)))))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("targets[0].when", "required"));

        var atLimit = new ArrayList<ScheduleRequest>();
        for (int i = 0; i < Limits.SCHEDULE_TARGETS; i++) {
            atLimit.add(ScheduleRequest.at(v, fakeAccount.id(), START.plus(Duration.ofMinutes(10 + i))));
        }
        var overLimit = new ArrayList<>(atLimit);
        overLimit.add(ScheduleRequest.at(v, fakeAccount.id(), START.plus(Duration.ofDays(1))));
        assertThat(violations(() -> l.schedules().scheduleTargets(alice, id, overLimit)))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("targets", "too_many"));
        assertThat(l.schedules().scheduleTargets(alice, id, atLimit)).hasSize(Limits.SCHEDULE_TARGETS);
    }

    @Test
    void theRateLimits_countTheOtherTargetsOfTheSameCall() {
        Luxaris l = luxaris(SchedulingRules.builder()
                .minGapPerConnection(Duration.ofMinutes(10))
                .build());
        ChannelConnection fakeAccount = connect(l, alice, "fake", "@alice");
        ChannelConnection otherAccount = connect(l, alice, "other", "@alice");
        PostDetails post = post(l, "Close together");
        Instant t = START.plus(Duration.ofHours(1));

        assertThat(violations(() -> l.schedules()
                        .scheduleTargets(
                                alice,
                                post.post().id(),
                                List.of(
                                        ScheduleRequest.at(variant(post, "fake").id(), fakeAccount.id(), t),
                                        ScheduleRequest.at(
                                                variant(post, "other").id(), otherAccount.id(), t),
                                        ScheduleRequest.at(
                                                variant(post, "fake").id(), fakeAccount.id(), t.plusSeconds(300))))))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("targets[2].when", "min_gap"));
    }

    @Test
    void eachTarget_getsItsOwnStatus_whenOnlyOneConnectionRequiresApproval() {
        Luxaris l = luxaris(SchedulingRules.defaults());
        ChannelConnection fakeAccount = connect(l, alice, "fake", "@alice");
        ChannelConnection otherAccount = connect(l, alice, "other", "@brand");
        l.schedules().requireApproval(alice, otherAccount.id(), true);
        PostDetails post = post(l, "Mixed");
        Instant t = START.plus(Duration.ofHours(1));

        List<Schedule> created = l.schedules()
                .scheduleTargets(
                        alice,
                        post.post().id(),
                        List.of(
                                ScheduleRequest.at(variant(post, "fake").id(), fakeAccount.id(), t),
                                ScheduleRequest.at(variant(post, "other").id(), otherAccount.id(), t)));

        assertThat(created)
                .extracting(Schedule::status)
                .containsExactly(ScheduleStatus.PENDING, ScheduleStatus.AWAITING_APPROVAL);
        assertThat(events)
                .map(e -> e.getClass().getSimpleName())
                .containsExactly("Scheduled", "Scheduled", "ApprovalRequested");
    }
}
