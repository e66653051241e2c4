package io.luxaris.spi.security;

/** Kinds of owned resources an {@link AccessPolicy} decides about. */
public enum ResourceType {
    /** Posts, with their variants and schedules. */
    POST,
    /** Post templates. */
    TEMPLATE,
    /** Channel connections (accounts). */
    CONNECTION,
    /** Generation sessions, with their suggestions. */
    GENERATION_SESSION,
    /** Publishing queues with their time slots. */
    QUEUE
}
