package io.luxaris.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When to publish: a wall-clock time in the author's IANA zone (the usual case), or an exact instant (shown to
 * the author in {@code zone}).
 */
public sealed interface When {
    ZoneId zone();

    /** A local date-time in a zone; DST gaps and overlaps are resolved by the scheduling rules. */
    static When local(LocalDateTime dateTime, ZoneId zone) {
        return new Local(dateTime, zone);
    }

    static When instant(Instant instant) {
        return new Exact(instant, ZoneOffset.UTC);
    }

    static When instant(Instant instant, ZoneId zone) {
        return new Exact(instant, zone);
    }

    record Local(LocalDateTime dateTime, ZoneId zone) implements When {
        public Local {
            Objects.requireNonNull(dateTime, "dateTime");
            Objects.requireNonNull(zone, "zone");
        }
    }

    record Exact(Instant instant, ZoneId zone) implements When {
        public Exact {
            Objects.requireNonNull(instant, "instant");
            Objects.requireNonNull(zone, "zone");
        }
    }
}
