package io.luxaris.internal;

import io.luxaris.domain.Post;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.RecurringSeries;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.SeriesId;
import io.luxaris.domain.SeriesOccurrence;
import io.luxaris.domain.SeriesStatus;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.VariantStatus;
import io.luxaris.domain.When;
import io.luxaris.domain.rules.ScheduleTimeRule;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.Violation;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.spi.storage.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the occurrences of recurring series into schedules ahead of time: those before {@code now + horizonDays},
 * at most {@code maxAhead} not yet due per series. An occurrence in the past, or inside a DST gap the rules reject,
 * is passed over; one beyond the horizon waits for a later run. An occurrence whose time would break the
 * per-connection rate limits of the rules ({@link RateLimits}) is stored skipped with the limit's code
 * ({@code rate_limit} or {@code min_gap}) and reason, a cancelled publish event and a {@link LuxarisEvent.Skipped}
 * event, like a post the engine finds too late; it does not count towards {@code maxAhead}.
 *
 * <p>Safe with several instances: each series is materialised in its own transaction that ends with a versioned
 * update of the series, and storage keeps (series, revision, index) of occurrences unique; an instance that lost
 * the race gets a {@link ConflictException}, its transaction rolls back, and the series is left as the winner
 * wrote it.
 */
public final class SeriesMaterialiser {
    /** Series read per page when materialising all of them. */
    public static final int PAGE = 200;

    /** The metadata key naming the series on the variant copies made for variations. */
    public static final String SERIES_KEY = "luxaris.series";

    /** The metadata key naming the revision and occurrence index on those copies. */
    public static final String OCCURRENCE_KEY = "luxaris.occurrence";

    private SeriesMaterialiser() {}

    /** What materialising one series did. */
    public record Step(@Nullable RecurringSeries series, List<Schedule> created) {}

