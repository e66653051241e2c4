package io.luxaris.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.PublishEventStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.http.testing.ChannelEngine;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.usecase.ConnectionRequest;
import io.luxaris.usecase.VariantDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class XLookupTest {
    @AutoClose
    private final FakeX fake = new FakeX();

    @AutoClose
    private final ChannelPublisher publisher =
            Fixtures.channel(fake).readTimeout(Duration.ofSeconds(1)).build().createPublisher(Fixtures.environment());

    private final Credentials credentials = fake.credentials(Instant.now());
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private LookupResult lookup(PublishRequest request) {
        return publisher.lookup(request, new Fixtures.Context(credentials));
    }

    @Test
    void supportsLookup() {
        assertThat(publisher.supportsLookup()).isTrue();
    }

    @Test
    void postFoundInTheAccountsTimeline_isFound_withItsUrl() throws Exception {
        fake.addToTimeline("Something else", null);
        String id = fake.addToTimeline("The lost one", null);

        LookupResult result = lookup(Fixtures.request(Fixtures.variant("The lost one")));

        assertThat(result)
                .isEqualTo(new LookupResult.Found(
                        id, java.util.Optional.of("https://x.com/exampledev/status/" + id), Map.of("x.part.0", id)));
        assertThat(FakeX.route(fake.take())).isEqualTo("GET /2/users/me");
        RecordedRequest timeline = fake.take();
        assertThat(timeline.getMethod()).isEqualTo("GET");
        assertThat(timeline.getUrl().encodedPath()).isEqualTo("/2/users/" + FakeX.USER_ID + "/tweets");
        assertThat(timeline.getHeaders().get("Authorization")).isEqualTo("Bearer access-0");
        assertThat(timeline.getUrl().queryParameter("max_results")).isEqualTo("100");
        assertThat(timeline.getUrl().queryParameter("exclude")).isEqualTo("retweets");
        assertThat(timeline.getUrl().queryParameter("tweet.fields")).contains("referenced_tweets");
        assertThat(Instant.parse(timeline.getUrl().queryParameter("start_time")))
                .isBefore(Instant.now())
                .isAfter(Instant.now().minus(Duration.ofMinutes(10)));
    }

    @Test
    void userIdFromConnectionProperties_needsNoAccountLookup() throws Exception {
        fake.addToTimeline("Known account", null);

        lookup(Fixtures.request(
                Fixtures.variant("Known account"),
                Fixtures.connection(
                        Map.of(XChannel.PROPERTY_USER_ID, FakeX.USER_ID, XChannel.PROPERTY_USERNAME, FakeX.USERNAME))));

        assertThat(fake.takeAll()).extracting(FakeX::route).containsExactly("GET /2/users/{id}/tweets");
    }

    @Test
    void matchingIgnoresWhatXRewrites_tcoLinks_escapes_andTheMediaLink() {
        String id = fake.addToTimeline("Read this https://t.co/xYz0123 &amp; more https://t.co/AbCdEf1234", null);

        LookupResult result = lookup(
                Fixtures.request(Fixtures.variant("Read this  https://example.com/a/very/long/path?x=1 & more")));

        assertThat(result).isInstanceOfSatisfying(LookupResult.Found.class, f -> assertThat(f.externalId())
                .isEqualTo(id));
    }

    @Test
    void postNotInTheTimeline_isAbsent() {
        fake.addToTimeline("Another text", null);

        assertThat(lookup(Fixtures.request(Fixtures.variant("Never posted")))).isInstanceOf(LookupResult.Absent.class);
    }

    @Test
    void timelineThatCannotBeRead_isStillUnknown() {
        fake.script("GET /2/users/{id}/tweets", FakeX.serviceUnavailable());

        assertThat(lookup(Fixtures.request(Fixtures.variant("Unknown"))))
                .isInstanceOfSatisfying(
                        LookupResult.Unknown.class, u -> assertThat(u.reason()).contains("HTTP 503"));
    }

    @Test
    void hangAfterSend_thenLookup_findsThePostXCreated() {
        fake.hangNextPost(Duration.ofSeconds(3), true);
        var request = Fixtures.request(Fixtures.variant("Created but unanswered"));

        PublishOutcome outcome = publisher.publish(request, new Fixtures.Context(credentials));
        LookupResult result = lookup(request);

        assertThat(((PublishOutcome.Failed) outcome).kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(result).isInstanceOf(LookupResult.Found.class);
    }

    @Test
    void lookupRightAfterAnUnansweredPost_waitsOutTheGrace_beforeCallingItAbsent() throws Exception {
        try (ChannelPublisher patient = Fixtures.channel(fake)
                .readTimeout(Duration.ofMillis(500))
                .lookupGrace(Duration.ofSeconds(30))
                .sleeper(sleeps::add)
                .build()
                .createPublisher(Fixtures.environment())) {
            fake.hangNextPost(Duration.ofSeconds(2), false);
            var request = Fixtures.request(Fixtures.variant("Not created"));
            patient.publish(request, new Fixtures.Context(credentials));

            LookupResult result = patient.lookup(request, new Fixtures.Context(credentials));

            assertThat(result).isInstanceOf(LookupResult.Absent.class);
            assertThat(sleeps).singleElement().satisfies(d -> assertThat(d)
                    .isGreaterThan(Duration.ofSeconds(25))
                    .isLessThanOrEqualTo(Duration.ofSeconds(30)));
            assertThat(fake.takeAll())
                    .extracting(FakeX::route)
                    .containsExactly(
                            "POST /2/tweets",
                            "GET /2/users/me",
                            "GET /2/users/{id}/tweets",
                            "GET /2/users/{id}/tweets");
        }
    }

    @Test
    void threadFullyOnX_isFound_asItsFirstPost() {
        String first = fake.addToTimeline("One", null);
        String second = fake.addToTimeline("Two", first);
        String third = fake.addToTimeline("Three", second);

        LookupResult result = lookup(Fixtures.request(Fixtures.variant("One", List.of("Two", "Three"), List.of())));

        assertThat(result).isInstanceOfSatisfying(LookupResult.Found.class, f -> {
            assertThat(f.externalId()).isEqualTo(first);
            assertThat(f.checkpoint())
                    .as("every part's id, as a publish leaves them")
                    .containsExactly(
                            Map.entry("x.part.0", first), Map.entry("x.part.1", second), Map.entry("x.part.2", third));
        });
    }

    @Test
    void threadOnlyPartlyOnX_isStillUnknown() {
        String first = fake.addToTimeline("One", null);
        fake.addToTimeline("Two", first);

        LookupResult result = lookup(Fixtures.request(Fixtures.variant("One", List.of("Two", "Three"), List.of())));

        assertThat(result).isInstanceOfSatisfying(LookupResult.Unknown.class, u -> assertThat(u.reason())
                .contains("part 3 is not"));
    }

    @Test
    void threadPartIsOnlyMatchedWhenItRepliesToThePartBefore() {
        String first = fake.addToTimeline("One", null);
        fake.addToTimeline("Two", "999"); // same text, replying to something else

        var request = new PublishRequest(
                io.luxaris.domain.ScheduleId.random(),
                1,
                Fixtures.variant("One", List.of("Two"), List.of()),
                Fixtures.connection(),
                Map.of("x.part.0", first));

        assertThat(lookup(request)).isInstanceOf(LookupResult.Absent.class);
    }

    @Test
    void throughTheEngine_unansweredPostFoundByLookup_isPublishedOnce() throws Exception {
        fake.hangNextPost(Duration.ofSeconds(3), true);
        var outcome = runThroughTheEngine();

        assertThat(outcome.status()).isEqualTo(ScheduleStatus.SUCCESS);
        assertThat(outcome.externalPostId()).isPresent();
        assertThat(fake.takeAll())
                .extracting(FakeX::route)
                .filteredOn("POST /2/tweets"::equals)
                .hasSize(1);
    }

    @Test
    void throughTheEngine_unansweredPostThatCannotBeLookedUp_isUnconfirmed() throws Exception {
        fake.hangNextPost(Duration.ofSeconds(3), true);
        fake.script("GET /2/users/{id}/tweets", FakeX.serviceUnavailable());
        var outcome = runThroughTheEngine();

        assertThat(outcome.status()).isEqualTo(ScheduleStatus.UNCONFIRMED);
        assertThat(outcome.errorCode()).contains("timeout_after_send");
        assertThat(fake.takeAll())
                .extracting(FakeX::route)
                .filteredOn("POST /2/tweets"::equals)
                .hasSize(1);
    }

    private io.luxaris.domain.Schedule runThroughTheEngine() {
        try (var engine = ChannelEngine.start(
                Fixtures.channel(fake).readTimeout(Duration.ofSeconds(1)).build(),
                ConnectionRequest.of("x", "@exampledev", credentials)
                        .withProperties(Map.of(XChannel.PROPERTY_USERNAME, FakeX.USERNAME)))) {
            var schedule = engine.scheduleInAMinute("hi", VariantDraft.of("x", "Hang on"));
            engine.runDueInAMinute();
            engine.clock().advance(Duration.ofHours(1));
            engine.runDue();
            var events = engine.luxaris().schedules().events(engine.owner(), schedule.id());
            // one attempt: unconfirmed, then (when the lookup found it) reconciled, as schedules().reconcile records it
            assertThat(events)
                    .extracting(e -> e.status())
                    .isIn(
                            java.util.List.of(PublishEventStatus.UNCONFIRMED),
                            java.util.List.of(PublishEventStatus.UNCONFIRMED, PublishEventStatus.SUCCESS));
            events.stream()
                    .filter(e -> e.status() == PublishEventStatus.SUCCESS)
                    .forEach(e -> assertThat(e.errorCode()).contains("reconciled"));
            return engine.schedule(schedule.id());
        }
    }
}
