package io.luxaris.internal.usecase;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.Post;
import io.luxaris.domain.PostId;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.RecurrenceFrequency;
import io.luxaris.domain.RecurrenceRule;
import io.luxaris.domain.RecurringSeries;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.SeriesId;
import io.luxaris.domain.SeriesOccurrence;
import io.luxaris.domain.SeriesStatus;
import io.luxaris.domain.When;
import io.luxaris.domain.rules.ConnectionRule;
import io.luxaris.domain.rules.ScheduleTimeRule;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.internal.CoreRuntime;
import io.luxaris.internal.PostStatusSync;
import io.luxaris.internal.RegisteredChannel;
import io.luxaris.internal.SeriesMaterialiser;
import io.luxaris.internal.Validation;
import io.luxaris.spi.security.Principal;
import io.luxaris.spi.security.ResourceType;
import io.luxaris.spi.storage.Transaction;
import io.luxaris.usecase.Recurrences;
import io.luxaris.usecase.SeriesRequest;
import io.luxaris.usecase.SeriesUpdate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link Recurrences} of an instance, built by the facade. */
public final class DefaultRecurrences implements Recurrences {
    private final CoreRuntime rt;
    private final DefaultPosts posts;

    public DefaultRecurrences(CoreRuntime rt, DefaultPosts posts) {
        this.rt = Objects.requireNonNull(rt, "rt");
        this.posts = Objects.requireNonNull(posts, "posts");
    }

