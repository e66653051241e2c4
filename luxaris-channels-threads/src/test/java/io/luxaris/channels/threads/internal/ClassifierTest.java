package io.luxaris.channels.threads.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.FailureKind;
import io.luxaris.http.internal.HttpResult;
import io.luxaris.spi.channel.PublishOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The rows of the classification that depend on more than the answer. */
class ClassifierTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final HttpResult DOES_NOT_EXIST = new HttpResult(
            "POST",
            "/v1.0/17841400000000001/threads",
            400,
            Headers.of(),
            "{\"error\":{\"message\":\"The requested resource does not exist\",\"type\":\"OAuthException\","
                    + "\"code\":24,\"fbtrace_id\":\"Ab\"}}");

    @Test
    void doesNotExist_whileTheStoredTokenHasExpired_isAuthExpired() {
        PublishOutcome.Failed f = Classifier.classify(DOES_NOT_EXIST, List.of(), NOW, Optional.of(NOW.minusSeconds(1)));

        assertThat(f.kind()).isEqualTo(FailureKind.AUTH_EXPIRED);
        assertThat(f.code()).isEqualTo("token_expired");
    }

    @Test
    void doesNotExist_withAValidToken_isNotFound() {
        PublishOutcome.Failed f = Classifier.classify(DOES_NOT_EXIST, List.of(), NOW, Optional.of(NOW.plusSeconds(60)));

        assertThat(f.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(f.code()).isEqualTo("not_found");
    }

    @Test
    void mediaNotFound_outsideThePublishLoop_isRetryable() {
        HttpResult result = new HttpResult(
                "POST",
                "/v1.0/1/threads_publish",
                400,
                Headers.of(),
                "{\"error\":{\"code\":24,\"error_subcode\":4279009,\"error_user_title\":\"Media Not Found\"}}");

        PublishOutcome.Failed f = Classifier.classify(result, List.of(), NOW, Optional.empty());

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.code()).isEqualTo("media_not_found");
    }
}
