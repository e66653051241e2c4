package io.luxaris.http.internal;

import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.PublishOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ends a publish step early with a classified failure: control flow inside an adapter's publisher (a step before the
 * post itself failed), caught there and answered as its {@link #failed()} outcome; it never escapes the publisher.
 * Carries no stack trace; its message is the failure's code only.
 */
public final class Fail extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient PublishOutcome.Failed failed;

    public Fail(PublishOutcome.Failed failed) {
        super(Objects.requireNonNull(failed, "failed").code(), null, false, false);
        this.failed = failed;
    }

    /** A failure of {@code kind}; {@code safeMessage} must hold no secret. */
    public static Fail of(FailureKind kind, String code, String safeMessage) {
        return new Fail(PublishOutcome.failed(kind, code, safeMessage));
    }

    /** A rate limit that ends at {@code retryAt} (when known). */
    public static Fail rateLimited(String code, String safeMessage, Optional<Instant> retryAt) {
        return new Fail(new PublishOutcome.Failed(
                FailureKind.RATE_LIMITED, code, safeMessage, retryAt, Optional.empty(), Map.of()));
    }

    /** The outcome the publisher answers with. */
    public PublishOutcome.Failed failed() {
        return failed;
    }

    /** The kind of the failure. */
    public FailureKind kind() {
        return failed.kind();
    }
}
