package io.luxaris.channels.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.http.testing.Outcomes;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.MediaUnavailableException;
import io.luxaris.spi.channel.PublishOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Images: Meta fetches them from public https URLs (the reference itself, or what the host's resolver gives); bytes
 * the host's media source has are checked first; the channel never fetches a URL.
 */
class ThreadsImageTest {
    private static final String CHART = "https://cdn.example.com/q3/chart.png";
    private static final String TEAM = "https://cdn.example.com/q3/team.jpg";

    @AutoClose
    private final FakeThreads fake = new FakeThreads();

    private final Credentials credentials = fake.credentials();

    private PublishOutcome publish(
            ThreadsChannel.Builder builder, String text, List<MediaRef> media, MediaSource source) {
        try (ChannelPublisher publisher = builder.build().createPublisher(Fixtures.environment(source))) {
            return publisher.publish(
                    Fixtures.request(Fixtures.variant(text, List.of(), media)),
                    new Fixtures.Context(credentials, source));
        }
    }

    private PublishOutcome publish(String text, List<MediaRef> media, MediaSource source) {
        return publish(Fixtures.channel(fake), text, media, source);
    }

    @Test
    void oneImage_isAnImageContainer_withItsUrlAndAltText() throws Exception {
        PublishOutcome outcome = publish(
                "Q3 is in https://example.com/q3", List.of(MediaRef.image(CHART, "Chart of Q3")), Fixtures.pngs());

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        RecordedRequest create = fake.take();
        assertThat(FakeThreads.form(create))
                .containsExactly(
                        Map.entry("media_type", "IMAGE"),
                        Map.entry("image_url", CHART),
                        Map.entry("alt_text", "Chart of Q3"),
                        Map.entry("text", "Q3 is in https://example.com/q3"),
                        Map.entry("access_token", credentials.accessToken().orElseThrow()));
    }

    @Test
    void anImageWithoutText_sendsNoText() throws Exception {
        PublishOutcome outcome = publish("", List.of(MediaRef.image(CHART)), MediaSource.none());

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(FakeThreads.form(fake.take())).containsOnlyKeys("media_type", "image_url", "access_token");
    }

    @Test
    void severalImages_areACarouselOfItemContainers() throws Exception {
        PublishOutcome outcome = publish(
                "The team and the numbers",
                List.of(MediaRef.image(TEAM, "The team"), MediaRef.image(CHART)),
                ref -> MediaContent.of("image/jpeg", jpeg()));

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        List<RecordedRequest> requests = fake.takeAll();
        assertThat(requests)
                .extracting(fake::route)
                .startsWith(
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "POST /v1.0/{user}/threads",
                        "GET /v1.0/{container}",
                        "GET /v1.0/{user}/threads_publishing_limit",
                        "POST /v1.0/{user}/threads_publish");
        Map<String, String> first = FakeThreads.form(requests.get(0));
        assertThat(first)
                .containsEntry("media_type", "IMAGE")
                .containsEntry("image_url", TEAM)
                .containsEntry("alt_text", "The team")
                .containsEntry("is_carousel_item", "true")
                .doesNotContainKey("text");
        assertThat(FakeThreads.form(requests.get(2)))
                .containsEntry("image_url", CHART)
                .containsEntry("is_carousel_item", "true")
                .doesNotContainKey("alt_text");
        List<String> items =
                fake.containers().subList(0, 2).stream().map(c -> c.id).toList();
        assertThat(FakeThreads.form(requests.get(4)))
                .containsEntry("media_type", "CAROUSEL")
                .containsEntry("children", String.join(",", items))
                .containsEntry("text", "The team and the numbers");
        assertThat(requests.get(7).getUrl().queryParameter("creation_id"))
                .isEqualTo(fake.containers().get(2).id);
    }

    @Test
    void theHostsResolver_turnsReferencesIntoPublicUrls_andGetsTheReference() throws Exception {
        var asked = new java.util.ArrayList<MediaRef>();
        ThreadsMediaUrls signed = media -> {
            asked.add(media);
            return URI.create("https://bucket.example.com/" + media.ref() + "?X-Signature=abc123");
        };

        PublishOutcome outcome = publish(
                Fixtures.channel(fake).mediaUrls(signed),
                "Signed",
                List.of(MediaRef.image("media/42")),
                Fixtures.pngs());

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(asked).extracting(MediaRef::ref).containsExactly("media/42");
        assertThat(FakeThreads.form(fake.take()))
                .containsEntry("image_url", "https://bucket.example.com/media/42?X-Signature=abc123");
    }

    @Test
    void aReferenceThatIsNoPublicUrl_isRejected_beforeAnyContainer() throws Exception {
        PublishOutcome outcome = publish("Private", List.of(MediaRef.image("library/42")), Fixtures.pngs());

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "media_unavailable"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("public https URL").contains("mediaUrls");
                });
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void aResolverThatFailsForNow_isRetryable() {
        PublishOutcome outcome = publish(
                Fixtures.channel(fake).mediaUrls(media -> {
                    throw new IOException("signing service down");
                }),
                "Later",
                List.of(MediaRef.image("media/42")),
                MediaSource.none());

        Outcomes.failed(outcome, FailureKind.RETRYABLE, "media_url_failed");
    }

    @Test
    void anImageOverEightMegabytes_isRejected_beforeMetaIsAsked() {
        var opened = new AtomicInteger();
        MediaSource huge = ref -> new MediaContent("image/png", 9L * 1024 * 1024, () -> {
            opened.incrementAndGet();
            return InputStream.nullInputStream();
        });

        PublishOutcome outcome = publish("Too big", List.of(MediaRef.image(CHART)), huge);

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "media_too_large"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("9437184 bytes").contains("8388608");
                });
        assertThat(opened).hasValue(0);
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void bytesThatAreNeitherJpegNorPng_areRejected() {
        MediaSource gif = ref -> MediaContent.of("image/gif", "GIF89a-not-allowed".getBytes());

        PublishOutcome outcome = publish("Animated", List.of(MediaRef.image(CHART)), gif);

        Outcomes.failed(outcome, FailureKind.REJECTED, "unsupported_media_type");
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void whenTheMediaSourceHasNoBytes_theUrlIsStillGivenToMeta() throws Exception {
        MediaSource empty = ref -> {
            throw new MediaUnavailableException("not in the library");
        };

        PublishOutcome outcome = publish("Remote only", List.of(MediaRef.image(CHART)), empty);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(FakeThreads.form(fake.take())).containsEntry("image_url", CHART);
    }

    @Test
    void anImageMetaCannotDownload_isRejected_asAFetchFailure() {
        fake.unfetchable(CHART);

        PublishOutcome outcome = publish("Blocked host", List.of(MediaRef.image(CHART)), Fixtures.pngs());

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "media_fetch_failed"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("subcode 2207052").contains("crawler");
                });
        assertThat(fake.posts()).isEmpty();
    }

    @Test
    void aCarouselItemInError_rejectsThePost_beforeTheCarousel() throws Exception {
        fake.errorOnFinish("UNKNOWN");

        PublishOutcome outcome =
                publish("Two", List.of(MediaRef.image(TEAM), MediaRef.image(CHART)), MediaSource.none());

        assertThat(Outcomes.failed(outcome, FailureKind.REJECTED, "container_error"))
                .satisfies(f -> {
                    assertThat(f.safeMessage()).contains("image 1 of 2");
                });
        assertThat(fake.routes()).containsExactly("POST /v1.0/{user}/threads", "GET /v1.0/{container}");
    }

    private static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    }
}
