package io.luxaris.spi.engine;

import java.util.List;

/** Result of a claim: the jobs to publish, and how many claimed schedules were skipped instead. */
public record ClaimedJobs(List<PublishJob> jobs, int skipped) {
    public ClaimedJobs {
        jobs = List.copyOf(jobs);
    }

    public static ClaimedJobs none() {
        return new ClaimedJobs(List.of(), 0);
    }

    /** How many schedules the claim took in all. */
    public int claimed() {
        return jobs.size() + skipped;
    }
}
