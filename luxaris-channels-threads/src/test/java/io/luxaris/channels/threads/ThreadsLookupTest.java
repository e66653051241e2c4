package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * An unknown outcome is settled through the container: PUBLISHED means on Threads (the post found by text and time
 * among the account's recent threads), anything else means not published; without a container, by text alone.
 */
class ThreadsLookupTest {
    private static final String PUBLISH = "POST /v1.0/{user}/threads_publish";

    private final List<Duration> waits = new ArrayList<>();

    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    private final Credentials credentials = fake.credentials();

    @AutoClose
    private final ChannelPublisher publisher = Fixtures.publisher(Fixtures.channel(fake, waits));

    private Fixtures.Context context() {
        return new Fixtures.Context(credentials);
    }

    private static MockResponse cutOff(MockResponse answer) {
        return answer.newBuilder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build();
    }

    /** A publish whose answer is lost after Threads published the post. */
    private PublishOutcome.Failed unknownButPublished(PublishRequest request) {
        fake.afterHandling(PUBLISH, ThreadsLookupTest::cutOff);
        PublishOutcome outcome = publisher.publish(request, context());
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.kind())
                .isEqualTo(FailureKind.UNKNOWN));
        return (PublishOutcome.Failed) outcome;
    }

    @Test
    void afterAnUnansweredPublish_theLookupFindsThePostOfThePublishedContainer() throws Exception {
        PublishRequest request = Fixtures.request(Fixtures.variant("Did this go out?"));
        unknownButPublished(request);
        String id = fake.posts().get(0).id();
        fake.addPost("Something else", Instant.now(), null);
        fake.takeAll();

        LookupResult result = publisher.lookup(request, context());

        assertThat(result).isInstanceOfSatisfying(LookupResult.Found.class, f -> {
            assertThat(f.externalId()).isEqualTo(id);
            assertThat(f.url()).hasValueSatisfying(url -> assertThat(url).startsWith("https://www.threads.com/@"));
        });
        assertThat(fake.routes())
                .containsExactly("GET /v1.0/{container}", "GET /v1.0/{user}/threads", "GET /v1.0/{media}");
        assertThat(publisher.supportsLookup()).isTrue();
    }

    @Test
    void aPublishThatNeverReachedThreads_isAbsent_afterTheGracePeriod() throws Exception {
        fake.script(PUBLISH, cutOff(FakeThreads.json(200, "{}")));
        PublishRequest request = Fixtures.request(Fixtures.variant("Lost on the way"));
        try (ChannelPublisher patient =
                Fixtures.publisher(Fixtures.channel(fake, waits).lookupGrace(Duration.ofSeconds(5)))) {
            PublishOutcome outcome = patient.publish(request, context());
            assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.kind())
                    .isEqualTo(FailureKind.UNKNOWN));

            LookupResult result = patient.lookup(request, context());

            assertThat(result).isInstanceOf(LookupResult.Absent.class);
        }
        assertThat(waits).singleElement().satisfies(wait -> assertThat(wait)
                .isGreaterThan(Duration.ofSeconds(3))
                .isLessThanOrEqualTo(Duration.ofSeconds(5)));
        assertThat(fake.posts()).isEmpty();
    }

    @Test
    void aFreshPublisher_looksUpThroughTheCheckpointOfTheUnknownOutcome() {
        PublishRequest request = Fixtures.request(Fixtures.variant("Reconciled later"));
        PublishOutcome.Failed unknown = unknownButPublished(request);
        String id = fake.posts().get(0).id();

        LookupResult result;
        try (ChannelPublisher later = Fixtures.publisher(Fixtures.channel(fake))) {
            result = later.lookup(Fixtures.retry(request, unknown.checkpoint()), context());
        }

        assertThat(result).isInstanceOfSatisfying(LookupResult.Found.class, f -> assertThat(f.externalId())
                .isEqualTo(id));
    }

    @Test
    void afterACrash_theLookupUsesTheContainerRecordedOnTheConnection() {
        PublishRequest request = Fixtures.request(Fixtures.variant("The node died"));
        var context = context();
        fake.afterHandling(PUBLISH, ThreadsLookupTest::cutOff);
        publisher.publish(request, context);
        String id = fake.posts().get(0).id();
        var reloaded = Fixtures.connection(Map.of(
                ThreadsChannel.PROPERTY_USER_ID,
                FakeThreads.USER_ID,
                ThreadsChannel.PROPERTY_PENDING_CONTAINER,
                context.properties().get(ThreadsChannel.PROPERTY_PENDING_CONTAINER)));

        LookupResult result;
        try (ChannelPublisher reaper = Fixtures.publisher(Fixtures.channel(fake))) {
            result = reaper.lookup(
                    new PublishRequest(request.scheduleId(), 1, request.variant(), reloaded, Map.of()), context);
        }

        assertThat(result).isInstanceOfSatisfying(LookupResult.Found.class, f -> assertThat(f.externalId())
                .isEqualTo(id));
    }

    @Test
    void withoutAContainer_aPostWithTheTextIsFound_andNoneIsAbsent() {
        String existing = fake.addPost("Posted before the crash", Instant.now(), null);
        try (ChannelPublisher fresh = Fixtures.publisher(Fixtures.channel(fake))) {
            assertThat(fresh.lookup(Fixtures.request(Fixtures.variant("Posted before the crash")), context()))
                    .isInstanceOfSatisfying(LookupResult.Found.class, f -> assertThat(f.externalId())
                            .isEqualTo(existing));
            assertThat(fresh.lookup(Fixtures.request(Fixtures.variant("Never posted")), context()))
                    .isInstanceOf(LookupResult.Absent.class);
        }
    }

    @Test
    void twoPostsWithTheText_andNoContainer_isUnknown() {
        fake.addPost("Same words", Instant.now(), null);
        fake.addPost("Same words", Instant.now(), null);

        LookupResult result = publisher.lookup(Fixtures.request(Fixtures.variant("Same words")), context());

        assertThat(result).isInstanceOfSatisfying(LookupResult.Unknown.class, u -> assertThat(u.reason())
                .contains("several"));
    }

    @Test
    void aPublishedContainerWhosePostIsNotListed_isUnknown() {
        PublishRequest request = Fixtures.request(Fixtures.variant("Hidden"));
        unknownButPublished(request);
        fake.hidePost(fake.posts().get(0).id());

        LookupResult result = publisher.lookup(request, context());

        assertThat(result).isInstanceOfSatisfying(LookupResult.Unknown.class, u -> assertThat(u.reason())
                .contains("is published"));
    }

    @Test
    void aThreadWhoseLastPartWentUnanswered_isFound_whenThatPartIsPublished() {
        PublishRequest request = Fixtures.request(Fixtures.variant("Root part", List.of("Second part"), List.of()));
        fake.afterHandling(PUBLISH, answer -> answer); // the first part's answer arrives, the second's is lost
        unknownButPublished(request);
        String root = fake.posts().get(1).id();

        LookupResult result = publisher.lookup(request, context());

        assertThat(result).isInstanceOfSatisfying(LookupResult.Found.class, f -> assertThat(f.externalId())
                .isEqualTo(root));
    }

    @Test
    void theSearchFollowsTheCursor_neverTheNextUrlFromTheAnswer() throws Exception {
        var elsewhere = new MockWebServer();
        elsewhere.start();
        try {
            String target = fake.addPost("Far down the list", Instant.now().minusSeconds(30), null);
            String cursor = java.util.Base64.getEncoder().encodeToString("0".getBytes());
            fake.script(
                    "GET /v1.0/{user}/threads",
                    FakeThreads.json(
                            200,
                            "{\"data\":[{\"id\":\"1\",\"text\":\"Other\",\"timestamp\":\"2026-01-01T00:00:00+0000\"}],"
                                    + "\"paging\":{\"cursors\":{\"before\":\"x\",\"after\":\"" + cursor + "\"},"
                                    + "\"next\":\"" + elsewhere.url("/v1.0/steal?access_token=") + "\"}}"));

            LookupResult result = publisher.lookup(Fixtures.request(Fixtures.variant("Far down the list")), context());

            assertThat(result).isInstanceOfSatisfying(LookupResult.Found.class, f -> assertThat(f.externalId())
                    .isEqualTo(target));
            assertThat(elsewhere.getRequestCount()).isZero();
            List<RecordedRequest> lists = fake.takeAll().stream()
                    .filter(r -> fake.route(r).equals("GET /v1.0/{user}/threads"))
                    .toList();
            assertThat(lists).hasSize(2);
            assertThat(lists.get(1).getUrl().queryParameter("after")).isEqualTo(cursor);
            assertThat(lists.get(0).getUrl().queryParameter("fields")).isEqualTo("id,text,timestamp,permalink");
            assertThat(lists.get(0).getUrl().queryParameter("since")).matches("[0-9]+");
        } finally {
            elsewhere.close();
        }
    }

    @Test
    void aListThatCannotBeRead_leavesTheOutcomeUnknown() {
        fake.script("GET /v1.0/{user}/threads", FakeThreads.serviceUnavailable());

        LookupResult result = publisher.lookup(Fixtures.request(Fixtures.variant("Anything")), context());

        assertThat(result).isInstanceOfSatisfying(LookupResult.Unknown.class, u -> assertThat(u.reason())
                .startsWith("lookup failed"));
    }

    @Test
    void aDryRunChannel_doesNotLookUp() {
        try (ChannelPublisher dry = ThreadsChannel.builder().dryRun().build().createPublisher(Fixtures.environment())) {
            assertThat(dry.supportsLookup()).isFalse();
        }
    }
}
