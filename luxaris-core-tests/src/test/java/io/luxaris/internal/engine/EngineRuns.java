package io.luxaris.internal.engine;

import io.luxaris.Luxaris;

/** Running the engine in the engine tests: due runs, one after another, until one does nothing. */
final class EngineRuns {
    private EngineRuns() {}

    /**
     * Runs what is due until a run publishes, fails, retries, leaves unconfirmed and dry-runs nothing (at most ten
     * runs), so that follow-ups released by a run are published by the next ones.
     */
    static void untilQuiet(Luxaris luxaris) {
        for (int i = 0; i < 10; i++) {
            var report = luxaris.publishing().runDue();
            if (report.published() + report.failed() + report.retried() + report.unconfirmed() + report.dryRuns()
                    == 0) {
                return;
            }
        }
    }
}
