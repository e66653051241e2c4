package io.luxaris;

/**
 * The request conflicts with the current state: an illegal lifecycle transition (the message names from, to and
 * why) or a concurrent modification (someone else changed the row first).
 */
public final class ConflictException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    /** An illegal transition of {@code entity} from one status to another. */
    public static ConflictException transition(String entity, Object id, Object from, Object to, String why) {
        return new ConflictException(
                entity + " " + id + " cannot go from " + lower(from) + " to " + lower(to) + ": " + why);
    }

    /** Someone else updated the row since it was read. */
    public static ConflictException concurrentModification(String entity, Object id) {
        return new ConflictException(entity + " " + id + " was modified concurrently; read it again and retry");
    }

    private static String lower(Object status) {
        return String.valueOf(status).toLowerCase(java.util.Locale.ROOT);
    }
}
