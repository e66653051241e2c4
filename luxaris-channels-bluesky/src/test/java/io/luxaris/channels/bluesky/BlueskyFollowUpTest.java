package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.channels.bluesky.internal.Tid;
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
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Follow-up parts on Bluesky: replies and comments are posts with root and parent strong references. */
class BlueskyFollowUpTest {
    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    @AutoClose
    private final ChannelPublisher publisher =
            Fixtures.channel(fake).readTimeout(Duration.ofMillis(500)).build().createPublisher(Fixtures.environment());

    private final PostVariant variant = Fixtures.variant("Part 1/3", List.of("Part 2/3", "Part 3/3"), List.of());

    private PublishOutcome publish(PublishRequest request) {
        return publisher.publish(request, new Fixtures.Context(fake.session()));
    }

    private PublishRequest followUp(String text, FollowUpTarget target) {
        return ChannelFixtures.followUp(variant, Fixtures.connection(), text, target);
    }

    private List<JsonNode> creates() throws InterruptedException {
        return fake.takeAll().stream()
                .filter(r -> FakeBluesky.route(r).equals("POST com.atproto.repo.createRecord"))
                .map(FakeBluesky::json)
                .toList();
    }

    /** {@code {"uri":...,"cid":...}} of the record the fake holds under {@code rkey}. */
    private String ref(String rkey) {
        return "{\"uri\":\"at://" + FakeBluesky.DID + "/app.bsky.feed.post/" + rkey + "\",\"cid\":\""
                + fake.record(rkey).path("cid").asText() + "\"}";
    }

    private PublishedPart publishedThread(PublishRequest request) throws Exception {
        PublishedPart root = ChannelFixtures.part(publish(request));
        assertThat(creates()).hasSize(3);
        return root;
    }

    @Test
    void descriptor_declaresRepliesAndComments() {
        assertThat(new BlueskyChannel().descriptor().followUps())
                .containsExactlyInAnyOrder(FollowUpKind.REPLY, FollowUpKind.COMMENT);
    }

    @Test
    void replyAfterAThread_hasThePostAsRoot_andItsLastPartAsParent_thenTheReplyAsParent_andACommentThePost()
            throws Exception {
        PublishRequest post = Fixtures.request(variant);
        PublishedPart root = publishedThread(post);
        String first = Tid.forPart(post.scheduleId(), 0);
        String last = Tid.forPart(post.scheduleId(), 2);

        PublishRequest replyRequest = followUp("Reply one", ChannelFixtures.reply(0, root, root));
        PublishOutcome reply = publish(replyRequest);
        JsonNode create = creates().get(0);
        String replyKey = Tid.forPart(replyRequest.scheduleId(), 0);
        assertThat(create.path("rkey").asText()).isEqualTo(replyKey);
        assertThat(create.at("/record/text").asText()).isEqualTo("Reply one");
        assertThat(create.at("/record/reply").toString())
                .isEqualTo("{\"root\":" + ref(first) + ",\"parent\":" + ref(last) + "}");
        PublishedPart one = ChannelFixtures.part(reply);
        assertThat(one.externalId()).isEqualTo("at://" + FakeBluesky.DID + "/app.bsky.feed.post/" + replyKey);
        assertThat(one.checkpoint()).containsKeys("bluesky.part.0.uri", "bluesky.part.0.cid");

        publish(followUp("Reply two", ChannelFixtures.reply(1, root, one)));
        assertThat(creates().get(0).at("/record/reply").toString())
                .isEqualTo("{\"root\":" + ref(first) + ",\"parent\":" + ref(replyKey) + "}");

        publish(followUp("A comment", ChannelFixtures.comment(2, root, one)));
        assertThat(creates().get(0).at("/record/reply").toString())
                .isEqualTo("{\"root\":" + ref(first) + ",\"parent\":" + ref(first) + "}");
    }

    @Test
    void aPostFoundByLookup_leftNoCid_soTheCidIsReadWithGetRecord() throws Exception {
        PublishRequest post = Fixtures.request(Fixtures.variant("Found later"));
        PublishedPart published = ChannelFixtures.part(publish(post));
        fake.takeAll();
        var found = new PublishedPart(published.externalId(), Map.of());

        publish(followUp("A comment", ChannelFixtures.comment(0, found, found)));

        var requests = fake.takeAll();
        assertThat(FakeBluesky.routes(requests))
                .containsSubsequence("GET com.atproto.repo.getRecord", "POST com.atproto.repo.createRecord");
        String key = Tid.forPart(post.scheduleId(), 0);
        assertThat(requests.stream()
                        .filter(r -> FakeBluesky.route(r).equals("GET com.atproto.repo.getRecord"))
                        .map(r -> r.getUrl().queryParameter("rkey")))
                .contains(key);
        JsonNode create = requests.stream()
                .filter(r -> FakeBluesky.route(r).equals("POST com.atproto.repo.createRecord"))
                .map(FakeBluesky::json)
                .findFirst()
                .orElseThrow();
        assertThat(create.at("/record/reply").toString())
                .isEqualTo("{\"root\":" + ref(key) + ",\"parent\":" + ref(key) + "}");
    }

