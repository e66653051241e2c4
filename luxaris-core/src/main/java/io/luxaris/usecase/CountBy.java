package io.luxaris.usecase;

/** What {@link Schedules#counts} groups schedules by. */
public enum CountBy {
    /** The schedule's status. */
    STATUS,
    /** The channel it publishes to. */
    CHANNEL,
    /** The connection (account) it publishes with. */
    CONNECTION
}
