package io.luxaris.usecase;

import static io.luxaris.Fixtures.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.Luxaris;
import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.GenerationSession;
import io.luxaris.domain.PostTemplate;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.When;
import io.luxaris.errors.AccessDeniedException;
import io.luxaris.spi.security.AccessPolicy;
import io.luxaris.spi.security.OwnerScope;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.testkit.ScriptedChannel;
import io.luxaris.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A second principal is denied every use case on the first one's data; listings show it nothing. */
class AccessControlTest {
    private final SettableClock clock = SettableClock.at("2026-11-24T10:00:00Z");
    private final ScriptedChannel fake = ScriptedChannel.create("fake");
    private final Luxaris luxaris = Luxaris.builder().channel(fake).clock(clock).build();
    private final Principal alice = Principal.of("alice");
    private final Principal mallory = Principal.of("mallory");

    @AfterEach
    void close() {
        luxaris.close();
    }

    @Test
    void aStranger_isDeniedEveryUseCaseOnSomeoneElsesData() {
        ChannelConnection account = connect(luxaris, alice, "fake", "@alice");
        ChannelConnection strangersAccount = connect(luxaris, mallory, "fake", "@mallory");
        PostDetails post =
                luxaris.posts().create(alice, PostDraft.of("hi").withVariant(VariantDraft.of("fake", "hello")));
        PostVariant variant = post.firstVariant();
        PostDetails strangersPost =
                luxaris.posts().create(mallory, PostDraft.of("x").withVariant(VariantDraft.of("fake", "x")));
        PostTemplate template = luxaris.templates().create(alice, TemplateDraft.of("launch", "New: {{feature}}"));
        Schedule schedule = luxaris.schedules()
                .schedule(
                        alice,
                        ScheduleRequest.at(
                                variant.id(), account.id(), clock.instant().plus(Duration.ofHours(1))));
        GenerationSession session = luxaris.generation()
                .generate(alice, GenerationRequest.of("announce", "fake"))
                .session();
        var suggestion =
                luxaris.generation().get(alice, session.id()).suggestions().get(0);
        When later = When.instant(clock.instant().plus(Duration.ofHours(2)));

        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("channels.get", () -> luxaris.channels().get(mallory, account.id()));
        calls.put("channels.reconnect", () -> luxaris.channels()
                .reconnect(mallory, account.id(), Credentials.bearer("stolen-token")));
        calls.put("channels.rename", () -> luxaris.channels().rename(mallory, account.id(), "@mine", Map.of()));
        calls.put("channels.revoke", () -> luxaris.channels().revoke(mallory, account.id()));
        calls.put("channels.health", () -> luxaris.channels().health(mallory, account.id()));
        calls.put("channels.limits", () -> luxaris.channels().limits(mallory, "fake", Optional.of(account.id())));
        calls.put("posts.get", () -> luxaris.posts().get(mallory, post.post().id()));
        calls.put("posts.update", () -> luxaris.posts()
                .update(mallory, post.post().id(), PostUpdate.from(post.post())));
        calls.put("posts.archive", () -> luxaris.posts()
                .archive(mallory, post.post().id()));
        calls.put("posts.addVariant", () -> luxaris.posts()
                .addVariant(mallory, post.post().id(), VariantDraft.of("fake", "x")));
        calls.put("posts.variant", () -> luxaris.posts().variant(mallory, variant.id()));
        calls.put("posts.updateVariant", () -> luxaris.posts()
                .updateVariant(mallory, variant.id(), VariantUpdate.from(variant)));
        calls.put("posts.deleteVariant", () -> luxaris.posts().deleteVariant(mallory, variant.id()));
        calls.put("posts.addVariant(someone else's connection)", () -> luxaris.posts()
                .addVariant(
                        mallory,
                        strangersPost.post().id(),
                        VariantDraft.of("fake", "x").withConnection(account.id())));
        calls.put("posts.check(someone else's connection)", () -> luxaris.posts()
                .check(mallory, VariantDraft.of("fake", "x").withConnection(account.id())));
        calls.put("templates.get", () -> luxaris.templates().get(mallory, template.id()));
        calls.put("templates.update", () -> luxaris.templates()
                .update(mallory, template.id(), TemplateDraft.of("mine", "x")));
        calls.put("templates.delete", () -> luxaris.templates().delete(mallory, template.id()));
        calls.put("templates.render", () -> luxaris.templates().render(mallory, template.id(), Map.of("feature", "x")));
        calls.put("templates.placeholders", () -> luxaris.templates().placeholders(mallory, template.id()));
        calls.put("generation.generate(someone else's template)", () -> luxaris.generation()
                .generate(
                        mallory,
                        GenerationRequest.of("x", "fake").withTemplate(template.id(), Map.of("feature", "x"))));
        calls.put("generation.generate(someone else's post)", () -> luxaris.generation()
                .generate(
                        mallory,
                        GenerationRequest.of("x", "fake").forPost(post.post().id())));
        calls.put("generation.get", () -> luxaris.generation().get(mallory, session.id()));
        calls.put("generation.accept", () -> luxaris.generation().accept(mallory, suggestion.id()));
        calls.put("generation.acceptInto", () -> luxaris.generation()
                .acceptInto(mallory, suggestion.id(), strangersPost.post().id()));
        calls.put("generation.abort", () -> luxaris.generation().abort(mallory, session.id()));
        calls.put("schedules.schedule", () -> luxaris.schedules()
                .schedule(
                        mallory,
                        ScheduleRequest.at(
                                variant.id(),
                                strangersAccount.id(),
                                clock.instant().plusSeconds(600))));
        calls.put("schedules.schedule(someone else's connection)", () -> luxaris.schedules()
                .schedule(
                        mallory,
                        ScheduleRequest.at(
                                strangersPost.firstVariant().id(),
                                account.id(),
                                clock.instant().plusSeconds(600))));
        calls.put("schedules.reschedule", () -> luxaris.schedules().reschedule(mallory, schedule.id(), later));
        calls.put("schedules.changeConnection", () -> luxaris.schedules()
                .changeConnection(mallory, schedule.id(), strangersAccount.id()));
        calls.put("schedules.cancel", () -> luxaris.schedules().cancel(mallory, schedule.id()));
        calls.put("schedules.get", () -> luxaris.schedules().get(mallory, schedule.id()));
        calls.put("schedules.listForPost", () -> luxaris.schedules()
                .listForPost(mallory, post.post().id()));
        calls.put("schedules.events", () -> luxaris.schedules().events(mallory, schedule.id()));
        calls.put("schedules.resolveUnconfirmed", () -> luxaris.schedules()
                .resolveUnconfirmed(mallory, schedule.id(), UnconfirmedResolution.cancel()));

        calls.forEach((name, call) -> assertThatThrownBy(call).as(name).isInstanceOf(AccessDeniedException.class));

        assertThat(luxaris.posts().list(mallory, PostQuery.all()).items())
                .extracting(p -> p.id())
                .containsExactly(strangersPost.post().id());
        assertThat(luxaris.channels().list(mallory)).containsExactly(strangersAccount);
        assertThat(luxaris.templates().list(mallory)).isEmpty();
        assertThat(luxaris.generation().list(mallory, 10)).isEmpty();
        assertThat(luxaris.calendar()
                        .between(
                                mallory,
                                clock.instant(),
                                clock.instant().plus(Duration.ofDays(7)),
                                CalendarFilter.none())
                        .items())
                .isEmpty();

        // and nothing changed
        assertThat(luxaris.schedules().get(alice, schedule.id())).isEqualTo(schedule);
        assertThat(luxaris.channels().get(alice, account.id())).isEqualTo(account);
        assertThat(luxaris.templates().get(alice, template.id())).isEqualTo(template);
    }

