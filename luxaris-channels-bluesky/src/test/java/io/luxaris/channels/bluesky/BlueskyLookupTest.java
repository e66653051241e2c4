package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.channels.bluesky.internal.Tid;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** An unknown outcome is settled by reading the record under the schedule's key, never by posting again. */
class BlueskyLookupTest {
    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    @AutoClose
    private final ChannelPublisher publisher =
            Fixtures.channel(fake).readTimeout(Duration.ofMillis(500)).build().createPublisher(Fixtures.environment());

    private static String uri(PublishRequest request, int part) {
        return "at://did:plc:abc123/app.bsky.feed.post/" + Tid.forPart(request.scheduleId(), part);
    }

    @Test
    void aPostCreatedButUnanswered_isUnknown_andTheLookupFindsItUnderItsKey() throws Exception {
        fake.hangNextCreate(2_000, true);
        PublishRequest request = Fixtures.request(Fixtures.variant("Hello"));
        var context = new Fixtures.Context(fake.session());

        PublishOutcome outcome = publisher.publish(request, context);

        assertThat(Outcomes.failed(outcome, FailureKind.UNKNOWN, "timeout_after_send"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("record key " + Tid.forPart(request.scheduleId(), 0));
                });
        assertThat(publisher.supportsLookup()).isTrue();
        fake.takeAll();

        LookupResult found = publisher.lookup(request, context);

        String key = Tid.forPart(request.scheduleId(), 0);
        assertThat(found)
                .isEqualTo(new LookupResult.Found(
                        uri(request, 0),
                        java.util.Optional.of("https://bsky.app/profile/did:plc:abc123/post/" + key),
                        Map.of(
                                "bluesky.part.0.uri",
                                uri(request, 0),
                                "bluesky.part.0.cid",
                                fake.record(key).path("cid").asText())));
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeBluesky.routes(requests)).containsExactly("GET com.atproto.repo.getRecord");
        RecordedRequest read = requests.get(0);
        assertThat(read.getUrl().queryParameter("repo")).isEqualTo(FakeBluesky.DID);
        assertThat(read.getUrl().queryParameter("collection")).isEqualTo("app.bsky.feed.post");
        assertThat(read.getUrl().queryParameter("rkey")).isEqualTo(Tid.forPart(request.scheduleId(), 0));
        assertThat(read.getHeaders().get("Authorization")).isNull();
        assertThat(fake.recordCount()).isEqualTo(1);
    }

    @Test
    void aPostThatNeverArrived_isAbsent() throws Exception {
        fake.hangNextCreate(2_000, false);
        PublishRequest request = Fixtures.request(Fixtures.variant("Hello"));
        var context = new Fixtures.Context(fake.session());
        publisher.publish(request, context);

        assertThat(publisher.lookup(request, context)).isInstanceOf(LookupResult.Absent.class);
    }

    @Test
    void aKeyHoldingAnotherText_staysUnknown() {
        PublishRequest request = Fixtures.request(Fixtures.variant("Hello"));
        fake.putRecord(Tid.forPart(request.scheduleId(), 0), "Something else");

        LookupResult result = publisher.lookup(request, new Fixtures.Context(fake.session()));

        assertThat(result).isInstanceOfSatisfying(LookupResult.Unknown.class, u -> assertThat(u.reason())
                .contains("holds a different post"));
    }

    @Test
    void aFailingRead_staysUnknown() {
        fake.script("GET com.atproto.repo.getRecord", FakeBluesky.badGatewayHtml());
        PublishRequest request = Fixtures.request(Fixtures.variant("Hello"));

        LookupResult result = publisher.lookup(request, new Fixtures.Context(fake.session()));

        assertThat(result).isInstanceOfSatisfying(LookupResult.Unknown.class, u -> assertThat(u.reason())
                .contains("HTTP 502"));
    }

    @Test
    void aThreadUnansweredAtPartTwo_isFoundWhenEveryPartIsThere() {
        PublishRequest request = Fixtures.request(Fixtures.variant("1/3", List.of("2/3", "3/3"), List.of()));
        fake.putRecord(Tid.forPart(request.scheduleId(), 1), "2/3");
        fake.putRecord(Tid.forPart(request.scheduleId(), 2), "3/3");
        String rootCid = fake.putRecord(Tid.forPart(request.scheduleId(), 0), "1/3")
                .path("cid")
                .asText();
        PublishRequest withCheckpoint = Fixtures.again(
                request, 1, Map.of("bluesky.part.0.uri", uri(request, 0), "bluesky.part.0.cid", rootCid));

        LookupResult result = publisher.lookup(withCheckpoint, new Fixtures.Context(fake.session()));

        assertThat(result).isInstanceOfSatisfying(LookupResult.Found.class, f -> assertThat(f.externalId())
                .isEqualTo(uri(request, 0)));
    }

    @Test
    void aThreadWithAPartMissing_isAbsent_andTheNextAttemptPostsOnlyTheMissingParts() throws Exception {
        PublishRequest request = Fixtures.request(Fixtures.variant("1/3", List.of("2/3", "3/3"), List.of()));
        fake.putRecord(Tid.forPart(request.scheduleId(), 0), "1/3");
        fake.putRecord(Tid.forPart(request.scheduleId(), 1), "2/3");
        var context = new Fixtures.Context(fake.session());

        assertThat(publisher.lookup(request, context)).isInstanceOf(LookupResult.Absent.class);
        PublishOutcome retried = publisher.publish(Fixtures.again(request, 2, Map.of()), context);

        assertThat(retried).isInstanceOf(PublishOutcome.Published.class);
        assertThat(FakeBluesky.routes(fake.takeAll()))
                .filteredOn(r -> r.endsWith("createRecord"))
                .hasSize(1);
        assertThat(fake.recordCount()).isEqualTo(3);
    }

    @Test
    void a500ToTheCreate_isSettledAtOnceByReadingTheKey_aPostThatWentThroughIsPublished() throws Exception {
        PublishRequest request = Fixtures.request(Fixtures.variant("Hello"));
        // the write went through, the answer was an error (or an earlier attempt had created it)
        fake.putRecord(Tid.forPart(request.scheduleId(), 0), "Hello");

        PublishOutcome outcome = publisher.publish(request, new Fixtures.Context(fake.session()));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> assertThat(p.externalId())
                .isEqualTo(uri(request, 0)));
        assertThat(FakeBluesky.routes(fake.takeAll()))
                .containsExactly("POST com.atproto.repo.createRecord", "GET com.atproto.repo.getRecord");
        assertThat(fake.recordCount()).isEqualTo(1);
    }

    @Test
    void a500ToTheCreate_whoseKeyCannotBeRead_isUnknown_forTheEnginesLookup() {
        fake.script("POST com.atproto.repo.createRecord", FakeBluesky.internalError());
        fake.script("GET com.atproto.repo.getRecord", FakeBluesky.badGatewayHtml());

        PublishOutcome outcome =
                publisher.publish(Fixtures.request(Fixtures.variant("Hello")), new Fixtures.Context(fake.session()));

        assertThat(Outcomes.failed(outcome, FailureKind.UNKNOWN, "http_500")).satisfies(f -> {
            assertThat(f.safeMessage()).contains("could not be read");
        });
    }

    @Test
    void theRepositoryDid_isResolvedFromTheHandle_whenTheConnectionDoesNotKnowIt() throws Exception {
        PublishRequest request =
                Fixtures.request(Fixtures.variant("Hello"), Fixtures.connection(FakeBluesky.properties()));
        fake.putRecord(Tid.forPart(request.scheduleId(), 0), "Hello");
        var context = new Fixtures.Context(fake.session());

        assertThat(publisher.lookup(request, context)).isInstanceOf(LookupResult.Found.class);
        assertThat(FakeBluesky.routes(fake.takeAll()))
                .containsExactly("GET com.atproto.identity.resolveHandle", "GET com.atproto.repo.getRecord");
        assertThat(context.properties()).containsEntry(BlueskyChannel.PROPERTY_DID, FakeBluesky.DID);
    }

    @Test
    void aDryRunChannel_offersNoLookup() {
        try (ChannelPublisher dry = BlueskyChannel.builder().dryRun().build().createPublisher(Fixtures.environment())) {
            assertThat(dry.supportsLookup()).isFalse();
        }
    }
}
