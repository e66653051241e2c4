package io.luxaris.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.PublishOutcome;

/** Assertions on the outcomes an adapter's publisher returns, shared by every adapter's tests (through the test jar). */
public final class Outcomes {
    private Outcomes() {}

    /**
     * Asserts that {@code outcome} failed with this kind and code.
     *
     * @return the failure, for further assertions
     */
    public static PublishOutcome.Failed failed(PublishOutcome outcome, FailureKind kind, String code) {
        assertThat(outcome).isInstanceOf(PublishOutcome.Failed.class);
        var failed = (PublishOutcome.Failed) outcome;
        assertThat(failed.kind()).as("kind of %s", failed).isEqualTo(kind);
        assertThat(failed.code()).as("code of %s", failed).isEqualTo(code);
        return failed;
    }
}
