package io.luxaris.spi.security;

/** Kinds of owned resources an {@link AccessPolicy} decides about. */
public enum ResourceType {
    POST,
    TEMPLATE,
    CONNECTION,
    GENERATION_SESSION
}
