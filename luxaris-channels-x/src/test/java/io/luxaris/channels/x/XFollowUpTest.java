package io.luxaris.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Follow-up parts on X: replies and comments are posts replying ({@code reply.in_reply_to_tweet_id}) to a post. */
class XFollowUpTest {
    private static final Map<String, String> KNOWN_ACCOUNT =
            Map.of(XChannel.PROPERTY_USER_ID, FakeX.USER_ID, XChannel.PROPERTY_USERNAME, FakeX.USERNAME);

    @AutoClose
    private final FakeX fake = new FakeX();

    @AutoClose
    private final ChannelPublisher publisher =
            Fixtures.channel(fake).readTimeout(Duration.ofSeconds(1)).build().createPublisher(Fixtures.environment());

    private final Credentials credentials = fake.credentials(Instant.now());
    private final PostVariant variant = Fixtures.variant("Part 1/3", List.of("Part 2/3", "Part 3/3"), List.of());

    private PublishOutcome publish(PublishRequest request) {
        return publisher.publish(request, new Fixtures.Context(credentials));
    }

    private PublishRequest followUp(String text, FollowUpTarget target) {
        return ChannelFixtures.followUp(variant, Fixtures.connection(KNOWN_ACCOUNT), text, target);
    }

    /** The variant's own thread, published: its three post ids. */
    private PublishedPart publishedThread() throws Exception {
        PublishedPart root =
                ChannelFixtures.part(publish(Fixtures.request(variant, Fixtures.connection(KNOWN_ACCOUNT))));
        assertThat(fake.takeAll()).hasSize(3);
        return root;
    }

    @Test
    void descriptor_declaresRepliesAndComments() {
        assertThat(new XChannel().descriptor().followUps())
                .containsExactlyInAnyOrder(FollowUpKind.REPLY, FollowUpKind.COMMENT);
    }

    @Test
    void replyAfterAThread_hangsOnTheLastThreadPart_andTheNextReplyOnThatReply_andACommentOnThePost() throws Exception {
        PublishedPart root = publishedThread();
        assertThat(root.checkpoint())
                .containsEntry("x.part.0", "1861000000000000001")
                .containsEntry("x.part.2", "1861000000000000003");

        PublishOutcome first = publish(followUp("Reply one", ChannelFixtures.reply(0, root, root)));
        RecordedRequest firstPost = fake.take();
        assertThat(FakeX.json(firstPost).toString())
                .isEqualTo("{\"text\":\"Reply one\",\"reply\":{\"in_reply_to_tweet_id\":\"1861000000000000003\"}}");
        PublishedPart one = ChannelFixtures.part(first);
        assertThat(one.externalId()).isEqualTo("1861000000000000004");
        assertThat(((PublishOutcome.Published) first).url())
                .contains("https://x.com/exampledev/status/1861000000000000004");

        publish(followUp("Reply two", ChannelFixtures.reply(1, root, one)));
        assertThat(FakeX.json(fake.take()).toString())
                .isEqualTo("{\"text\":\"Reply two\",\"reply\":{\"in_reply_to_tweet_id\":\"1861000000000000004\"}}");

        PublishOutcome comment = publish(followUp("A comment", ChannelFixtures.comment(2, root, one)));
        assertThat(FakeX.json(fake.take()).toString())
                .isEqualTo("{\"text\":\"A comment\",\"reply\":{\"in_reply_to_tweet_id\":\"1861000000000000001\"}}");
        assertThat(ChannelFixtures.part(comment).externalId()).isEqualTo("1861000000000000006");
        assertThat(fake.takeAll()).isEmpty();
    }

