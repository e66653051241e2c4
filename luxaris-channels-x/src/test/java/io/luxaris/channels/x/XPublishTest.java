package io.luxaris.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.ScheduleId;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class XPublishTest {
    @AutoClose
    private final FakeX fake = new FakeX();

    @AutoClose
    private final ChannelPublisher publisher = Fixtures.channel(fake).build().createPublisher(Fixtures.environment());

    private final Credentials credentials = fake.credentials(Instant.now());

    @Test
    void publish_postsTheText_andReturnsTheIdAndPublicUrl() throws Exception {
        PublishOutcome outcome = publisher.publish(
                Fixtures.request(Fixtures.variant("Hello from Luxaris — café 日本")), new Fixtures.Context(credentials));

        RecordedRequest post = fake.take();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getUrl().encodedPath()).isEqualTo("/2/tweets");
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer access-0");
        assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(FakeX.json(post).toString()).isEqualTo("{\"text\":\"Hello from Luxaris — café 日本\"}");
        RecordedRequest me = fake.take();
        assertThat(me.getMethod()).isEqualTo("GET");
        assertThat(me.getUrl().encodedPath()).isEqualTo("/2/users/me");
        assertThat(me.getHeaders().get("Authorization")).isEqualTo("Bearer access-0");

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo("1861000000000000001");
            assertThat(p.url()).contains("https://x.com/exampledev/status/1861000000000000001");
            assertThat(p.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                    .startsWith("HTTP 201 POST /2/tweets")
                    .contains("x-rate-limit-remaining: 99")
                    .contains("\"edit_history_tweet_ids\":[\"1861000000000000001\"]")
                    .doesNotContain("access-0"));
        });
    }

    @Test
    void publish_usernameFromConnectionProperties_needsNoAccountLookup() throws Exception {
        PublishOutcome outcome = publisher.publish(
                Fixtures.request(
                        Fixtures.variant("Hi"), Fixtures.connection(Map.of(XChannel.PROPERTY_USERNAME, "@someone"))),
                new Fixtures.Context(credentials));

        assertThat(((PublishOutcome.Published) outcome).url())
                .contains("https://x.com/someone/status/" + idOf(outcome));
        assertThat(fake.takeAll()).extracting(FakeX::route).containsExactly("POST /2/tweets");
    }

    @Test
    void publish_readsTheUsernameOncePerConnection() throws Exception {
        var connection = Fixtures.connection();
        var context = new Fixtures.Context(credentials);
        publisher.publish(Fixtures.request(Fixtures.variant("one"), connection), context);
        publisher.publish(Fixtures.request(Fixtures.variant("two"), connection), context);

        assertThat(fake.takeAll())
                .extracting(FakeX::route)
                .containsExactly("POST /2/tweets", "GET /2/users/me", "POST /2/tweets");
        // and it is kept on the connection, so other nodes and restarts do not ask again
        assertThat(context.properties())
                .containsEntry(XChannel.PROPERTY_USERNAME, "exampledev")
                .containsKey(XChannel.PROPERTY_USER_ID);
    }

    @Test
    void publish_whenTheUsernameCannotBeRead_usesTheUsernameLessUrl() throws Exception {
        fake.script("GET /2/users/me", FakeX.serviceUnavailable());
        PublishOutcome outcome =
                publisher.publish(Fixtures.request(Fixtures.variant("Hi")), new Fixtures.Context(credentials));

        assertThat(((PublishOutcome.Published) outcome).url()).contains("https://x.com/i/web/status/" + idOf(outcome));
    }

    @Test
    void publish_thread_postsEachPartAsAReplyToThePreviousOne_inOrder() throws Exception {
        PublishOutcome outcome = publisher.publish(
                Fixtures.request(Fixtures.variant("Part 1/3", List.of("Part 2/3", "Part 3/3"), List.of())),
                new Fixtures.Context(credentials));

        RecordedRequest first = fake.take();
        RecordedRequest second = fake.take();
        RecordedRequest third = fake.take();
        assertThat(FakeX.json(first).toString()).isEqualTo("{\"text\":\"Part 1/3\"}");
        assertThat(FakeX.json(second).toString())
                .isEqualTo("{\"text\":\"Part 2/3\",\"reply\":{\"in_reply_to_tweet_id\":\"1861000000000000001\"}}");
        assertThat(FakeX.json(third).toString())
                .isEqualTo("{\"text\":\"Part 3/3\",\"reply\":{\"in_reply_to_tweet_id\":\"1861000000000000002\"}}");
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo("1861000000000000001");
            assertThat(p.checkpoint())
                    .containsExactly(
                            Map.entry("x.part.0", "1861000000000000001"),
                            Map.entry("x.part.1", "1861000000000000002"),
                            Map.entry("x.part.2", "1861000000000000003"));
        });
    }

    @Test
    void publish_threadFailingAtPartTwo_reportsPartTwo_andCheckpointsThePartAlreadyPosted() throws Exception {
        fake.script("POST /2/tweets", created(), FakeX.replyNotAllowed());
        PublishOutcome outcome = publisher.publish(
                Fixtures.request(Fixtures.variant("Part 1/3", List.of("Part 2/3", "Part 3/3"), List.of())),
                new Fixtures.Context(credentials));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "reply_not_allowed"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).startsWith("part 2 of 3: X does not allow this reply");
                    assertThat(f.checkpoint())
                            .containsExactly(
                                    Map.entry("x.part.0", "1700000000000000001"), Map.entry("x.failed_part", "1"));
                });
        assertThat(fake.takeAll()).extracting(FakeX::route).containsExactly("POST /2/tweets", "POST /2/tweets");
    }

    @Test
    void publish_withTheCheckpointOfAnEarlierAttempt_doesNotRepostTheParts() throws Exception {
        var request = new PublishRequest(
                ScheduleId.random(),
                2,
                Fixtures.variant("Part 1/3", List.of("Part 2/3", "Part 3/3"), List.of()),
                Fixtures.connection(Map.of(XChannel.PROPERTY_USERNAME, FakeX.USERNAME)),
                Map.of("x.part.0", "1700000000000000001", "x.failed_part", "1"));

        PublishOutcome outcome = publisher.publish(request, new Fixtures.Context(credentials));

        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).extracting(FakeX::route).containsExactly("POST /2/tweets", "POST /2/tweets");
        assertThat(FakeX.json(requests.get(0)).toString())
                .isEqualTo("{\"text\":\"Part 2/3\",\"reply\":{\"in_reply_to_tweet_id\":\"1700000000000000001\"}}");
        assertThat(FakeX.json(requests.get(1)).path("text").asText()).isEqualTo("Part 3/3");
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo("1700000000000000001");
            assertThat(p.url()).contains("https://x.com/exampledev/status/1700000000000000001");
        });
    }

    @Test
    void publish_repeatedByTheEngineAfterAFailedPart_continuesWhereItStopped() throws Exception {
        fake.script("POST /2/tweets", created(), FakeX.serviceUnavailable());
        var request = Fixtures.request(
                Fixtures.variant("Part 1/2", List.of("Part 2/2"), List.of()),
                Fixtures.connection(Map.of(XChannel.PROPERTY_USERNAME, FakeX.USERNAME)));
        var context = new Fixtures.Context(credentials);

        PublishOutcome first = publisher.publish(request, context);
        // same request object, original (empty) checkpoint, as the engine repeats a publish after a refresh
        PublishOutcome again = publisher.publish(request, context);

        assertThat(first).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.kind())
                .isEqualTo(FailureKind.RETRYABLE));
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests).hasSize(3);
        assertThat(FakeX.json(requests.get(2)).toString())
                .isEqualTo("{\"text\":\"Part 2/2\",\"reply\":{\"in_reply_to_tweet_id\":\"1700000000000000001\"}}");
        assertThat(((PublishOutcome.Published) again).externalId()).isEqualTo("1700000000000000001");
    }

    @Test
    void dryRun_buildsAndLogsTheExactRequest_withoutSendingAnything() throws Exception {
        var previews = new CopyOnWriteArrayList<XRequestPreview>();
        try (ChannelPublisher dry =
                Fixtures.channel(fake).dryRun(previews::add).build().createPublisher(Fixtures.environment())) {
            PublishOutcome outcome = dry.publish(
                    Fixtures.request(Fixtures.variant("Dry run", List.of("second"), List.of())),
                    new Fixtures.Context(credentials));

            // a dry run of its own, not a failure: what would have been posted, without any token
            assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.DryRun.class, d -> {
                assertThat(d.preview())
                        .isEqualTo("POST " + fake.url() + "2/tweets not sent, 2 posts as a thread: [Dry run, second]");
                assertThat(d.checkpoint()).isEmpty();
                assertThat(d.toString()).doesNotContain("access-0");
            });
            assertThat(dry.supportsLookup()).isFalse();
        }
        assertThat(fake.requestCount()).isZero();
        assertThat(previews).hasSize(2);
        XRequestPreview first = previews.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.url()).isEqualTo(fake.url() + "2/tweets");
        assertThat(first.headers()).containsEntry("Authorization", "[REDACTED]");
        assertThat(first.headers().get("Content-Type")).startsWith("application/json");
        assertThat(first.body()).isEqualTo("{\"text\":\"Dry run\"}");
        assertThat(first.toString()).doesNotContain("access-0");
        assertThat(previews.get(1).body()).startsWith("{\"text\":\"second\",\"reply\":{\"in_reply_to_tweet_id\":");
    }

    @Test
    void dryRunWithMedia_previewsTheUploads_summarisingTheBytes() throws Exception {
        var previews = new CopyOnWriteArrayList<XRequestPreview>();
        MediaSource library =
                ref -> MediaContent.of(ref.kind() == MediaKind.VIDEO ? "video/mp4" : "image/png", new byte[10]);
        try (ChannelPublisher dry = Fixtures.channel(fake)
                .mediaChunkSize(6)
                .dryRun(previews::add)
                .build()
                .createPublisher(Fixtures.environment(library))) {
            dry.publish(
                    Fixtures.request(Fixtures.variant("Clip", List.of(), List.of(MediaRef.video("clip")))),
                    new Fixtures.Context(credentials, java.time.Clock.systemUTC(), library));
        }

        assertThat(fake.requestCount()).isZero();
        assertThat(previews)
                .extracting(p -> p.method() + " "
                        + p.url().substring(fake.url().length() - 1).replaceAll("[0-9]{19}", "{id}"))
                .containsExactly(
                        "POST /2/media/upload/initialize",
                        "POST /2/media/upload/{id}/append",
                        "POST /2/media/upload/{id}/append",
                        "POST /2/media/upload/{id}/finalize",
                        "POST /2/tweets");
        assertThat(previews.get(0).body())
                .isEqualTo("{\"media_type\":\"video/mp4\",\"total_bytes\":10,\"media_category\":\"tweet_video\"}");
        assertThat(previews.get(1).body())
                .startsWith("multipart/form-data:")
                .contains("media=<6 bytes video/mp4>")
                .contains("segment_index=0");
        assertThat(previews.get(4).body()).contains("\"media\":{\"media_ids\":[");
    }

    @Test
    void sharedHttpClient_isUsed_andLeftRunningWhenThePublisherCloses() throws Exception {
        var calls = new AtomicInteger();
        OkHttpClient shared = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    calls.incrementAndGet();
                    return chain.proceed(chain.request());
                })
                .build();
        try {
            ChannelPublisher withShared =
                    Fixtures.channel(fake).httpClient(shared).build().createPublisher(Fixtures.environment());
            withShared.publish(
                    Fixtures.request(
                            Fixtures.variant("shared"),
                            Fixtures.connection(Map.of(XChannel.PROPERTY_USERNAME, FakeX.USERNAME))),
                    new Fixtures.Context(credentials));
            withShared.close();

            assertThat(calls).hasValue(1);
            assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
            try (var response = shared.newCall(
                            new Request.Builder().url(fake.url() + "2/users/me").build())
                    .execute()) {
                assertThat(response.code()).isEqualTo(401);
            }
        } finally {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
        }
    }

    private static String idOf(PublishOutcome outcome) {
        return ((PublishOutcome.Published) outcome).externalId();
    }

    /** A scripted 201 with a fixed id, as X answers. */
    static mockwebserver3.MockResponse created() {
        return FakeX.json(
                201,
                "{ \"data\": { \"id\": \"1700000000000000001\", \"text\": \"Part 1/3\","
                        + " \"edit_history_tweet_ids\": [\"1700000000000000001\"] } }");
    }
}
