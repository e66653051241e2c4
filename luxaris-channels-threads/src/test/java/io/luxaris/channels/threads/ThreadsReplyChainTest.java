package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A variant's thread parts go out as a reply chain, each part a reply to the one before; resumable part by part. */
class ThreadsReplyChainTest {
    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    private final Credentials credentials = fake.credentials();

    private PublishOutcome publish(PublishRequest request) {
        try (ChannelPublisher publisher = Fixtures.publisher(Fixtures.channel(fake))) {
            return publisher.publish(request, new Fixtures.Context(credentials, MediaSource.none()));
        }
    }

    @Test
    void aThreadOfThree_repliesEachPartToThePartBefore() throws Exception {
        String root = fake.nextMediaId();

        PublishOutcome outcome = publish(Fixtures.request(Fixtures.variant(
                "1/3 What we shipped", List.of("2/3 What we learned", "3/3 What comes next"), List.of())));

        List<FakeThreads.Post> posts = fake.posts();
        assertThat(posts).hasSize(3);
        String second = posts.get(1).id();
        String third = posts.get(0).id();
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo(root);
            assertThat(p.checkpoint())
                    .containsExactly(
                            Map.entry("threads.part.0", root),
                            Map.entry("threads.part.1", second),
                            Map.entry("threads.part.2", third));
        });
        List<RecordedRequest> creates = fake.takeAll().stream()
                .filter(r -> fake.route(r).equals("POST /v1.0/{user}/threads"))
                .toList();
        assertThat(creates)
                .extracting(r -> FakeThreads.form(r).get("reply_to_id"))
                .containsExactly(null, root, second);
        assertThat(creates)
                .extracting(r -> FakeThreads.form(r).get("text"))
                .containsExactly("1/3 What we shipped", "2/3 What we learned", "3/3 What comes next");
        assertThat(posts.get(0).replyTo()).isEqualTo(second);
    }

    @Test
    void theImagesGoWithTheFirstPartOnly() throws Exception {
        publish(Fixtures.request(Fixtures.variant(
                "With a picture", List.of("Without"), List.of(MediaRef.image("https://cdn.example.com/a.png")))));

        List<Map<String, String>> creates = fake.takeAll().stream()
                .filter(r -> fake.route(r).equals("POST /v1.0/{user}/threads"))
                .map(FakeThreads::form)
                .toList();
        assertThat(creates).extracting(f -> f.get("media_type")).containsExactly("IMAGE", "TEXT");
        assertThat(creates.get(1)).doesNotContainKey("image_url");
    }

    @Test
    void aFailureAtPartTwo_isReportedForPartTwo_andTheRetryContinuesFromThere() throws Exception {
        fake.script("POST /v1.0/{user}/threads_publish", FakeThreads.pass(), FakeThreads.serviceUnavailable());
        PublishRequest first =
                Fixtures.request(Fixtures.variant("Part one", List.of("Part two", "Part three"), List.of()));

        PublishOutcome outcome = publish(first);

        String root = fake.posts().get(0).id();
        String secondContainer = fake.containers().get(1).id;
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(f.safeMessage()).startsWith("part 2 of 3");
            assertThat(f.checkpoint())
                    .containsExactly(
                            Map.entry("threads.part.0", root),
                            Map.entry("threads.container.1", secondContainer),
                            Map.entry("threads.failed_part", "1"));
        });
        fake.takeAll();

        PublishOutcome retried = publish(Fixtures.retry(first, ((PublishOutcome.Failed) outcome).checkpoint()));

        assertThat(retried).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> assertThat(p.externalId())
                .isEqualTo(root));
        assertThat(fake.posts())
                .extracting(FakeThreads.Post::text)
                .containsExactly("Part three", "Part two", "Part one");
        assertThat(fake.routes())
                .containsExactly(
                        "GET /v1.0/{container}",
                        "GET /v1.0/{user}/threads_publishing_limit",
                        "POST /v1.0/{user}/threads_publish",
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "POST /v1.0/{user}/threads_publish",
                        "GET /v1.0/{media}");
        assertThat(fake.containers()).hasSize(3);
    }

    @Test
    void partsPublishedBefore_areNeverPublishedAgain_evenByAFreshPublisher() throws Exception {
        String one = fake.addPost("Old one", java.time.Instant.now(), null);
        String two = fake.addPost("Old two", java.time.Instant.now(), one);
        PublishRequest request = Fixtures.retry(
                Fixtures.request(Fixtures.variant("Old one", List.of("Old two", "New three"), List.of())),
                Map.of("threads.part.0", one, "threads.part.1", two));

        PublishOutcome outcome = publish(request);

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> assertThat(p.externalId())
                .isEqualTo(one));
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests)
                .filteredOn(r -> fake.route(r).equals("POST /v1.0/{user}/threads"))
                .singleElement()
                .satisfies(r -> assertThat(FakeThreads.form(r))
                        .containsEntry("text", "New three")
                        .containsEntry("reply_to_id", two));
    }

    @Test
    void aReplyQuotaWithoutRoomForTheWholeThread_defersItBeforeAnythingIsPublished() throws Exception {
        fake.quotaUsedElsewhere(0, 999);

        PublishOutcome outcome =
                publish(Fixtures.request(Fixtures.variant("Root", List.of("Reply one", "Reply two"), List.of())));

        assertThat(Outcomes.failed(outcome, FailureKind.RATE_LIMITED, "reply_quota"))
                .satisfies(f -> {
                    assertThat(f.retryAt()).isPresent();
                });
        assertThat(fake.posts()).isEmpty();
    }
}