    @Override
    public RecurringSeries create(Principal principal, SeriesRequest request) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(request, "request");
        var v = Validation.start();
        v.required("variant", request.variant());
        if (v.required("rule", request.rule())) {
            v.addAll(ruleViolations(request.rule()));
        }
        variationTexts(v, request.variations());
        v.range("horizonDays", request.horizonDays(), 1, RecurringSeries.MAX_HORIZON_DAYS);
        v.range("maxAhead", request.maxAhead(), 1, RecurringSeries.MAX_AHEAD);
        v.throwIfInvalid();
        var events = new ArrayList<LuxarisEvent>();
        RecurringSeries created = rt.storage().inTransaction(tx -> {
            events.clear();
            PostVariant variant = tx.variants()
                    .find(request.variant())
                    .orElseThrow(() -> new NotFoundException("variant", request.variant()));
            Post post = posts.writablePost(tx, principal, variant.postId());
            if (post.isArchived()) {
                throw new ConflictException("post " + post.id() + " is archived; it cannot recur");
            }
            Optional<ConnectionId> connectionId = request.connection().or(variant::connectionId);
            if (connectionId.isEmpty()) {
                throw ValidationException.of(
                        "connection", "required", "name a connection (the variant has no target connection)");
            }
            ChannelConnection connection = rt.connection(tx, connectionId.get());
            rt.requireRead(principal, ResourceType.CONNECTION, connection.ownerPrincipalId(), connection.id());
            rt.requirePublishWith(principal, connection);
            Instant now = rt.now();
            var checks = Validation.start();
            RegisteredChannel channel = channelOf(variant);
            checks.addAll(ConnectionRule.check(connection, channel.channel(), variant.channelId(), "connection"));
            checks.addAll(channel.validate(variant, Optional.of(connection), "variant"));
            checks.addAll(fitVariations(channel, variant, connection, request.variations()));
            checks.addAll(future(request.rule(), now));
            checks.throwIfInvalid();
            var series = new RecurringSeries(
                    SeriesId.random(),
                    variant.postId(),
                    variant.id(),
                    variant.channelId(),
                    connection.id(),
                    request.rule(),
                    request.variations(),
                    request.horizonDays(),
                    request.maxAhead(),
                    SeriesStatus.ACTIVE,
                    0,
                    0,
                    now,
                    now,
                    0);
            tx.recurrences().insert(series);
            events.add(new LuxarisEvent.SeriesCreated(now, series));
            RecurringSeries stored = Objects.requireNonNull(
                    SeriesMaterialiser.materialise(tx, rt, series, now, events).series());
            return stored;
        });
        published(events);
        return created;
    }

    @Override
    public RecurringSeries update(Principal principal, SeriesId id, SeriesUpdate update) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        if (update == null) {
            throw ValidationException.of("update", "required", "is required");
        }
        var v = Validation.start();
        if (v.required("rule", update.rule())) {
            v.addAll(ruleViolations(update.rule()));
        }
        variationTexts(v, update.variations());
        v.throwIfInvalid();
        var events = new ArrayList<LuxarisEvent>();
        RecurringSeries changed = rt.storage().inTransaction(tx -> {
            events.clear();
            RecurringSeries series = writableSeries(tx, principal, id);
            if (series.status() == SeriesStatus.CANCELLED) {
                throw new ConflictException("series " + id + " is cancelled; it cannot be changed");
            }
            Post post = tx.posts().find(series.postId()).orElseThrow();
            if (post.isArchived()) {
                throw new ConflictException("post " + post.id() + " is archived; its series cannot be changed");
            }
            Instant now = rt.now();
            PostVariant variant = tx.variants().find(series.variantId()).orElseThrow();
            ChannelConnection connection = rt.connection(tx, series.connectionId());
            var checks = Validation.start();
            checks.addAll(fitVariations(channelOf(variant), variant, connection, update.variations()));
            checks.addAll(future(update.rule(), now));
            checks.throwIfInvalid();
            for (Schedule s : SeriesMaterialiser.cancelFuture(tx, series, now)) {
                events.add(new LuxarisEvent.Cancelled(now, s));
            }
            RecurringSeries revised = tx.recurrences().update(series.revised(update.rule(), update.variations(), now));
            events.add(new LuxarisEvent.SeriesUpdated(now, revised));
            RecurringSeries stored = Objects.requireNonNull(
                    SeriesMaterialiser.materialise(tx, rt, revised, now, events).series());
            PostStatusSync.refresh(tx, series.postId(), rt.rules(), now);
            return stored;
        });
        published(events);
        return changed;
    }

    @Override
    public RecurringSeries cancel(Principal principal, SeriesId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        var events = new ArrayList<LuxarisEvent>();
        RecurringSeries cancelled = rt.storage().inTransaction(tx -> {
            events.clear();
            RecurringSeries series = writableSeries(tx, principal, id);
            if (series.status() == SeriesStatus.CANCELLED) {
                return series;
            }
            Instant now = rt.now();
            for (Schedule s : SeriesMaterialiser.cancelFuture(tx, series, now)) {
                events.add(new LuxarisEvent.Cancelled(now, s));
            }
            RecurringSeries stored =
                    tx.recurrences().update(series.with(SeriesStatus.CANCELLED, series.nextIndex(), now));
            PostStatusSync.refresh(tx, series.postId(), rt.rules(), now);
            events.add(new LuxarisEvent.SeriesCancelled(now, stored));
            return stored;
        });
        rt.events().publishAll(events);
        return cancelled;
    }

    @Override
    public RecurringSeries get(Principal principal, SeriesId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> readableSeries(tx, principal, id));
    }

    @Override
    public List<RecurringSeries> listForPost(Principal principal, PostId post) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(post, "post");
        return rt.storage().readOnly(tx -> {
            posts.readablePost(tx, principal, post);
            return tx.recurrences().listByPost(post);
        });
    }

    @Override
    public List<SeriesOccurrence> occurrences(Principal principal, SeriesId id) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        return rt.storage().readOnly(tx -> {
            readableSeries(tx, principal, id);
            return tx.recurrences().listOccurrences(id);
        });
    }

    @Override
    public List<ZonedDateTime> nextOccurrences(Principal principal, SeriesId id, int max) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Validation.start().range("max", max, 1, MAX_PREVIEW).throwIfInvalid();
        RecurringSeries series = get(principal, id);
        if (series.status() == SeriesStatus.CANCELLED) {
            return List.of();
        }
        Instant now = rt.now();
        var next = new ArrayList<ZonedDateTime>();
        var times = series.rule().localTimes().iterator();
        while (next.size() < max && times.hasNext()) {
            var time = ScheduleTimeRule.resolve(
                    When.local(times.next(), series.rule().zone()), now, rt.rules(), "occurrence");
            if (time.isValid()) {
                next.add(time.instant().get().atZone(series.rule().zone()));
            } else if (time.violations().get(0).rule().equals("horizon")) {
                break;
            }
        }
        return next;
    }

    @Override
    public int materialise() {
        return SeriesMaterialiser.materialiseAll(rt);
    }

    // ------------------------------------------------------------------ checks

    /** The range checks of a rule, fields under {@code rule.}. */
    private List<Violation> ruleViolations(RecurrenceRule rule) {
        var v = Validation.start();
        v.range("rule.interval", rule.interval(), 1, RecurrenceRule.MAX_INTERVAL);
        if (rule.frequency() == RecurrenceFrequency.WEEKLY && rule.weekdays().isEmpty()) {
            v.add("rule.weekdays", "required", "a weekly rule needs at least one weekday");
        }
        if (rule.frequency() != RecurrenceFrequency.WEEKLY && !rule.weekdays().isEmpty()) {
            v.add("rule.weekdays", "not_allowed", "only a weekly rule has weekdays");
        }
        if (rule.frequency() == RecurrenceFrequency.MONTHLY) {
            v.range("rule.dayOfMonth", rule.dayOfMonth(), 1, 31);
        } else if (rule.dayOfMonth() != 0) {
            v.add("rule.dayOfMonth", "not_allowed", "only a monthly rule has a day of the month");
        }
        rule.count().ifPresent(k -> v.range("rule.count", k, 1, RecurrenceRule.MAX_COUNT));
        if (rule.count().isPresent() && rule.until().isPresent()) {
            v.add("rule.until", "not_allowed", "a rule ends after a count or at a date, not both");
        }
        rule.until().ifPresent(last -> {
            if (last.isBefore(rule.start())) {
                v.add("rule.until", "before_start", "is " + last + "; it must not be before the start " + rule.start());
            } else if (last.getYear() > MAX_YEAR) {
                v.add("rule.until", "range", "is " + last + "; it must not be after the year " + MAX_YEAR);
            }
        });
        var today = rt.now().atZone(rule.zone()).toLocalDate();
        if (rule.start().isBefore(today.minusDays(MAX_START_DAYS_BACK))) {
            v.add(
                    "rule.start",
                    "range",
                    "is " + rule.start() + "; it must not be more than " + MAX_START_DAYS_BACK + " days before today ("
                            + today + ")");
        }
        if (rule.start().isAfter(today.plusDays(rt.rules().maxHorizon().toDays()))) {
            v.add(
                    "rule.start",
                    "horizon",
                    "is " + rule.start() + "; it must be within the scheduling horizon ("
                            + rt.rules().maxHorizon().toDays() + " days)");
        }
        return v.violations();
    }

    /** Every variation present, non-blank, storable and at most the length limit; at most the limit of them. */
    private static void variationTexts(Validation v, List<String> variations) {
        v.maxSize("variations", variations, RecurringSeries.MAX_VARIATIONS);
        if (variations.size() <= RecurringSeries.MAX_VARIATIONS) {
            for (int i = 0; i < variations.size(); i++) {
                v.text("variations[" + i + "]", variations.get(i), RecurringSeries.MAX_VARIATION_LENGTH);
            }
        }
    }

    /** Each variation checked against the channel like the variant's content. */
    private static List<Violation> fitVariations(
            RegisteredChannel channel, PostVariant variant, ChannelConnection connection, List<String> variations) {
        var violations = new ArrayList<Violation>();
        for (int i = 0; i < variations.size(); i++) {
            PostVariant candidate = new PostVariant(
                    variant.id(),
                    variant.postId(),
                    variant.channelId(),
                    variant.connectionId(),
                    variations.get(i),
                    variant.thread(),
                    variant.followUps(),
                    variant.media(),
                    variant.tone(),
                    variant.source(),
                    variant.status(),
                    variant.metadata(),
                    variant.createdAt(),
                    variant.updatedAt(),
                    variant.publishedAt(),
                    variant.version());
            violations.addAll(channel.validate(candidate, Optional.of(connection), "variations[" + i + "]"));
        }
        return violations;
    }

    /** A rule whose every occurrence is already past (or skipped) would never publish. */
    private List<Violation> future(RecurrenceRule rule, Instant now) {
        var times = rule.localTimes().iterator();
        while (times.hasNext()) {
            LocalDateTime local = times.next();
            var time = ScheduleTimeRule.resolve(When.local(local, rule.zone()), now, rt.rules(), "rule");
            if (time.isValid() || time.violations().get(0).rule().equals("horizon")) {
                return List.of();
            }
        }
        return List.of(Violation.of("rule", "no_occurrences", "every occurrence of the rule is in the past"));
    }

    private RegisteredChannel channelOf(PostVariant variant) {
        return rt.channel(variant.channelId())
                .orElseThrow(() -> ValidationException.of(
                        "variant", "channel_disabled", "the variant's channel has no registered provider"));
    }

    private void published(List<LuxarisEvent> events) {
        rt.events().publishAll(events);
        events.stream()
                .filter(e -> e instanceof LuxarisEvent.Scheduled)
                .map(e -> ((LuxarisEvent.Scheduled) e).schedule().nextAttemptAt())
                .min(Instant::compareTo)
                .ifPresent(due -> rt.engine().ifPresent(e -> e.wakeUp(due)));
    }

    private RecurringSeries readableSeries(Transaction tx, Principal principal, SeriesId id) {
        RecurringSeries series = tx.recurrences().find(id).orElseThrow(() -> new NotFoundException("series", id));
        posts.readablePost(tx, principal, series.postId());
        return series;
    }

    private RecurringSeries writableSeries(Transaction tx, Principal principal, SeriesId id) {
        RecurringSeries series = tx.recurrences().find(id).orElseThrow(() -> new NotFoundException("series", id));
        posts.writablePost(tx, principal, series.postId());
        return series;
    }
}
