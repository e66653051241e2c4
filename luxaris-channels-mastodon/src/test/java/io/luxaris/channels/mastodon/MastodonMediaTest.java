package io.luxaris.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.domain.ScheduleId;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Attachments through Mastodon's asynchronous media API (v2): upload, processing, alt text, focus, limits. */
class MastodonMediaTest {
    @AutoClose
    private final FakeMastodon fake = new FakeMastodon();

    private final List<Duration> slept = new CopyOnWriteArrayList<>();

    private MastodonChannel.Builder channel() {
        return Fixtures.channel().mediaPollInterval(Duration.ofSeconds(2)).sleeper(slept::add);
    }

    private PublishOutcome publish(MastodonChannel.Builder channel, PublishRequest request, MediaSource media) {
        return Fixtures.publish(
                channel.build(), request, new Fixtures.Context(fake.credentials(), java.time.Clock.systemUTC(), media));
    }

    private PublishOutcome publish(String text, List<MediaRef> media, Map<String, String> metadata) {
        return publish(
                channel(),
                Fixtures.request(Fixtures.variant(text, List.of(), media, metadata), Fixtures.connection(fake)),
                Fixtures.LIBRARY);
    }

    @Test
    void anImage_isUploadedWithItsAltTextAndFocus_andAttachedToTheStatus() throws Exception {
        String media = fake.nextMediaId();

        PublishOutcome outcome = publish(
                "Our new logo",
                List.of(MediaRef.image("logo.png", "A blue fox on white")),
                MastodonPostOptions.defaults().withFocus(0, -0.42, 0.69).toMetadata());

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> calls = fake.takeApiCalls();
        assertThat(calls)
                .extracting(FakeMastodon::route)
                .containsExactly("POST /api/v2/media", "POST /api/v1/statuses");
        RecordedRequest upload = calls.get(0);
        assertThat(upload.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeMastodon.TOKEN);
        assertThat(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
        Map<String, FakeMastodon.Part> parts = FakeMastodon.multipart(upload);
        assertThat(parts).containsOnlyKeys("file", "description", "focus");
        assertThat(parts.get("file").fileName()).isEqualTo("upload.png");
        assertThat(parts.get("file").contentType()).isEqualTo("image/png");
        assertThat(parts.get("file").bytes()).isEqualTo("\u0089PNG logo.png".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(parts.get("description").text()).isEqualTo("A blue fox on white");
        assertThat(parts.get("focus").text()).isEqualTo("-0.42,0.69");
        assertThat(FakeMastodon.json(calls.get(1)).path("media_ids").toString()).isEqualTo("[\"" + media + "\"]");
        assertThat(fake.media(media).path("meta").path("focus").path("x").asDouble())
                .isEqualTo(-0.42);
        assertThat(slept).isEmpty();
    }

    @Test
    void anUploadAnswered202_isPolledUntilProcessed_thenAttached() throws Exception {
        fake.asyncMedia(2);
        String media = fake.nextMediaId();

        PublishOutcome outcome = publish("A clip", List.of(MediaRef.video("clip.mp4")), Map.of());

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(fake.takeApiCalls())
                .extracting(FakeMastodon::route)
                .containsExactly(
                        "POST /api/v2/media",
                        "GET /api/v1/media/{id}",
                        "GET /api/v1/media/{id}",
                        "GET /api/v1/media/{id}",
                        "POST /api/v1/statuses");
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(fake.statuses()
                        .get(0)
                        .path("media_attachments")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo(media);
    }

    @Test
    void processingThatFails_isRejected_andNothingIsPosted() throws Exception {
        fake.asyncMedia(0);
        fake.failNextMediaProcessing();

        PublishOutcome outcome = publish("Broken clip", List.of(MediaRef.video("broken.mp4")), Map.of());

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "media_processing_failed"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("media 1 of 1", "File content type is invalid");
                    assertThat(f.rawResponse())
                            .hasValueSatisfying(raw -> assertThat(raw).startsWith("HTTP 422 GET /api/v1/media/"));
                });
        assertThat(fake.statuses()).isEmpty();
    }

    @Test
    void processingLongerThanTheTimeout_isRetriedLater_withoutAStatus() {
        fake.asyncMedia(100);

        PublishOutcome outcome = publish(
                channel().mediaProcessingTimeout(Duration.ofSeconds(5)),
                Fixtures.request(
                        Fixtures.variant("Slow clip", List.of(), List.of(MediaRef.video("slow.mp4"))),
                        Fixtures.connection(fake)),
                Fixtures.LIBRARY);

        Outcomes.failed(outcome, FailureKind.RETRYABLE, "media_processing_timeout");
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(fake.statuses()).isEmpty();
    }

    @Test
    void aStatusNamingMediaStillBeingProcessed_waits_andIsSentAgainWithTheSameKey() throws Exception {
        fake.mediaNotReadyForStatus(2);
        PublishRequest request = Fixtures.request(
                Fixtures.variant("GIF incoming", List.of(), List.of(MediaRef.image("anim.png"))),
                Fixtures.connection(fake));

        PublishOutcome outcome = publish(channel(), request, Fixtures.LIBRARY);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> posts = fake.takeApiCalls().stream()
                .filter(r -> FakeMastodon.route(r).equals("POST /api/v1/statuses"))
                .toList();
        assertThat(posts)
                .hasSize(3)
                .extracting(r -> r.getHeaders().get("Idempotency-Key"))
                .containsOnly(request.scheduleId() + "-1");
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(fake.statuses()).hasSize(1);
    }

    @Test
    void mediaStillNotReadyAfterTheTimeout_isRetryable_andTheNextAttemptReusesTheUploadedMedia() throws Exception {
        fake.mediaNotReadyForStatus(3);
        String media = fake.nextMediaId();
        var variant = Fixtures.variant("Eventually", List.of(), List.of(MediaRef.image("late.png")));
        ScheduleId schedule = ScheduleId.random();

        PublishOutcome first = publish(
                channel().mediaProcessingTimeout(Duration.ofSeconds(4)),
                new PublishRequest(schedule, 1, variant, Fixtures.connection(fake), Map.of()),
                Fixtures.LIBRARY);

        assertThat(Outcomes.failed(first, FailureKind.RETRYABLE, "media_not_processed"))
                .satisfies(f -> {
                    assertThat(f.checkpoint()).containsExactly(Map.entry("mastodon.media.0", media));
                });
        fake.takeAll();

        PublishOutcome second = publish(
                channel(),
                new PublishRequest(schedule, 2, variant, Fixtures.connection(fake), first.checkpoint()),
                Fixtures.LIBRARY);

        assertThat(second).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> calls = fake.takeApiCalls();
        assertThat(calls)
                .extracting(FakeMastodon::route)
                .containsExactly("GET /api/v1/media/{id}", "POST /api/v1/statuses");
        assertThat(FakeMastodon.json(calls.get(1)).path("media_ids").get(0).asText())
                .isEqualTo(media);
    }

    @Test
    void mediaOfAnEarlierAttemptThatIsGone_isUploadedAgain() throws Exception {
        var variant = Fixtures.variant("Again", List.of(), List.of(MediaRef.image("again.png")));
        String fresh = fake.nextMediaId();

        PublishOutcome outcome = publish(
                channel(),
                new PublishRequest(
                        ScheduleId.random(), 2, variant, Fixtures.connection(fake), Map.of("mastodon.media.0", "999")),
                Fixtures.LIBRARY);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> calls = fake.takeApiCalls();
        assertThat(calls)
                .extracting(FakeMastodon::route)
                .containsExactly("GET /api/v1/media/{id}", "POST /api/v2/media", "POST /api/v1/statuses");
        assertThat(FakeMastodon.json(calls.get(2)).path("media_ids").get(0).asText())
                .isEqualTo(fresh);
    }

    @Test
    void anImageLargerThanTheInstanceAccepts_isRejected_beforeAByteIsSent() throws Exception {
        fake.imageSizeLimit(8);

        PublishOutcome outcome = publish("Big", List.of(MediaRef.image("big.png")), Map.of());

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "media_too_large"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("accepts images up to 8 bytes");
                });
        assertThat(fake.takeApiCalls()).isEmpty();
    }

    @Test
    void aTypeTheInstanceDoesNotList_isRejected() throws Exception {
        MediaSource heic = ref -> MediaContent.of("image/heic", new byte[] {1, 2, 3});

        PublishOutcome outcome = publish(
                channel(),
                Fixtures.request(
                        Fixtures.variant("HEIC", List.of(), List.of(MediaRef.image("photo.heic"))),
                        Fixtures.connection(fake)),
                heic);

        Outcomes.failed(outcome, FailureKind.REJECTED, "media_unsupported_type");
        assertThat(fake.takeApiCalls()).isEmpty();
    }

    @Test
    void altTextLongerThanTheInstancesDescriptionLimit_isRefused_atValidationAndAtPublishing() throws Exception {
        fake.descriptionLimit(10);
        var media = List.of(MediaRef.image("alt.png", "A description that is too long"));
        var variant = Fixtures.variant("Alt", List.of(), media);

        assertThat(Fixtures.channel().build().validate(variant, java.util.Optional.of(Fixtures.connection(fake))))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("media[0].altText");
                    assertThat(v.rule()).isEqualTo("max_length");
                });
        PublishOutcome outcome = publish("Alt", media, Map.of());
        assertThat(outcome).isInstanceOfSatisfying(PublishOutcome.Failed.class, f -> assertThat(f.code())
                .isEqualTo("media_description_too_long"));
        assertThat(fake.takeApiCalls()).isEmpty();
    }

    @Test
    void moreAttachmentsThanTheInstanceAllows_areRejected() throws Exception {
        fake.maxMedia(2);

        PublishOutcome outcome = publish(
                "Three", List.of(MediaRef.image("1.png"), MediaRef.image("2.png"), MediaRef.image("3.png")), Map.of());

        Outcomes.failed(outcome, FailureKind.REJECTED, "media_too_many");
        assertThat(fake.takeApiCalls()).isEmpty();
    }

    @Test
    void aRateLimitedUpload_waitsForTheResetTheInstanceNames() {
        fake.script("POST /api/v2/media", FakeMastodon.tooManyRequests("2026-11-24T10:30:00.000000Z"));

        PublishOutcome outcome = publish("Throttled", List.of(MediaRef.image("t.png")), Map.of());

        assertThat(Outcomes.failed(outcome, FailureKind.RATE_LIMITED, "media_rate_limited"))
                .satisfies(f -> {
                    assertThat(f.retryAt()).contains(Instant.parse("2026-11-24T10:30:00Z"));
                });
        assertThat(fake.statuses()).isEmpty();
    }

    @Test
    void mediaTheHostCannotSupply_isRejected() {
        PublishOutcome outcome = publish("Missing", List.of(MediaRef.image("missing.gif")), Map.of());

        Outcomes.failed(outcome, FailureKind.REJECTED, "media_unavailable");
    }
}
