package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantStatus;
import io.luxaris.errors.ValidationException;
import io.luxaris.http.testing.ChannelEngine;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.FollowUpPart;
import io.luxaris.usecase.PostDraft;
import io.luxaris.usecase.ScheduleRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Luxaris' engine publishing through the LinkedIn channel against the fake LinkedIn, end to end. */
class LinkedInEngineTest {
    @AutoClose
    private final FakeLinkedIn linkedIn = new FakeLinkedIn();

    @Test
    void scheduledImagePost_isPublishedOnce_withItsUrnAndUrlRecorded() throws Exception {
        var clock = SettableClock.at("2026-11-24T10:00:00Z");
        linkedIn.clock(clock);
        var media = new Fixtures.Media().png("library/q3-chart.png");
        Credentials credentials = linkedIn.credentials(clock.instant());
        try (Luxaris luxaris = Luxaris.builder()
                .channel(linkedIn.channel().build())
                .clock(clock)
                .mediaSource(media)
                .build()) {
            var owner = Principal.of("alice");
            var account = luxaris.channels()
                    .connect(
                            owner,
                            ConnectionRequest.of(LinkedInChannel.KEY, "Example User", credentials)
                                    .withProperties(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, FakeLinkedIn.AUTHOR)));
            var variant = VariantDraft.of(LinkedInChannel.KEY, "Q3 results are in (see chart) — thanks, team_1!")
                    .withMedia(List.of(MediaRef.image("library/q3-chart.png", "Chart of Q3 results")));
            var post = luxaris.posts().create(owner, PostDraft.of("Q3 results").withVariant(variant));
            Instant at = Instant.parse("2026-11-24T12:00:00Z");
            var schedule = luxaris.schedules()
                    .schedule(owner, ScheduleRequest.at(post.firstVariant().id(), account.id(), at));

            clock.set(at.minusMillis(1));
            assertThat(luxaris.publishing().runDue().total()).isZero();
            assertThat(linkedIn.takeAll()).isEmpty();

            clock.set(at);
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
            clock.advance(Duration.ofHours(1));
            assertThat(luxaris.publishing().runDue().total()).isZero();

            assertThat(linkedIn.takeAll())
                    .extracting(FakeLinkedIn::route)
                    .containsExactly("POST /rest/images", "PUT /dms-uploads", "POST /rest/posts");
            FakeLinkedIn.Created created = linkedIn.posts().get(0);
            assertThat(linkedIn.posts()).hasSize(1);
            assertThat(created.visibleText()).isEqualTo("Q3 results are in (see chart) — thanks, team_1!");
            JsonNode media0 = created.body().path("content").path("media");
            assertThat(media0.path("altText").asText()).isEqualTo("Chart of Q3 results");
            assertThat(linkedIn.uploaded(media0.path("id").asText())).isEqualTo(Fixtures.PNG);

            var done = luxaris.schedules().get(owner, schedule.id());
            assertThat(done.status()).isEqualTo(ScheduleStatus.SUCCESS);
            assertThat(done.externalPostId()).contains(created.urn());
            assertThat(done.externalUrl()).contains("https://www.linkedin.com/feed/update/" + created.urn());
            assertThat(luxaris.schedules().events(owner, schedule.id()))
                    .singleElement()
                    .satisfies(event -> {
                        assertThat(event.status()).isEqualTo(PublishEventStatus.SUCCESS);
                        assertThat(event.externalPostId()).contains(created.urn());
                        assertThat(event.externalUrl()).contains(LinkedInChannel.postUrl(created.urn()));
                        assertThat(event.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                                .contains("x-restli-id: " + created.urn())
                                .doesNotContain(credentials.accessToken().orElseThrow()));
                    });
            var details = luxaris.posts().get(owner, post.post().id());
            assertThat(details.post().status()).isEqualTo(PostStatus.PUBLISHED);
            assertThat(details.firstVariant().status()).isEqualTo(VariantStatus.PUBLISHED);
            assertThat(media.opened()).containsExactly("library/q3-chart.png");
        }
    }

    @Test
    void schedulingForAConnectionWithoutAnAuthorUrn_isRefusedUpFront() {
        var clock = SettableClock.at("2026-11-24T10:00:00Z");
        try (Luxaris luxaris = Luxaris.builder()
                .channel(linkedIn.channel().build())
                .clock(clock)
                .build()) {
            var owner = Principal.of("alice");
            var account = luxaris.channels()
                    .connect(
                            owner,
                            ConnectionRequest.of(
                                    LinkedInChannel.KEY, "No author", linkedIn.credentials(clock.instant())));
            var post = luxaris.posts()
                    .create(owner, PostDraft.of("x").withVariant(VariantDraft.of(LinkedInChannel.KEY, "Hello")));
            assertThatThrownBy(() -> luxaris.schedules()
                            .schedule(
                                    owner,
                                    ScheduleRequest.at(
                                            post.firstVariant().id(),
                                            account.id(),
                                            clock.instant().plusSeconds(60))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .anySatisfy(v -> assertThat(v.rule()).isEqualTo("author_urn")));
        }
    }

    @Test
    void aVariantWithAFirstComment_postsThePost_thenTheCommentOnItsUrn_asTheAuthor() throws Exception {
        try (var engine = engine(linkedIn.channel().build())) {
            var luxaris = engine.luxaris();
            var owner = engine.owner();
            var clock = engine.clock();
            var variant = VariantDraft.of(LinkedInChannel.KEY, "Q3 results are in (slides in the comments)")
                    .withFollowUps(List.of(FollowUp.comment("Slides (PDF): https://example.com/q3 #q3")
                            .after(Duration.ofMinutes(2))));
            Instant at = Instant.parse("2026-11-24T12:00:00Z");
            var root = engine.schedule("Q3", variant, at);

            clock.set(at);
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
            FakeLinkedIn.Created created = linkedIn.posts().get(0);
            assertThat(linkedIn.comments()).isEmpty();
            var waiting = luxaris.schedules().followUps(owner, root.id());
            assertThat(waiting).singleElement().satisfies(part -> {
                assertThat(part.kind()).isEqualTo(FollowUpKind.COMMENT);
                assertThat(part.state()).isEqualTo(FollowUpPart.State.SCHEDULED);
                assertThat(part.due()).contains(at.plus(Duration.ofMinutes(2)));
            });

            clock.set(at.plus(Duration.ofMinutes(2)));
            assertThat(luxaris.publishing().runDue().published()).isEqualTo(1);
            clock.advance(Duration.ofHours(1));
            assertThat(luxaris.publishing().runDue().total()).isZero();

            assertThat(linkedIn.takeAll())
                    .extracting(FakeLinkedIn::route)
                    .containsExactly("POST /rest/posts", "POST /rest/socialActions/{urn}/comments");
            assertThat(linkedIn.comments()).singleElement().satisfies(comment -> {
                assertThat(comment.post()).isEqualTo(created.urn());
                assertThat(comment.actor()).isEqualTo(FakeLinkedIn.AUTHOR);
                assertThat(comment.text()).isEqualTo("Slides (PDF): https://example.com/q3 #q3");
            });
            String commentUrn = linkedIn.comments().get(0).urn();
            assertThat(luxaris.schedules().followUps(owner, root.id()))
                    .singleElement()
                    .satisfies(part -> {
                        assertThat(part.state()).isEqualTo(FollowUpPart.State.PUBLISHED);
                        assertThat(part.externalId()).contains(commentUrn);
                        assertThat(part.externalUrl()).contains(LinkedInChannel.postUrl(created.urn()));
                    });
            assertThat(luxaris.schedules().get(owner, root.id()).externalPostId())
                    .contains(created.urn());
        }
    }

    @Test
    void aFirstCommentWhoseAnswerIsLost_isFoundByTheLookup_andNeverPostedTwice() throws Exception {
        try (var engine =
                engine(linkedIn.channel().readTimeout(Duration.ofSeconds(1)).build())) {
            var luxaris = engine.luxaris();
            var owner = engine.owner();
            var clock = engine.clock();
            var variant = VariantDraft.of(LinkedInChannel.KEY, "Q3 results are in")
                    .withFollowUps(List.of(FollowUp.comment("Slides: https://example.com/q3")));
            Instant at = Instant.parse("2026-11-24T12:00:00Z");
            var root = engine.schedule("Q3", variant, at);
            linkedIn.stallCommentAnswers(1);

            clock.set(at);
            luxaris.publishing().runDue();
            luxaris.publishing().runDue();
            clock.advance(Duration.ofHours(1));
            luxaris.publishing().runDue();

            assertThat(linkedIn.comments()).hasSize(1);
            String commentUrn = linkedIn.comments().get(0).urn();
            assertThat(linkedIn.takeAll())
                    .extracting(FakeLinkedIn::route)
                    .containsExactly(
                            "POST /rest/posts",
                            "POST /rest/socialActions/{urn}/comments",
                            "GET /rest/socialActions/{urn}/comments");
            var part = luxaris.schedules().followUps(owner, root.id()).get(0);
            assertThat(part.state()).isEqualTo(FollowUpPart.State.PUBLISHED);
            assertThat(part.externalId()).contains(commentUrn);
            assertThat(luxaris.schedules().events(owner, part.scheduleId().orElseThrow()))
                    .extracting(e -> e.status())
                    .containsExactly(PublishEventStatus.UNCONFIRMED, PublishEventStatus.SUCCESS);
        }
    }

    /**
     * An engine on {@code channel} whose clock (the fake's too) starts at 2026-11-24T10:00:00Z, with the example
     * author's account connected.
     */
    private ChannelEngine engine(LinkedInChannel channel) {
        var clock = SettableClock.at("2026-11-24T10:00:00Z");
        linkedIn.clock(clock);
        return ChannelEngine.start(
                channel,
                clock,
                ConnectionRequest.of(LinkedInChannel.KEY, "Example User", linkedIn.credentials(clock.instant()))
                        .withProperties(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, FakeLinkedIn.AUTHOR)));
    }
}
