package io.luxaris.spi.security;

import java.util.Objects;
import java.util.Set;

/**
 * Whose resources a principal may list: everyone's, or those of a set of owners. Listings (posts, calendar,
 * connections) push this into the storage query so paging stays exact.
 */
public sealed interface OwnerScope {
    static OwnerScope all() {
        return All.INSTANCE;
    }

    static OwnerScope only(Set<String> owners) {
        return new Only(owners);
    }

    static OwnerScope only(String owner) {
        return new Only(Set.of(owner));
    }

    boolean includes(String owner);

    /** Every owner. */
    enum All implements OwnerScope {
        INSTANCE;

        @Override
        public boolean includes(String owner) {
            return true;
        }
    }

    /** Only these owners. */
    record Only(Set<String> owners) implements OwnerScope {
        public Only {
            owners = Set.copyOf(Objects.requireNonNull(owners, "owners"));
        }

        @Override
        public boolean includes(String owner) {
            return owners.contains(owner);
        }
    }
}
