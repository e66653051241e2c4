package io.luxaris.internal.usecase;

import io.luxaris.domain.Channel;
import io.luxaris.domain.ChannelId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.ScheduleCountCriteria;
import io.luxaris.spi.storage.ScheduleCountRow;
import io.luxaris.usecase.CountBy;
import io.luxaris.usecase.ScheduleCount;
import io.luxaris.usecase.Schedules;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link Schedules#counts}: one grouped count query with the calendar's access rule. */
final class ScheduleCounts {
    private static final Comparator<ScheduleCount> ORDER = Comparator.<ScheduleCount, String>comparing(
                    c -> c.status().map(ScheduleStatus::wireName).orElse(""))
            .thenComparing(c -> c.channel().orElse(""))
            .thenComparing(c -> c.connection().map(id -> id.value().toString()).orElse(""));

    private ScheduleCounts() {}

    static List<ScheduleCount> count(
            CoreRuntime rt, Principal principal, Instant from, Instant to, CountBy... groupBy) {
        Objects.requireNonNull(principal, "principal");
        var v = Validation.start();
        v.required("from", from);
        v.required("to", to);
        v.required("groupBy", groupBy);
        v.throwIfInvalid();
        DefaultCalendar.checkRange(v, from, to);
        var by = EnumSet.noneOf(CountBy.class);
        for (CountBy g : groupBy) {
            if (g == null) {
                v.add("groupBy", "required", "must not contain null");
            } else {
                by.add(g);
            }
        }
        v.throwIfInvalid();
        var criteria = new ScheduleCountCriteria(
                from,
                to,
                rt.access().readableOwners(principal, ResourceType.POST),
                by.contains(CountBy.STATUS),
                by.contains(CountBy.CHANNEL),
                by.contains(CountBy.CONNECTION));
        Map<ChannelId, String> keys = new HashMap<>();
        List<ScheduleCountRow> rows = rt.storage().readOnly(tx -> {
            if (criteria.byChannel()) {
                for (Channel c : tx.channels().list()) {
                    keys.put(c.id(), c.key());
                }
            }
            return tx.schedules().counts(criteria);
        });
        return rows.stream()
                .filter(r -> r.count() > 0)
                .map(r -> new ScheduleCount(
                        r.status(),
                        r.channel().map(id -> keys.getOrDefault(id, id.value().toString())),
                        r.connection(),
                        r.count()))
                .sorted(ORDER)
                .toList();
    }
}
