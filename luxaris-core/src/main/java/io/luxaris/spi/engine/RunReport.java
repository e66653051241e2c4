package io.luxaris.spi.engine;

/**
 * What one {@code runDue()} did: schedules published, failed for good, retried later, left unconfirmed, skipped, reaped
 * from dead engines, and dry runs (built by a channel in dry-run mode, not sent: counted apart, neither published nor
 * failed).
 *
 * @param published schedules published
 * @param failed schedules failed for good
 * @param retried schedules to be retried later
 * @param unconfirmed schedules left unconfirmed
 * @param skipped schedules skipped
 * @param reaped schedules whose expired lease was handled
 * @param dryRuns dry runs
 */
public record RunReport(int published, int failed, int retried, int unconfirmed, int skipped, int reaped, int dryRuns) {
    /**
     * Without dry runs (what engines counted before dry runs were an outcome of their own).
     *
     * @param published schedules published
     * @param failed schedules failed for good
     * @param retried schedules to be retried later
     * @param unconfirmed schedules left unconfirmed
     * @param skipped schedules skipped
     * @param reaped schedules whose expired lease was handled
     */
    public RunReport(int published, int failed, int retried, int unconfirmed, int skipped, int reaped) {
        this(published, failed, retried, unconfirmed, skipped, reaped, 0);
    }

    /** {@return a report of nothing} */
    public static RunReport empty() {
        return new RunReport(0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Every outcome written: everything but {@code reaped}.
     *
     * @return the sum of every count but {@code reaped}
     */
    public int total() {
        return published + failed + retried + unconfirmed + skipped + dryRuns;
    }

    /**
     * This report added to another.
     *
     * @param other the other report
     * @return the sums of the counts
     */
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
