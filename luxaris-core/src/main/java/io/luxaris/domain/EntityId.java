package io.luxaris.domain;

import java.util.UUID;

/** Common shape of the typed identifiers. */
public interface EntityId {
    /** {@return the UUID the identifier wraps} */
    UUID value();
}
