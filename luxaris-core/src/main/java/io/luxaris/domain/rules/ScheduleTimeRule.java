package io.luxaris.domain.rules;

import io.luxaris.domain.When;
import io.luxaris.errors.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the author's {@link When} into the UTC instant to publish at, and checks it against the horizon: {@code
 * now + minLeadTime < runAt < now + maxHorizon}. A local time inside a DST gap is rejected (or shifted forward
 * when the rules say so); one inside an overlap takes the earlier offset (the first occurrence).
 */
public final class ScheduleTimeRule {
    private ScheduleTimeRule() {}

    /**
     * Result of resolving a time: the instant, or the violations that prevent it.
     *
     * @param instant the instant to publish at, present when there is no violation
     * @param violations why the time cannot be used; empty when it can
     */
    public record Resolution(Optional<Instant> instant, List<Violation> violations) {
        /**
         * Copies the violations.
         *
         * @param instant the instant to publish at, present when there is no violation
         * @param violations why the time cannot be used; empty when it can
         */
        public Resolution {
            violations = List.copyOf(violations);
        }

        /** {@return whether the time can be used} */
        public boolean isValid() {
            return violations.isEmpty();
        }
    }

    /**
     * Resolves the author's time to an instant and checks it against the horizon: rules {@code dst_gap}, {@code
     * in_past} and {@code horizon}.
     *
     * @param when the time the author chose
     * @param now the current time
     * @param rules the rules in force (horizon, lead time, DST gap policy)
     * @param field the field the violations name
     * @return the instant, or the violations
     */
    public static Resolution resolve(When when, Instant now, SchedulingRules rules, String field) {
        var violations = new ArrayList<Violation>();
        Instant instant;
        if (when instanceof When.Exact exact) {
            instant = exact.instant();
        } else {
            var local = (When.Local) when;
            Optional<Instant> resolved =
                    toInstant(local.dateTime(), local.zone(), rules.dstGapPolicy(), field, violations);
            if (resolved.isEmpty()) {
                return new Resolution(Optional.empty(), violations);
            }
            instant = resolved.get();
        }
        violations.addAll(checkHorizon(instant, now, rules, field));
        return new Resolution(violations.isEmpty() ? Optional.of(instant) : Optional.empty(), violations);
    }

    /**
     * The horizon check alone: rules {@code in_past} and {@code horizon}.
     *
     * @param runAt the instant to publish at
     * @param now the current time
     * @param rules the rules in force
     * @param field the field the violations name
     * @return the violation, or an empty list when the instant is within the horizon
     */
    public static List<Violation> checkHorizon(Instant runAt, Instant now, SchedulingRules rules, String field) {
        Instant earliest = now.plus(rules.minLeadTime());
        if (!runAt.isAfter(earliest)) {
            String message = rules.minLeadTime().isZero()
                    ? "must be in the future (it is " + runAt + ", now is " + now + ")"
                    : "must be more than " + human(rules.minLeadTime()) + " in the future (it is " + runAt + ", now is "
                            + now + ")";
            return List.of(Violation.of(field, "in_past", message));
        }
        Instant latest = now.plus(rules.maxHorizon());
        if (!runAt.isBefore(latest)) {
            return List.of(Violation.of(
                    field,
                    "horizon",
                    "must be less than " + human(rules.maxHorizon()) + " ahead (it is " + runAt + ", the limit is "
                            + latest + ")"));
        }
        return List.of();
    }

    private static Optional<Instant> toInstant(
            LocalDateTime dateTime, ZoneId zone, DstGapPolicy policy, String field, List<Violation> violations) {
        var rules = zone.getRules();
        var offsets = rules.getValidOffsets(dateTime);
        if (offsets.size() == 1) {
            return Optional.of(dateTime.atOffset(offsets.get(0)).toInstant());
        }
        if (offsets.size() > 1) {
            // overlap: the earlier offset, i.e. the first time the clock shows this time
            return Optional.of(ZonedDateTime.ofLocal(dateTime, zone, offsets.get(0))
                    .withEarlierOffsetAtOverlap()
                    .toInstant());
        }
        ZoneOffsetTransition gap = rules.getTransition(dateTime);
        if (policy == DstGapPolicy.SHIFT_FORWARD) {
            return Optional.of(ZonedDateTime.of(dateTime, zone).toInstant());
        }
        violations.add(Violation.of(
                field,
                "dst_gap",
                dateTime + " does not exist in " + zone.getId() + ": clocks jump from "
                        + gap.getDateTimeBefore().toLocalTime() + " to "
                        + gap.getDateTimeAfter().toLocalTime()
                        + " on " + gap.getDateTimeBefore().toLocalDate() + "; choose a time outside the gap"));
        return Optional.empty();
    }

    static String human(Duration duration) {
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + " days";
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return duration.toHours() + " hours";
        }
        if (duration.toMinutes() > 0 && duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            return duration.toMinutes() + " minutes";
        }
        return duration.toString();
    }
}
