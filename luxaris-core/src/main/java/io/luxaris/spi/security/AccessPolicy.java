package io.luxaris.spi.security;

import io.luxaris.Principal;
import io.luxaris.domain.ChannelConnection;

/**
 * The host's permission decisions (users, roles and teams live in the host, the "System context"). Luxaris asks
 * before every use case and throws {@code AccessDeniedException} on a no. The default, {@link #ownerOnly()}, lets
 * anyone create resources and lets a principal see, change and use only what it owns.
 *
 * <p>{@link #canRead} and {@link #readableOwners} must agree: listings use the scope, lookups the predicate.
 */
public interface AccessPolicy {
    /** May this principal create a resource of this type? */
    boolean canCreate(Principal principal, ResourceType type);

    /** May this principal see a resource of this type owned by {@code ownerId}? */
    boolean canRead(Principal principal, ResourceType type, String ownerId);

    /** May this principal change (edit, archive, cancel, schedule) a resource owned by {@code ownerId}? */
    boolean canWrite(Principal principal, ResourceType type, String ownerId);

    /** Whose resources of this type this principal may list. */
    OwnerScope readableOwners(Principal principal, ResourceType type);

    /** May this principal publish through this connection? Default: may write it. */
    default boolean canPublishWith(Principal principal, ChannelConnection connection) {
        return canWrite(principal, ResourceType.CONNECTION, connection.ownerPrincipalId());
    }

    /** Everyone may create; each principal reads, writes and publishes with its own resources only. */
    static AccessPolicy ownerOnly() {
        return OwnerOnly.INSTANCE;
    }

    /** The default policy. */
    enum OwnerOnly implements AccessPolicy {
        INSTANCE;

        @Override
        public boolean canCreate(Principal principal, ResourceType type) {
            return true;
        }

        @Override
        public boolean canRead(Principal principal, ResourceType type, String ownerId) {
            return principal.id().equals(ownerId);
        }

        @Override
        public boolean canWrite(Principal principal, ResourceType type, String ownerId) {
            return principal.id().equals(ownerId);
        }

        @Override
        public OwnerScope readableOwners(Principal principal, ResourceType type) {
            return OwnerScope.only(principal.id());
        }
    }
}
