package io.luxaris.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Images: uploaded as blobs, embedded with alt text and aspect ratio, refused before upload when Bluesky would. */
class BlueskyImageTest {
    private static final byte[] WIDE = Fixtures.png(1600, 900, 2_048);
    private static final byte[] PORTRAIT_PHOTO = Fixtures.jpeg(4000, 3000, 6); // stored landscape, shown turned

    @AutoClose
    private final FakeBluesky fake = new FakeBluesky();

    private MediaSource library = Fixtures.library(Map.of("wide.png", WIDE, "photo.jpg", PORTRAIT_PHOTO));

    private PublishOutcome publish(BlueskyChannel.Builder builder, String text, List<MediaRef> media) {
        try (ChannelPublisher publisher = builder.build().createPublisher(Fixtures.environment(library))) {
            return publisher.publish(
                    Fixtures.request(Fixtures.variant(text, List.of(), media)),
                    new Fixtures.Context(fake.session(), Clock.systemUTC(), library));
        }
    }

    private PublishOutcome publish(String text, List<MediaRef> media) {
        return publish(Fixtures.channel(fake), text, media);
    }

    @Test
    void anImage_isUploadedAsRawBytes_andEmbeddedWithItsAltTextAndAspectRatio() throws Exception {
        PublishOutcome outcome = publish("Launch day", List.of(MediaRef.image("wide.png", "The Luxaris logo")));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeBluesky.routes(requests))
                .containsExactly("POST com.atproto.repo.uploadBlob", "POST com.atproto.repo.createRecord");
        RecordedRequest upload = requests.get(0);
        assertThat(upload.getHeaders().get("Content-Type")).isEqualTo("image/png");
        assertThat(upload.getHeaders().get("Authorization")).startsWith("Bearer access-jwt-");
        assertThat(upload.getBody().toByteArray()).isEqualTo(WIDE);
        JsonNode embed = FakeBluesky.json(requests.get(1)).path("record").path("embed");
        assertThat(embed.toString())
                .isEqualTo("{\"$type\":\"app.bsky.embed.images\",\"images\":[{\"alt\":\"The Luxaris logo\","
                        + "\"image\":{\"$type\":\"blob\",\"ref\":{\"$link\":\"bafkreiblob1\"},"
                        + "\"mimeType\":\"image/png\",\"size\":2048},"
                        + "\"aspectRatio\":{\"width\":1600,\"height\":900}}]}");
    }

    @Test
    void anImageWithoutAltText_sendsAnEmptyAlt_whichBlueskyRequires() throws Exception {
        publish("No description", List.of(MediaRef.image("wide.png")));

        List<RecordedRequest> requests = fake.takeAll();
        JsonNode image = FakeBluesky.json(requests.get(1))
                .path("record")
                .path("embed")
                .path("images")
                .get(0);
        assertThat(image.path("alt").isTextual()).isTrue();
        assertThat(image.path("alt").asText()).isEmpty();
    }

    @Test
    void aPhotoTurnedByItsExifOrientation_getsTheAspectRatioItIsShownWith() throws Exception {
        publish("Portrait", List.of(MediaRef.image("photo.jpg", "A tall tower")));

        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests.get(0).getHeaders().get("Content-Type")).isEqualTo("image/jpeg");
        assertThat(FakeBluesky.json(requests.get(1))
                        .at("/record/embed/images/0/aspectRatio")
                        .toString())
                .isEqualTo("{\"width\":3000,\"height\":4000}");
    }

    @Test
    void anImageWhoseSizeCannotBeRead_goesWithoutAspectRatio_ratherThanAGuess() throws Exception {
        library = ref ->
                MediaContent.of("image/webp", "not really a webp".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(publish("Mystery", List.of(MediaRef.image("odd.webp", "?"))))
                .isInstanceOf(PublishOutcome.Published.class);

        JsonNode image = FakeBluesky.json(fake.takeAll().get(1)).at("/record/embed/images/0");
        assertThat(image.has("aspectRatio")).isFalse();
    }

    @Test
    void fourImages_areUploadedInOrder_andEmbeddedInOrder() throws Exception {
        var media = List.of(
                MediaRef.image("wide.png", "one"),
                MediaRef.image("photo.jpg", "two"),
                MediaRef.image("wide.png", "three"),
                MediaRef.image("wide.png", "four"));

        assertThat(publish("Gallery", media)).isInstanceOf(PublishOutcome.Published.class);

        List<RecordedRequest> requests = fake.takeAll();
        assertThat(FakeBluesky.routes(requests))
                .containsExactly(
                        "POST com.atproto.repo.uploadBlob",
                        "POST com.atproto.repo.uploadBlob",
                        "POST com.atproto.repo.uploadBlob",
                        "POST com.atproto.repo.uploadBlob",
                        "POST com.atproto.repo.createRecord");
        JsonNode images = FakeBluesky.json(requests.get(4)).at("/record/embed/images");
        assertThat(images).extracting(i -> i.path("alt").asText()).containsExactly("one", "two", "three", "four");
        assertThat(images)
                .extracting(i -> i.at("/image/ref/$link").asText())
                .containsExactly("bafkreiblob1", "bafkreiblob2", "bafkreiblob3", "bafkreiblob4");
    }

    @Test
    void anImageOverTheLimit_isRefusedBeforeAnythingIsUploaded() {
        library = Fixtures.library(Map.of("small.png", WIDE, "big.png", Fixtures.png(4000, 4000, 2_000_001)));

        PublishOutcome outcome =
                publish("Too big", List.of(MediaRef.image("small.png", "fits"), MediaRef.image("big.png", "does not")));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "media_too_large"))
                .satisfies(f -> {
                    assertThat(f.safeMessage())
                            .contains("image 2 of 2 is 2000001 bytes")
                            .contains("2000000");
                });
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void theImageLimit_isConfigurable_forPdsesStillOnTheOneMegabyteLimit() {
        PublishOutcome outcome = publish(
                Fixtures.channel(fake).maxImageBytes(1_000), "Strict PDS", List.of(MediaRef.image("wide.png", "2 KB")));

        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.code())
                .isEqualTo("media_too_large"));
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void anImageTheFakesLexiconRefuses_isRejectedAtCreateRecord_asBlueskyDoes() {
        // a generous local limit: the PDS checks the blob's size only when the post references it
        library = Fixtures.library(Map.of("big.png", Fixtures.png(4000, 4000, 2_000_001)));

        PublishOutcome outcome = publish(
                Fixtures.channel(fake).maxImageBytes(5_000_000), "Big", List.of(MediaRef.image("big.png", "big")));

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "invalid_request"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("blob too big");
                });
    }

    @Test
    void gifsVideosAndNonImages_areRefusedBeforeUpload() {
        library = ref -> MediaContent.of("application/pdf", new byte[] {1, 2, 3});

        PublishOutcome video = publish("Clip", List.of(new MediaRef(MediaKind.VIDEO, "clip.mp4", Optional.empty())));
        PublishOutcome pdf = publish("Doc", List.of(MediaRef.image("doc.pdf", "a document")));

        assertThat(video).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.code())
                .isEqualTo("media_not_supported"));
        assertThat(pdf).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.code())
                .isEqualTo("media_type"));
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void anImageTheLibraryDoesNotHave_isRejected_andOneItCannotReadNow_isRetryable() {
        PublishOutcome missing = publish("Missing", List.of(MediaRef.image("nowhere.png")));
        library = ref -> {
            throw new java.io.IOException("disk busy");
        };
        PublishOutcome unreadable = publish("Busy", List.of(MediaRef.image("wide.png")));

        Outcomes.failed(missing, FailureKind.REJECTED, "media_unavailable");
        Outcomes.failed(unreadable, FailureKind.RETRYABLE, "media_read_failed");
    }

    @Test
    void aFailedUpload_isRetryable_andNoPostIsCreated() throws Exception {
        fake.script("POST com.atproto.repo.uploadBlob", FakeBluesky.badGatewayHtml());

        PublishOutcome outcome = publish("With picture", List.of(MediaRef.image("wide.png", "logo")));

        Outcomes.failed(outcome, FailureKind.RETRYABLE, "media_http_502");
        assertThat(FakeBluesky.routes(fake.takeAll())).doesNotContain("POST com.atproto.repo.createRecord");
        assertThat(fake.recordCount()).isZero();
    }

    @Test
    void anImageOnlyPost_hasAnEmptyText() throws Exception {
        assertThat(publish("", List.of(MediaRef.image("wide.png", "just the picture"))))
                .isInstanceOf(PublishOutcome.Published.class);

        assertThat(FakeBluesky.json(fake.takeAll().get(1)).at("/record/text").asText())
                .isEmpty();
    }
}
