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
 */
public record ScheduleRequest(VariantId variant, Optional<ConnectionId> connection, When when) {
    public ScheduleRequest {
        connection = connection == null ? Optional.empty() : connection;
    }

    /** At a wall-clock time in the author's zone, e.g. tomorrow 09:00 Europe/Berlin. */
    public static ScheduleRequest at(VariantId variant, ConnectionId connection, LocalDateTime time, ZoneId zone) {
        return new ScheduleRequest(variant, Optional.of(connection), When.local(time, zone));
    }

    /** At an exact instant. */
    public static ScheduleRequest at(VariantId variant, ConnectionId connection, Instant instant) {
        return new ScheduleRequest(variant, Optional.of(connection), When.instant(instant));
    }
}
