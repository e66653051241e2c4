package io.luxaris;

/** The acting principal may not perform this action on this resource (decided by the {@code AccessPolicy}). */
public final class AccessDeniedException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    private final String principalId;
    private final String action;
    private final String resource;

    public AccessDeniedException(String principalId, String action, String resource) {
        super("principal " + principalId + " may not " + action + " " + resource);
        this.principalId = principalId;
        this.action = action;
        this.resource = resource;
    }

    public String principalId() {
        return principalId;
    }

    /** What was attempted, such as {@code read} or {@code edit}. */
    public String action() {
        return action;
    }

    /** The resource, such as {@code post 0190...}. */
    public String resource() {
        return resource;
    }
}
