package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.channels.linkedin.internal.LinkedInPublisher;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.PublishOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class LinkedInPublishTest {
    @AutoClose
    private final FakeLinkedIn linkedIn = new FakeLinkedIn();

    private final Credentials credentials = linkedIn.credentials(Fixtures.NOW);
    private final String token = credentials.accessToken().orElseThrow();

    private PublishOutcome publish(LinkedInChannel channel, String text) {
        return Fixtures.publish(channel, Fixtures.request(Fixtures.variant(text)), new Fixtures.Context(credentials));
    }

    @Test
    void publish_postsTheDocumentedRequest_andReturnsTheUrnAndPublicUrl() throws Exception {
        PublishOutcome outcome = publish(linkedIn.channel().build(), "Launch day — notes (v2) inside, see docs_v2.");

        RecordedRequest request = linkedIn.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/rest/posts");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
        assertThat(request.getHeaders().get("LinkedIn-Version")).isEqualTo("202605");
        assertThat(request.getHeaders().get("X-Restli-Protocol-Version")).isEqualTo("2.0.0");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(FakeLinkedIn.json(request))
                .isEqualTo(FakeLinkedIn.json("{ \"author\": \"urn:li:person:abc123XYZ\", \"commentary\": \"Launch day"
                        + " \\u2014 notes \\\\(v2\\\\) inside, see docs\\\\_v2.\", \"visibility\": \"PUBLIC\","
                        + " \"distribution\": { \"feedDistribution\": \"MAIN_FEED\", \"targetEntities\": [],"
                        + " \"thirdPartyDistributionChannels\": [] }, \"lifecycleState\": \"PUBLISHED\","
                        + " \"isReshareDisabledByAuthor\": false }"));

        String urn = linkedIn.posts().get(0).urn();
        assertThat(urn).startsWith("urn:li:share:");
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Published.class, p -> {
            assertThat(p.externalId()).isEqualTo(urn);
            assertThat(p.url()).contains("https://www.linkedin.com/feed/update/" + urn);
            assertThat(p.rawResponse()).hasValueSatisfying(raw -> assertThat(raw)
                    .startsWith("HTTP 201 POST /rest/posts")
                    .contains("x-restli-id: " + urn)
                    .doesNotContain(token));
        });
        assertThat(linkedIn.posts().get(0).visibleText()).isEqualTo("Launch day — notes (v2) inside, see docs_v2.");
        assertThat(linkedIn.takeAll()).isEmpty();
    }

    @Test
    void defaultVersion_isTheDocumentedOne_andAnActiveVersionOfTheFake() {
        assertThat(LinkedInChannel.DEFAULT_VERSION).isEqualTo("202605");
        assertThat(new LinkedInChannel().version()).isEqualTo(LinkedInChannel.DEFAULT_VERSION);
        assertThat(FakeLinkedIn.ACTIVE_VERSIONS).contains(LinkedInChannel.DEFAULT_VERSION);
    }

    @Test
    void publish_withAConfiguredVersion_sendsThatVersion() throws Exception {
        PublishOutcome outcome = publish(linkedIn.channel().version("202611").build(), "Hello");
        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(linkedIn.take().getHeaders().get("LinkedIn-Version")).isEqualTo("202611");
    }

    @Test
    void fake_rejectsRequestsWithoutTheVersionHeaders_likeLinkedIn() throws Exception {
        var client = new OkHttpClient();
        try {
            Request noHeaders = new Request.Builder()
                    .url(linkedIn.url() + "rest/posts")
                    .header("Authorization", "Bearer " + token)
                    .post(RequestBody.create("{}", LinkedInPublisher.JSON))
                    .build();
            try (Response response = client.newCall(noHeaders).execute()) {
                assertThat(response.code()).isEqualTo(426);
                assertThat(FakeLinkedIn.json(response.body().string())
                                .path("code")
                                .asText())
                        .isEqualTo("NONEXISTENT_VERSION");
            }
            Request noProtocol =
                    noHeaders.newBuilder().header("LinkedIn-Version", "202605").build();
            try (Response response = client.newCall(noProtocol).execute()) {
                assertThat(response.code()).isEqualTo(426);
            }
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        assertThat(linkedIn.posts()).isEmpty();
    }

    @Test
    void publish_asAnOrganization_usesTheOrganizationUrnFromTheConnection() throws Exception {
        var connection = Fixtures.connection(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, FakeLinkedIn.ORGANIZATION));
        PublishOutcome outcome = Fixtures.publish(
                linkedIn.channel().build(),
                Fixtures.request(Fixtures.variant("Company news"), connection),
                new Fixtures.Context(credentials));
        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(FakeLinkedIn.json(linkedIn.take()).path("author").asText()).isEqualTo(FakeLinkedIn.ORGANIZATION);
    }

    @Test
    void publish_withConnectionsVisibility_sendsIt() throws Exception {
        publish(
                linkedIn.channel()
                        .visibility(LinkedInChannel.Visibility.CONNECTIONS)
                        .build(),
                "Just friends");
        assertThat(FakeLinkedIn.json(linkedIn.take()).path("visibility").asText())
                .isEqualTo("CONNECTIONS");
    }

    @Test
    void publish_withoutAnAuthorUrn_isRejected_withoutARequest() throws Exception {
        PublishOutcome outcome = Fixtures.publish(
                linkedIn.channel().build(),
                Fixtures.request(Fixtures.variant("Hello"), Fixtures.connection(Map.of())),
                new Fixtures.Context(credentials));
        Outcomes.failed(outcome, FailureKind.REJECTED, "missing_author_urn");
        assertThat(linkedIn.takeAll()).isEmpty();
    }

    @Test
    void publish_readsThePostIdFromXLinkedInId_whenXRestliIdIsMissing() {
        linkedIn.script(
                "POST /rest/posts",
                new MockResponse.Builder()
                        .code(201)
                        .setHeader("x-linkedin-id", "urn:li:ugcPost:7262000000000000999")
                        .build());
        assertThat(publish(linkedIn.channel().build(), "Hello"))
                .isInstanceOfSatisfying(PublishOutcome.Published.class, p -> assertThat(p.externalId())
                        .isEqualTo("urn:li:ugcPost:7262000000000000999"));
    }

    @Test
    void publish_answeredWithoutAnyPostId_isUnknown_notRetried() {
        linkedIn.script("POST /rest/posts", new MockResponse.Builder().code(201).build());
        assertThat(publish(linkedIn.channel().build(), "Hello"))
                .isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.UNKNOWN);
                    assertThat(f.code()).isEqualTo("missing_post_id");
                });
    }

    @Test
    void deletePost_sendsDeleteWithTheEncodedUrnAndBothHeaders() throws Exception {
        publish(linkedIn.channel().build(), "To be deleted");
        String urn = linkedIn.posts().get(0).urn();
        linkedIn.take();

        assertThat(linkedIn.channel().build().deletePost(urn, token)).isTrue();

        RecordedRequest request = linkedIn.take();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/rest/posts/" + urn.replace(":", "%3A"));
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
        assertThat(request.getHeaders().get("LinkedIn-Version")).isEqualTo(LinkedInChannel.DEFAULT_VERSION);
        assertThat(request.getHeaders().get("X-Restli-Protocol-Version")).isEqualTo("2.0.0");
        assertThat(request.getHeaders().get("X-RestLi-Method")).isEqualTo("DELETE");
        assertThat(linkedIn.posts()).isEmpty();
    }

    @Test
    void deletePost_ofAPostLinkedInDoesNotHave_returnsFalse() {
        assertThat(linkedIn.channel().build().deletePost("urn:li:share:1", token))
                .isFalse();
    }

    @Test
    void deletePost_withARevokedToken_throwsASafeException() {
        linkedIn.revoke(token);
        assertThatThrownBy(() -> linkedIn.channel().build().deletePost("urn:li:share:1", token))
                .isInstanceOfSatisfying(LinkedInException.class, e -> {
                    assertThat(e.code()).isEqualTo("linkedin_token_revoked");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain(token);
                });
        assertThatThrownBy(() -> linkedIn.channel().build().deletePost("urn:li:person:1", token))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dryRun_buildsAndLogsTheExactRequests_withoutSendingAnything() throws Exception {
        List<LinkedInRequestPreview> previews = new CopyOnWriteArrayList<>();
        var media = new Fixtures.Media().png("chart");
        var variant = Fixtures.variant("Dry (run)", List.of(MediaRef.image("chart", "A chart")), Map.of());
        LinkedInChannel channel = linkedIn.channel().dryRun(previews::add).build();
        assertThat(channel.isDryRun()).isTrue();

        PublishOutcome outcome = Fixtures.publish(
                channel, Fixtures.request(variant), new Fixtures.Context(credentials, Fixtures.clock(), media));

        // a dry run of its own, not a failure: the post request as it would have been sent, without the token
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.DryRun.class, d -> {
            assertThat(d.preview()).startsWith("POST ").contains("/rest/posts not sent: {\"author\":");
            assertThat(d.preview())
                    .contains("\"commentary\":\"Dry \\\\(run\\\\)\"")
                    .doesNotContain(token);
        });
        assertThat(linkedIn.takeAll()).isEmpty();
        assertThat(previews).extracting(LinkedInRequestPreview::method).containsExactly("POST", "PUT", "POST");
        assertThat(previews.get(0).url()).endsWith("/rest/images?action=initializeUpload");
        assertThat(previews.get(1).body()).isEqualTo("<" + Fixtures.PNG.length + " bytes image/png>");
        LinkedInRequestPreview post = previews.get(2);
        assertThat(post.url()).endsWith("/rest/posts");
        assertThat(post.headers())
                .containsEntry("Authorization", "[REDACTED]")
                .containsEntry("LinkedIn-Version", "202605")
                .containsEntry("X-Restli-Protocol-Version", "2.0.0");
        JsonNode body = FakeLinkedIn.json(post.body());
        assertThat(body.path("commentary").asText()).isEqualTo("Dry \\(run\\)");
        assertThat(body.path("content").path("media").path("id").asText()).startsWith("urn:li:image:dry-run-");
        assertThat(body.path("content").path("media").path("altText").asText()).isEqualTo("A chart");
        for (LinkedInRequestPreview preview : previews) {
            assertThat(preview.toString()).doesNotContain(token);
        }
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
            LinkedInChannel channel = linkedIn.channel()
                    .httpClient(shared)
                    .readTimeout(Duration.ofSeconds(5))
                    .build();
            try (ChannelPublisher publisher = channel.createPublisher(Fixtures.environment())) {
                assertThat(publisher.publish(
                                Fixtures.request(Fixtures.variant("Shared")), new Fixtures.Context(credentials)))
                        .isInstanceOf(PublishOutcome.Published.class);
            }
            assertThat(calls).hasValue(1);
            assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
            try (Response response = shared.newCall(new Request.Builder()
                            .url(linkedIn.url() + "v2/userinfo")
                            .header("Authorization", "Bearer " + token)
                            .build())
                    .execute()) {
                assertThat(response.code()).isEqualTo(200);
            }
        } finally {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
        }
    }

    @Test
    void builder_validatesEachSettingByName() {
        assertThatThrownBy(() -> LinkedInChannel.builder().version("2026-05"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version")
                .hasMessageContaining("2026-05");
        assertThatThrownBy(() -> LinkedInChannel.builder().version("202613"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkedInChannel.builder().baseUrl("ftp://x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> LinkedInChannel.builder().readTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> LinkedInChannel.builder().oauthClient("id", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientSecret");
        assertThat(LinkedInChannel.builder().version("202605.01").build().version())
                .isEqualTo("202605.01");
    }

    @Test
    void toString_showsSettingsButNeverTheClientSecret() {
        LinkedInChannel channel = linkedIn.channel()
                .oauthClient(FakeLinkedIn.CLIENT_ID, FakeLinkedIn.CLIENT_SECRET)
                .build();
        assertThat(channel.toString())
                .contains("version=202605")
                .contains("clientSecret=true")
                .doesNotContain(FakeLinkedIn.CLIENT_SECRET);
        assertThat(channel.baseUrl().toString()).isEqualTo(linkedIn.url());
    }
}
