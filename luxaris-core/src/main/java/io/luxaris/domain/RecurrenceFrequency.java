package io.luxaris.domain;

import java.util.Locale;

/** How a {@link RecurrenceRule} repeats. */
public enum RecurrenceFrequency {
    /** Every N days. */
    DAILY,
    /** Every N weeks, on chosen weekdays. */
    WEEKLY,
    /** Every N months, on a day of the month (the last day in months that are shorter). */
    MONTHLY;

    /** {@return the lower-case name stored and shown, e.g. {@code weekly}} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The frequency of a stored name.
     *
     * @param value a name such as {@link #wireName()} gives
     * @return the frequency
     * @throws IllegalArgumentException when the name is unknown
     */
    public static RecurrenceFrequency fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
