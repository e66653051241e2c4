package io.luxaris.internal;

import io.luxaris.domain.ChannelConnection;
import io.luxaris.domain.Credentials;
import io.luxaris.domain.FailureKind;
import io.luxaris.domain.Limits;
import io.luxaris.domain.PostVariant;
import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleId;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantStatus;
import io.luxaris.errors.ConflictException;
import io.luxaris.events.LuxarisEvent;
import io.luxaris.spi.channel.ChannelPublisher;
import io.luxaris.spi.channel.LookupResult;
import io.luxaris.spi.channel.PublishRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles an unconfirmed schedule with the platform when its channel can look posts up: found means published,
 * certainly absent means publish again now, anything else leaves it unconfirmed for a person. No transaction is
 * open during the lookup.
 */
public final class Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private Reconciliation() {}

    /** What reconciling found out. */
    public enum Result {
        PUBLISHED,
        NOT_PUBLISHED,
        STILL_UNKNOWN,
        NOT_SUPPORTED
    }

    /** The schedule as stored afterwards, what was found, and the events to tell the host. */
    public record Outcome(Schedule schedule, Result result, List<LuxarisEvent> events) {}

    /**
     * The checkpoint of a schedule whose post a lookup found: {@code existing} (the attempt's) with the found post's
     * checkpoint merged over it, so that the follow-up hanging on it sees every part the lookup found.
     *
     * @param existing the schedule's checkpoint before the lookup
     * @param found what the lookup found
     * @return the merged checkpoint, in order: the existing entries (updated), then the new ones
     */
    public static Map<String, String> checkpointFound(Map<String, String> existing, LookupResult.Found found) {
        var merged = new LinkedHashMap<>(existing);
        merged.putAll(found.checkpoint());
        return merged;
    }

    public static Outcome reconcile(CoreRuntime rt, ScheduleId id) {
        record Loaded(
                Schedule schedule,
                @Nullable PostVariant variant,
                @Nullable ChannelConnection connection,
                @Nullable Credentials credentials) {}
        @Nullable
        Loaded loaded = rt.storage().readOnly(tx -> {
            Schedule s = tx.schedules().find(id).orElse(null);
            if (s == null || s.status() != ScheduleStatus.UNCONFIRMED) {
                return s == null ? null : new Loaded(s, null, null, null);
            }
            PostVariant v = tx.variants().find(s.variantId()).orElse(null);
            ChannelConnection c = tx.connections().find(s.connectionId()).orElse(null);
            @Nullable Credentials credentials = null;
            if (c != null) {
                try {
                    credentials = rt.credentials(tx, c.id());
                } catch (RuntimeException e) {
                    if (e instanceof io.luxaris.errors.StorageException) {
                        throw e;
                    }
                    LOG.warn(
                            "the credentials of connection {} cannot be decrypted; schedule {} stays unconfirmed",
                            c.id(),
                            id);
                    return new Loaded(s, null, null, null); // cannot ask the platform without them
                }
            }
            return new Loaded(s, v, c, credentials);
        });
        if (loaded == null) {
            throw new io.luxaris.errors.NotFoundException("schedule", id);
        }
        Schedule schedule = loaded.schedule();
        if (schedule.status() != ScheduleStatus.UNCONFIRMED
                || loaded.variant() == null
                || loaded.connection() == null) {
            return new Outcome(schedule, Result.STILL_UNKNOWN, List.of());
        }
        Optional<RegisteredChannel> channel = rt.channel(schedule.channelId());
        if (channel.isEmpty() || !channel.get().publisher().supportsLookup()) {
            return new Outcome(schedule, Result.NOT_SUPPORTED, List.of());
        }
        ChannelPublisher publisher = channel.get().publisher();
        var context = new AttemptContext(rt, loaded.connection().id(), Objects.requireNonNull(loaded.credentials()));
        PublishRequest request;
        if (schedule.isFollowUp()) {
            var prepared = FollowUpChain.request(
                    rt,
                    schedule,
                    Math.max(1, schedule.attemptCount()),
                    loaded.variant(),
                    loaded.connection(),
                    channel.get());
            if (prepared.request().isEmpty()) {
                return new Outcome(schedule, Result.STILL_UNKNOWN, List.of());
            }
            request = prepared.request().get();
        } else {
            request = new PublishRequest(
                    schedule.id(),
                    Math.max(1, schedule.attemptCount()),
                    loaded.variant(),
                    loaded.connection(),
                    schedule.checkpoint());
        }
        if (!publisher.supportsLookup(request)) {
            return new Outcome(schedule, Result.NOT_SUPPORTED, List.of());
        }
        LookupResult found;
        try {
            found = publisher.lookup(request, context);
        } catch (RuntimeException e) {
            LOG.warn("looking up unconfirmed schedule {} failed", id, e);
            return new Outcome(schedule, Result.STILL_UNKNOWN, List.of());
        }
        if (found instanceof LookupResult.Unknown) {
            return new Outcome(schedule, Result.STILL_UNKNOWN, List.of());
        }
        var events = new ArrayList<LuxarisEvent>();
        try {
            Schedule stored = rt.storage().inTransaction(tx -> {
                events.clear();
                Schedule current = tx.schedules().find(id).orElseThrow();
                if (current.status() != ScheduleStatus.UNCONFIRMED || current.version() != schedule.version()) {
                    return null; // someone resolved it meanwhile
                }
                Instant now = rt.now();
                Schedule next;
                PublishEvent event;
                if (found instanceof LookupResult.Found f) {
                    String externalId = Redactor.truncate(f.externalId(), Limits.EXTERNAL_REF);
                    Optional<String> url = f.url().map(u -> Redactor.truncate(u, Limits.EXTERNAL_REF));
                    next = current.withStatus(ScheduleStatus.SUCCESS, now).toBuilder()
                            .lease(Optional.empty())
                            .checkpoint(ExternalText.clean(checkpointFound(current.checkpoint(), f)))
                            .external(Optional.of(externalId), url)
                            .error(Optional.empty(), Optional.empty())
                            .build();
                    event = PublishEvent.success(id, current.attemptCount(), now, externalId, url, Optional.empty())
                            .withNote("reconciled", "found on the platform after the outcome was unknown");
                    PostVariant variant =
                            tx.variants().find(current.variantId()).orElse(null);
                    if (variant != null && !variant.isPublished()) {
                        variant = tx.variants().update(variant.withStatus(VariantStatus.PUBLISHED, now));
                    }
                    if (variant != null) {
                        FollowUpChain.next(current, variant, now).ifPresent(tx.schedules()::insert);
                    }
                } else {
                    next = current.withStatus(ScheduleStatus.PENDING, now).toBuilder()
                            .lease(Optional.empty())
                            .nextAttemptAt(now)
                            .error(
                                    Optional.of("reconciled_absent"),
                                    Optional.of("not on the platform; publishing again"))
                            .build();
                    event = PublishEvent.retried(
                            id,
                            current.attemptCount(),
                            now,
                            Optional.of(FailureKind.UNKNOWN),
                            "reconciled_absent",
                            "looked up after the outcome was unknown: not on the platform",
                            Optional.empty());
                }
                Schedule saved = tx.schedules().update(next);
                tx.publishEvents().insert(event);
                PostStatusSync.refresh(tx, saved.postId(), rt.rules(), now);
                events.add(
                        saved.status() == ScheduleStatus.SUCCESS
                                ? new LuxarisEvent.Published(now, saved, event)
                                : new LuxarisEvent.Rescheduled(now, saved));
                return saved;
            });
            if (stored == null) {
                return new Outcome(
                        rt.storage().readOnly(tx -> tx.schedules().find(id).orElseThrow()),
                        Result.STILL_UNKNOWN,
                        List.of());
            }
            rt.events().publishAll(events);
            return new Outcome(
                    stored,
                    stored.status() == ScheduleStatus.SUCCESS ? Result.PUBLISHED : Result.NOT_PUBLISHED,
                    events);
        } catch (ConflictException e) {
            return new Outcome(schedule, Result.STILL_UNKNOWN, List.of());
        }
    }
}
