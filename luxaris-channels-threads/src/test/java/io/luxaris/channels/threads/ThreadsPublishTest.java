package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A post is a container, its status read until FINISHED, then threads_publish: the requests as Threads expects them. */
class ThreadsPublishTest {
    private final List<Duration> waits = new ArrayList<>();

    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    private final Credentials credentials = fake.credentials();
    private final String token = credentials.accessToken().orElseThrow();

    @AutoClose
    private final ChannelPublisher publisher = Fixtures.publisher(Fixtures.channel(fake, waits));

    @Test
    void aTextPost_isATextContainer_thenThreadsPublish_withTheTokenAsAFormField() throws Exception {
        String container = fake.nextContainerId();
        String media = fake.nextMediaId();

        PublishOutcome outcome = publisher.publish(
                Fixtures.request(Fixtures.variant("Release 2.1 is out: https://example.com/r21")),
                new Fixtures.Context(credentials));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo(media);
            assertThat(p.url()).hasValueSatisfying(url -> assertThat(url)
                    .startsWith("https://www.threads.com/@" + FakeThreads.USERNAME + "/post/"));
            assertThat(p.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                    .startsWith("HTTP 200 POST /v1.0/" + FakeThreads.USER_ID + "/threads_publish")
                    .contains(media)
                    .doesNotContain(token));
            assertThat(p.checkpoint()).containsExactly(Map.entry("threads.part.0", media));
        });
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests)
                .extracting(fake::route)
                .containsExactly(
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "GET /v1.0/{user}/threads_publishing_limit",
                        "POST /v1.0/{user}/threads_publish",
                        "GET /v1.0/{media}");
        RecordedRequest create = requests.get(0);
        assertThat(create.getUrl().encodedPath()).isEqualTo("/v1.0/" + FakeThreads.USER_ID + "/threads");
        assertThat(create.getUrl().querySize()).isZero();
        assertThat(create.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(create.getHeaders().get("Authorization")).isNull();
        assertThat(FakeThreads.form(create))
                .containsExactly(
                        Map.entry("media_type", "TEXT"),
                        Map.entry("text", "Release 2.1 is out: https://example.com/r21"),
                        Map.entry("access_token", token));
        RecordedRequest status = requests.get(1);
        assertThat(status.getMethod()).isEqualTo("GET");
        assertThat(status.getUrl().encodedPath()).isEqualTo("/v1.0/" + container);
        assertThat(status.getUrl().queryParameter("fields")).isEqualTo("status,error_message");
        assertThat(status.getUrl().queryParameter("access_token")).isEqualTo(token);
        RecordedRequest quota = requests.get(2);
        assertThat(quota.getUrl().queryParameter("fields"))
                .isEqualTo("quota_usage,config,reply_quota_usage,reply_config");
        RecordedRequest publish = requests.get(3);
        assertThat(publish.getMethod()).isEqualTo("POST");
        assertThat(publish.getUrl().queryParameter("creation_id")).isEqualTo(container);
        assertThat(publish.getUrl().queryParameter("access_token")).isNull();
        assertThat(FakeThreads.form(publish)).containsExactly(Map.entry("access_token", token));
        assertThat(requests.get(4).getUrl().queryParameter("fields")).isEqualTo("id,permalink");
        assertThat(waits).isEmpty();
    }

    @Test
    void withoutAUserIdProperty_theAccountIsReadOnce_andKeptOnTheConnection() throws Exception {
        var context = new Fixtures.Context(credentials);
        var connection = Fixtures.connection(Map.of());

        publisher.publish(Fixtures.request(Fixtures.variant("First"), connection), context);
        publisher.publish(Fixtures.request(Fixtures.variant("Second"), connection), context);

        List<String> routes = fake.routes();
        assertThat(routes).filteredOn(r -> r.equals("GET /v1.0/me")).hasSize(1);
        assertThat(routes.get(0)).isEqualTo("GET /v1.0/me");
        assertThat(context.properties())
                .containsEntry(ThreadsChannel.PROPERTY_USER_ID, FakeThreads.USER_ID)
                .containsEntry(ThreadsChannel.PROPERTY_USERNAME, FakeThreads.USERNAME);
    }

    @Test
    void aContainerInProgress_isPolledThroughTheSleeper_untilFinished() throws Exception {
        fake.inProgressReads(2);

        PublishOutcome outcome =
                publisher.publish(Fixtures.request(Fixtures.variant("Patience")), new Fixtures.Context(credentials));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(fake.routes())
                .filteredOn(r -> r.equals("GET /v1.0/{container}"))
                .hasSize(3);
    }

    @Test
    void aContainerStillInProgressAfterTheTimeout_isRetryable_andKeptForTheNextAttempt() throws Exception {
        fake.inProgressReads(1_000);
        String container = fake.nextContainerId();
        try (ChannelPublisher impatient = Fixtures.publisher(Fixtures.channel(fake, waits)
                .pollInterval(Duration.ofSeconds(10))
                .containerTimeout(Duration.ofSeconds(30)))) {
            PublishOutcome outcome =
                    impatient.publish(Fixtures.request(Fixtures.variant("Slow")), new Fixtures.Context(credentials));

            assertThat(Outcomes.failed(outcome, FailureKind.RETRYABLE, "container_not_ready"))
                    .satisfies(f -> {
                        assertThat(f.checkpoint()).containsExactly(Map.entry("threads.container.0", container));
                    });
        }
        assertThat(waits).hasSize(4).allMatch(w -> w.equals(Duration.ofSeconds(10)));
        assertThat(fake.routes()).doesNotContain("POST /v1.0/{user}/threads_publish");
    }

    @Test
    void aContainerInError_isRejected_withMetasReason() {
        fake.errorOnFinish("UNKNOWN");

        PublishOutcome outcome =
                publisher.publish(Fixtures.request(Fixtures.variant("Broken")), new Fixtures.Context(credentials));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "container_error"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("is ERROR: UNKNOWN");
                });
    }

    @Test
    void theContainer_isRecordedOnTheConnection_beforeItIsPublished() {
        var publishedWhenRecorded = new ArrayList<Integer>();
        var context = new Fixtures.Context(credentials)
                .onProperties(p -> publishedWhenRecorded.add(fake.posts().size()));
        String container = fake.nextContainerId();
        PublishRequest request = Fixtures.request(Fixtures.variant("Recorded first"));

        PublishOutcome outcome = publisher.publish(request, context);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(context.propertyUpdates())
                .containsExactly(
                        Map.of(ThreadsChannel.PROPERTY_PENDING_CONTAINER, request.scheduleId() + " 0 " + container));
        assertThat(publishedWhenRecorded).containsExactly(0);
    }

    @Test
    void whenTheContainerCannotBeRecorded_nothingIsPublished_andTheAttemptIsRetryable() throws Exception {
        var context = new Fixtures.Context(credentials).onProperties(p -> {
            throw new IllegalStateException("database down");
        });
        String container = fake.nextContainerId();

        PublishOutcome outcome = publisher.publish(Fixtures.request(Fixtures.variant("Not yet")), context);

        assertThat(Outcomes.failed(outcome, FailureKind.RETRYABLE, "checkpoint_not_saved"))
                .satisfies(f -> {
                    assertThat(f.checkpoint()).containsEntry("threads.container.0", container);
                });
        assertThat(fake.routes()).containsExactly("POST /v1.0/{user}/threads");
        assertThat(fake.posts()).isEmpty();
    }

    @Test
    void aPostWithoutPermalink_isPublishedWithoutUrl() {
        fake.script("GET /v1.0/{media}", FakeThreads.json(200, "{\"id\":\"1\"}"));

        PublishOutcome outcome =
                publisher.publish(Fixtures.request(Fixtures.variant("Flagged")), new Fixtures.Context(credentials));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> assertThat(p.url())
                .isEmpty());
    }

    @Test
    void dryRun_buildsEveryRequest_redactsTheToken_andSendsNothing() {
        var previews = new ArrayList<ThreadsRequestPreview>();
        try (ChannelPublisher dry = ThreadsChannel.builder()
                .baseUrl(fake.url())
                .dryRun(previews::add)
                .build()
                .createPublisher(Fixtures.environment())) {
            PublishOutcome outcome = dry.publish(
                    Fixtures.request(Fixtures.variant("Just looking"), Fixtures.connection(Map.of())),
                    new Fixtures.Context(credentials));

            assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.DryRun.class, d -> assertThat(d.preview())
                    .contains("not sent")
                    .contains("Just looking")
                    .doesNotContain(token));
        }
        assertThat(fake.requestCount()).isZero();
        assertThat(previews)
                .extracting(p -> p.method() + " " + p.url().replaceAll("\\?.*", ""))
                .containsExactly(
                        "POST " + fake.url() + "v1.0/me/threads",
                        "GET " + fake.url() + "v1.0/dry-run-1",
                        "POST " + fake.url() + "v1.0/me/threads_publish");
        assertThat(previews.get(0).body()).contains("media_type=TEXT").contains("access_token=[REDACTED]");
        assertThat(previews).allSatisfy(p -> assertThat(p.toString()).doesNotContain(token));
    }
}
