package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.PublishOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailTest {
    @Test
    void carriesTheOutcome_itsMessageIsTheCodeOnly_andItHasNoStackTrace() {
        Fail fail = Fail.of(FailureKind.REJECTED, "media_too_large", "image 1 is 9 MB; the limit is 5 MB");

        assertThat(fail.failed().kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(fail.kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(fail.failed().code()).isEqualTo("media_too_large");
        assertThat(fail.failed().safeMessage()).isEqualTo("image 1 is 9 MB; the limit is 5 MB");
        assertThat(fail.getMessage()).isEqualTo("media_too_large");
        assertThat(fail.getStackTrace()).isEmpty();
    }

    @Test
    void aRateLimit_carriesWhenItEnds() {
        Instant reset = Instant.parse("2026-11-24T10:15:00Z");

        Fail fail = Fail.rateLimited("rate_limited", "try again at 10:15", Optional.of(reset));

        assertThat(fail.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(fail.failed().retryAt()).contains(reset);
        assertThat(Fail.rateLimited("rate_limited", "later", Optional.empty())
                        .failed()
                        .retryAt())
                .isEmpty();
        assertThatThrownBy(() -> new Fail(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aClassifiedFailure_hasItsMessageScrubbedAndCut_andKeepsTheRawAnswer() {
        PublishOutcome.Failed failed = Fail.classified(
                FailureKind.REJECTED,
                "http_400",
                "refused token-abc123 " + "x".repeat(2_000),
                List.of("token-abc123"),
                Optional.empty(),
                "HTTP 400\n{}");

        assertThat(failed.safeMessage()).doesNotContain("token-abc123").hasSizeLessThanOrEqualTo(Fail.MESSAGE_LIMIT);
        assertThat(failed.code()).isEqualTo("http_400");
        assertThat(failed.rawResponse()).contains("HTTP 400\n{}");
        assertThat(failed.checkpoint()).isEmpty();
    }

    @Test
    void aLabelledFailure_namesTheStep_andDropsTheCheckpoint() {
        Instant reset = Instant.parse("2026-11-24T10:15:00Z");
        var failed = new PublishOutcome.Failed(
                FailureKind.RATE_LIMITED,
                "rate_limited",
                "too many requests",
                Optional.of(reset),
                Optional.of("HTTP 429"),
                Map.of("part.0", "1"));

        Fail fail = Fail.labelled("part 2 of 3", failed);

        assertThat(fail.failed().safeMessage()).isEqualTo("part 2 of 3: too many requests");
        assertThat(fail.failed().kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(fail.failed().retryAt()).contains(reset);
        assertThat(fail.failed().rawResponse()).contains("HTTP 429");
        assertThat(fail.failed().checkpoint()).isEmpty();
    }
}
