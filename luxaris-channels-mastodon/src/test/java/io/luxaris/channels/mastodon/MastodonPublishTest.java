package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.ScheduleId;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Statuses and threads as the Mastodon channel sends them, and what it makes of the answers. */
class MastodonPublishTest {
    @AutoClose
    private final FakeMastodon fake = new FakeMastodon();

    private final MastodonChannel channel = Fixtures.channel().build();

    private PublishOutcome publish(PublishRequest request) {
        return Fixtures.publish(channel, request, new Fixtures.Context(fake.credentials()));
    }

    private PublishRequest request(PostVariant variant) {
        return Fixtures.request(variant, Fixtures.connection(fake));
    }

    private List<RecordedRequest> statusPosts() throws InterruptedException {
        return fake.takeAll().stream()
                .filter(r -> FakeMastodon.route(r).equals("POST /api/v1/statuses"))
                .toList();
    }

    @Test
    void aStatus_isPostedWithTheBearerToken_anIdempotencyKey_andJson() throws Exception {
        String id = fake.nextStatusId();
        PublishRequest request = request(Fixtures.variant("Luxaris 2.1 is out https://example.com/r/2.1 #java"));

        PublishOutcome outcome = publish(request);

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo(id);
            assertThat(p.url()).contains("https://mastodon.example/@alice/" + id);
            assertThat(p.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                    .startsWith("HTTP 200 POST /api/v1/statuses")
                    .contains("x-ratelimit-remaining: 299", "\"id\":\"" + id + "\"")
                    .doesNotContain(FakeMastodon.TOKEN));
            assertThat(p.checkpoint()).containsEntry("mastodon.part.0", id);
        });
        List<RecordedRequest> posts = statusPosts();
        assertThat(posts).hasSize(1);
        RecordedRequest post = posts.get(0);
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getUrl().encodedPath()).isEqualTo("/api/v1/statuses");
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeMastodon.TOKEN);
        assertThat(post.getHeaders().get("Idempotency-Key")).isEqualTo(request.scheduleId() + "-1");
        assertThat(post.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(FakeMastodon.json(post).toString())
                .isEqualTo(
                        "{\"status\":\"Luxaris 2.1 is out https://example.com/r/2.1 #java\",\"visibility\":\"public\"}");
    }

    @Test
    void visibility_contentWarning_language_andSensitiveMedia_comeFromTheVariantsOptions() throws Exception {
        Map<String, String> metadata = MastodonPostOptions.defaults()
                .withVisibility(MastodonPostOptions.Visibility.UNLISTED)
                .withContentWarning("Finale spoilers")
                .withLanguage("de")
                .withSensitiveMedia()
                .toMetadata();
        String media = fake.nextMediaId();

        PublishOutcome outcome = publish(request(
                Fixtures.variant("Was für ein Ende!", List.of(), List.of(MediaRef.image("still.png")), metadata)));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(FakeMastodon.json(statusPosts().get(0)).toString())
                .isEqualTo("{\"status\":\"Was für ein Ende!\",\"visibility\":\"unlisted\",\"spoiler_text\":"
                        + "\"Finale spoilers\",\"language\":\"de\",\"media_ids\":[\"" + media
                        + "\"],\"sensitive\":true}");
        assertThat(fake.statuses().get(0).path("spoiler_text").asText()).isEqualTo("Finale spoilers");
    }

    @Test
    void aThread_isPostedAsRepliesInOrder_unlistedAfterAPublicStart_withAKeyPerPart() throws Exception {
        PublishRequest request = request(Fixtures.variant("Part 1/3", List.of("Part 2/3", "Part 3/3"), List.of()));

        PublishOutcome outcome = publish(request);

        List<RecordedRequest> posts = statusPosts();
        assertThat(posts).hasSize(3);
        String first = FakeMastodon.json(posts.get(0)).toString();
        assertThat(first).isEqualTo("{\"status\":\"Part 1/3\",\"visibility\":\"public\"}");
        List<String> ids = new ArrayList<>();
        fake.statuses().forEach(s -> ids.add(0, s.path("id").asText()));
        assertThat(FakeMastodon.json(posts.get(1)).toString())
                .isEqualTo("{\"status\":\"Part 2/3\",\"visibility\":\"unlisted\",\"in_reply_to_id\":\"" + ids.get(0)
                        + "\"}");
        assertThat(FakeMastodon.json(posts.get(2)).path("in_reply_to_id").asText())
                .isEqualTo(ids.get(1));
        assertThat(posts)
                .extracting(r -> r.getHeaders().get("Idempotency-Key"))
                .containsExactly(
                        request.scheduleId() + "-1", request.scheduleId() + "-1.1", request.scheduleId() + "-1.2");
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo(ids.get(0));
            assertThat(p.url()).contains("https://mastodon.example/@alice/" + ids.get(0));
            assertThat(p.checkpoint())
                    .containsEntry("mastodon.part.0", ids.get(0))
                    .containsEntry("mastodon.part.1", ids.get(1))
                    .containsEntry("mastodon.part.2", ids.get(2));
        });
    }

    @Test
    void aFollowersOnlyThread_keepsItsVisibilityOnReplies_unlessTheRepliesAreSetApart() throws Exception {
        var priv = MastodonPostOptions.defaults().withVisibility(MastodonPostOptions.Visibility.PRIVATE);
        publish(request(Fixtures.variant("Only for you", List.of("and more"), List.of(), priv.toMetadata())));
        publish(request(Fixtures.variant(
                "Public start",
                List.of("public reply"),
                List.of(),
                MastodonPostOptions.defaults()
                        .withThreadReplies(MastodonPostOptions.Visibility.PUBLIC)
                        .toMetadata())));

        assertThat(statusPosts())
                .extracting(r -> FakeMastodon.json(r).path("visibility").asText())
                .containsExactly("private", "private", "public", "public");
    }

    @Test
    void aThreadFailingAtPartTwo_reportsPartTwo_andTheNextAttemptResumesThere() throws Exception {
        PostVariant variant = Fixtures.variant("Part 1/3", List.of("Part 2/3", "Part 3/3"), List.of());
        ChannelConnection connection = Fixtures.connection(fake);
        ScheduleId schedule = ScheduleId.random();
        var first = new PublishRequest(schedule, 1, variant, connection, Map.of());
        String firstId = fake.nextStatusId();
        // the first status is created; the second request meets a RaceConditionError
        fake.scriptAfter("POST /api/v1/statuses", 1, FakeMastodon.raceCondition());

        PublishOutcome failed = publish(first);

        assertThat(Outcomes.failed(failed, FailureKind.RETRYABLE, "http_503")).satisfies(f -> {
            assertThat(f.safeMessage()).startsWith("part 2 of 3: ");
            assertThat(f.checkpoint())
                    .containsEntry("mastodon.part.0", firstId)
                    .containsEntry("mastodon.failed_part", "1")
                    .containsEntry("mastodon.url", "https://mastodon.example/@alice/" + firstId);
        });
        fake.takeAll();

        var second = new PublishRequest(schedule, 2, variant, connection, failed.checkpoint());
        PublishOutcome done = publish(second);

        assertThat(done).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo(firstId);
            assertThat(p.url()).contains("https://mastodon.example/@alice/" + firstId);
        });
        List<RecordedRequest> calls = fake.takeApiCalls();
        assertThat(calls).extracting(FakeMastodon::route).containsOnly("POST /api/v1/statuses");
        assertThat(calls).hasSize(2);
        assertThat(FakeMastodon.json(calls.get(0)).path("status").asText()).isEqualTo("Part 2/3");
        assertThat(FakeMastodon.json(calls.get(0)).path("in_reply_to_id").asText())
                .isEqualTo(firstId);
        assertThat(calls.get(0).getHeaders().get("Idempotency-Key")).isEqualTo(schedule + "-2.1");
        assertThat(fake.statuses()).hasSize(3);
    }

    @Test
    void theSameAttemptSentTwice_getsTheOriginalStatusBack_andTheInstanceHasOne() {
        PublishRequest request = request(Fixtures.variant("Only once, please"));

        PublishOutcome once = publish(request);
        PublishOutcome again = publish(request);

        assertThat(once).isInstanceOf(PublishOutcome.Published.class);
        assertThat(again).isInstanceOf(PublishOutcome.Published.class);
        assertThat(((PublishOutcome.Published) again).externalId())
                .isEqualTo(((PublishOutcome.Published) once).externalId());
        assertThat(fake.statuses()).hasSize(1);
    }

    @Test
    void aNewAttempt_sendsANewKey() throws Exception {
        PostVariant variant = Fixtures.variant("Attempts differ");
        ScheduleId schedule = ScheduleId.random();
        publish(new PublishRequest(schedule, 1, variant, Fixtures.connection(fake), Map.of()));
        publish(new PublishRequest(schedule, 2, variant, Fixtures.connection(fake), Map.of()));

        assertThat(statusPosts())
                .extracting(r -> r.getHeaders().get("Idempotency-Key"))
                .containsExactly(schedule + "-1", schedule + "-2");
    }

    @Test
    void aMediaOnlyStatus_sendsNoText() throws Exception {
        String media = fake.nextMediaId();

        PublishOutcome outcome =
                publish(request(Fixtures.variant("", List.of(), List.of(MediaRef.image("only.png", "A chart")))));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(FakeMastodon.json(statusPosts().get(0)).toString())
                .isEqualTo("{\"visibility\":\"public\",\"media_ids\":[\"" + media + "\"]}");
    }

    @Test
    void aResumedThreadWithoutItsUrl_readsTheUrlOfItsFirstStatus() throws Exception {
        String root = fake.addStatus("Part 1/2", "", null, "public", java.time.Instant.now())
                .path("id")
                .asText();
        var request = new PublishRequest(
                ScheduleId.random(),
                2,
                Fixtures.variant("Part 1/2", List.of("Part 2/2"), List.of()),
                Fixtures.connection(fake),
                Map.of("mastodon.part.0", root));

        PublishOutcome outcome = publish(request);

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> assertThat(p.url())
                .contains("https://mastodon.example/@alice/" + root));
        assertThat(fake.takeApiCalls())
                .extracting(FakeMastodon::route)
                .containsExactly("POST /api/v1/statuses", "GET /api/v1/statuses/{id}");
    }

    @Test
    void eachConnectionsToken_goesToItsOwnInstanceOnly() throws Exception {
        try (FakeMastodon other = new FakeMastodon()) {
            var otherCredentials = other.credentials("other-instance-token", "write:statuses");

            publish(request(Fixtures.variant("on the first instance")));
            Fixtures.publish(
                    channel,
                    Fixtures.request(Fixtures.variant("on the second instance"), Fixtures.connection(other)),
                    new Fixtures.Context(otherCredentials));

            assertThat(fake.takeAll())
                    .extracting(r -> String.valueOf(r.getHeaders().get("Authorization")))
                    .doesNotContain("Bearer other-instance-token");
            assertThat(other.takeAll())
                    .extracting(r -> String.valueOf(r.getHeaders().get("Authorization")))
                    .doesNotContain("Bearer " + FakeMastodon.TOKEN)
                    .contains("Bearer other-instance-token");
            assertThat(other.statuses()).hasSize(1);
            assertThat(fake.statuses()).hasSize(1);
        }
    }

    @Test
    void aConnectionWithoutAnInstance_isRejected_beforeAnyRequest() throws Exception {
        PublishOutcome outcome =
                publish(Fixtures.request(Fixtures.variant("Where to?"), Fixtures.connection(Map.of())));

        Outcomes.failed(outcome, FailureKind.REJECTED, "missing_instance_url");
        assertThat(fake.takeAll()).isEmpty();
    }

    @Test
    void aPlainHttpInstanceElsewhere_getsNoToken_andIsRejected() throws Exception {
        PublishOutcome outcome = publish(Fixtures.request(
                Fixtures.variant("Not over plain http"),
                Fixtures.connection(Map.of(MastodonChannel.PROPERTY_INSTANCE_URL, "http://mastodon.example"))));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "invalid_instance_url"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("https");
                });
    }

    @Test
    void theBuildersDefaultInstance_servesConnectionsThatNameNone() throws Exception {
        MastodonChannel single = Fixtures.channel().defaultInstance(fake.url()).build();

        PublishOutcome outcome = Fixtures.publish(
                single,
                Fixtures.request(Fixtures.variant("One instance for all"), Fixtures.connection(Map.of())),
                new Fixtures.Context(fake.credentials()));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(fake.statuses()).hasSize(1);
    }

    @Test
    void aConnectionWithoutToken_needsReconnecting() throws Exception {
        PublishOutcome outcome = Fixtures.publish(
                channel,
                request(Fixtures.variant("No token")),
                new Fixtures.Context(Credentials.of(Map.of("scope", "write:statuses"))));

        Outcomes.failed(outcome, FailureKind.AUTH_REVOKED, "missing_access_token");
        assertThat(fake.takeApiCalls()).isEmpty();
    }

    @Test
    void invalidOptions_areRejected_beforeAnythingIsPosted() throws Exception {
        PublishOutcome outcome = publish(request(
                Fixtures.variant("Hello", List.of(), List.of(), Map.of(MastodonPostOptions.VISIBILITY, "everyone"))));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "invalid_options"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("metadata.mastodon.visibility");
                });
        assertThat(statusPosts()).isEmpty();
    }

    @Test
    void dryRun_buildsEveryRequest_sendsNothing_andEndsAsADryRun() throws Exception {
        var previews = new ArrayList<MastodonRequestPreview>();
        MastodonChannel dry = MastodonChannel.builder().dryRun(previews::add).build();

        PublishOutcome outcome = Fixtures.publish(
                dry,
                Fixtures.request(
                        Fixtures.variant("Dry", List.of("run"), List.of(MediaRef.image("a.png", "alt"))),
                        Fixtures.connection(Map.of(MastodonChannel.PROPERTY_INSTANCE_URL, "https://mastodon.social"))),
                new Fixtures.Context(fake.credentials()));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.DryRun.class, d -> assertThat(d.preview())
                .startsWith("POST https://mastodon.social/api/v1/statuses not sent, 2 statuses as a thread"));
        assertThat(previews)
                .extracting(MastodonRequestPreview::method, MastodonRequestPreview::url)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST", "https://mastodon.social/api/v2/media"),
                        org.assertj.core.groups.Tuple.tuple("POST", "https://mastodon.social/api/v1/statuses"),
                        org.assertj.core.groups.Tuple.tuple("POST", "https://mastodon.social/api/v1/statuses"));
        assertThat(previews).allSatisfy(p -> {
            assertThat(p.headers()).containsEntry("Authorization", "[REDACTED]");
            assertThat(p.toString()).doesNotContain(FakeMastodon.TOKEN);
        });
        assertThat(previews.get(2).body()).contains("\"in_reply_to_id\":\"dry-run-");
        assertThat(fake.takeAll()).isEmpty();
    }
}
