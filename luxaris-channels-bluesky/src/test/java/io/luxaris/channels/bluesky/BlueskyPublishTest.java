package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.channels.bluesky.internal.Tid;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What the channel sends to create a post, and what it makes of the answer. */
class BlueskyPublishTest {
    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    @AutoClose
    private final ChannelPublisher publisher = Fixtures.channel(fake).build().createPublisher(Fixtures.environment());

    private final Fixtures.TestClock clock = new Fixtures.TestClock(Fixtures.NOW);

    private PublishOutcome publish(PublishRequest request) {
        return publisher.publish(request, new Fixtures.Context(fake.session(), clock, MediaSource.none()));
    }

    @Test
    void aPost_isOneCreateRecord_withTheDocumentedShape_underTheSchedulesRecordKey() throws Exception {
        PublishRequest request = Fixtures.request(Fixtures.variant("Hello from Luxaris"));

        PublishOutcome outcome = publish(request);

        String rkey = Tid.forPart(request.scheduleId(), 0);
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo("at://did:plc:abc123/app.bsky.feed.post/" + rkey);
            assertThat(p.url()).contains("https://bsky.app/profile/did:plc:abc123/post/" + rkey);
            assertThat(p.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                    .startsWith("HTTP 200 POST /xrpc/com.atproto.repo.createRecord")
                    .contains("ratelimit-remaining: 4997", "ratelimit-policy: 5000;w=3600", rkey));
        });
        RecordedRequest create = fake.take();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getUrl().encodedPath()).isEqualTo("/xrpc/com.atproto.repo.createRecord");
        assertThat(create.getHeaders().get("Authorization")).startsWith("Bearer access-jwt-");
        assertThat(create.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(FakeBluesky.json(create).toString())
                .isEqualTo("{\"repo\":\"did:plc:abc123\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey
                        + "\",\"validate\":true,\"record\":{\"$type\":\"app.bsky.feed.post\","
                        + "\"text\":\"Hello from Luxaris\",\"createdAt\":\"2026-11-24T10:00:00.000Z\"}}");
        assertThat(fake.takeAll()).isEmpty();
    }

    @Test
    void theFactSheetsExample_getsItsFacetsAtUtf8ByteOffsets_andTheMentionResolvedToItsDid() throws Exception {
        String text = "Luxaris 2.1 is out 🎉 #java https://example.com/r/2.1 thanks @alice.bsky.social";

        PublishOutcome outcome = publish(Fixtures.request(Fixtures.variant(text)));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeBluesky.routes(requests))
                .containsExactly("GET com.atproto.identity.resolveHandle", "POST com.atproto.repo.createRecord");
        assertThat(requests.get(0).getUrl().queryParameter("handle")).isEqualTo("alice.bsky.social");
        JsonNode facets = FakeBluesky.json(requests.get(1)).path("record").path("facets");
        assertThat(facets.toString())
                .isEqualTo(
                        "[{\"index\":{\"byteStart\":24,\"byteEnd\":29},"
                                + "\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\",\"tag\":\"java\"}]},"
                                + "{\"index\":{\"byteStart\":30,\"byteEnd\":55},"
                                + "\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":\"https://example.com/r/2.1\"}]},"
                                + "{\"index\":{\"byteStart\":63,\"byteEnd\":81},"
                                + "\"features\":[{\"$type\":\"app.bsky.richtext.facet#mention\",\"did\":\"did:plc:alice456\"}]}]");
    }

    @Test
    void aMentionOfAnUnknownHandle_staysPlainText() throws Exception {
        PublishOutcome outcome = publish(Fixtures.request(Fixtures.variant("cc @nobody.example.org")));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeBluesky.json(requests.get(1)).path("record").has("facets"))
                .isFalse();
    }

    @Test
    void aHandleMentionedTwice_isResolvedOnce() throws Exception {
        publish(Fixtures.request(Fixtures.variant("@alice.bsky.social and again @alice.bsky.social")));

        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeBluesky.routes(requests))
                .containsExactly("GET com.atproto.identity.resolveHandle", "POST com.atproto.repo.createRecord");
        assertThat(FakeBluesky.json(requests.get(1)).path("record").path("facets"))
                .hasSize(2);
    }

    @Test
    void configuredLanguages_areDeclaredOnEveryPost() throws Exception {
        try (ChannelPublisher german =
                Fixtures.channel(fake).languages("de", "en").build().createPublisher(Fixtures.environment())) {
            german.publish(
                    Fixtures.request(Fixtures.variant("Hallo")),
                    new Fixtures.Context(fake.session(), clock, MediaSource.none()));
        }

        assertThat(FakeBluesky.json(fake.take()).path("record").path("langs").toString())
                .isEqualTo("[\"de\",\"en\"]");
    }

    @Test
    void createdAt_isTheTimeOfPublishing_onTheHostsClock() throws Exception {
        clock.advance(java.time.Duration.ofMinutes(90).plusMillis(1234));

        publish(Fixtures.request(Fixtures.variant("Later")));

        assertThat(FakeBluesky.json(fake.take())
                        .path("record")
                        .path("createdAt")
                        .asText())
                .isEqualTo("2026-11-24T11:30:01.234Z");
    }

    @Test
    void textOverTheLimit_isRefusedBeforeAnyRequest() {
        PublishOutcome outcome = publish(Fixtures.request(Fixtures.variant("a".repeat(301))));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "text_too_long"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("301 graphemes");
                });
        assertThat(fake.requestCount()).isZero();
    }
}
