package io.luxaris.spi.engine;

import java.util.List;

/**
 * Result of a claim: the jobs to publish, and how many claimed schedules were skipped instead.
 *
 * @param jobs the claimed schedules to publish
 * @param skipped how many claimed schedules were completed as skipped at once
 */
public record ClaimedJobs(List<PublishJob> jobs, int skipped) {
    /**
     * Copies the jobs.
     *
     * @param jobs the claimed schedules to publish
     * @param skipped how many claimed schedules were completed as skipped at once
     */
    public ClaimedJobs {
        jobs = List.copyOf(jobs);
    }

    /** {@return a claim that took nothing} */
    public static ClaimedJobs none() {
        return new ClaimedJobs(List.of(), 0);
    }

    /**
     * How many schedules the claim took in all.
     *
     * @return jobs plus skipped
     */
    public int claimed() {
        return jobs.size() + skipped;
    }
}
