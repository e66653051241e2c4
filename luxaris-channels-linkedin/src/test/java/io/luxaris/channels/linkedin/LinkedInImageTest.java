package io.luxaris.channels.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.channels.linkedin.internal.MediaUploader;
import io.luxaris.channels.linkedin.internal.Settings;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Images: initializeUpload, PUT of the bytes from the host's media source, then the post with the image URNs. */
class LinkedInImageTest {
    @AutoClose
    private final FakeLinkedIn linkedIn = new FakeLinkedIn();

    private final Credentials credentials = linkedIn.credentials(Fixtures.NOW);
    private final String token = credentials.accessToken().orElseThrow();
    private final Fixtures.Media media = new Fixtures.Media();

    private PublishOutcome publish(String text, List<MediaRef> refs) {
        return publish(text, refs, media);
    }

    private PublishOutcome publish(String text, List<MediaRef> refs, MediaSource source) {
        return Fixtures.publish(
                linkedIn.channel().build(),
                Fixtures.request(Fixtures.variant(text, refs, Map.of())),
                new Fixtures.Context(credentials, Fixtures.clock(), source));
    }

    @Test
    void singleImage_isInitializedUploadedAndPosted_inThatOrder() throws Exception {
        media.png("chart-q3");

        PublishOutcome outcome = publish("Q3 results", List.of(MediaRef.image("chart-q3", "Chart of Q3 results")));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        RecordedRequest init = linkedIn.take();
        assertThat(init.getMethod()).isEqualTo("POST");
        assertThat(init.getUrl().encodedPath()).isEqualTo("/rest/images");
        assertThat(init.getUrl().queryParameter("action")).isEqualTo("initializeUpload");
        assertThat(init.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
        assertThat(init.getHeaders().get("LinkedIn-Version")).isEqualTo("202605");
        assertThat(init.getHeaders().get("X-Restli-Protocol-Version")).isEqualTo("2.0.0");
        assertThat(FakeLinkedIn.json(init))
                .isEqualTo(FakeLinkedIn.json("{\"initializeUploadRequest\":{\"owner\":\"urn:li:person:abc123XYZ\"}}"));

        RecordedRequest put = linkedIn.take();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).startsWith("/dms-uploads/sp/v2/");
        assertThat(put.getUrl().queryParameter("cn")).isEqualTo("uploads");
        assertThat(put.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
        assertThat(put.getHeaders().get("Content-Type")).isEqualTo("image/png");
        assertThat(put.getBody().toByteArray()).isEqualTo(Fixtures.PNG);

        RecordedRequest post = linkedIn.take();
        assertThat(post.getUrl().encodedPath()).isEqualTo("/rest/posts");
        JsonNode body = FakeLinkedIn.json(post);
        String image = body.path("content").path("media").path("id").asText();
        assertThat(image).startsWith("urn:li:image:");
        assertThat(body.path("content").path("media").path("altText").asText()).isEqualTo("Chart of Q3 results");
        assertThat(body.path("content").has("multiImage")).isFalse();
        assertThat(linkedIn.uploaded(image)).isEqualTo(Fixtures.PNG);
        assertThat(media.opened()).containsExactly("chart-q3");
    }

    @Test
    void severalImages_arePostedAsAMultiImage_inTheirOrder() throws Exception {
        media.png("a").png("b").put("c", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2});

        PublishOutcome outcome =
                publish("Album", List.of(MediaRef.image("a", "First"), MediaRef.image("b"), MediaRef.image("c")));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> requests = linkedIn.takeAll();
        assertThat(requests)
                .extracting(FakeLinkedIn::route)
                .containsExactly(
                        "POST /rest/images",
                        "PUT /dms-uploads",
                        "POST /rest/images",
                        "PUT /dms-uploads",
                        "POST /rest/images",
                        "PUT /dms-uploads",
                        "POST /rest/posts");
        JsonNode body = FakeLinkedIn.json(requests.get(6));
        assertThat(body.path("content").has("media")).isFalse();
        JsonNode images = body.path("content").path("multiImage").path("images");
        assertThat(images).hasSize(3);
        assertThat(images.get(0).path("altText").asText()).isEqualTo("First");
        assertThat(images.get(1).has("altText")).isFalse();
        assertThat(linkedIn.uploaded(images.get(2).path("id").asText())).hasSize(5);
        assertThat(requests.get(5).getHeaders().get("Content-Type")).isEqualTo("image/jpeg");
        assertThat(linkedIn.posts().get(0).body().path("content")).isEqualTo(body.path("content"));
    }

    @Test
    void imagePost_asAnOrganization_makesTheOrganizationTheImageOwner() throws Exception {
        media.png("logo");
        var connection = Fixtures.connection(Map.of(LinkedInChannel.PROPERTY_AUTHOR_URN, FakeLinkedIn.ORGANIZATION));
        PublishOutcome outcome = Fixtures.publish(
                linkedIn.channel().build(),
                Fixtures.request(Fixtures.variant("", List.of(MediaRef.image("logo")), Map.of()), connection),
                new Fixtures.Context(credentials, Fixtures.clock(), media));
        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(FakeLinkedIn.json(linkedIn.take())
                        .path("initializeUploadRequest")
                        .path("owner")
                        .asText())
                .isEqualTo(FakeLinkedIn.ORGANIZATION);
    }

    @Test
    void mediaTheHostDoesNotHave_isRejected_beforeAnyRequest() throws Exception {
        PublishOutcome outcome = publish("Missing", List.of(MediaRef.image("nope")));
        Outcomes.failed(outcome, FailureKind.REJECTED, "media_unavailable");
        assertThat(linkedIn.takeAll()).isEmpty();
    }

