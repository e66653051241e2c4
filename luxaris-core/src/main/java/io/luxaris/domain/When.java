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
    /** {@return the author's zone: the one the time is chosen and shown in} */
    ZoneId zone();

    /**
     * A local date-time in a zone; DST gaps and overlaps are resolved by the scheduling rules.
     *
     * @param dateTime the wall-clock time
     * @param zone the author's IANA zone
     * @return the time
     */
    static When local(LocalDateTime dateTime, ZoneId zone) {
        return new Local(dateTime, zone);
    }

    /**
     * An exact instant, shown in UTC.
     *
     * @param instant the instant
     * @return the time
     */
    static When instant(Instant instant) {
        return new Exact(instant, ZoneOffset.UTC);
    }

    /**
     * An exact instant, shown to the author in a zone.
     *
     * @param instant the instant
     * @param zone the author's zone
     * @return the time
     */
    static When instant(Instant instant, ZoneId zone) {
        return new Exact(instant, zone);
    }

    /**
     * A wall-clock time in the author's zone.
     *
     * @param dateTime the wall-clock time
     * @param zone the author's IANA zone
     */
    record Local(LocalDateTime dateTime, ZoneId zone) implements When {
        /**
         * Checks the components are set.
         *
         * @param dateTime the wall-clock time
         * @param zone the author's IANA zone
         */
        public Local {
            Objects.requireNonNull(dateTime, "dateTime");
            Objects.requireNonNull(zone, "zone");
        }
    }

    /**
     * An exact instant.
     *
     * @param instant the instant
     * @param zone the zone it is shown in
     */
    record Exact(Instant instant, ZoneId zone) implements When {
        /**
         * Checks the components are set.
         *
         * @param instant the instant
         * @param zone the zone it is shown in
         */
        public Exact {
            Objects.requireNonNull(instant, "instant");
            Objects.requireNonNull(zone, "zone");
        }
    }
}
