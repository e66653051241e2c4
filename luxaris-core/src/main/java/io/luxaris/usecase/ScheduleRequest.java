package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.VariantId;
import io.luxaris.domain.When;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Publish a variant through a connection (default: the variant's own target connection) at a time.
 *
 * @param variant the variant to publish
 * @param connection the account to publish through; empty: the variant's own target connection
 * @param when the time, in the author's zone or as an instant
 */
public record ScheduleRequest(VariantId variant, Optional<ConnectionId> connection, When when) {
    /**
     * Turns a null connection into empty (the use case reports missing fields).
     *
     * @param variant the variant to publish
     * @param connection the account to publish through; empty: the variant's own target connection
     * @param when the time, in the author's zone or as an instant
     */
    public ScheduleRequest {
        connection = connection == null ? Optional.empty() : connection;
    }

    /**
     * At a wall-clock time in the author's zone, e.g. tomorrow 09:00 Europe/Berlin.
     *
     * @param variant the variant to publish
     * @param connection the account to publish through
     * @param time the wall-clock time
     * @param zone the author's IANA zone
     * @return the request
     */
    public static ScheduleRequest at(VariantId variant, ConnectionId connection, LocalDateTime time, ZoneId zone) {
        return new ScheduleRequest(variant, Optional.of(connection), When.local(time, zone));
    }

    /**
     * At an exact instant.
     *
     * @param variant the variant to publish
     * @param connection the account to publish through
     * @param instant the instant
     * @return the request
     */
    public static ScheduleRequest at(VariantId variant, ConnectionId connection, Instant instant) {
        return new ScheduleRequest(variant, Optional.of(connection), When.instant(instant));
    }
}
