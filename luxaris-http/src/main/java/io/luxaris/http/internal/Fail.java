package io.luxaris.http.internal;

import io.luxaris.domain.FailureKind;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.security.Redaction;
import java.time.Instant;
import java.util.Collection;
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

    /** The longest failure message kept. */
    public static final int MESSAGE_LIMIT = 1_000;

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

    /**
     * The failure a platform's answer means: {@code message} scrubbed of {@code secrets} and cut to {@value
     * #MESSAGE_LIMIT} characters, the (already scrubbed) raw answer kept, no checkpoint.
     */
    public static PublishOutcome.Failed classified(
            FailureKind kind,
            String code,
            String message,
            Collection<String> secrets,
            Optional<Instant> retryAt,
            String rawResponse) {
        return new PublishOutcome.Failed(
                kind,
                code,
                Redaction.truncate(Redaction.scrub(message, secrets), MESSAGE_LIMIT),
                retryAt,
                Optional.of(rawResponse),
                Map.of());
    }

    /** {@code failed} with its message prefixed by {@code label} (which step failed), its checkpoint dropped. */
    public static Fail labelled(String label, PublishOutcome.Failed failed) {
        return new Fail(new PublishOutcome.Failed(
                failed.kind(),
                failed.code(),
                Redaction.truncate(label + ": " + failed.safeMessage(), MESSAGE_LIMIT),
                failed.retryAt(),
                failed.rawResponse(),
                Map.of()));
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
