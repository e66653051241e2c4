package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.FailureKind;
import io.luxaris.domain.FollowUp;
import io.luxaris.domain.FollowUpKind;
import io.luxaris.domain.PostVariant;
import io.luxaris.http.testing.ChannelEngine;
import io.luxaris.http.testing.ChannelFixtures;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.FollowUpTarget;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.PublishedPart;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.FollowUpPart;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Follow-up parts on Mastodon: replies and comments are statuses with {@code in_reply_to_id}. */
class MastodonFollowUpTest {
    @AutoClose
    private final FakeMastodon fake = new FakeMastodon();

    private final MastodonChannel channel = Fixtures.channel().build();
    private final PostVariant variant = Fixtures.variant("Part 1/2", List.of("Part 2/2"), List.of());

    private PublishOutcome publish(PublishRequest request) {
        return Fixtures.publish(channel, request, new Fixtures.Context(fake.credentials()));
    }

    private PublishRequest followUp(String text, FollowUpTarget target) {
        return ChannelFixtures.followUp(variant, Fixtures.connection(fake), text, target);
    }

    private List<RecordedRequest> statusPosts() throws InterruptedException {
        return fake.takeAll().stream()
                .filter(r -> FakeMastodon.route(r).equals("POST /api/v1/statuses"))
                .toList();
    }

    /** The variant's own thread, published. */
    private PublishedPart publishedThread() throws Exception {
        PublishedPart root = ChannelFixtures.part(publish(Fixtures.request(variant, Fixtures.connection(fake))));
        assertThat(statusPosts()).hasSize(2);
        return root;
    }

    @Test
    void descriptor_declaresRepliesAndComments() {
        assertThat(channel.descriptor().followUps())
                .containsExactlyInAnyOrder(FollowUpKind.REPLY, FollowUpKind.COMMENT);
    }

    @Test
    void replyAfterAThread_hangsOnItsLastStatus_unlisted_andACommentOnTheFirstStatus() throws Exception {
        PublishedPart root = publishedThread();
        String first = root.checkpoint().get("mastodon.part.0");
        String last = root.checkpoint().get("mastodon.part.1");

        PublishRequest replyRequest = followUp("A reply", ChannelFixtures.reply(0, root, root));
        PublishOutcome reply = publish(replyRequest);
        RecordedRequest replyPost = statusPosts().get(0);
        assertThat(FakeMastodon.json(replyPost).toString())
                .isEqualTo("{\"status\":\"A reply\",\"visibility\":\"unlisted\",\"in_reply_to_id\":\"" + last + "\"}");
        // its own key: a follow-up is its own schedule
        assertThat(replyPost.getHeaders().get("Idempotency-Key")).isEqualTo(replyRequest.scheduleId() + "-1");
        PublishedPart one = ChannelFixtures.part(reply);
        assertThat(one.checkpoint()).containsEntry("mastodon.part.0", one.externalId());

        publish(followUp("Second reply", ChannelFixtures.reply(1, root, one)));
        assertThat(FakeMastodon.json(statusPosts().get(0))
                        .path("in_reply_to_id")
                        .asText())
                .isEqualTo(one.externalId());

        publish(followUp("A comment", ChannelFixtures.comment(2, root, one)));
        assertThat(FakeMastodon.json(statusPosts().get(0))
                        .path("in_reply_to_id")
                        .asText())
                .isEqualTo(first);
    }

    @Test
    void aFollowersOnlyPost_getsFollowersOnlyFollowUps() throws Exception {
        PostVariant privateVariant = Fixtures.variant(
                "Only followers", List.of(), List.of(), Map.of(MastodonPostOptions.VISIBILITY, "private"));
        PublishedPart root = ChannelFixtures.part(publish(Fixtures.request(privateVariant, Fixtures.connection(fake))));
        statusPosts();

        publish(ChannelFixtures.followUp(
                privateVariant, Fixtures.connection(fake), "Still private", ChannelFixtures.comment(0, root, root)));

        assertThat(FakeMastodon.json(statusPosts().get(0)).path("visibility").asText())
                .isEqualTo("private");
    }

