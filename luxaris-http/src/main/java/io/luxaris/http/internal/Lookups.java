package io.luxaris.http.internal;

import io.luxaris.spi.channel.LookupResult;

/**
 * How the adapters' lookups end when their calls fail: a platform refusal ({@link Fail}) or a failed call ({@link
 * TransportFailure}) leaves the post unknown, saying why ({@code lookup failed: ...}); an interrupt leaves it unknown
 * too and keeps the thread's interrupt flag.
 */
public final class Lookups {
    private Lookups() {}

    /** A lookup's work, whose calls may fail or be interrupted. */
    @FunctionalInterface
    public interface Work {
        /**
         * Looks the post up.
         *
         * @return what the lookup found
         * @throws Fail when the platform refused a call
         * @throws TransportFailure when a call failed
         * @throws InterruptedException when the thread was interrupted (such as while waiting out the grace period)
         */
        LookupResult run() throws Fail, TransportFailure, InterruptedException;
    }

    /**
     * Runs {@code work}.
     *
     * @param work the lookup
     * @return what it found; {@link LookupResult.Unknown} when it failed or was interrupted
     */
    public static LookupResult guarded(Work work) {
        try {
            return work.run();
        } catch (Fail f) {
            return new LookupResult.Unknown("lookup failed: " + f.failed().safeMessage());
        } catch (TransportFailure e) {
            return new LookupResult.Unknown("lookup failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LookupResult.Unknown("lookup interrupted");
        }
    }
}
