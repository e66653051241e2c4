package io.luxaris.spi.storage;

import io.luxaris.domain.ScheduleId;
import java.util.Objects;

/** What a claim holder must still match for its write to count: the attempt number and the lease owner. */
public record Fence(ScheduleId id, int attempt, String owner) {
    public Fence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
    }
}
