package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.channels.bluesky.internal.Tid;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Threads: replies with root and parent as strong refs, resumable from the checkpoint, never posted twice. */
class BlueskyThreadTest {
    private final MediaSource library = Fixtures.library(Map.of("logo.png", Fixtures.png(800, 800, 100)));

    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    @AutoClose
    private final ChannelPublisher publisher =
            Fixtures.channel(fake).build().createPublisher(Fixtures.environment(library));

    private PublishOutcome publish(PublishRequest request) {
        return publisher.publish(request, new Fixtures.Context(fake.session(), Clock.systemUTC(), library));
    }

    private static PublishRequest thread(List<MediaRef> media) {
        return Fixtures.request(Fixtures.variant("Part 1/3", List.of("Part 2/3", "Part 3/3"), media));
    }

    private static List<JsonNode> creates(List<RecordedRequest> requests) {
        return requests.stream()
                .filter(r -> FakeBluesky.route(r).equals("POST com.atproto.repo.createRecord"))
                .map(FakeBluesky::json)
                .toList();
    }

    @Test
    void aThread_repliesWithTheFirstPostAsRoot_andThePreviousAsParent_asStrongRefs() throws Exception {
        PublishRequest request = thread(List.of(MediaRef.image("logo.png", "logo")));

        PublishOutcome outcome = publish(request);

        List<JsonNode> creates = creates(fake.takeAll());
        assertThat(creates).hasSize(3);
        String root = "at://did:plc:abc123/app.bsky.feed.post/" + Tid.forPart(request.scheduleId(), 0);
        String second = "at://did:plc:abc123/app.bsky.feed.post/" + Tid.forPart(request.scheduleId(), 1);
        assertThat(creates.get(0).at("/record").has("reply")).isFalse();
        assertThat(creates.get(0).at("/record/embed/images")).hasSize(1);
        assertThat(creates.get(1).at("/record/reply").toString())
                .isEqualTo("{\"root\":{\"uri\":\"" + root + "\",\"cid\":\""
                        + fake.record(rkey(request, 0)).path("cid").asText()
                        + "\"},\"parent\":{\"uri\":\"" + root + "\",\"cid\":\""
                        + fake.record(rkey(request, 0)).path("cid").asText() + "\"}}");
        assertThat(creates.get(2).at("/record/reply/root/uri").asText()).isEqualTo(root);
        assertThat(creates.get(2).at("/record/reply/parent/uri").asText()).isEqualTo(second);
        assertThat(creates.get(2).at("/record/reply/parent/cid").asText())
                .isEqualTo(fake.record(rkey(request, 1)).path("cid").asText());
        assertThat(creates.get(1).at("/record").has("embed")).isFalse();
        assertThat(creates)
                .extracting(c -> c.path("rkey").asText())
                .containsExactly(rkey(request, 0), rkey(request, 1), rkey(request, 2));
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo(root);
            assertThat(p.checkpoint())
                    .containsEntry("bluesky.part.2.uri", "at://did:plc:abc123/app.bsky.feed.post/" + rkey(request, 2));
        });
    }

    private static String rkey(PublishRequest request, int part) {
        return Tid.forPart(request.scheduleId(), part);
    }

    @Test
    void aThreadFailingAtPartTwo_resumesFromTheCheckpoint_neverPostingPartOneAgain() throws Exception {
        PublishRequest first = thread(List.of(MediaRef.image("logo.png", "logo")));
        // part 1 is created, part 2 is refused by a gateway (the getRecord check then finds it absent)
        fake.script(
                "POST com.atproto.repo.createRecord",
                FakeBluesky.PASS,
                FakeBluesky.error(503, "ServiceUnavailable", "Service Unavailable"));
        PublishOutcome failed = publish(first);

        assertThat(Outcomes.failed(failed, FailureKind.RETRYABLE, "http_503")).satisfies(f -> {
            assertThat(f.safeMessage()).startsWith("part 2 of 3");
            assertThat(f.checkpoint())
                    .containsEntry("bluesky.part.0.uri", "at://did:plc:abc123/app.bsky.feed.post/" + rkey(first, 0))
                    .containsKey("bluesky.part.0.cid")
                    .containsEntry("bluesky.failed_part", "1")
                    .doesNotContainKey("bluesky.part.1.uri");
        });
        fake.takeAll();

        PublishOutcome done = publish(Fixtures.again(first, 2, ((PublishOutcome.Failed) failed).checkpoint()));

        assertThat(done).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> requests = fake.takeAll();
        // no image upload, no second part 1: the next attempt checks part 2's and 3's keys, then creates them
        assertThat(FakeBluesky.routes(requests))
                .containsExactly(
                        "GET com.atproto.repo.getRecord",
                        "POST com.atproto.repo.createRecord",
                        "GET com.atproto.repo.getRecord",
                        "POST com.atproto.repo.createRecord");
        assertThat(creates(requests).get(0).at("/record/reply/root/uri").asText())
                .isEqualTo("at://did:plc:abc123/app.bsky.feed.post/" + rkey(first, 0));
        assertThat(fake.recordCount()).isEqualTo(3);
    }

    @Test
    void aLaterAttemptWithoutTheCheckpoint_findsTheParts_anEarlierAttemptCreated_andAdoptsThem() throws Exception {
        PublishRequest first = thread(List.of());
        fake.putRecord(rkey(first, 0), "Part 1/3");
        fake.putRecord(rkey(first, 1), "Part 2/3");

        PublishOutcome done = publish(Fixtures.again(first, 3, Map.of()));

        assertThat(done).isInstanceOf(PublishOutcome.Published.class);
        List<JsonNode> creates = creates(fake.takeAll());
        assertThat(creates).singleElement().satisfies(c -> {
            assertThat(c.path("rkey").asText()).isEqualTo(rkey(first, 2));
            assertThat(c.at("/record/reply/parent/uri").asText())
                    .isEqualTo("at://did:plc:abc123/app.bsky.feed.post/" + rkey(first, 1));
        });
        assertThat(fake.recordCount()).isEqualTo(3);
    }

    @Test
    void aKeyHoldingSomeoneElsesText_isNeverTakenForThisSchedulesPost() throws Exception {
        PublishRequest first = thread(List.of());
        fake.putRecord(rkey(first, 0), "A different post");

        PublishOutcome outcome = publish(Fixtures.again(first, 2, Map.of()));

        Outcomes.failed(outcome, FailureKind.REJECTED, "record_key_taken");
        assertThat(FakeBluesky.routes(fake.takeAll())).doesNotContain("POST com.atproto.repo.createRecord");
    }

    @Test
    void aCheckpointWithAGap_resumesFromTheGap() throws Exception {
        PublishRequest first = thread(List.of());
        fake.putRecord(rkey(first, 0), "Part 1/3");
        String cid = fake.record(rkey(first, 0)).path("cid").asText();
        // part 3 is known but part 2 is not: part 3 cannot be trusted as a reply to a part 2 that does not exist
        Map<String, String> checkpoint = Map.of(
                "bluesky.part.0.uri",
                "at://did:plc:abc123/app.bsky.feed.post/" + rkey(first, 0),
                "bluesky.part.0.cid",
                cid,
                "bluesky.part.2.uri",
                "at://did:plc:abc123/app.bsky.feed.post/elsewhere",
                "bluesky.part.2.cid",
                "bafyreielsewhere");

        assertThat(publish(Fixtures.again(first, 2, checkpoint))).isInstanceOf(PublishOutcome.Published.class);

        assertThat(creates(fake.takeAll()))
                .extracting(c -> c.path("rkey").asText())
                .containsExactly(rkey(first, 1), rkey(first, 2));
    }
}
