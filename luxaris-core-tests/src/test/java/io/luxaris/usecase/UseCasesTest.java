package io.luxaris.usecase;

import static io.luxaris.Fixtures.connect;
import static io.luxaris.Fixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ConnectionStatus;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.GenerationStatus;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.TemplateConstraints;
import io.luxaris.domain.VariantSource;
import io.luxaris.domain.VariantStatus;
import io.luxaris.domain.When;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.spi.generation.GenerationFailedException;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.ScriptedGenerator;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Behaviour of the use cases through the public API. */
class UseCasesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final SettableClock clock = SettableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedChannel fake =
            ScriptedChannel.builder("fake").maxTextLength(100).build();
    private final ScriptedChannel wide =
            ScriptedChannel.builder("wide").maxTextLength(1000).build();
    private final ScriptedGenerator generator = ScriptedGenerator.create("scripted");
    private final List<Luxaris> opened = new ArrayList<>();
    private final Luxaris luxaris = open(SchedulingRules.defaults());
    private final Principal alice = Principal.of("alice");

    private Luxaris open(SchedulingRules rules) {
        Luxaris l = Luxaris.builder()
                .channel(fake)
                .channel(wide)
                .generator(generator)
                .clock(clock)
                .rules(rules)
                .build();
        opened.add(l);
        return l;
    }

    @AfterEach
    void close() {
        opened.forEach(Luxaris::close);
    }

    private static List<String> rules(ValidationException e) {
        return e.violations().stream().map(Violation::rule).toList();
    }

    // ---------------------------------------------------------------- templates

    @Test
    void templates_renderPlaceholders_andListEveryMissingOne() {
        var t = luxaris.templates()
                .create(
                        alice,
                        TemplateDraft.of(
                                "launch", "New: {{feature}} for {{audience}}!{{#link}} More: {{link}}{{/link}}"));
        assertThat(luxaris.templates().placeholders(alice, t.id()))
                .containsExactlyInAnyOrder("feature", "audience", "link");
        assertThat(luxaris.templates().render(alice, t.id(), Map.of("feature", "Dark mode", "audience", "everyone")))
                .isEqualTo("New: Dark mode for everyone!");
        assertThat(luxaris.templates()
                        .render(
                                alice,
                                t.id(),
                                Map.of("feature", "A & B <3", "audience", "you", "link", "https://x.io")))
                .isEqualTo("New: A & B <3 for you! More: https://x.io");
        assertThatThrownBy(() -> luxaris.templates().render(alice, t.id(), Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("values.feature", "missing_placeholder"),
                                org.assertj.core.groups.Tuple.tuple("values.audience", "missing_placeholder")));
    }

    @Test
    void templates_rejectBadSyntaxPartialsAndDuplicateNames_andUpdateWithVersions() {
        assertThatThrownBy(() ->
                        luxaris.templates().create(alice, TemplateDraft.of("bad", "Hello {{#open}} never closed")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(rules(e)).containsExactly("template_syntax"));
        assertThatThrownBy(() -> luxaris.templates().create(alice, TemplateDraft.of("partial", "{{> footer}}")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(rules(e)).containsExactly("template_unsupported"));
        var t = luxaris.templates()
                .create(alice, TemplateDraft.of("launch", "v1 {{x}}").withDefaultChannel("fake"));
        assertThatThrownBy(() -> luxaris.templates().create(alice, TemplateDraft.of("launch", "dup")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(rules(e)).containsExactly("unique"));
        var v2 = luxaris.templates()
                .update(alice, t.id(), TemplateDraft.of("launch", "v2 {{x}}").expectingVersion(t.version()));
        assertThat(v2.body()).isEqualTo("v2 {{x}}");
        assertThatThrownBy(() -> luxaris.templates()
                        .update(alice, t.id(), TemplateDraft.of("launch", "v3").expectingVersion(t.version())))
                .isInstanceOf(ConflictException.class);
        luxaris.templates().delete(alice, t.id());
        assertThat(luxaris.templates().list(alice)).isEmpty();
    }

    // ---------------------------------------------------------------- generation

    @Test
    void generation_fitsEachChannel_rewordsThenTruncates_andKeepsOtherChannelsWhenOneFails() {
        String longText = "word ".repeat(60).strip(); // 299 characters
        generator.answering(p -> List.of(longText, "short one"));
        generator.rewording(
                r -> r.prompt().channel().key().equals("wide") ? Optional.empty() : Optional.of("still " + longText));
        var template = luxaris.templates()
                .create(
                        alice,
                        TemplateDraft.of("t", "Feature {{f}} is live")
                                .withConstraints(TemplateConstraints.maxLength(500)));
        var result = luxaris.generation()
                .generate(
                        alice,
                        GenerationRequest.of("announce", "fake", "wide")
                                .withTemplate(template.id(), Map.of("f", "X"))
                                .withCount(2)
                                .withTone("playful"));
        assertThat(result.session().status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(generator.prompts())
                .extracting(p -> p.renderedTemplate().orElseThrow())
                .containsOnly("Feature X is live");
        assertThat(generator.prompts()).extracting(p -> p.maxLength()).containsExactly(100, 500);
        assertThat(generator.prompts()).extracting(p -> p.tone().orElseThrow()).containsOnly("playful");
        var onFake = result.forChannel("fake");
        assertThat(onFake).hasSize(2);
        assertThat(onFake.get(0).content().length()).isLessThanOrEqualTo(100);
        assertThat(onFake.get(0).truncated()).isTrue();
        assertThat(onFake.get(0).content()).endsWith("…").doesNotContain("wor…");
        assertThat(onFake.get(0).metadata()).containsEntry("reworded", "true").containsEntry("original_length", "299");
        assertThat(onFake.get(1).truncated()).isFalse();
        var onWide = result.forChannel("wide");
        assertThat(onWide.get(0).content()).isEqualTo(longText);
        assertThat(onWide.get(0).score()).hasValue(1.0);

        generator.failingFor(
                "wide",
                new GenerationFailedException(GenerationFailedException.Kind.QUOTA_EXHAUSTED, "quota exhausted"));
        var partial = luxaris.generation().generate(alice, GenerationRequest.of("again", "fake", "wide"));
        assertThat(partial.session().status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(partial.forChannel("fake")).hasSize(1);
        assertThat(partial.session().channelErrors()).containsOnlyKeys("wide");
        assertThat(partial.session().channelErrors().get("wide")).contains("quota");
    }

    @Test
    void accept_turnsASuggestionIntoAVariantOfANewPost_thatCanBeScheduled() {
        generator.answering("Ship it!");
        var session = luxaris.generation().generate(alice, GenerationRequest.of("launch day", "fake"));
        var accepted =
                luxaris.generation().accept(alice, session.suggestions().get(0).id());
        assertThat(accepted.post().baseContent()).isEqualTo("Ship it!");
        assertThat(accepted.variant().source()).isEqualTo(VariantSource.GENERATED);
        assertThat(accepted.suggestion().accepted()).isTrue();
        assertThat(luxaris.generation()
                        .get(alice, session.session().id())
                        .session()
                        .postId())
                .contains(accepted.post().id());
        var account = connect(luxaris, alice, "fake", "@a");
        var s = luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(
                                accepted.variant().id(),
                                account.id(),
                                clock.instant().plusSeconds(3600)));
        assertThat(s.status()).isEqualTo(ScheduleStatus.PENDING);
        // a second suggestion of the same session goes into the same post
        var second = luxaris.generation()
                .generate(
                        alice,
                        GenerationRequest.of("more", "wide")
                                .forPost(accepted.post().id()));
        var into =
                luxaris.generation().accept(alice, second.suggestions().get(0).id());
        assertThat(into.post().id()).isEqualTo(accepted.post().id());
        assertThat(luxaris.posts().get(alice, accepted.post().id()).variants()).hasSize(2);
    }

    // ---------------------------------------------------------------- posts

    @Test
    void posts_updateWithAStaleVersion_isAConflict_andArchiveCancelsPendingSchedules() {
        var account = connect(luxaris, alice, "fake", "@a");
        var variant = draft(luxaris, alice, "fake", "hello");
        var post = luxaris.posts().get(alice, variant.postId()).post();
        var updated =
                luxaris.posts().update(alice, post.id(), PostUpdate.from(post).withTitle("New title"));
        assertThat(updated.title()).contains("New title");
        assertThatThrownBy(() -> luxaris.posts()
                        .update(alice, post.id(), PostUpdate.from(post).withTitle("Stale")))
                .isInstanceOf(ConflictException.class);
        var s = luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(
                                variant.id(), account.id(), clock.instant().plusSeconds(600)));
        var archived = luxaris.posts().archive(alice, post.id());
        assertThat(archived.status()).isEqualTo(PostStatus.ARCHIVED);
        assertThat(luxaris.schedules().get(alice, s.id()).status()).isEqualTo(ScheduleStatus.CANCELLED);
        assertThatThrownBy(() -> luxaris.posts().update(alice, post.id(), PostUpdate.from(archived)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> luxaris.schedules()
                        .schedule(
                                alice,
                                ScheduleRequest.at(
                                        variant.id(),
                                        account.id(),
                                        clock.instant().plusSeconds(900))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void variants_publishedAreImmutable_andEditsMustFitTheScheduledConnections() {
        var account = connect(luxaris, alice, "fake", "@a");
        var variant = draft(luxaris, alice, "fake", "hello");
        var s = luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(
                                variant.id(), account.id(), clock.instant().plusSeconds(60)));
        assertThat(luxaris.posts().variant(alice, variant.id()).status()).isEqualTo(VariantStatus.READY);
        var ready = luxaris.posts().variant(alice, variant.id());
        assertThatThrownBy(() -> luxaris.posts()
                        .updateVariant(
                                alice, variant.id(), VariantUpdate.from(ready).withContent("x".repeat(101))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(rules(e)).contains("content_length"));
        var edited = luxaris.posts()
                .updateVariant(alice, variant.id(), VariantUpdate.from(ready).withContent("hello again"));
        assertThat(edited.content()).isEqualTo("hello again");
        clock.advance(Duration.ofSeconds(60));
        luxaris.publishing().runDue();
        assertThat(fake.calls()).singleElement().satisfies(c -> assertThat(c.content())
                .isEqualTo("hello again"));
        var published = luxaris.posts().variant(alice, variant.id());
        assertThat(published.status()).isEqualTo(VariantStatus.PUBLISHED);
        assertThatThrownBy(() -> luxaris.posts()
                        .updateVariant(
                                alice,
                                variant.id(),
                                VariantUpdate.from(published).withContent("changed")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("published");
        assertThatThrownBy(() -> luxaris.posts().deleteVariant(alice, variant.id()))
                .isInstanceOf(ConflictException.class);
        assertThat(luxaris.schedules().get(alice, s.id()).status()).isEqualTo(ScheduleStatus.SUCCESS);
    }

    @Test
    void check_reportsViolationsWithoutSaving() {
        assertThat(luxaris.posts().check(alice, VariantDraft.of("fake", "x".repeat(101))))
                .extracting(Violation::rule)
                .containsExactly("content_length");
        assertThat(luxaris.posts().check(alice, VariantDraft.of("fake", "fine")))
                .isEmpty();
        assertThat(luxaris.posts().list(alice, PostQuery.all()).items()).isEmpty();
    }

    @Test
    void postList_pagesNewestFirst_andFiltersByStatusAndTag() {
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofSeconds(1));
            luxaris.posts().create(alice, PostDraft.of("p" + i).withTags(i % 2 == 0 ? "even" : "odd"));
        }
        var first = luxaris.posts().list(alice, PostQuery.all().withPage(PageRequest.first(3)));
        assertThat(first.items()).extracting(p -> p.baseContent()).containsExactly("p6", "p5", "p4");
        var second = luxaris.posts()
                .list(
                        alice,
                        PostQuery.all()
                                .withPage(PageRequest.after(first.nextCursor().orElseThrow(), 3)));
        assertThat(second.items()).extracting(p -> p.baseContent()).containsExactly("p3", "p2", "p1");
        var third = luxaris.posts()
                .list(
                        alice,
                        PostQuery.all()
                                .withPage(PageRequest.after(second.nextCursor().orElseThrow(), 3)));
        assertThat(third.items()).extracting(p -> p.baseContent()).containsExactly("p0");
        assertThat(third.hasMore()).isFalse();
        assertThat(luxaris.posts().list(alice, PostQuery.all().withTag("odd")).items())
                .hasSize(3);
        assertThat(luxaris.posts()
                        .list(alice, PostQuery.all().withStatuses(java.util.Set.of(PostStatus.SCHEDULED)))
                        .items())
                .isEmpty();
    }

    // ---------------------------------------------------------------- schedules

    @Test
    void scheduling_appliesHorizonDstConnectionAndLengthRules_withFieldNamesAndReasons() {
        var account = connect(luxaris, alice, "fake", "@a");
        var variant = draft(luxaris, alice, "fake", "hello");
        assertThatThrownBy(() -> luxaris.schedules()
                        .schedule(
                                alice,
                                new ScheduleRequest(
                                        variant.id(),
                                        Optional.of(account.id()),
                                        When.local(LocalDateTime.parse("2027-03-28T02:30"), BERLIN))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("when");
                            assertThat(v.rule()).isEqualTo("dst_gap");
                        }));
        assertThatThrownBy(() -> luxaris.schedules()
                        .schedule(alice, ScheduleRequest.at(variant.id(), account.id(), clock.instant())))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(rules(e)).containsExactly("in_past"));
        assertThatThrownBy(() -> luxaris.schedules()
                        .schedule(
                                alice,
                                ScheduleRequest.at(
                                        variant.id(),
                                        account.id(),
                                        clock.instant().plus(Duration.ofDays(365)))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(rules(e)).containsExactly("horizon"));
        assertThatThrownBy(() -> luxaris.schedules()
                        .schedule(
                                alice,
                                new ScheduleRequest(
                                        variant.id(),
                                        Optional.empty(),
                                        When.instant(clock.instant().plusSeconds(60)))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("connection"));
        var wideAccount = connect(luxaris, alice, "wide", "@w");
        assertThatThrownBy(() -> luxaris.schedules()
                        .schedule(
                                alice,
                                ScheduleRequest.at(
                                        variant.id(),
                                        wideAccount.id(),
                                        clock.instant().plusSeconds(60))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(rules(e)).contains("channel_mismatch"));
        luxaris.channels().revoke(alice, account.id());
        assertThatThrownBy(() -> luxaris.schedules()
                        .schedule(
                                alice,
                                ScheduleRequest.at(
                                        variant.id(),
                                        account.id(),
                                        clock.instant().plusSeconds(60))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(rules(e)).containsExactly("connection_status"));
        assertThat(luxaris.schedules().listForPost(alice, variant.postId())).isEmpty();
        assertThat(luxaris.posts().get(alice, variant.postId()).post().status()).isEqualTo(PostStatus.DRAFT);
    }

    @Test
    void scheduling_inTheOverlap_takesTheEarlierOffset_andKeepsTheAuthorsZone() {
        var account = connect(luxaris, alice, "fake", "@a");
        var variant = draft(luxaris, alice, "fake", "hello");
        var s = luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(
                                variant.id(), account.id(), LocalDateTime.parse("2027-10-31T02:30"), BERLIN));
        assertThat(s.runAt()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        assertThat(s.timezone()).isEqualTo(BERLIN);
        assertThat(s.localRunAt().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-10-31T02:30"));
    }

    @Test
    void rateLimitRules_applyPerConnection_onScheduleAndReschedule() {
        var l = open(SchedulingRules.builder()
                .maxSchedulesPerHourPerConnection(2)
                .minGapPerConnection(Duration.ofMinutes(10))
                .build());
        var account = connect(l, alice, "fake", "@a");
        var other = connect(l, alice, "fake", "@b");
        Instant t = clock.instant().plus(Duration.ofHours(2));
        l.schedules()
                .schedule(alice, ScheduleRequest.at(draft(l, alice, "fake", "1").id(), account.id(), t));
        var second = l.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(
                                draft(l, alice, "fake", "2").id(), account.id(), t.plus(Duration.ofMinutes(20))));
        assertThatThrownBy(() -> l.schedules()
                        .schedule(
                                alice,
                                ScheduleRequest.at(
                                        draft(l, alice, "fake", "3").id(),
                                        account.id(),
                                        t.plus(Duration.ofMinutes(5)))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(rules(e)).contains("min_gap"));
        assertThatThrownBy(() -> l.schedules()
                        .schedule(
                                alice,
                                ScheduleRequest.at(
                                        draft(l, alice, "fake", "4").id(),
                                        account.id(),
                                        t.plus(Duration.ofMinutes(40)))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(rules(e)).containsExactly("rate_limit"));
        // another connection is not affected
        l.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(
                                draft(l, alice, "fake", "5").id(), other.id(), t.plus(Duration.ofMinutes(5))));
        // moving a schedule is checked without counting itself
        var moved = l.schedules().reschedule(alice, second.id(), When.instant(t.plus(Duration.ofMinutes(30))));
        assertThat(moved.runAt()).isEqualTo(t.plus(Duration.ofMinutes(30)));
        assertThat(moved.nextAttemptAt()).isEqualTo(moved.runAt());
        assertThatThrownBy(
                        () -> l.schedules().reschedule(alice, second.id(), When.instant(t.plus(Duration.ofMinutes(1)))))
                .isInstanceOf(ValidationException.class);
        var retargeted = l.schedules().changeConnection(alice, second.id(), other.id());
        assertThat(retargeted.connectionId()).isEqualTo(other.id());
    }

    // ---------------------------------------------------------------- calendar

    @Test
    void calendar_weekInTheAuthorsZone_filtersAndPages() {
        var a = connect(luxaris, alice, "fake", "@a");
        var w = connect(luxaris, alice, "wide", "@w");
        var ids = new ArrayList<io.luxaris.domain.ScheduleId>();
        for (int i = 0; i < 6; i++) {
            var v = draft(luxaris, alice, i % 2 == 0 ? "fake" : "wide", "p" + i);
            ids.add(luxaris.schedules()
                    .schedule(
                            alice,
                            ScheduleRequest.at(
                                    v.id(),
                                    i % 2 == 0 ? a.id() : w.id(),
                                    LocalDateTime.parse("2026-11-30T09:00").plusHours(i),
                                    BERLIN))
                    .id());
        }
        // Sunday 23:30 Berlin belongs to the previous week
        var sunday = draft(luxaris, alice, "fake", "sunday");
        luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(sunday.id(), a.id(), LocalDateTime.parse("2026-11-29T23:30"), BERLIN));
        var week = luxaris.calendar().week(alice, LocalDate.parse("2026-12-03"), BERLIN, CalendarFilter.none());
        assertThat(week.items()).extracting(e -> e.schedule().id()).containsExactlyElementsOf(ids);
        assertThat(luxaris.calendar()
                        .week(
                                alice,
                                LocalDate.parse("2026-12-03"),
                                BERLIN,
                                CalendarFilter.none().channel("wide"))
                        .items())
                .hasSize(3);
        assertThat(luxaris.calendar()
                        .week(
                                alice,
                                LocalDate.parse("2026-12-03"),
                                BERLIN,
                                CalendarFilter.none().connection(a.id()))
                        .items())
                .hasSize(3);
        var page1 = luxaris.calendar()
                .week(
                        alice,
                        LocalDate.parse("2026-12-03"),
                        BERLIN,
                        CalendarFilter.none().page(PageRequest.first(4)));
        var page2 = luxaris.calendar()
                .week(
                        alice,
                        LocalDate.parse("2026-12-03"),
                        BERLIN,
                        CalendarFilter.none()
                                .page(PageRequest.after(page1.nextCursor().orElseThrow(), 4)));
        var seen = new HashSet<io.luxaris.domain.ScheduleId>();
        page1.items().forEach(e -> seen.add(e.schedule().id()));
        page2.items().forEach(e -> seen.add(e.schedule().id()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(page2.hasMore()).isFalse();
        assertThatThrownBy(() -> luxaris.calendar()
                        .between(
                                alice,
                                clock.instant(),
                                clock.instant().plus(Duration.ofDays(400)),
                                CalendarFilter.none()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(rules(e)).containsExactly("range"));
    }

    // ---------------------------------------------------------------- connections

    @Test
    void reconnect_neverWipesTheStoredRefreshToken_andRevokeErasesCredentials() {
        var account = luxaris.channels()
                .connect(
                        alice,
                        ConnectionRequest.of(
                                "fake",
                                "@a",
                                Credentials.oauth2(
                                        "access-1", "refresh-1", clock.instant().plus(Duration.ofHours(2)))));
        var health = luxaris.channels().health(alice, account.id());
        assertThat(health.refreshable()).isTrue();
        assertThat(health.needsReauthorization()).isFalse();
        luxaris.channels().reconnect(alice, account.id(), Credentials.bearer("access-2"));
        assertThat(luxaris.channels().health(alice, account.id()).refreshable()).isTrue();
        var revoked = luxaris.channels().revoke(alice, account.id());
        assertThat(revoked.status()).isEqualTo(ConnectionStatus.REVOKED);
        var afterRevoke = luxaris.channels().health(alice, account.id());
        assertThat(afterRevoke.needsReauthorization()).isTrue();
        assertThat(afterRevoke.refreshable()).isFalse();
        var back = luxaris.channels().reconnect(alice, account.id(), Credentials.bearer("access-3"));
        assertThat(back.status()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @Test
    void health_warnsBeforeANonRefreshableTokenExpires() {
        var account = luxaris.channels()
                .connect(
                        alice,
                        ConnectionRequest.of(
                                "fake",
                                "@a",
                                Credentials.bearer("access")
                                        .with(
                                                Credentials.EXPIRES_AT,
                                                clock.instant()
                                                        .plus(Duration.ofDays(60))
                                                        .toString())));
        assertThat(luxaris.channels().health(alice, account.id()).reauthorizeSoon())
                .isFalse();
        clock.advance(Duration.ofDays(54));
        assertThat(luxaris.channels().health(alice, account.id()).reauthorizeSoon())
                .isTrue();
        clock.advance(Duration.ofDays(7));
        assertThat(luxaris.channels().health(alice, account.id()).needsReauthorization())
                .isTrue();
    }

    @Test
    void credentials_neverAppearInToStringOrEvents() {
        var request = ConnectionRequest.of(
                "fake", "@a", Credentials.oauth2("sekrit-access", "sekrit-refresh", clock.instant()));
        assertThat(request.toString()).doesNotContain("sekrit");
        var account = luxaris.channels().connect(alice, request);
        assertThat(account.toString()).doesNotContain("sekrit");
        assertThat(luxaris.channels().health(alice, account.id()).toString()).doesNotContain("sekrit");
    }
}