    @Test
    void replyNotSummoned_isRejected_namingTheFollowUpAndItsParent() throws Exception {
        PublishedPart root = publishedThread();
        fake.script("POST /2/tweets", FakeX.replyNotAllowed());

        PublishOutcome outcome = publish(followUp("Not summoned", ChannelFixtures.reply(0, root, root)));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "reply_not_allowed"))
                .satisfies(f -> {
                    assertThat(f.safeMessage())
                            .startsWith("follow-up 1 (a reply to 1861000000000000003): X does not allow this reply")
                            .doesNotContain("access-0");
                });
        assertThat(fake.takeAll()).extracting(FakeX::route).containsExactly("POST /2/tweets");
    }

    @Test
    void unansweredFollowUp_isUnknown_foundByLookupAsAReplyToItsParent_andNotPostedAgain() throws Exception {
        PublishedPart root = publishedThread();
        fake.hangNextPost(Duration.ofSeconds(3), true);
        PublishRequest request = followUp("Lost reply", ChannelFixtures.reply(0, root, root));

        PublishOutcome outcome = publish(request);
        LookupResult found = publisher.lookup(request, new Fixtures.Context(credentials));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
            assertThat(f.safeMessage()).startsWith("follow-up 1 (a reply to 1861000000000000003): ");
        });
        assertThat(found)
                .isEqualTo(new LookupResult.Found(
                        "1861000000000000004",
                        java.util.Optional.of("https://x.com/exampledev/status/1861000000000000004"),
                        Map.of("x.part.0", "1861000000000000004")));
        assertThat(fake.takeAll())
                .extracting(FakeX::route)
                .containsExactly("POST /2/tweets", "GET /2/users/{id}/tweets");
    }

    @Test
    void aThreadWhoseLastPartWentUnanswered_isFoundByLookupWithEveryPart_andTheReplyHangsOnTheLastPart()
            throws Exception {
        fake.script("POST /2/tweets", FakeX.passThrough(), FakeX.passThrough());
        fake.hangNextPost(Duration.ofSeconds(3), true);
        PublishRequest post = Fixtures.request(variant, Fixtures.connection(KNOWN_ACCOUNT));
        var context = new Fixtures.Context(credentials);

        PublishOutcome outcome = publisher.publish(post, context);
        LookupResult found = publisher.lookup(post, context);

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
            assertThat(f.checkpoint()).doesNotContainKey("x.part.2");
        });
        assertThat(found).isInstanceOfSatisfying(LookupResult.Found.class, f -> {
            assertThat(f.externalId()).isEqualTo("1861000000000000001");
            assertThat(f.checkpoint())
                    .containsExactly(
                            Map.entry("x.part.0", "1861000000000000001"),
                            Map.entry("x.part.1", "1861000000000000002"),
                            Map.entry("x.part.2", "1861000000000000003"));
        });
        fake.takeAll();
    }

    @Test
    void throughTheEngine_aThreadWhoseLastPartWentUnanswered_isSettledByLookup_andTheReplyHangsOnTheLastPart()
            throws Exception {
        fake.script("POST /2/tweets", FakeX.passThrough(), FakeX.passThrough());
        fake.hangNextPost(Duration.ofSeconds(3), true);
        try (var engine = ChannelEngine.start(
                Fixtures.channel(fake).readTimeout(Duration.ofSeconds(1)).build(),
                ConnectionRequest.of("x", "@exampledev", credentials).withProperties(KNOWN_ACCOUNT))) {
            var root = engine.scheduleInAMinute(
                    "hi",
                    VariantDraft.of("x", "Part 1/3")
                            .withThread(List.of("Part 2/3", "Part 3/3"))
                            .withFollowUps(List.of(FollowUp.reply("Reply one"))));

            engine.runDueInAMinute();
            engine.runDue();

            FollowUpPart reply =
                    engine.assertSettledByLookupWithOneFollowUp(root.id(), "x.part.2", "1861000000000000003");
            assertThat(reply.externalId()).contains("1861000000000000004");
        }
        List<String> posts = fake.takeAll().stream()
                .filter(r -> FakeX.route(r).equals("POST /2/tweets"))
                .map(FakeX::body)
                .toList();
        assertThat(posts)
                .as("the thread once, then the reply under its last part")
                .containsExactly(
                        "{\"text\":\"Part 1/3\"}",
                        "{\"text\":\"Part 2/3\",\"reply\":{\"in_reply_to_tweet_id\":\"1861000000000000001\"}}",
                        "{\"text\":\"Part 3/3\",\"reply\":{\"in_reply_to_tweet_id\":\"1861000000000000002\"}}",
                        "{\"text\":\"Reply one\",\"reply\":{\"in_reply_to_tweet_id\":\"1861000000000000003\"}}");
    }

    @Test
    void lookup_doesNotTakeThePostWithTheSameTextReplyingToAnotherPost() throws Exception {
        PublishedPart root = publishedThread();
        fake.addToTimeline("Same words", "1861000000000000001");

        LookupResult result = publisher.lookup(
                followUp("Same words", ChannelFixtures.reply(0, root, root)), new Fixtures.Context(credentials));

        assertThat(result).isInstanceOf(LookupResult.Absent.class);
    }

    @Test
    void dryRun_previewsTheReply_andSaysWhatItHangsOn() throws Exception {
        var previews = new CopyOnWriteArrayList<XRequestPreview>();
        PublishedPart root = new PublishedPart("1861000000000000001", Map.of("x.part.0", "1861000000000000001"));
        try (ChannelPublisher dry =
                Fixtures.channel(fake).dryRun(previews::add).build().createPublisher(Fixtures.environment())) {
            PublishOutcome outcome = dry.publish(
                    followUp("First comment", ChannelFixtures.comment(0, root, root)),
                    new Fixtures.Context(credentials));

            assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.DryRun.class, d -> assertThat(d.preview())
                    .isEqualTo("POST " + fake.url() + "2/tweets not sent, follow-up 1 (a comment on"
                            + " 1861000000000000001): [First comment]"));
        }
        assertThat(fake.requestCount()).isZero();
        assertThat(previews).singleElement().satisfies(p -> assertThat(p.body())
                .isEqualTo(
                        "{\"text\":\"First comment\",\"reply\":{\"in_reply_to_tweet_id\":\"1861000000000000001\"}}"));
    }
}
