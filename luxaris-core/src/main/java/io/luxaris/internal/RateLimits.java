package io.luxaris.internal;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.rules.RateLimitRule;
import io.luxaris.domain.rules.SchedulingRules;
import io.luxaris.errors.Violation;
import io.luxaris.spi.storage.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-connection rate limits of the rules ({@link RateLimitRule}) checked against storage: the active and held
 * schedules of a connection around a time count. Used wherever a schedule's time or existence changes: scheduling,
 * rescheduling, queue placement and reordering, approval and the materialisation of recurring series.
 */
public final class RateLimits {
    private RateLimits() {}

    /**
     * A schedule's (new) place: the schedule, its connection and the time it is to run at.
     *
     * @param schedule the schedule
     * @param connection its connection
     * @param at the time it is to run at
     */
    public record Move(ScheduleId schedule, ConnectionId connection, Instant at) {}

    /**
     * Whether the rules set any per-connection limit; when not, nothing needs checking.
     *
     * @param rules the rules in force
     * @return true when a limit is set
     */
    public static boolean active(SchedulingRules rules) {
        return rules.maxSchedulesPerHourPerConnection().isPresent()
                || rules.minGapPerConnection().isPresent();
    }

    /**
     * The violations of one schedule at {@code runAt} on {@code connection}, counting the connection's stored active
     * and held schedules around it except {@code excluded}, plus the times {@code extra} (schedules of the same call
     * not stored yet or moved).
     *
     * @param tx the transaction
     * @param rules the rules in force
     * @param connection the connection
     * @param runAt the time asked for
     * @param excluded stored schedules that do not count (the schedule itself, schedules moved by the same call)
     * @param extra further times that count
     * @param field the field the violations name
     * @return the violations, empty when the time keeps to the limits
     */
    public static List<Violation> check(
            Transaction tx,
            SchedulingRules rules,
            ConnectionId connection,
            Instant runAt,
            Set<ScheduleId> excluded,
            Collection<Instant> extra,
            String field) {
        if (!active(rules)) {
            return List.of();
        }
        Duration around = RateLimitRule.lookaround(rules);
        List<Instant> others = new ArrayList<>(
                tx.schedules().listActiveByConnection(connection, runAt.minus(around), runAt.plus(around)).stream()
                        .filter(s -> !excluded.contains(s.id()))
                        .map(Schedule::runAt)
                        .toList());
        others.addAll(extra);
        return RateLimitRule.check(runAt, others, rules, field);
    }

    /**
     * The violations of a set of schedules placed at new times by one call (a queue reorder, a push): each is checked
     * at its new time against the connection's other stored schedules and the new times of the others moved on the
     * same connection. Each violation's message names the schedule and its new time.
     *
     * @param tx the transaction
     * @param rules the rules in force
     * @param moves the new places, one per schedule
     * @param field the field the violations name
     * @return the violations, empty when every new place keeps to the limits
     */
    public static List<Violation> checkMoves(Transaction tx, SchedulingRules rules, List<Move> moves, String field) {
        if (!active(rules)) {
            return List.of();
        }
        Set<ScheduleId> moved = new HashSet<>();
        moves.forEach(m -> moved.add(m.schedule()));
        var violations = new ArrayList<Violation>();
        for (Move m : moves) {
            List<Instant> sameCall = moves.stream()
                    .filter(o ->
                            !o.schedule().equals(m.schedule()) && o.connection().equals(m.connection()))
                    .map(Move::at)
                    .toList();
            for (Violation v : check(tx, rules, m.connection(), m.at(), moved, sameCall, field)) {
                violations.add(Violation.of(
                        v.field(), v.rule(), "schedule " + m.schedule() + " at " + m.at() + ": " + v.message()));
            }
        }
        return violations;
    }
}
