package io.luxaris.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The claim of an engine instance on a schedule: who holds it and until when.
 *
 * @param owner the instance id of the engine that holds it
 * @param expiresAt when the claim lapses unless renewed
 */
public record Lease(String owner, Instant expiresAt) {
    /**
     * Checks the components are set.
     *
     * @param owner the instance id of the engine that holds it
     * @param expiresAt when the claim lapses unless renewed
     */
    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
