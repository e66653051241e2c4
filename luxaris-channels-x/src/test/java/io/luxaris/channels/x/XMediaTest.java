package io.luxaris.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class XMediaTest {
    private static final byte[] PNG = "\u0089PNG-fake-image-bytes".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] VIDEO = "0123456789".getBytes(StandardCharsets.US_ASCII);

    @AutoClose
    private final FakeX fake = new FakeX();

    private final Credentials credentials = fake.credentials(Instant.now());
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<String> refsRead = new CopyOnWriteArrayList<>();
    private final MediaSource library = ref -> {
        refsRead.add(ref.ref());
        return switch (ref.ref()) {
            case "img-1", "img-2", "img-3", "img-4" -> MediaContent.of("image/png", PNG);
            case "clip" -> MediaContent.of("video/mp4", VIDEO);
            case "anim" -> MediaContent.of("image/gif", VIDEO);
            case "huge" -> new MediaContent("image/png", 6L * 1024 * 1024, () -> new ByteArrayInputStream(PNG));
            case "broken" -> throw new IOException("disk unavailable");
            default -> MediaSource.none().open(ref);
        };
    };

    private PublishOutcome publish(String text, List<MediaRef> media, XChannel.Builder builder) {
        try (ChannelPublisher publisher = builder.build().createPublisher(Fixtures.environment(library))) {
            return publisher.publish(
                    Fixtures.request(
                            Fixtures.variant(text, List.of(), media),
                            Fixtures.connection(Map.of(XChannel.PROPERTY_USERNAME, FakeX.USERNAME))),
                    new Fixtures.Context(credentials, Clock.systemUTC(), library));
        }
    }

    private PublishOutcome publish(String text, List<MediaRef> media) {
        return publish(text, media, Fixtures.channel(fake).mediaChunkSize(4).sleeper(sleeps::add));
    }

    @Test
    void image_isUploadedWithTheSimpleUpload_andAttachedToThePost() throws Exception {
        String mediaId = fake.nextMediaId();
        PublishOutcome outcome = publish("With a picture", List.of(MediaRef.image("img-1")));

        RecordedRequest upload = fake.take();
        assertThat(upload.getMethod()).isEqualTo("POST");
        assertThat(upload.getUrl().encodedPath()).isEqualTo("/2/media/upload");
        assertThat(upload.getHeaders().get("Authorization")).isEqualTo("Bearer access-0");
        assertThat(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
        String multipart = FakeX.body(upload);
        assertThat(multipart)
                .contains("Content-Disposition: form-data; name=\"media\"; filename=\"media\"")
                .contains("Content-Type: image/png")
                .contains(new String(PNG, StandardCharsets.UTF_8).substring(4))
                .contains("Content-Disposition: form-data; name=\"media_category\"")
                .contains("tweet_image");
        RecordedRequest post = fake.take();
        assertThat(FakeX.json(post).toString())
                .isEqualTo("{\"text\":\"With a picture\",\"media\":{\"media_ids\":[\"" + mediaId + "\"]}}");
        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(refsRead).containsExactly("img-1");
    }

    @Test
    void fourImages_areUploadedInOrder_andAttachedInThatOrder() throws Exception {
        long first = Long.parseLong(fake.nextMediaId());
        publish(
                "Four",
                List.of(
                        MediaRef.image("img-1"),
                        MediaRef.image("img-2"),
                        MediaRef.image("img-3"),
                        MediaRef.image("img-4")));

        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests)
                .extracting(FakeX::route)
                .containsExactly(
                        "POST /2/media/upload",
                        "POST /2/media/upload",
                        "POST /2/media/upload",
                        "POST /2/media/upload",
                        "POST /2/tweets");
        assertThat(FakeX.json(requests.get(4)).path("media").toString())
                .isEqualTo("{\"media_ids\":[\"" + first + "\",\"" + (first + 1) + "\",\"" + (first + 2) + "\",\""
                        + (first + 3) + "\"]}");
    }

    @Test
    void altText_isSetThroughTheMediaMetadataEndpoint() throws Exception {
        String mediaId = fake.nextMediaId();
        publish("Described", List.of(MediaRef.image("img-1", "A cat dancing")));

        fake.take();
        RecordedRequest metadata = fake.take();
        assertThat(metadata.getMethod()).isEqualTo("POST");
        assertThat(metadata.getUrl().encodedPath()).isEqualTo("/2/media/metadata");
        assertThat(FakeX.json(metadata).toString())
                .isEqualTo("{\"id\":\"" + mediaId + "\",\"metadata\":{\"alt_text\":{\"text\":\"A cat dancing\"}}}");
        assertThat(FakeX.route(fake.take())).isEqualTo("POST /2/tweets");
    }

    @Test
    void mediaOnlyPost_sendsAnEmptyText_asXsSchemaRequiresText() throws Exception {
        publish("", List.of(MediaRef.image("img-1")));

        fake.take();
        JsonNode post = FakeX.json(fake.take());
        assertThat(post.has("text")).isTrue();
        assertThat(post.path("text").asText()).isEmpty();
        assertThat(post.at("/media/media_ids/0").asText()).isNotEmpty();
    }

    @Test
    void video_usesChunkedUpload_andWaitsForProcessingAsLongAsXSays() throws Exception {
        String id = fake.nextMediaId();
        fake.script("POST /2/media/upload/{id}/finalize", FakeX.processing(id, "pending", 1));
        fake.script("GET /2/media/upload", FakeX.processing(id, "in_progress", 3), FakeX.succeeded(id));

        PublishOutcome outcome = publish("Watch this", List.of(MediaRef.video("clip")));

        RecordedRequest init = fake.take();
        assertThat(init.getMethod()).isEqualTo("POST");
        assertThat(init.getUrl().encodedPath()).isEqualTo("/2/media/upload/initialize");
        assertThat(init.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(FakeX.json(init).toString())
                .isEqualTo("{\"media_type\":\"video/mp4\",\"total_bytes\":10,\"media_category\":\"tweet_video\"}");
        for (int segment = 0; segment < 3; segment++) {
            RecordedRequest append = fake.take();
            assertThat(append.getMethod()).isEqualTo("POST");
            assertThat(append.getUrl().encodedPath()).isEqualTo("/2/media/upload/" + id + "/append");
            assertThat(FakeX.body(append))
                    .contains("name=\"segment_index\"\r\n\r\n" + segment + "\r\n")
                    .contains(new String(VIDEO, StandardCharsets.US_ASCII)
                            .substring(segment * 4, Math.min(10, segment * 4 + 4)));
        }
        RecordedRequest finalize = fake.take();
        assertThat(finalize.getMethod()).isEqualTo("POST");
        assertThat(finalize.getUrl().encodedPath()).isEqualTo("/2/media/upload/" + id + "/finalize");
        assertThat(finalize.getBodySize()).isZero();
        for (int poll = 0; poll < 2; poll++) {
            RecordedRequest status = fake.take();
            assertThat(status.getMethod()).isEqualTo("GET");
            assertThat(status.getUrl().encodedPath()).isEqualTo("/2/media/upload");
            assertThat(status.getUrl().queryParameter("media_id")).isEqualTo(id);
            assertThat(status.getUrl().queryParameter("command")).isEqualTo("STATUS");
        }
        RecordedRequest post = fake.take();
        assertThat(FakeX.json(post).path("media").toString()).isEqualTo("{\"media_ids\":[\"" + id + "\"]}");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
    }

    @Test
    void gif_usesTheGifCategory_andAFinalizeWithoutProcessingNeedsNoPolling() throws Exception {
        publish("Animated", List.of(MediaRef.gif("anim")));

        RecordedRequest init = fake.take();
        assertThat(FakeX.json(init).path("media_category").asText()).isEqualTo("tweet_gif");
        assertThat(FakeX.json(init).path("media_type").asText()).isEqualTo("image/gif");
        assertThat(fake.takeAll())
                .extracting(FakeX::route)
                .containsExactly(
                        "POST /2/media/upload/{id}/append",
                        "POST /2/media/upload/{id}/append",
                        "POST /2/media/upload/{id}/append",
                        "POST /2/media/upload/{id}/finalize",
                        "POST /2/tweets");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void processingThatFails_isRejected_andNothingIsPosted() throws Exception {
        String id = fake.nextMediaId();
        fake.script("POST /2/media/upload/{id}/finalize", FakeX.processing(id, "pending", 1));
        fake.script("GET /2/media/upload", FakeX.processingFailed(id));

        PublishOutcome outcome = publish("Broken video", List.of(MediaRef.video("clip")));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "media_processing_failed"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("Unsupported video format");
                });
        assertThat(fake.takeAll()).extracting(FakeX::route).doesNotContain("POST /2/tweets");
    }

    @Test
    void processingLongerThanAllowed_isRetryable_andNothingIsPosted() throws Exception {
        String id = fake.nextMediaId();
        fake.script("POST /2/media/upload/{id}/finalize", FakeX.processing(id, "pending", 5));
        fake.script("GET /2/media/upload", FakeX.processing(id, "in_progress", 5));

        PublishOutcome outcome = publish(
                "Slow video",
                List.of(MediaRef.video("clip")),
                Fixtures.channel(fake)
                        .mediaChunkSize(4)
                        .sleeper(sleeps::add)
                        .mediaProcessingTimeout(Duration.ofSeconds(8)));

        Outcomes.failed(outcome, FailureKind.RETRYABLE, "media_processing_timeout");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
        assertThat(fake.takeAll()).extracting(FakeX::route).doesNotContain("POST /2/tweets");
    }

    @Test
    void mediaTheHostDoesNotHave_isRejected_withoutCallingX() {
        PublishOutcome outcome = publish("Missing", List.of(MediaRef.image("nope")));

        Outcomes.failed(outcome, FailureKind.REJECTED, "media_unavailable");
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void mediaThatCannotBeReadNow_isRetryable() {
        PublishOutcome outcome = publish("Broken", List.of(MediaRef.image("broken")));

        Outcomes.failed(outcome, FailureKind.RETRYABLE, "media_read_failed");
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void imageOverXsSizeLimit_isRejected_withoutUploading() {
        PublishOutcome outcome = publish("Too big", List.of(MediaRef.image("huge")));

        Outcomes.failed(outcome, FailureKind.REJECTED, "media_too_large");
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void uploadAnswered503_isRetryable_andNothingIsPosted() throws Exception {
        fake.script("POST /2/media/upload", FakeX.serviceUnavailable());

        PublishOutcome outcome = publish("Later", List.of(MediaRef.image("img-1")));

        Outcomes.failed(outcome, FailureKind.RETRYABLE, "media_http_503");
        assertThat(fake.takeAll()).extracting(FakeX::route).containsExactly("POST /2/media/upload");
    }

    @Test
    void aMediaReferenceThatLooksLikeAUrl_isOnlyGivenToTheHostsMediaSource_neverFetched() throws Exception {
        String internal = "http://169.254.169.254/latest/meta-data/";
        PublishOutcome outcome = publish("No SSRF", List.of(MediaRef.image(internal)));

        assertThat(refsRead).containsExactly(internal);
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.code())
                .isEqualTo("media_unavailable"));
        assertThat(fake.requestCount()).isZero();
    }
}
