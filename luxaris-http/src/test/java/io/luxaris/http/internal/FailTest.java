package io.luxaris.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.luxaris.domain.FailureKind;
import java.time.Instant;
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
}
