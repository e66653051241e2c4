package io.luxaris.domain;

import java.time.Instant;
import java.util.Objects;

/** The claim of an engine instance on a schedule: who holds it and until when. */
public record Lease(String owner, Instant expiresAt) {
    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
