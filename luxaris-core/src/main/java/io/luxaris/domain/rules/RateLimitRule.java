package io.luxaris.domain.rules;

import io.luxaris.errors.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Optional per-connection limits: no more than N schedules in any one-hour window, and a minimum gap between two
 * schedules on one connection.
 */
public final class RateLimitRule {
    private static final Duration HOUR = Duration.ofHours(1);

    private RateLimitRule() {}

    /**
     * Checks {@code runAt} against the active schedules of the same connection ({@code others}: their run times, the
     * schedule being moved excluded). Callers pass the schedules within one hour (or the gap, when longer) on either
     * side: rules {@code rate_limit} and {@code min_gap}.
     *
     * @param runAt the run time asked for
     * @param others the run times of the connection's other active schedules around it
     * @param rules the rules in force
     * @param field the field the violations name
     * @return the violations, empty when the time keeps to the limits
     */
    public static List<Violation> check(
            Instant runAt, Collection<Instant> others, SchedulingRules rules, String field) {
        var violations = new ArrayList<Violation>();
        rules.maxSchedulesPerHourPerConnection().ifPresent(max -> {
            if (maxInAnyHourWindow(runAt, others) > max) {
                violations.add(Violation.of(
                        field,
                        "rate_limit",
                        "the connection would have more than " + max + " posts within one hour around " + runAt));
            }
        });
        rules.minGapPerConnection().ifPresent(gap -> {
            for (Instant other : others) {
                if (Duration.between(other, runAt).abs().compareTo(gap) < 0) {
                    violations.add(Violation.of(
                            field,
                            "min_gap",
                            "another post on this connection is at " + other + "; keep at least "
                                    + ScheduleTimeRule.human(gap) + " between posts"));
                    break;
                }
            }
        });
        return violations;
    }

    /**
     * How far on either side of {@code runAt} the caller must look for other schedules.
     *
     * @param rules the rules in force
     * @return one hour, or the minimum gap when it is longer
     */
    public static Duration lookaround(SchedulingRules rules) {
        Duration gap = rules.minGapPerConnection().orElse(Duration.ZERO);
        return gap.compareTo(HOUR) > 0 ? gap : HOUR;
    }

    /** The largest number of schedules (including {@code runAt}) in a one-hour window that contains runAt. */
    static int maxInAnyHourWindow(Instant runAt, Collection<Instant> others) {
        var times = others.stream()
                .filter(t -> Duration.between(t, runAt).abs().compareTo(HOUR) < 0)
                .sorted()
                .toList();
        int best = 1;
        // windows [start, start + 1h) containing runAt, starting at runAt or at an earlier schedule
        for (Instant start : candidatesBefore(runAt, times)) {
            Instant end = start.plus(HOUR);
            int count = 1;
            for (Instant t : times) {
                if (!t.isBefore(start) && t.isBefore(end)) {
                    count++;
                }
            }
            best = Math.max(best, count);
        }
        return best;
    }

    private static List<Instant> candidatesBefore(Instant runAt, List<Instant> times) {
        var starts = new ArrayList<Instant>();
        starts.add(runAt);
        for (Instant t : times) {
            if (!t.isAfter(runAt)) {
                starts.add(t);
            }
        }
        return starts;
    }
}