    @Test
    void mediaThatCannotBeReadNow_isRetryable_andNothingIsPosted() throws Exception {
        MediaSource broken = ref -> {
            throw new IOException("storage offline");
        };
        PublishOutcome outcome = publish("Broken", List.of(MediaRef.image("x")), broken);
        Outcomes.failed(outcome, FailureKind.RETRYABLE, "media_read_failed");
        assertThat(linkedIn.posts()).isEmpty();
    }

    @Test
    void noMediaSourceConfigured_isRejected() {
        PublishOutcome outcome = publish("None", List.of(MediaRef.image("x")), MediaSource.none());
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.code())
                .isEqualTo("media_unavailable"));
    }

    @Test
    void bytesThatAreNotAnImageLinkedInTakes_areRejected() throws Exception {
        media.put("doc", "application/pdf", new byte[] {1, 2, 3});
        assertThat(publish("Pdf", List.of(MediaRef.image("doc"))))
                .isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
                    assertThat(f.code()).isEqualTo("media_type");
                });
        assertThat(linkedIn.takeAll()).isEmpty();
    }

    @Test
    void video_isRejectedByTheLimits_andByThePublisher() throws Exception {
        assertThat(new LinkedInChannel().descriptor().limits().supportsVideo()).isFalse();
        assertThat(publish("Video", List.of(MediaRef.video("clip"))))
                .isInstanceOfSatisfying(
                        PublishOutcome.Failed.class, f -> assertThat(f.code()).isEqualTo("media_unsupported"));
        assertThat(linkedIn.takeAll()).isEmpty();
    }

    @Test
    void initializeUploadFailingWith5xx_isRetryable_andNoPostIsCreated() throws Exception {
        media.png("a");
        linkedIn.script("POST /rest/images", FakeLinkedIn.serverError(503));
        assertThat(publish("x", List.of(MediaRef.image("a"))))
                .isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
                    assertThat(f.code()).isEqualTo("http_503");
                });
        assertThat(linkedIn.takeAll()).extracting(FakeLinkedIn::route).containsExactly("POST /rest/images");
        assertThat(linkedIn.posts()).isEmpty();
    }

    @Test
    void uploadFailing_isRetryable_andNoPostIsCreated() throws Exception {
        media.png("a");
        linkedIn.script("PUT /dms-uploads", FakeLinkedIn.serverError(500));
        assertThat(publish("x", List.of(MediaRef.image("a"))))
                .isInstanceOfSatisfying(
                        PublishOutcome.Failed.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE));
        assertThat(linkedIn.takeAll())
                .extracting(FakeLinkedIn::route)
                .containsExactly("POST /rest/images", "PUT /dms-uploads");
        assertThat(linkedIn.posts()).isEmpty();
    }

    @Test
    void uploadWithAnExpiredToken_isAuthExpired() {
        media.png("a");
        linkedIn.expire(token);
        assertThat(publish("x", List.of(MediaRef.image("a"))))
                .isInstanceOfSatisfying(
                        PublishOutcome.Failed.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.AUTH_EXPIRED));
    }

    @Test
    void uploadUrlOnAForeignHost_getsNeitherTheBytesNorTheToken() throws Exception {
        media.png("a");
        try (var foreign = new MockWebServer()) {
            foreign.start();
            String url = foreign.url("/steal").toString();
            linkedIn.script(
                    "POST /rest/images",
                    FakeLinkedIn.json(
                            200,
                            "{ \"value\": { \"uploadUrlExpiresAt\": 1767225600000, \"uploadUrl\": \"" + url
                                    + "\", \"image\": \"urn:li:image:C4E10AQFoyyAjHPMQuQ\" } }"));

            assertThat(publish("x", List.of(MediaRef.image("a"))))
                    .isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> {
                        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
                        assertThat(f.code()).isEqualTo("upload_url_untrusted");
                    });
            assertThat(foreign.getRequestCount()).isZero();
        }
        assertThat(linkedIn.posts()).isEmpty();
    }

    @Test
    void uploadUrls_areTrustedOnlyOnLinkedInHostsOverHttps_orTheConfiguredApiHost() {
        Settings settings = Settings.defaults();
        assertThat(MediaUploader.trusted(
                        HttpUrl.get("https://www.linkedin.com/dms-uploads/sp/v2/D4E10AQexample/uploaded-image/0"),
                        settings))
                .isTrue();
        assertThat(MediaUploader.trusted(HttpUrl.get("https://api.linkedin.com/mediaUpload/x"), settings))
                .isTrue();
        assertThat(MediaUploader.trusted(HttpUrl.get("http://www.linkedin.com/x"), settings))
                .isFalse();
        assertThat(MediaUploader.trusted(HttpUrl.get("https://linkedin.com.evil.example/x"), settings))
                .isFalse();
        assertThat(MediaUploader.trusted(HttpUrl.get("https://169.254.169.254/latest"), settings))
                .isFalse();
    }

    @Test
    void mediaContentIsReadFromTheSourceOnly_neverFromAUrlInTheReference() throws Exception {
        media.put("https://example.com/evil.png", "image/png", Fixtures.PNG);
        assertThat(publish("x", List.of(MediaRef.image("https://example.com/evil.png"))))
                .isInstanceOf(PublishOutcome.Published.class);
        assertThat(media.opened()).containsExactly("https://example.com/evil.png");
        assertThat(linkedIn.takeAll())
                .extracting(r -> r.getUrl().host())
                .containsOnly(HttpUrl.get(linkedIn.url()).host());
        assertThat(MediaContent.of("image/png", Fixtures.PNG).size()).isEqualTo(Fixtures.PNG.length);
    }
}
