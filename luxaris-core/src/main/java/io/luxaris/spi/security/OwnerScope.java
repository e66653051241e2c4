package io.luxaris.spi.security;

import java.util.Objects;
import java.util.Set;

/**
 * Whose resources a principal may list: everyone's, or those of a set of owners. Listings (posts, calendar,
 * connections) push this into the storage query so paging stays exact.
 */
public sealed interface OwnerScope {
    /** {@return the scope of every owner} */
    static OwnerScope all() {
        return All.INSTANCE;
    }

    /**
     * The scope of some owners.
     *
     * @param owners their principal ids
     * @return the scope
     */
    static OwnerScope only(Set<String> owners) {
        return new Only(owners);
    }

    /**
     * The scope of one owner.
     *
     * @param owner its principal id
     * @return the scope
     */
    static OwnerScope only(String owner) {
        return new Only(Set.of(owner));
    }

    /**
     * Whether the scope includes an owner.
     *
     * @param owner a principal id
     * @return whether that owner's resources are listed
     */
    boolean includes(String owner);

    /** Every owner. */
    enum All implements OwnerScope {
        /** The one instance. */
        INSTANCE;

        @Override
        public boolean includes(String owner) {
            return true;
        }
    }

    /**
     * Only these owners.
     *
     * @param owners their principal ids
     */
    record Only(Set<String> owners) implements OwnerScope {
        /**
         * Copies the owners.
         *
         * @param owners their principal ids
         */
        public Only {
            owners = Set.copyOf(Objects.requireNonNull(owners, "owners"));
        }

        @Override
        public boolean includes(String owner) {
            return owners.contains(owner);
        }
    }
}
