package io.luxaris.channels.threads;

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
import io.luxaris.usecase.VariantDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Follow-up parts on Threads: replies and comments are containers with {@code reply_to_id}, then published. */
class ThreadsFollowUpTest {
    private static final String CREATE = "POST /v1.0/{user}/threads";
    private static final String PUBLISH = "POST /v1.0/{user}/threads_publish";

    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    private final Credentials credentials = fake.credentials();

    @AutoClose
    private final ChannelPublisher publisher = Fixtures.publisher(Fixtures.channel(fake));

    private final PostVariant variant =
            Fixtures.variant("1/2 What we shipped", List.of("2/2 What comes next"), List.of());

    private PublishOutcome publish(PublishRequest request) {
        return publisher.publish(request, new Fixtures.Context(credentials));
    }

    private PublishRequest followUp(String text, FollowUpTarget target) {
        return ChannelFixtures.followUp(variant, Fixtures.connection(), text, target);
    }

    /** The form fields of the containers created since the last take. */
    private List<Map<String, String>> creates() throws InterruptedException {
        return fake.takeAll().stream()
                .filter(r -> fake.route(r).equals(CREATE))
                .map(FakeThreads::form)
                .toList();
    }

    private PublishedPart publishedThread() throws Exception {
        PublishedPart root = ChannelFixtures.part(publish(Fixtures.request(variant)));
        assertThat(creates()).hasSize(2);
        return root;
    }

    @Test
    void descriptor_declaresRepliesAndComments() {
        assertThat(Fixtures.channel(fake).build().descriptor().followUps())
                .containsExactlyInAnyOrder(FollowUpKind.REPLY, FollowUpKind.COMMENT);
    }

    @Test
    void replyAfterAThread_repliesToItsLastPart_theNextToThatReply_andACommentToThePost() throws Exception {
        PublishedPart root = publishedThread();
        String first = root.checkpoint().get("threads.part.0");
        String last = root.checkpoint().get("threads.part.1");

        PublishOutcome reply = publish(followUp("A reply", ChannelFixtures.reply(0, root, root)));
        assertThat(creates()).singleElement().satisfies(form -> {
            assertThat(form.get("media_type")).isEqualTo("TEXT");
            assertThat(form.get("text")).isEqualTo("A reply");
            assertThat(form.get("reply_to_id")).isEqualTo(last);
        });
        PublishedPart one = ChannelFixtures.part(reply);
        assertThat(fake.posts().get(0).id()).isEqualTo(one.externalId());
        assertThat(fake.posts().get(0).replyTo()).isEqualTo(last);

        publish(followUp("Another", ChannelFixtures.reply(1, root, one)));
        assertThat(creates()).singleElement().satisfies(form -> assertThat(form.get("reply_to_id"))
                .isEqualTo(one.externalId()));

        publish(followUp("A comment", ChannelFixtures.comment(2, root, one)));
        assertThat(creates()).singleElement().satisfies(form -> assertThat(form.get("reply_to_id"))
                .isEqualTo(first));
    }

    @Test
    void aFullReplyQuota_defersTheFollowUp_whileThePostQuotaDoesNotMatter() throws Exception {
        PublishedPart root = publishedThread();
        fake.quotaUsedElsewhere(250, 999);

        PublishOutcome outcome = publish(followUp("One reply too many", ChannelFixtures.reply(0, root, root)));

        assertThat(Outcomes.failed(outcome, FailureKind.RATE_LIMITED, "reply_quota"))
                .satisfies(f -> {
                    assertThat(f.safeMessage())
                            .startsWith("follow-up 1 (a reply to "
                                    + root.checkpoint().get("threads.part.1") + "): ")
                            .contains("no room for 1 more (1000 of 1000 replies");
                    assertThat(f.retryAt()).isPresent();
                });
        assertThat(fake.posts()).hasSize(2);

        fake.quotaUsedElsewhere(250, 0);
        assertThat(publish(followUp("One reply too many", ChannelFixtures.reply(0, root, root))))
                .isInstanceOf(PublishOutcome.Published.class);
    }

