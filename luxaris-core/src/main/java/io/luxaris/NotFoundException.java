package io.luxaris;

import java.util.Objects;

/** The referenced resource does not exist. */
public final class NotFoundException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    private final String resource;
    private final String id;

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " does not exist");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.id = String.valueOf(id);
    }

    /** Kind of resource, such as {@code post} or {@code schedule}. */
    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }
}
