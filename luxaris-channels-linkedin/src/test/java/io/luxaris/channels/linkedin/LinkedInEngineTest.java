package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.Luxaris;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantStatus;
import io.luxaris.errors.ValidationException;
import io.luxaris.spi.security.Principal;
import io.luxaris.testkit.SettableClock;
import io.luxaris.usecase.ConnectionRequest;
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
}
