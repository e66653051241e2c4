package io.luxaris.errors;

/**
 * The request conflicts with the current state: an illegal lifecycle transition (the message names from, to and
 * why) or a concurrent modification (someone else changed the row first).
 */
public final class ConflictException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what conflicts, safe to log and show
     */
    public ConflictException(String message) {
        super(message);
    }

    /**
     * An illegal transition of {@code entity} from one status to another.
     *
     * @param entity the kind of entity, such as {@code schedule}
     * @param id its id
     * @param from its current status
     * @param to the status asked for
     * @param why why the move is not allowed
     * @return the exception, its message naming all of these
     */
    public static ConflictException transition(String entity, Object id, Object from, Object to, String why) {
        return new ConflictException(
                entity + " " + id + " cannot go from " + lower(from) + " to " + lower(to) + ": " + why);
    }

    /**
     * Someone else updated the row since it was read.
     *
     * @param entity the kind of entity, such as {@code post}
     * @param id its id
     * @return the exception; the caller should read the entity again and retry
     */
    public static ConflictException concurrentModification(String entity, Object id) {
        return new ConflictException(entity + " " + id + " was modified concurrently; read it again and retry");
    }

    private static String lower(Object status) {
        return String.valueOf(status).toLowerCase(java.util.Locale.ROOT);
    }
}
