package io.luxaris.spi.channel;

/**
 * Sends posts to one platform. Thread-safe: the engine calls it from several workers at once (never twice at
 * once for the same connection unless the host raised the per-connection limit). No storage transaction is open
 * while it runs.
 *
 * <p>Outcome rules the engine relies on for at-most-once delivery: return {@link PublishOutcome.Failed} with
 * {@code UNKNOWN} whenever the request may have reached the platform without an answer (timeout or reset after
 * the request was written); {@code RETRYABLE} only when the platform certainly did not create the post. A channel
 * in a dry-run mode returns {@link PublishOutcome.DryRun} with the redacted request, never a failure.
 */
public interface ChannelPublisher extends AutoCloseable {
    /**
     * Publishes one attempt. Report failures as outcomes; an exception thrown is taken as an {@code UNKNOWN} failure
     * (the request may have left), never retried blindly.
     *
     * @param request the variant, the account, the attempt and its checkpoint
     * @param context the credentials and the services of this attempt
     * @return what the attempt achieved, never null
     */
    PublishOutcome publish(PublishRequest request, PublishContext context);

    /**
     * Whether {@link #lookup} can reconcile an unknown outcome.
     *
     * @return false unless the channel overrides {@link #lookup}
     */
    default boolean supportsLookup() {
        return false;
    }

    /**
     * Whether {@link #lookup} can reconcile this request's unknown outcome, for a channel that can look up some
     * kinds of request and not others (LinkedIn finds its comments, not its posts). The engine asks this before a
     * lookup; {@code schedules().reconcile} answers {@code NOT_SUPPORTED} when it is false.
     *
     * @param request the attempt whose outcome is unknown
     * @return default {@link #supportsLookup()}
     */
    default boolean supportsLookup(PublishRequest request) {
        return supportsLookup();
    }

    /**
     * Whether {@link #lookup} can settle the unknown outcome of every request of this channel, not only of some
     * ({@link #supportsLookup(PublishRequest)} is true for all). The engine then claims this channel's schedules
     * straight to {@code processing}, without a separate start transaction: if the instance dies before it calls the
     * channel, its schedules are reaped as unconfirmed and the reaper's lookup, finding nothing on the platform, has
     * them published again. Override it only when the lookup is that dependable.
     *
     * @return false unless the channel overrides it
     */
    default boolean supportsLookupForEveryRequest() {
        return false;
    }

    /**
     * Looks for the post of an attempt whose outcome is unknown.
     *
     * @param request the attempt whose outcome is unknown
     * @param context the credentials and the services of the lookup
     * @return found, absent or still unknown; default: unknown
     */
    default LookupResult lookup(PublishRequest request, PublishContext context) {
        return new LookupResult.Unknown("this channel cannot look posts up");
    }

    /**
     * Refreshes expired credentials (after an {@code AUTH_EXPIRED} outcome): persist the new ones with {@link
     * PublishContext#saveCredentials} before returning {@link RefreshResult.Refreshed}.
     *
     * @param context the credentials and the services of the attempt
     * @return what the refresh achieved; default: unsupported
     */
    default RefreshResult refresh(PublishContext context) {
        return new RefreshResult.Unsupported();
    }

    /** Releases HTTP clients and the like; called when the {@code Luxaris} instance closes. */
    @Override
    default void close() {}
}