    @Test
    void aHostPolicy_canLetATeamMateManageAndListTheOwnersPosts() {
        AccessPolicy team = new AccessPolicy() {
            @Override
            public boolean canCreate(Principal principal, ResourceType type) {
                return true;
            }

            @Override
            public boolean canRead(Principal principal, ResourceType type, String ownerId) {
                return principal.id().equals(ownerId)
                        || principal.attributes().getOrDefault("team", "").equals("comms");
            }

            @Override
            public boolean canWrite(Principal principal, ResourceType type, String ownerId) {
                return canRead(principal, type, ownerId);
            }

            @Override
            public OwnerScope readableOwners(Principal principal, ResourceType type) {
                return principal.attributes().getOrDefault("team", "").equals("comms")
                        ? OwnerScope.all()
                        : OwnerScope.only(principal.id());
            }
        };
        try (Luxaris l =
                Luxaris.builder().channel(fake).clock(clock).accessPolicy(team).build()) {
            Principal bob = Principal.of("bob", Map.of("team", "comms"));
            var account = connect(l, alice, "fake", "@alice");
            var post = l.posts().create(alice, PostDraft.of("hi").withVariant(VariantDraft.of("fake", "hello")));
            var s = l.schedules()
                    .schedule(
                            bob,
                            ScheduleRequest.at(
                                    post.firstVariant().id(), account.id(), Instant.parse("2026-11-25T10:00:00Z")));
            assertThat(l.calendar()
                            .between(
                                    bob,
                                    clock.instant(),
                                    clock.instant().plus(Duration.ofDays(2)),
                                    CalendarFilter.none())
                            .items())
                    .extracting(e -> e.schedule().id())
                    .containsExactly(s.id());
            assertThat(l.posts().list(bob, PostQuery.all()).items()).hasSize(1);
            assertThatThrownBy(
                            () -> l.posts().get(Principal.of("eve"), post.post().id()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
