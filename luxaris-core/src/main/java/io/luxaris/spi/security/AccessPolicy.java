package io.luxaris.spi.security;

import io.luxaris.domain.ChannelConnection;

/**
 * The host's permission decisions (users, roles and teams live in the host, the "System context"). Luxaris asks
 * before every use case and throws {@code AccessDeniedException} on a no. The default, {@link #ownerOnly()}, lets
 * anyone create resources and lets a principal see, change and use only what it owns.
 *
 * <p>{@link #canRead} and {@link #readableOwners} must agree: listings use the scope, lookups the predicate.
 */
public interface AccessPolicy {
    /**
     * May this principal create a resource of this type?
     *
     * @param principal the acting principal
     * @param type the kind of resource
     * @return whether it may
     */
    boolean canCreate(Principal principal, ResourceType type);

    /**
     * May this principal see a resource of this type owned by {@code ownerId}?
     *
     * @param principal the acting principal
     * @param type the kind of resource
     * @param ownerId the principal id of the resource's owner
     * @return whether it may
     */
    boolean canRead(Principal principal, ResourceType type, String ownerId);

    /**
     * May this principal change (edit, archive, cancel, schedule) a resource owned by {@code ownerId}?
     *
     * @param principal the acting principal
     * @param type the kind of resource
     * @param ownerId the principal id of the resource's owner
     * @return whether it may
     */
    boolean canWrite(Principal principal, ResourceType type, String ownerId);

    /**
     * Whose resources of this type this principal may list.
     *
     * @param principal the acting principal
     * @param type the kind of resource
     * @return the owners whose resources listings include
     */
    OwnerScope readableOwners(Principal principal, ResourceType type);

    /**
     * May this principal publish through this connection? Default: may write it.
     *
     * @param principal the acting principal
     * @param connection the account
     * @return whether it may
     */
    default boolean canPublishWith(Principal principal, ChannelConnection connection) {
        return canWrite(principal, ResourceType.CONNECTION, connection.ownerPrincipalId());
    }

    /**
     * May this principal approve or reject a schedule held for approval on a resource owned by {@code ownerId} (a
     * post), or lift an approval requirement on such a resource (a post or a connection)? Setting a requirement only
     * needs {@link #canWrite}. Default: may write it, so with {@link #ownerOnly()} an author approves their own posts;
     * a host that wants a second pair of eyes overrides this (for example: reviewers only, never the owner).
     *
     * @param principal the acting principal
     * @param type the kind of resource ({@link ResourceType#POST} or {@link ResourceType#CONNECTION})
     * @param ownerId the principal id of the resource's owner
     * @return whether it may
     */
    default boolean canApprove(Principal principal, ResourceType type, String ownerId) {
        return canWrite(principal, type, ownerId);
    }

    /**
     * Everyone may create; each principal reads, writes and publishes with its own resources only.
     *
     * @return the default policy
     */
    static AccessPolicy ownerOnly() {
        return OwnerOnly.INSTANCE;
    }

    /** The default policy. */
    enum OwnerOnly implements AccessPolicy {
        /** The one instance. */
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