    @Test
    void aDeletedParent_isRejected_namingTheFollowUpAndItsParent() throws Exception {
        PublishedPart root = publishedThread();
        String last = root.checkpoint().get("mastodon.part.1");
        fake.script("POST /api/v1/statuses", FakeMastodon.error(404, "Record not found"));

        PublishOutcome outcome = publish(followUp("Too late", ChannelFixtures.reply(0, root, root)));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "not_found")).satisfies(f -> {
            assertThat(f.safeMessage())
                    .startsWith("follow-up 1 (a reply to " + last + "): ")
                    .contains("Record not found")
                    .doesNotContain(FakeMastodon.TOKEN);
        });
        assertThat(statusPosts()).hasSize(1);
    }

    @Test
    void unansweredFollowUp_isUnknown_andTheLookupFindsTheReplyToItsParent_notAnotherWithTheSameText()
            throws Exception {
        PublishedPart root = publishedThread();
        String first = root.checkpoint().get("mastodon.part.0");
        fake.hangNextStatus(Duration.ofSeconds(4), true);
        MastodonChannel slow =
                Fixtures.channel().callTimeout(Duration.ofSeconds(1)).build();
        PublishRequest request = followUp("Did it arrive?", ChannelFixtures.reply(0, root, root));
        var context = new Fixtures.Context(fake.credentials());
        PublishOutcome outcome;
        LookupResult found;
        try (ChannelPublisher publisher = slow.createPublisher(Fixtures.environment())) {
            outcome = publisher.publish(request, context);
            String created = fake.statuses().get(0).path("id").asText();
            // the newest status with that text replies to the first status, not to the follow-up's parent
            fake.addStatus("Did it arrive?", "", first, "unlisted", Instant.now());
            found = publisher.lookup(request, context);
            String url = "https://mastodon.example/@alice/" + created;
            assertThat(found)
                    .isEqualTo(new LookupResult.Found(
                            created, Optional.of(url), Map.of("mastodon.part.0", created, "mastodon.url", url)));
        }

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
            assertThat(f.safeMessage())
                    .startsWith("follow-up 1 (a reply to " + root.checkpoint().get("mastodon.part.1"));
        });
        assertThat(statusPosts()).hasSize(1);
    }

    @Test
    void aThreadWhoseLastStatusWentUnanswered_isFoundByLookupWithEveryPart() throws Exception {
        fake.scriptAfter("POST /api/v1/statuses", 1);
        fake.hangNextStatus(Duration.ofSeconds(4), true);
        MastodonChannel slow =
                Fixtures.channel().callTimeout(Duration.ofSeconds(1)).build();
        PublishRequest post = Fixtures.request(variant, Fixtures.connection(fake));
        var context = new Fixtures.Context(fake.credentials());
        var attempted = Fixtures.publishThenLookUp(slow, post, context);
        PublishOutcome outcome = attempted.outcome();
        LookupResult found = attempted.found();

        List<String> ids = new ArrayList<>();
        fake.statuses().forEach(s -> ids.add(0, s.path("id").asText())); // oldest first
        assertThat(ids).hasSize(2);
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
            assertThat(f.checkpoint())
                    .containsEntry("mastodon.part.0", ids.get(0))
                    .doesNotContainKey("mastodon.part.1");
        });
        assertThat(found).isInstanceOfSatisfying(LookupResult.Found.class, f -> {
            assertThat(f.externalId()).isEqualTo(ids.get(0));
            assertThat(f.checkpoint())
                    .containsExactly(
                            Map.entry("mastodon.part.0", ids.get(0)),
                            Map.entry("mastodon.part.1", ids.get(1)),
                            Map.entry("mastodon.url", "https://mastodon.example/@alice/" + ids.get(0)));
        });
        assertThat(statusPosts()).hasSize(2);
    }

    @Test
    void throughTheEngine_aThreadWhoseLastStatusWentUnanswered_isSettledByLookup_andTheReplyHangsOnTheLastStatus()
            throws Exception {
        try (var engine = ChannelEngine.start(
                Fixtures.channel().callTimeout(Duration.ofSeconds(1)).build(),
                ConnectionRequest.of("mastodon", "@alice@mastodon.example", fake.credentials())
                        .withProperties(Fixtures.properties(fake)))) {
            var root = engine.scheduleInAMinute(
                    "launch",
                    VariantDraft.of("mastodon", "Part 1/2")
                            .withThread(List.of("Part 2/2"))
                            .withFollowUps(List.of(FollowUp.reply("A reply"))));
            fake.takeAll();
            fake.scriptAfter("POST /api/v1/statuses", 1);
            fake.hangNextStatus(Duration.ofSeconds(4), true);

            engine.runDueInAMinute();
            engine.runDue();

            List<String> ids = new ArrayList<>();
            fake.statuses().forEach(s -> ids.add(0, s.path("id").asText())); // oldest first
            assertThat(ids).hasSize(3);
            FollowUpPart reply = engine.assertSettledByLookupWithOneFollowUp(root.id(), "mastodon.part.1", ids.get(1));
            assertThat(reply.externalId()).contains(ids.get(2));
            List<RecordedRequest> posts = statusPosts();
            assertThat(posts).as("the thread once, then the reply").hasSize(3);
            assertThat(FakeMastodon.json(posts.get(2)).toString())
                    .as("the reply hangs on the thread's last status")
                    .isEqualTo("{\"status\":\"A reply\",\"visibility\":\"unlisted\",\"in_reply_to_id\":\"" + ids.get(1)
                            + "\"}");
        }
    }

    @Test
    void dryRun_previewsTheReply_andSaysWhatItHangsOn() throws Exception {
        var previews = new ArrayList<MastodonRequestPreview>();
        MastodonChannel dry = MastodonChannel.builder().dryRun(previews::add).build();
        PublishedPart root = new PublishedPart("103254962155278888", Map.of("mastodon.part.0", "103254962155278888"));

        PublishOutcome outcome = Fixtures.publish(
                dry,
                ChannelFixtures.followUp(
                        variant,
                        Fixtures.connection(Map.of(MastodonChannel.PROPERTY_INSTANCE_URL, "https://mastodon.social")),
                        "First comment",
                        ChannelFixtures.comment(0, root, root)),
                new Fixtures.Context(fake.credentials()));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.DryRun.class, d -> assertThat(d.preview())
                .isEqualTo("POST https://mastodon.social/api/v1/statuses not sent, follow-up 1 (a comment on"
                        + " 103254962155278888): [First comment]"));
        assertThat(previews).singleElement().satisfies(p -> assertThat(p.body())
                .isEqualTo("{\"status\":\"First comment\",\"visibility\":\"unlisted\","
                        + "\"in_reply_to_id\":\"103254962155278888\"}"));
        assertThat(fake.takeAll()).isEmpty();
    }
}
