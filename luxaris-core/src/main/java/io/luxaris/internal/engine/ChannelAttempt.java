package io.luxaris.internal.engine;

import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.Limits;
import io.luxaris.internal.AttemptContext;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.ExternalText;
import io.luxaris.internal.FollowUpChain;
import io.luxaris.internal.Reconciliation;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishOutcome;
import io.luxaris.spi.channel.PublishRequest;
import io.luxaris.spi.channel.RefreshResult;
import io.luxaris.spi.engine.JobResult;
import io.luxaris.spi.engine.PublishJob;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One publish attempt against the channel: the call; on an expired token, one refresh and the call again; on an
 * unknown outcome, a lookup when the channel can. The result is made safe to store ({@link ExternalText}). Never
 * throws for what the channel does.
 */
final class ChannelAttempt {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelAttempt.class);

    private final CoreRuntime rt;

    ChannelAttempt(CoreRuntime rt) {
        this.rt = rt;
    }

    /** Publishes with these credentials; an empty value means they could not be decrypted. */
    JobResult publish(PublishJob job, Optional<Credentials> credentials) {
        Instant startedAt = rt.now();
        if (credentials.isEmpty()) {
            return new JobResult(job, unreadable(), startedAt, rt.now());
        }
        var context = new AttemptContext(rt, job.connection().id(), credentials.get());
        Optional<RegisteredChannel> channel = rt.channel(job.channel().id());
        if (channel.isEmpty()) {
            return new JobResult(
                    job,
                    PublishOutcome.failed(
                            FailureKind.RETRYABLE, "channel_unavailable", "no provider for the channel is registered"),
                    startedAt,
                    rt.now());
        }
        ChannelPublisher publisher = channel.get().publisher();
        PublishRequest request;
        if (job.schedule().isFollowUp()) {
            var prepared = FollowUpChain.request(
                    rt, job.schedule(), job.schedule().attemptCount(), job.variant(), job.connection(), channel.get());
            if (prepared.refused().isPresent()) {
                return new JobResult(job, prepared.refused().get(), startedAt, rt.now());
            }
            request = prepared.request().orElseThrow();
        } else {
            request = new PublishRequest(
                    job.schedule().id(),
                    job.schedule().attemptCount(),
                    job.variant(),
                    job.connection(),
                    job.schedule().checkpoint());
        }
        PublishOutcome outcome = call(publisher, request, context);
        if (outcome instanceof PublishOutcome.Failed f && f.kind() == FailureKind.AUTH_EXPIRED) {
            outcome = refreshAndRetry(publisher, request, context, f);
        }
        Optional<PublishOutcome.Failed> settled = Optional.empty();
        if (outcome instanceof PublishOutcome.Failed f
                && f.kind() == FailureKind.UNKNOWN
                && publisher.supportsLookup(request)) {
            PublishOutcome found = lookup(publisher, request, context, f);
            if (found != f) {
                settled = Optional.of(safe(f, context.secrets()));
                outcome = found;
            }
        }
        return new JobResult(job, safe(outcome, context.secrets()), startedAt, rt.now(), settled);
    }

    /** The outcome of an attempt whose connection's stored credentials cannot be decrypted. */
    static PublishOutcome.Failed unreadable() {
        return PublishOutcome.failed(
                FailureKind.AUTH_REVOKED,
                OutcomePlanner.CREDENTIALS_UNREADABLE,
                "the stored credentials of this connection cannot be decrypted (a lost or rotated key?); reconnect"
                        + " the account");
    }

    private static PublishOutcome call(ChannelPublisher publisher, PublishRequest request, AttemptContext context) {
        try {
            PublishOutcome outcome = publisher.publish(request, context);
            if (outcome == null) {
                return PublishOutcome.failed(
                        FailureKind.UNKNOWN, "publisher_error", "the channel publisher returned nothing");
            }
            return outcome;
        } catch (RuntimeException e) {
            // we cannot know whether the request left: treat as unknown (never retried blindly)
            LOG.warn(
                    "channel publisher {} threw while publishing schedule {}",
                    publisher.getClass().getName(),
                    request.scheduleId(),
                    e);
            return PublishOutcome.failed(
                    FailureKind.UNKNOWN,
                    "publisher_error",
                    "the channel publisher failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static PublishOutcome refreshAndRetry(
            ChannelPublisher publisher, PublishRequest request, AttemptContext context, PublishOutcome.Failed expired) {
        RefreshResult refresh;
        try {
            refresh = publisher.refresh(context);
        } catch (RuntimeException e) {
            LOG.warn(
                    "channel publisher {} threw while refreshing credentials",
                    publisher.getClass().getName(),
                    e);
            refresh = new RefreshResult.TransientFailure(
                    "refresh_error",
                    "refreshing the credentials failed (" + e.getClass().getSimpleName() + ")");
        }
        if (refresh instanceof RefreshResult.Refreshed) {
            // repeat with what the failed call already did (thread parts posted before the token expired)
            var checkpoint = new LinkedHashMap<>(request.checkpoint());
            checkpoint.putAll(expired.checkpoint());
            var again = new PublishRequest(
                    request.scheduleId(),
                    request.attempt(),
                    request.variant(),
                    request.connection(),
                    checkpoint,
                    request.followUp());
            return call(publisher, again, context);
        }
        if (refresh instanceof RefreshResult.Revoked r) {
            return new PublishOutcome.Failed(
                    FailureKind.AUTH_REVOKED,
                    r.code(),
                    r.safeMessage(),
                    Optional.empty(),
                    expired.rawResponse(),
                    expired.checkpoint());
        }
        if (refresh instanceof RefreshResult.TransientFailure t) {
            return new PublishOutcome.Failed(
                    FailureKind.RETRYABLE,
                    t.code(),
                    t.safeMessage(),
                    Optional.empty(),
                    expired.rawResponse(),
                    expired.checkpoint());
        }
        return expired;
    }

    /** What a lookup after an unknown outcome found; {@code unknown} itself when it could not tell. */
    private static PublishOutcome lookup(
            ChannelPublisher publisher, PublishRequest request, AttemptContext context, PublishOutcome.Failed unknown) {
        LookupResult found;
        try {
            found = publisher.lookup(request, context);
        } catch (RuntimeException e) {
            LOG.warn(
                    "channel publisher {} threw while looking up schedule {}",
                    publisher.getClass().getName(),
                    request.scheduleId(),
                    e);
            return unknown;
        }
        if (found instanceof LookupResult.Found f) {
            // what the attempt started from and reported, with what the lookup found over it (every thread part)
            var checkpoint = new LinkedHashMap<>(request.checkpoint());
            checkpoint.putAll(unknown.checkpoint());
            return new PublishOutcome.Published(
                    f.externalId(), f.url(), unknown.rawResponse(), Reconciliation.checkpointFound(checkpoint, f));
        }
        if (found instanceof LookupResult.Absent) {
            return new PublishOutcome.Failed(
                    FailureKind.RETRYABLE,
                    OutcomePlanner.RECONCILED_ABSENT,
                    "looked up after the outcome was unknown: not on the platform",
                    Optional.empty(),
                    unknown.rawResponse(),
                    unknown.checkpoint());
        }
        return unknown;
    }

    /** The outcome with every text from outside cleaned, scrubbed and cut to its column. */
    static <T extends PublishOutcome> T safe(T outcome, Collection<String> secrets) {
        PublishOutcome safe;
        if (outcome instanceof PublishOutcome.DryRun d) {
            // the preview is kept as the event's raw response: the same cleaning, scrubbing and limit
            safe = new PublishOutcome.DryRun(ExternalText.safe(d.preview(), secrets, Limits.RAW_RESPONSE));
        } else if (outcome instanceof PublishOutcome.Published p) {
            String id = ExternalText.safe(p.externalId(), secrets, Limits.EXTERNAL_REF);
            safe = new PublishOutcome.Published(
                    id.isBlank() ? "?" : id,
                    ExternalText.safe(p.url(), secrets, Limits.EXTERNAL_REF),
                    ExternalText.safe(p.rawResponse(), secrets, Limits.RAW_RESPONSE),
                    ExternalText.clean(p.checkpoint()));
        } else {
            var f = (PublishOutcome.Failed) outcome;
            String code = ExternalText.safe(f.code(), secrets, Limits.ERROR_CODE);
            safe = new PublishOutcome.Failed(
                    f.kind(),
                    code.isBlank() ? "unknown" : code,
                    ExternalText.safe(f.safeMessage(), secrets, Limits.ERROR_MESSAGE),
                    f.retryAt(),
                    ExternalText.safe(f.rawResponse(), secrets, Limits.RAW_RESPONSE),
                    ExternalText.clean(f.checkpoint()));
        }
        @SuppressWarnings("unchecked")
        T typed = (T) safe;
        return typed;
    }
}