    /** Every active series, each in its own transaction; returns how many schedules were made. */
    public static int materialiseAll(CoreRuntime rt) {
        int created = 0;
        Optional<SeriesId> after = Optional.empty();
        while (true) {
            Optional<SeriesId> from = after;
            List<RecurringSeries> page =
                    rt.storage().readOnly(tx -> tx.recurrences().listActive(from, PAGE));
            for (RecurringSeries s : page) {
                created += materialiseOne(rt, s.id());
            }
            if (page.size() < PAGE) {
                return created;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }

    /** One series in its own transaction; 0 when another instance materialised it at the same time. */
    public static int materialiseOne(CoreRuntime rt, SeriesId id) {
        var events = new ArrayList<LuxarisEvent>();
        Step step;
        try {
            step = rt.storage().inTransaction(tx -> {
                events.clear();
                Optional<RecurringSeries> series = tx.recurrences().find(id);
                if (series.isEmpty()) {
                    return new Step(null, List.of());
                }
                return materialise(tx, rt, series.get(), rt.now(), events);
            });
        } catch (ConflictException lostRace) {
            return 0;
        }
        rt.events().publishAll(events);
        if (!step.created().isEmpty()) {
            rt.engine().ifPresent(e -> e.wakeUp(step.created().get(0).nextAttemptAt()));
        }
        return step.created().size();
    }

    /**
     * Materialises one series inside {@code tx}, adding a {@link LuxarisEvent.Scheduled} per new schedule to {@code
     * events}; returns the series as stored afterwards.
     */
    public static Step materialise(
            Transaction tx, CoreRuntime rt, RecurringSeries series, Instant now, List<LuxarisEvent> events) {
        if (series.status() != SeriesStatus.ACTIVE) {
            return new Step(series, List.of());
        }
        Post post = tx.posts().find(series.postId()).orElseThrow();
        if (post.isArchived()) {
            RecurringSeries cancelled =
                    tx.recurrences().update(series.with(SeriesStatus.CANCELLED, series.nextIndex(), now));
            events.add(new LuxarisEvent.SeriesCancelled(now, cancelled));
            return new Step(cancelled, List.of());
        }
        PostVariant base = tx.variants().find(series.variantId()).orElseThrow();
        int ahead = (int) tx.recurrences().listOccurrences(series.id()).stream()
                .filter(o -> o.revision() == series.revision() && o.runAt().isAfter(now))
                // only the rate limits skip an occurrence not yet due: look its schedule up only when they are set
                .filter(o -> !RateLimits.active(rt.rules())
                        || tx.schedules()
                                .find(o.scheduleId())
                                .map(s -> s.status() != ScheduleStatus.SKIPPED)
                                .orElse(true))
                .count();
        Instant horizonEnd = now.plus(Duration.ofDays(series.horizonDays()));
        int index = series.nextIndex();
        Iterator<LocalDateTime> times = series.rule().localTimes().skip(index).iterator();
        boolean ended = false;
        var created = new ArrayList<Schedule>();
        boolean skipped = false;
        while (ahead < series.maxAhead()) {
            if (!times.hasNext()) {
                ended = true;
                break;
            }
            LocalDateTime local = times.next();
            var time = ScheduleTimeRule.resolve(When.local(local, series.rule().zone()), now, rt.rules(), "occurrence");
            if (!time.isValid()) {
                if (time.violations().get(0).rule().equals("horizon")) {
                    break; // not yet: a later run makes it
                }
                index++; // in the past, or in a DST gap the rules reject: never published
                continue;
            }
            Instant at = time.instant().get();
            if (!at.isBefore(horizonEnd)) {
                break;
            }
            PostVariant variant = base;
            Optional<String> text = series.variationFor(index);
            if (text.isPresent()) {
                variant = copy(base, text.get(), series, index, now);
                tx.variants().insert(variant);
            }
            Schedule schedule = Schedule.pending(
                    variant, series.connectionId(), at, series.rule().zone(), now);
            List<Violation> limits =
                    RateLimits.check(tx, rt.rules(), series.connectionId(), at, Set.of(), List.of(), "occurrence");
            if (!limits.isEmpty()) {
                // like a post found too late: stored skipped with the reason, never published, the series goes on
                String code = limits.get(0).rule();
                String reason = limits.get(0).message();
                schedule = schedule.toBuilder()
                        .status(ScheduleStatus.SKIPPED)
                        .error(Optional.of(code), Optional.of(reason))
                        .build();
            }
            tx.schedules().insert(schedule);
            tx.recurrences()
                    .insertOccurrence(
                            new SeriesOccurrence(series.id(), series.revision(), index, at, schedule.id(), now));
            if (limits.isEmpty()) {
                created.add(schedule);
                events.add(new LuxarisEvent.Scheduled(now, schedule));
                ahead++;
            } else {
                tx.publishEvents()
                        .insert(PublishEvent.cancelled(
                                schedule.id(),
                                0,
                                now,
                                schedule.errorCode().orElseThrow(),
                                schedule.errorMessage().orElseThrow()));
                events.add(new LuxarisEvent.Skipped(
                        now, schedule, schedule.errorMessage().orElseThrow()));
                skipped = true;
            }
            index++;
        }
        if (index == series.nextIndex() && !ended) {
            return new Step(series, List.of());
        }
        RecurringSeries stored =
                tx.recurrences().update(series.with(ended ? SeriesStatus.ENDED : SeriesStatus.ACTIVE, index, now));
        if (created.stream().anyMatch(s -> s.variantId().equals(base.id()))
                && (base.status() == VariantStatus.DRAFT || base.status() == VariantStatus.FAILED)) {
            tx.variants().update(base.withStatus(VariantStatus.READY, now));
        }
        if (!created.isEmpty() || skipped) {
            PostStatusSync.refresh(tx, series.postId(), rt.rules(), now);
        }
        return new Step(stored, created);
    }

    /**
     * Cancels the series' schedules that are pending and not yet due (claimed, published or due ones stay);
     * returns them, cancelled.
     */
    public static List<Schedule> cancelFuture(Transaction tx, RecurringSeries series, Instant now) {
        var cancelled = new ArrayList<Schedule>();
        for (SeriesOccurrence o : tx.recurrences().listOccurrences(series.id())) {
            Optional<Schedule> schedule = tx.schedules().find(o.scheduleId());
            if (schedule.isPresent()
                    && schedule.get().status() == ScheduleStatus.PENDING
                    && schedule.get().runAt().isAfter(now)) {
                cancelled.add(tx.schedules()
                        .update(schedule.get().withStatus(ScheduleStatus.CANCELLED, now).toBuilder()
                                .lease(Optional.empty())
                                .build()));
            }
        }
        return cancelled;
    }

    /** The variant with a variation's text: a ready copy marked with the series and the occurrence. */
    public static PostVariant copy(PostVariant base, String text, RecurringSeries series, int index, Instant now) {
        return new PostVariant(
                VariantId.random(),
                base.postId(),
                base.channelId(),
                base.connectionId(),
                text,
                base.thread(),
                base.followUps(),
                base.media(),
                base.tone(),
                base.source(),
                VariantStatus.READY,
                Map.of(SERIES_KEY, series.id().toString(), OCCURRENCE_KEY, series.revision() + "." + index),
                now,
                now,
                Optional.empty(),
                0);
    }
}
