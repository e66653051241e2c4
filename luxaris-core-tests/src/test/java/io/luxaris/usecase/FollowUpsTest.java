package io.luxaris.usecase;

import static io.luxaris.Fixtures.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.Limits;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.AccessDeniedException;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Follow-up parts through the use cases on the in-memory store: validation, updates and read-back. */
class FollowUpsTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final SettableClock clock = SettableClock.at(START);
    private final ScriptedChannel threads = ScriptedChannel.builder("threads")
            .maxTextLength(50)
            .followUps(FollowUpKind.REPLY, FollowUpKind.COMMENT)
            .build();
    private final ScriptedChannel replies =
            ScriptedChannel.builder("replies").followUps(FollowUpKind.REPLY).build();
    private final ScriptedChannel plain = ScriptedChannel.create("plain");
    private final Principal alice = Principal.of("alice");
    private final Principal mallory = Principal.of("mallory");
    private final Luxaris luxaris = Luxaris.builder()
            .channel(threads)
            .channel(replies)
            .channel(plain)
            .clock(clock)
            .rules(SchedulingRules.defaults())
            .build();

    @AfterEach
    void close() {
        luxaris.close();
    }

    private PostVariant create(String channel, List<FollowUp> followUps) {
        return luxaris.posts()
                .create(
                        alice,
                        PostDraft.of("x")
                                .withVariant(VariantDraft.of(channel, "Hello").withFollowUps(followUps)))
                .firstVariant();
    }

    private static List<FollowUp> replies(int n) {
        return IntStream.range(0, n).mapToObj(i -> FollowUp.reply("part " + i)).toList();
    }

    private List<Violation> violations(String channel, List<FollowUp> followUps) {
        try {
            create(channel, followUps);
        } catch (ValidationException e) {
            return e.violations();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void tenFollowUpsAreAccepted_elevenAreTooMany() {
        assertThat(create("threads", replies(Limits.FOLLOW_UPS)).followUps()).hasSize(10);
        assertThat(violations("threads", replies(11)))
                .extracting(Violation::field, Violation::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("variants[0].followUps", "too_many"));
    }

    @Test
    void aKindTheChannelDoesNotDeclare_isRejected_andAChannelDeclaringNoneRejectsAny() {
        assertThat(violations("replies", List.of(FollowUp.reply("ok"), FollowUp.comment("no"))))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("variants[0].followUps[1].kind", "follow_up_unsupported"));
        assertThat(violations("plain", List.of(FollowUp.reply("no"))))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("variants[0].followUps[0].kind", "follow_up_unsupported"));
    }

    @Test
    void textMustBeNonBlankAndFitTheChannel_likeAThreadPart() {
        assertThat(violations("threads", List.of(FollowUp.reply("  "), FollowUp.comment("y".repeat(51)))))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("variants[0].followUps[0].text", "required"),
                        org.assertj.core.groups.Tuple.tuple("variants[0].followUps[1].text", "content_length"));
        assertThat(create("threads", List.of(FollowUp.comment("y".repeat(50)))).followUps())
                .hasSize(1);
    }

    @Test
    void delayUpToSevenDays_isAccepted_longerIsOutOfRange() {
        assertThat(create("threads", List.of(FollowUp.reply("a").after(Duration.ofDays(7))))
                        .followUps())
                .extracting(FollowUp::delay)
                .containsExactly(Duration.ofDays(7));
        assertThat(violations(
                        "threads",
                        List.of(FollowUp.reply("a").after(Duration.ofDays(7).plusSeconds(1)))))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("variants[0].followUps[0].delay", "range"));
        assertThatThrownBy(() -> FollowUp.reply("a").after(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addVariant_andCheck_validateFollowUpsWithoutPrefix() {
        PostVariant first = create("threads", List.of());
        assertThatThrownBy(() -> luxaris.posts()
                        .addVariant(
                                alice,
                                first.postId(),
                                VariantDraft.of("replies", "Hi").withFollowUps(List.of(FollowUp.comment("c")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("followUps[0].kind"));
        assertThat(luxaris.posts()
                        .check(alice, VariantDraft.of("plain", "Hi").withFollowUps(List.of(FollowUp.reply("r")))))
                .extracting(Violation::rule)
                .containsExactly("follow_up_unsupported");
    }

    @Test
    void updateVariant_replacesFollowUps_keepsThemWhenTheUpdateSaysNothing_andAPublishedVariantRefuses() {
        PostVariant v = create("threads", List.of(FollowUp.reply("one")));
        PostVariant kept = luxaris.posts()
                .updateVariant(
                        alice, v.id(), VariantUpdate.from(v).withContent("New").withFollowUps(null));
        assertThat(kept.followUps()).extracting(FollowUp::text).containsExactly("one");
        PostVariant replaced = luxaris.posts()
                .updateVariant(
                        alice,
                        v.id(),
                        VariantUpdate.from(kept)
                                .withFollowUps(List.of(
                                        FollowUp.comment("c"),
                                        FollowUp.reply("r").after(Duration.ofHours(1)))));
        assertThat(replaced.followUps())
                .containsExactly(FollowUp.comment("c"), FollowUp.reply("r").after(Duration.ofHours(1)));
        assertThat(luxaris.posts().variant(alice, v.id()).followUps()).isEqualTo(replaced.followUps());
        assertThatThrownBy(() -> luxaris.posts()
                        .updateVariant(
                                alice, v.id(), VariantUpdate.from(replaced).withFollowUps(replies(11))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .contains(org.assertj.core.groups.Tuple.tuple("followUps", "too_many")));

        ChannelConnection account = connect(luxaris, alice, "threads", "@alice");
        Schedule s = luxaris.schedules()
                .schedule(alice, ScheduleRequest.at(v.id(), account.id(), START.plus(Duration.ofHours(1))));
        clock.set(s.runAt());
        luxaris.publishing().runDue();
        PostVariant published = luxaris.posts().variant(alice, v.id());
        assertThat(published.isPublished()).isTrue();
        assertThatThrownBy(() -> luxaris.posts()
                        .updateVariant(
                                alice, v.id(), VariantUpdate.from(published).withFollowUps(List.of())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void readBack_listsOnePartPerFollowUp_andChecksAccess() {
        PostVariant v =
                create("threads", List.of(FollowUp.reply("one").after(Duration.ofMinutes(5)), FollowUp.comment("two")));
        ChannelConnection account = connect(luxaris, alice, "threads", "@alice");
        Schedule root = luxaris.schedules()
                .schedule(alice, ScheduleRequest.at(v.id(), account.id(), START.plus(Duration.ofHours(1))));
        List<FollowUpPart> parts = luxaris.schedules().followUps(alice, root.id());
        assertThat(parts).extracting(FollowUpPart::index).containsExactly(0, 1);
        assertThat(parts).extracting(FollowUpPart::kind).containsExactly(FollowUpKind.REPLY, FollowUpKind.COMMENT);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.state()).isEqualTo(FollowUpPart.State.WAITING);
            assertThat(p.scheduleId()).isEmpty();
            assertThat(p.due()).isEmpty();
        });
        assertThatThrownBy(() -> luxaris.schedules().followUps(mallory, root.id()))
                .isInstanceOf(AccessDeniedException.class);

        clock.set(root.runAt());
        luxaris.publishing().runDue();
        var afterRoot = luxaris.schedules().followUps(alice, root.id());
        Schedule part0 =
                luxaris.schedules().get(alice, afterRoot.get(0).scheduleId().orElseThrow());
        assertThat(part0.followUpOf().orElseThrow().root()).isEqualTo(root.id());
        assertThat(afterRoot.get(0).due()).contains(root.runAt().plus(Duration.ofMinutes(5)));
        assertThat(luxaris.schedules().followUps(alice, part0.id()))
                .as("read through any schedule of the chain")
                .isEqualTo(afterRoot);
        var all = new ArrayList<Schedule>(luxaris.schedules().listForPost(alice, v.postId()));
        assertThat(all).hasSize(2).filteredOn(Schedule::isFollowUp).hasSize(1);
        assertThat(luxaris.schedules()
                        .followUps(
                                alice,
                                luxaris.schedules()
                                        .schedule(
                                                alice,
                                                ScheduleRequest.at(
                                                        create("plain", List.of())
                                                                .id(),
                                                        connect(luxaris, alice, "plain", "@p")
                                                                .id(),
                                                        START.plus(Duration.ofHours(3))))
                                        .id()))
                .isEmpty();
    }
}
