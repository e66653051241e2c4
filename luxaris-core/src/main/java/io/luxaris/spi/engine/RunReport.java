package io.luxaris.spi.engine;

/**
 * What one {@code runDue()} did: schedules published, failed for good, retried later, left unconfirmed, skipped,
 * reaped from dead engines, and dry runs (built by a channel in dry-run mode, not sent: counted apart, neither
 * published nor failed).
 */
public record RunReport(int published, int failed, int retried, int unconfirmed, int skipped, int reaped, int dryRuns) {
    /** Without dry runs (what engines counted before dry runs were an outcome of their own). */
    public RunReport(int published, int failed, int retried, int unconfirmed, int skipped, int reaped) {
        this(published, failed, retried, unconfirmed, skipped, reaped, 0);
    }

    public static RunReport empty() {
        return new RunReport(0, 0, 0, 0, 0, 0, 0);
    }

    /** Every outcome written: everything but {@code reaped}. */
    public int total() {
        return published + failed + retried + unconfirmed + skipped + dryRuns;
    }

    public RunReport plus(RunReport other) {
        return new RunReport(
                published + other.published,
                failed + other.failed,
                retried + other.retried,
                unconfirmed + other.unconfirmed,
                skipped + other.skipped,
                reaped + other.reaped,
                dryRuns + other.dryRuns);
    }
}