    @Test
    void aDeletedParent_isRefused_namingTheFollowUp() throws Exception {
        var gone = new PublishedPart("17999999999999999", Map.of());

        PublishOutcome outcome = publish(followUp("Too late", ChannelFixtures.comment(0, gone, gone)));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
            assertThat(f.safeMessage())
                    .startsWith("follow-up 1 (a comment on 17999999999999999): ")
                    .contains("reply_to_id");
        });
        assertThat(fake.posts()).isEmpty();
    }

    @Test
    void unansweredFollowUp_isUnknown_andTheLookupFindsTheReply_notThePostWithTheSameText() throws Exception {
        PostVariant echo = Fixtures.variant("Same words");
        PublishedPart root = ChannelFixtures.part(publish(Fixtures.request(echo)));
        fake.takeAll();
        fake.afterHandling(PUBLISH, ThreadsFollowUpTest::cutOff);
        PublishRequest request = ChannelFixtures.followUp(
                echo, Fixtures.connection(), "Same words", ChannelFixtures.comment(0, root, root));
        var context = new Fixtures.Context(credentials);

        PublishOutcome outcome = publisher.publish(request, context);
        String reply = fake.posts().get(0).id();
        LookupResult found = publisher.lookup(request, context);

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
            assertThat(f.safeMessage()).startsWith("follow-up 1 (a comment on " + root.externalId() + ")");
        });
        assertThat(found).isInstanceOfSatisfying(LookupResult.Found.class, f -> assertThat(f.externalId())
                .isEqualTo(reply)
                .isNotEqualTo(root.externalId()));
        assertThat(fake.posts()).hasSize(2);
        assertThat(fake.takeAll()).extracting(fake::route).containsOnlyOnce(PUBLISH);
    }

    @Test
    void aThreadWhoseLastPublishWentUnanswered_isFoundByLookupWithEveryPart() throws Exception {
        fake.afterHandling(PUBLISH, UnaryOperator.identity());
        fake.afterHandling(PUBLISH, ThreadsFollowUpTest::cutOff);
        PublishRequest post = Fixtures.request(variant);
        var context = new Fixtures.Context(credentials);

        PublishOutcome outcome = publisher.publish(post, context);
        LookupResult found = publisher.lookup(post, context);

        assertThat(fake.posts()).hasSize(2);
        String first = firstPartId();
        String last = replyTo(first);
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
            assertThat(f.checkpoint()).containsEntry("threads.part.0", first).doesNotContainKey("threads.part.1");
        });
        assertThat(found).isInstanceOfSatisfying(LookupResult.Found.class, f -> {
            assertThat(f.externalId()).isEqualTo(first);
            assertThat(f.checkpoint())
                    .as("every part's published id, its container gone")
                    .containsExactly(Map.entry("threads.part.0", first), Map.entry("threads.part.1", last));
        });
        assertThat(fake.takeAll())
                .extracting(fake::route)
                .filteredOn(PUBLISH::equals)
                .hasSize(2);
    }

    @Test
    void throughTheEngine_aThreadWhoseLastPublishWentUnanswered_isSettledByLookup_andTheReplyHangsOnTheLastPart()
            throws Exception {
        try (var engine = ChannelEngine.start(
                Fixtures.channel(fake).build(),
                ConnectionRequest.of("threads", "@luxaris_dev", credentials)
                        .withProperties(Map.of(ThreadsChannel.PROPERTY_USER_ID, FakeThreads.USER_ID)))) {
            var root = engine.scheduleInAMinute(
                    "launch",
                    VariantDraft.of("threads", "1/2 What we shipped")
                            .withThread(List.of("2/2 What comes next"))
                            .withFollowUps(List.of(FollowUp.reply("A reply"))));
            fake.afterHandling(PUBLISH, UnaryOperator.identity());
            fake.afterHandling(PUBLISH, ThreadsFollowUpTest::cutOff);

            engine.runDueInAMinute();
            engine.runDue();

            assertThat(fake.posts()).hasSize(3);
            String first = firstPartId();
            String last = replyTo(first);
            engine.assertSettledByLookupWithOneFollowUp(root.id(), "threads.part.1", last);
            assertThat(creates())
                    .as("the thread's two containers once, then the reply's under the last part")
                    .extracting(form -> form.get("reply_to_id"))
                    .containsExactly(null, first, last);
        }
    }

    @Test
    void dryRun_previewsTheReplyContainer_andSaysWhatItHangsOn() {
        var previews = new ArrayList<ThreadsRequestPreview>();
        var root = new PublishedPart("1234567", Map.of("threads.part.0", "1234567"));
        try (ChannelPublisher dry = ThreadsChannel.builder()
                .baseUrl(fake.url())
                .dryRun(previews::add)
                .build()
                .createPublisher(Fixtures.environment())) {
            PublishOutcome outcome = dry.publish(
                    ChannelFixtures.followUp(
                            variant,
                            Fixtures.connection(Map.of()),
                            "First comment",
                            ChannelFixtures.comment(0, root, root)),
                    new Fixtures.Context(credentials));

            assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.DryRun.class, d -> assertThat(d.preview())
                    .endsWith(" not sent, follow-up 1 (a comment on 1234567): [First comment]"));
        }
        assertThat(fake.requestCount()).isZero();
        assertThat(previews.get(0).body()).contains("media_type=TEXT").contains("reply_to_id=1234567");
    }

    /** The id of the post the fake holds that replies to nothing: a thread's first part. */
    private String firstPartId() {
        return fake.posts().stream()
                .filter(p -> p.replyTo() == null)
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** The id of the first post the fake holds that replies to {@code parent}. */
    private String replyTo(String parent) {
        return fake.posts().stream()
                .filter(p -> parent.equals(p.replyTo()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static MockResponse cutOff(MockResponse answer) {
        return answer.newBuilder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build();
    }
}
