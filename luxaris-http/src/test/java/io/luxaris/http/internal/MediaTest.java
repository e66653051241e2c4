package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.MediaUnavailableException;
import io.luxaris.spi.channel.PublishOutcome;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaTest {
    private static final MediaRef REF = MediaRef.image("library/cat.png");

    @Test
    void open_answersTheSourcesContent() throws Exception {
        MediaContent content = MediaContent.of("image/png", new byte[] {1, 2, 3});

        assertThat(Media.open(ref -> content, REF, "media 1")).isSameAs(content);
    }

    @Test
    void mediaTheSourceDoesNotHave_isRejected_withTheSourcesMessage() {
        MediaSource source = ref -> {
            throw new MediaUnavailableException("no such file: " + ref.ref());
        };

        assertThatThrownBy(() -> Media.open(source, REF, "media 2")).isInstanceOfSatisfying(Fail.class, fail -> {
            assertThat(fail.kind()).isEqualTo(FailureKind.REJECTED);
            assertThat(fail.failed().code()).isEqualTo("media_unavailable");
            assertThat(fail.failed().safeMessage())
                    .isEqualTo("media 2 is not available: no such file: library/cat.png");
        });
        assertThatThrownBy(() -> Media.open(MediaSource.none(), REF, "media 1"))
                .isInstanceOfSatisfying(
                        Fail.class, fail -> assertThat(fail.failed().code()).isEqualTo("media_unavailable"));
    }

    @Test
    void aLongUnavailableMessage_isCutToTheMessageLimit() {
        MediaSource source = ref -> {
            throw new MediaUnavailableException("x".repeat(5_000));
        };

        assertThatThrownBy(() -> Media.open(source, REF, "media 1"))
                .isInstanceOfSatisfying(Fail.class, fail -> assertThat(
                                fail.failed().safeMessage().length())
                        .isLessThanOrEqualTo(Fail.MESSAGE_LIMIT));
    }

    @Test
    void aSourceThatCannotReadNow_isRetryable_namingTheExceptionTypeOnly() {
        MediaSource source = ref -> {
            throw new FileNotFoundException("/srv/secret-bucket/cat.png");
        };

        assertThatThrownBy(() -> Media.open(source, REF, "media 3")).isInstanceOfSatisfying(Fail.class, fail -> {
            assertThat(fail.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(fail.failed().code()).isEqualTo("media_read_failed");
            assertThat(fail.failed().safeMessage())
                    .isEqualTo("media 3 could not be read (FileNotFoundException)")
                    .doesNotContain("secret-bucket");
        });
    }

    @Test
    void readFailed_isTheSameFailure_forBytesThatBreakWhileReading() {
        Fail fail = Media.readFailed("image 1", new IOException("connection reset by store.internal"));

        assertThat(fail.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(fail.failed().code()).isEqualTo("media_read_failed");
        assertThat(fail.failed().safeMessage()).isEqualTo("image 1 could not be read (IOException)");
    }

    @Test
    void anUploadWithoutAnAnswer_isRetryable_butARedirectIsRejected() {
        Fail timedOut = Media.uploadFailed(
                new TransportFailure(true, TransportFailure.TIMEOUT, "no answer within 60 s", new IOException()),
                "image 2");
        Fail redirected = Media.uploadFailed(
                new TransportFailure(TransportFailure.UNEXPECTED_REDIRECT, 307, "redirected to https://elsewhere:443"),
                "image 1");

        assertThat(timedOut.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(timedOut.failed().code()).isEqualTo("media_timeout");
        assertThat(timedOut.failed().safeMessage()).isEqualTo("uploading image 2: no answer within 60 s");
        assertThat(redirected.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(redirected.failed().code()).isEqualTo("media_unexpected_redirect");
    }

    @Test
    void anUploadThePlatformRefused_keepsItsClassification_asAMediaFailure() {
        Instant reset = Instant.parse("2026-12-03T10:15:00Z");
        var limited = new PublishOutcome.Failed(
                FailureKind.RATE_LIMITED,
                "rate_limited",
                "rate limit reached",
                Optional.of(reset),
                Optional.of("HTTP/1.1 429"),
                Map.of());

        Fail fail = Media.uploadFailed(limited, "image 3");

        assertThat(fail.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(fail.failed().code()).isEqualTo("media_rate_limited");
        assertThat(fail.failed().safeMessage()).isEqualTo("uploading image 3: rate limit reached");
        assertThat(fail.failed().retryAt()).contains(reset);
        assertThat(fail.failed().rawResponse()).contains("HTTP/1.1 429");
    }

    @Test
    void anUnknownUploadOutcome_isRetryable_andAMediaCodeIsNotPrefixedTwice() {
        Fail unknown = Media.uploadFailed(
                PublishOutcome.failed(FailureKind.UNKNOWN, "http_504", "gateway timeout"), "image 1");
        Fail tooLarge = Media.uploadFailed(
                PublishOutcome.failed(FailureKind.REJECTED, "media_too_large", "x".repeat(5_000)), "image 1");

        assertThat(unknown.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(unknown.failed().code()).isEqualTo("media_http_504");
        assertThat(tooLarge.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(tooLarge.failed().code()).isEqualTo("media_too_large");
        assertThat(tooLarge.failed().safeMessage()).hasSizeLessThanOrEqualTo(Fail.MESSAGE_LIMIT);
    }

    @Test
    void aSourceAnsweringNothing_isAProgrammingError() {
        assertThatThrownBy(() -> Media.open(ref -> null, REF, "media 1"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("no content");
    }
}
