package io.luxaris.spi.engine;

/** What one {@code runDue()} did. */
public record RunReport(int published, int failed, int retried, int unconfirmed, int skipped, int reaped) {
    public static RunReport empty() {
        return new RunReport(0, 0, 0, 0, 0, 0);
    }

    public int total() {
        return published + failed + retried + unconfirmed + skipped;
    }

    public RunReport plus(RunReport other) {
        return new RunReport(
                published + other.published,
                failed + other.failed,
                retried + other.retried,
                unconfirmed + other.unconfirmed,
                skipped + other.skipped,
                reaped + other.reaped);
    }
}
