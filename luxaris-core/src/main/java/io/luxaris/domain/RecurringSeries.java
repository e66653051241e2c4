package io.luxaris.domain;

import io.luxaris.util.Args;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A recurring post: one variant published through one connection at every occurrence of a {@link RecurrenceRule}.
 * With {@code variations}, occurrence {@code i} publishes {@code variations[i % size]} instead of the variant's
 * content (a copy of the variant with that text, made when the occurrence is materialised). Occurrences become
 * schedules ahead of time: those less than {@code horizonDays} ahead, at most {@code maxAhead} not yet due at a
 * time. {@code revision} counts rule changes (each starts the occurrence indexes again) and {@code nextIndex} is
 * the index of the next occurrence of the current revision to materialise.
 *
 * @param id the series' id
 * @param postId the post of the variant
 * @param variantId the variant published (or copied with a variation's text)
 * @param channelId the variant's channel
 * @param connectionId the account to publish through
 * @param rule when to publish
 * @param variations texts used in turn, one per occurrence; empty: the variant's own content every time
 * @param horizonDays how many days ahead occurrences become schedules
 * @param maxAhead at most this many schedules of the series not yet due at a time
 * @param status where it is in its lifecycle
 * @param revision how many times its rule or variations changed
 * @param nextIndex the index of the next occurrence of this revision to materialise
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the optimistic-locking version
 */
public record RecurringSeries(
        SeriesId id,
        PostId postId,
        VariantId variantId,
        ChannelId channelId,
        ConnectionId connectionId,
        RecurrenceRule rule,
        List<String> variations,
        int horizonDays,
        int maxAhead,
        SeriesStatus status,
        int revision,
        int nextIndex,
        Instant createdAt,
        Instant updatedAt,
        long version) {
    /** The most variations of one series. */
    public static final int MAX_VARIATIONS = 50;

    /** The longest variation, in characters (before the channel's own, smaller limit). */
    public static final int MAX_VARIATION_LENGTH = 10_000;

    /** The most days ahead a series materialises (also bounded by the rules' horizon). */
    public static final int MAX_HORIZON_DAYS = 366;

    /** The most schedules of one series not yet due at a time. */
    public static final int MAX_AHEAD = 100;

    /** The horizon unless one is given: 30 days. */
    public static final int DEFAULT_HORIZON_DAYS = 30;

    /** The schedules ahead unless a number is given: 30. */
    public static final int DEFAULT_MAX_AHEAD = 30;

    /**
     * Checks the components and copies the variations.
     *
     * @param id the series' id
     * @param postId the post of the variant
     * @param variantId the variant published (or copied with a variation's text)
     * @param channelId the variant's channel
     * @param connectionId the account to publish through
     * @param rule when to publish
     * @param variations texts used in turn, one per occurrence; empty: the variant's own content every time
     * @param horizonDays how many days ahead occurrences become schedules
     * @param maxAhead at most this many schedules of the series not yet due at a time
     * @param status where it is in its lifecycle
     * @param revision how many times its rule or variations changed
     * @param nextIndex the index of the next occurrence of this revision to materialise
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     * @param version the optimistic-locking version
     * @throws IllegalArgumentException when a count is negative
     */
    public RecurringSeries {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(rule, "rule");
        variations = List.copyOf(variations);
        Args.notNegative(horizonDays, "horizonDays");
        Args.notNegative(maxAhead, "maxAhead");
        Objects.requireNonNull(status, "status");
        Args.notNegative(revision, "revision");
        Args.notNegative(nextIndex, "nextIndex");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Args.notNegative(version, "version");
    }

    /**
     * The text occurrence {@code index} publishes instead of the variant's content, if the series has variations.
     *
     * @param index the occurrence's index
     * @return {@code variations[index % size]}, or empty without variations
     */
    public java.util.Optional<String> variationFor(int index) {
        return variations.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(variations.get(Math.floorMod(index, variations.size())));
    }

    /**
     * This series with another rule and variations: a new revision whose indexes start at 0 again.
     *
     * @param newRule the rule
     * @param newVariations the variations
     * @param now the time of the change
     * @return the changed copy, active
     */
    public RecurringSeries revised(RecurrenceRule newRule, List<String> newVariations, Instant now) {
        return new RecurringSeries(
                id,
                postId,
                variantId,
                channelId,
                connectionId,
                newRule,
                newVariations,
                horizonDays,
                maxAhead,
                SeriesStatus.ACTIVE,
                revision + 1,
                0,
                createdAt,
                now,
                version);
    }

    /**
     * This series in another status, with the next index to materialise.
     *
     * @param newStatus the status
     * @param newNextIndex the index of the next occurrence to materialise
     * @param now the time of the change
     * @return the changed copy
     */
    public RecurringSeries with(SeriesStatus newStatus, int newNextIndex, Instant now) {
        return new RecurringSeries(
                id,
                postId,
                variantId,
                channelId,
                connectionId,
                rule,
                variations,
                horizonDays,
                maxAhead,
                newStatus,
                revision,
                newNextIndex,
                createdAt,
                now,
                version);
    }
}
