package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.FailureKind;
import io.luxaris.domain.MediaRef;
import io.luxaris.spi.channel.MediaContent;
import io.luxaris.spi.channel.MediaSource;
import io.luxaris.spi.channel.MediaUnavailableException;
import java.io.FileNotFoundException;
import java.io.IOException;
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
    void aSourceAnsweringNothing_isAProgrammingError() {
        assertThatThrownBy(() -> Media.open(ref -> null, REF, "media 1"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("no content");
    }
}