    @Test
    void aDeletedParent_isRejected_namingTheFollowUp_andNothingIsCreated() throws Exception {
        String gone = "at://" + FakeBluesky.DID + "/app.bsky.feed.post/3n32f522m222b";
        var deleted = new PublishedPart(gone, Map.of());

        PublishOutcome outcome = publish(followUp("Too late", ChannelFixtures.reply(0, deleted, deleted)));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "parent_not_found"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).startsWith("follow-up 1 (a reply to " + gone + "): ");
                });
        assertThat(creates()).isEmpty();
    }

    @Test
    void unansweredFollowUp_isUnknown_andTheLookupFindsItUnderItsOwnKey_withoutPostingAgain() throws Exception {
        PublishedPart root = publishedThread(Fixtures.request(variant));
        fake.hangNextCreate(2_000, true);
        PublishRequest request = followUp("Lost reply", ChannelFixtures.reply(0, root, root));
        var context = new Fixtures.Context(fake.session());

        PublishOutcome outcome = publisher.publish(request, context);
        LookupResult found = publisher.lookup(request, context);

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
            assertThat(f.safeMessage())
                    .startsWith("follow-up 1 (a reply to " + root.checkpoint().get("bluesky.part.2.uri"));
        });
        String key = Tid.forPart(request.scheduleId(), 0);
        String uri = "at://" + FakeBluesky.DID + "/app.bsky.feed.post/" + key;
        assertThat(found)
                .isEqualTo(new LookupResult.Found(
                        uri,
                        Optional.of("https://bsky.app/profile/" + FakeBluesky.DID + "/post/" + key),
                        Map.of(
                                "bluesky.part.0.uri",
                                uri,
                                "bluesky.part.0.cid",
                                fake.record(key).path("cid").asText())));
        assertThat(fake.recordCount()).isEqualTo(4);
    }

    @Test
    void aThreadWhoseLastPartWentUnanswered_isFoundByLookupWithEveryPart() throws Exception {
        fake.script("POST com.atproto.repo.createRecord", FakeBluesky.PASS, FakeBluesky.PASS);
        fake.hangNextCreate(2_000, true);
        PublishRequest post = Fixtures.request(variant);
        var context = new Fixtures.Context(fake.session());

        PublishOutcome outcome = publisher.publish(post, context);
        LookupResult found = publisher.lookup(post, context);

        String uri = "at://" + FakeBluesky.DID + "/app.bsky.feed.post/";
        String first = Tid.forPart(post.scheduleId(), 0);
        String last = Tid.forPart(post.scheduleId(), 2);
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
            assertThat(f.checkpoint()).doesNotContainKey("bluesky.part.2.uri");
        });
        assertThat(found).isInstanceOfSatisfying(LookupResult.Found.class, f -> {
            assertThat(f.externalId()).isEqualTo(uri + first);
            assertThat(f.checkpoint())
                    .containsEntry("bluesky.part.0.uri", uri + first)
                    .containsEntry("bluesky.part.2.uri", uri + last)
                    .containsEntry(
                            "bluesky.part.2.cid", fake.record(last).path("cid").asText());
        });
        assertThat(fake.recordCount()).isEqualTo(3);
    }

    @Test
    void throughTheEngine_aThreadWhoseLastPartWentUnanswered_isSettledByLookup_andTheReplyHangsOnTheLastPart()
            throws Exception {
        try (var engine = ChannelEngine.start(
                Fixtures.channel(fake).readTimeout(Duration.ofMillis(500)).build(),
                BlueskyCredentials.connectionRequest("@" + FakeBluesky.HANDLE, FakeBluesky.APP_PASSWORD))) {
            var root = engine.scheduleInAMinute(
                    "launch",
                    VariantDraft.of("bluesky", "Part 1/3")
                            .withThread(List.of("Part 2/3", "Part 3/3"))
                            .withFollowUps(List.of(FollowUp.reply("Reply one"))));
            fake.script("POST com.atproto.repo.createRecord", FakeBluesky.PASS, FakeBluesky.PASS);
            fake.hangNextCreate(2_000, true);

            engine.runDueInAMinute();
            engine.runDue();

            String last = Tid.forPart(root.id(), 2);
            engine.assertSettledByLookupWithOneFollowUp(
                    root.id(), "bluesky.part.2.uri", "at://" + FakeBluesky.DID + "/app.bsky.feed.post/" + last);
            List<JsonNode> creates = creates();
            assertThat(creates).as("the thread once, then the reply").hasSize(4);
            assertThat(creates.get(3).at("/record/reply").toString())
                    .as("the reply's parent is the thread's last part")
                    .isEqualTo("{\"root\":" + ref(Tid.forPart(root.id(), 0)) + ",\"parent\":" + ref(last) + "}");
        }
    }

    @Test
    void dryRun_previewsTheReply_andSaysWhatItHangsOn() throws Exception {
        var previews = new CopyOnWriteArrayList<BlueskyRequestPreview>();
        String uri = "at://did:plc:abc123/app.bsky.feed.post/3n32f522m222b";
        var root = new PublishedPart(uri, Map.of("bluesky.part.0.uri", uri, "bluesky.part.0.cid", "bafyreiroot"));
        try (ChannelPublisher dry =
                Fixtures.channel(fake).dryRun(previews::add).build().createPublisher(Fixtures.environment())) {
            PublishOutcome outcome = dry.publish(
                    followUp("First comment", ChannelFixtures.comment(0, root, root)),
                    new Fixtures.Context(fake.session()));

            assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.DryRun.class, d -> assertThat(d.preview())
                    .endsWith("com.atproto.repo.createRecord not sent, follow-up 1 (a comment on " + uri
                            + "): [First comment]"));
        }
        assertThat(fake.requestCount()).isZero();
        String strong = "{\"uri\":\"" + uri + "\",\"cid\":\"bafyreiroot\"}";
        assertThat(previews)
                .filteredOn(p -> p.url().endsWith("createRecord"))
                .singleElement()
                .satisfies(p ->
                        assertThat(p.body()).contains("\"reply\":{\"root\":" + strong + ",\"parent\":" + strong + "}"));
    }
}
