package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.RecurrenceRule;
import io.luxaris.domain.RecurringSeries;
import io.luxaris.domain.VariantId;
import java.util.List;
import java.util.Optional;

/**
 * Publish a variant through a connection at every occurrence of a rule.
 *
 * @param variant the variant to publish
 * @param connection the account to publish through; empty: the variant's own target connection
 * @param rule when to publish
 * @param variations texts used in turn, one per occurrence, instead of the variant's content; empty: none
 * @param horizonDays how many days ahead occurrences become schedules (default {@value
 *     RecurringSeries#DEFAULT_HORIZON_DAYS})
 * @param maxAhead at most this many schedules not yet due at a time (default {@value
 *     RecurringSeries#DEFAULT_MAX_AHEAD})
 */
public record SeriesRequest(
        VariantId variant,
        Optional<ConnectionId> connection,
        RecurrenceRule rule,
        List<String> variations,
        int horizonDays,
        int maxAhead) {
    /**
     * Turns a null connection into empty and null variations into none (the use case reports missing fields and
     * null texts).
     *
     * @param variant the variant to publish
     * @param connection the account to publish through; empty: the variant's own target connection
     * @param rule when to publish
     * @param variations texts used in turn, one per occurrence, instead of the variant's content; empty: none
     * @param horizonDays how many days ahead occurrences become schedules
     * @param maxAhead at most this many schedules not yet due at a time
     */
    public SeriesRequest {
        connection = connection == null ? Optional.empty() : connection;
        variations = variations == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(variations));
    }

    /**
     * A series with the default horizon and no variations.
     *
     * @param variant the variant to publish
     * @param connection the account to publish through
     * @param rule when to publish
     * @return the request
     */
    public static SeriesRequest of(VariantId variant, ConnectionId connection, RecurrenceRule rule) {
        return new SeriesRequest(
                variant,
                Optional.of(connection),
                rule,
                List.of(),
                RecurringSeries.DEFAULT_HORIZON_DAYS,
                RecurringSeries.DEFAULT_MAX_AHEAD);
    }

    /**
     * This request with texts used in turn.
     *
     * @param texts the variations
     * @return the changed copy
     */
    public SeriesRequest withVariations(List<String> texts) {
        return new SeriesRequest(variant, connection, rule, texts, horizonDays, maxAhead);
    }

    /**
     * This request with another horizon.
     *
     * @param days how many days ahead occurrences become schedules
     * @param max at most this many schedules not yet due at a time
     * @return the changed copy
     */
    public SeriesRequest withHorizon(int days, int max) {
        return new SeriesRequest(variant, connection, rule, variations, days, max);
    }
}
