package io.luxaris.channels.bluesky.internal;

import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.PublishOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /** A rate limit that ends at {@code retryAt} (when known). */
    public static Fail rateLimited(String code, String safeMessage, Optional<Instant> retryAt) {
        return new Fail(new PublishOutcome.Failed(
                FailureKind.RATE_LIMITED, code, safeMessage, retryAt, Optional.empty(), Map.of()));
    }

    public PublishOutcome.Failed failed() {
        return failed;
    }

    public FailureKind kind() {
        return failed.kind();
    }
}
