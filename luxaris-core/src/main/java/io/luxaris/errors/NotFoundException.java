package io.luxaris.errors;

import java.util.Objects;

/** The referenced resource does not exist. */
public final class NotFoundException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    /** Kind of resource. */
    private final String resource;
    /** The id that was not found. */
    private final String id;

    /**
     * Creates the exception; the message names the resource and the id.
     *
     * @param resource kind of resource, such as {@code post} or {@code schedule}
     * @param id the id that was not found
     */
    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " does not exist");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.id = String.valueOf(id);
    }

    /**
     * Kind of resource, such as {@code post} or {@code schedule}.
     *
     * @return the kind of resource
     */
    public String resource() {
        return resource;
    }

    /**
     * The id that was not found.
     *
     * @return the id, as text
     */
    public String id() {
        return id;
    }
}
