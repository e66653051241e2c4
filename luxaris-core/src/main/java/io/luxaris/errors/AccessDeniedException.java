package io.luxaris.errors;

/** The acting principal may not perform this action on this resource (decided by the {@code AccessPolicy}). */
public final class AccessDeniedException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    /** The acting principal's id. */
    private final String principalId;
    /** What was attempted. */
    private final String action;
    /** The resource. */
    private final String resource;

    /**
     * Creates the exception; the message names the principal, the action and the resource.
     *
     * @param principalId the acting principal's id
     * @param action what was attempted, such as {@code read} or {@code edit}
     * @param resource the resource, such as {@code post 0190...}
     */
    public AccessDeniedException(String principalId, String action, String resource) {
        super("principal " + principalId + " may not " + action + " " + resource);
        this.principalId = principalId;
        this.action = action;
        this.resource = resource;
    }

    /**
     * The acting principal's id.
     *
     * @return the id of the principal that was refused
     */
    public String principalId() {
        return principalId;
    }

    /**
     * What was attempted, such as {@code read} or {@code edit}.
     *
     * @return the action
     */
    public String action() {
        return action;
    }

    /**
     * The resource, such as {@code post 0190...}.
     *
     * @return the kind and id of the resource
     */
    public String resource() {
        return resource;
    }
}
