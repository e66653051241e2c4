package io.luxaris.channels.threads.internal;

import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.PublishOutcome;
import java.util.Objects;

/** Ends a publish step with a classified failure (control flow inside the publisher, never escapes it). */
public final class Fail extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient PublishOutcome.Failed failed;

    public Fail(PublishOutcome.Failed failed) {
        super(failed.code(), null, false, false);
        this.failed = Objects.requireNonNull(failed, "failed");
    }

    public static Fail of(FailureKind kind, String code, String safeMessage) {
        return new Fail(PublishOutcome.failed(kind, code, safeMessage));
    }

    public PublishOutcome.Failed failed() {
        return failed;
    }
}
