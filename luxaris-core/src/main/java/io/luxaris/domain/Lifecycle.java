package io.luxaris.domain;

import io.luxaris.errors.ConflictException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle transition tables of posts, variants, schedules, generation sessions and connections. Staying in
 * the same status is always allowed; any other move not listed here is a {@link ConflictException} naming from,
 * to and why.
 */
public final class Lifecycle {
    private static final Map<PostStatus, Set<PostStatus>> POST = new EnumMap<>(PostStatus.class);
    private static final Map<VariantStatus, Set<VariantStatus>> VARIANT = new EnumMap<>(VariantStatus.class);
    private static final Map<ScheduleStatus, Set<ScheduleStatus>> SCHEDULE = new EnumMap<>(ScheduleStatus.class);
    private static final Map<GenerationStatus, Set<GenerationStatus>> GENERATION =
            new EnumMap<>(GenerationStatus.class);
    private static final Map<ConnectionStatus, Set<ConnectionStatus>> CONNECTION =
            new EnumMap<>(ConnectionStatus.class);

    static {
        POST.put(PostStatus.DRAFT, EnumSet.of(PostStatus.SCHEDULED, PostStatus.ARCHIVED));
        POST.put(
                PostStatus.SCHEDULED,
                EnumSet.of(
                        PostStatus.DRAFT,
                        PostStatus.CANCELLED,
                        PostStatus.PUBLISHED,
                        PostStatus.ARCHIVED,
                        PostStatus.PARTIALLY_PUBLISHED));
        POST.put(
                PostStatus.PUBLISHED,
                EnumSet.of(PostStatus.SCHEDULED, PostStatus.ARCHIVED, PostStatus.PARTIALLY_PUBLISHED));
        POST.put(
                PostStatus.PARTIALLY_PUBLISHED,
                EnumSet.of(PostStatus.SCHEDULED, PostStatus.PUBLISHED, PostStatus.ARCHIVED));
        POST.put(PostStatus.CANCELLED, EnumSet.of(PostStatus.SCHEDULED, PostStatus.DRAFT, PostStatus.ARCHIVED));
        POST.put(PostStatus.ARCHIVED, EnumSet.noneOf(PostStatus.class));

        VARIANT.put(VariantStatus.DRAFT, EnumSet.of(VariantStatus.READY));
        VARIANT.put(VariantStatus.READY, EnumSet.of(VariantStatus.PUBLISHED, VariantStatus.FAILED));
        VARIANT.put(VariantStatus.FAILED, EnumSet.of(VariantStatus.READY, VariantStatus.PUBLISHED));
        VARIANT.put(VariantStatus.PUBLISHED, EnumSet.noneOf(VariantStatus.class));

        // PENDING -> PROCESSING: claimed straight to processing (a channel that can look every post up)
        SCHEDULE.put(
                ScheduleStatus.PENDING,
                EnumSet.of(ScheduleStatus.QUEUED, ScheduleStatus.PROCESSING, ScheduleStatus.CANCELLED));
        SCHEDULE.put(
                ScheduleStatus.QUEUED,
                EnumSet.of(
                        ScheduleStatus.PROCESSING,
                        ScheduleStatus.PENDING,
                        ScheduleStatus.CANCELLED,
                        ScheduleStatus.SKIPPED));
        SCHEDULE.put(
                ScheduleStatus.PROCESSING,
                EnumSet.of(
                        ScheduleStatus.SUCCESS,
                        ScheduleStatus.FAILED,
                        ScheduleStatus.PENDING,
                        ScheduleStatus.UNCONFIRMED,
                        ScheduleStatus.DRY_RUN,
                        ScheduleStatus.SKIPPED));
        SCHEDULE.put(
                ScheduleStatus.UNCONFIRMED,
                EnumSet.of(
                        ScheduleStatus.SUCCESS,
                        ScheduleStatus.FAILED,
                        ScheduleStatus.PENDING,
                        ScheduleStatus.CANCELLED));
        // a held schedule is released (pending), rejected or cancelled (cancelled), or found too late when approved
        SCHEDULE.put(
                ScheduleStatus.AWAITING_APPROVAL,
                EnumSet.of(ScheduleStatus.PENDING, ScheduleStatus.CANCELLED, ScheduleStatus.SKIPPED));
        // a dry run ends the schedule like the others: to post for real, schedule the variant again
        for (var terminal : EnumSet.of(
                ScheduleStatus.SUCCESS,
                ScheduleStatus.FAILED,
                ScheduleStatus.CANCELLED,
                ScheduleStatus.SKIPPED,
                ScheduleStatus.DRY_RUN)) {
            SCHEDULE.put(terminal, EnumSet.noneOf(ScheduleStatus.class));
        }

        GENERATION.put(GenerationStatus.IN_PROGRESS, EnumSet.of(GenerationStatus.COMPLETED, GenerationStatus.ABORTED));
        GENERATION.put(GenerationStatus.COMPLETED, EnumSet.noneOf(GenerationStatus.class));
        GENERATION.put(GenerationStatus.ABORTED, EnumSet.noneOf(GenerationStatus.class));

        CONNECTION.put(ConnectionStatus.CONNECTED, EnumSet.of(ConnectionStatus.REVOKED, ConnectionStatus.ERROR));
        CONNECTION.put(ConnectionStatus.ERROR, EnumSet.of(ConnectionStatus.CONNECTED, ConnectionStatus.REVOKED));
        CONNECTION.put(ConnectionStatus.REVOKED, EnumSet.of(ConnectionStatus.CONNECTED));
    }

    private Lifecycle() {}

    /**
     * Whether a post may move from one status to another.
     *
     * @param from the current status
     * @param to the status asked for
     * @return true when the move is in the table or the status stays
     */
    public static boolean allows(PostStatus from, PostStatus to) {
        return from == to || POST.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * Whether a variant may move from one status to another.
     *
     * @param from the current status
     * @param to the status asked for
     * @return true when the move is in the table or the status stays
     */
    public static boolean allows(VariantStatus from, VariantStatus to) {
        return from == to || VARIANT.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * Whether a schedule may move from one status to another.
     *
     * @param from the current status
     * @param to the status asked for
     * @return true when the move is in the table or the status stays
     */
    public static boolean allows(ScheduleStatus from, ScheduleStatus to) {
        return from == to || SCHEDULE.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * Whether a generation session may move from one status to another.
     *
     * @param from the current status
     * @param to the status asked for
     * @return true when the move is in the table or the status stays
     */
    public static boolean allows(GenerationStatus from, GenerationStatus to) {
        return from == to || GENERATION.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * Whether a connection may move from one status to another.
     *
     * @param from the current status
     * @param to the status asked for
     * @return true when the move is in the table or the status stays
     */
    public static boolean allows(ConnectionStatus from, ConnectionStatus to) {
        return from == to || CONNECTION.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * Refuses a move of a post the lifecycle forbids.
     *
     * @param id the post's id, for the message
     * @param from the current status
     * @param to the status asked for
     * @throws ConflictException when the move is not allowed; the message names from, to and why
     */
    public static void requirePost(Object id, PostStatus from, PostStatus to) {
        if (!allows(from, to)) {
            throw ConflictException.transition("post", id, from, to, why(from == PostStatus.ARCHIVED, "archived"));
        }
    }

    /**
     * Refuses a move of a variant the lifecycle forbids.
     *
     * @param id the variant's id, for the message
     * @param from the current status
     * @param to the status asked for
     * @throws ConflictException when the move is not allowed; the message names from, to and why
     */
    public static void requireVariant(Object id, VariantStatus from, VariantStatus to) {
        if (!allows(from, to)) {
            throw ConflictException.transition(
                    "variant", id, from, to, why(from == VariantStatus.PUBLISHED, "published"));
        }
    }

    /**
     * Refuses a move of a schedule the lifecycle forbids.
     *
     * @param id the schedule's id, for the message
     * @param from the current status
     * @param to the status asked for
     * @throws ConflictException when the move is not allowed; the message names from, to and why (finished, being
     *     published, or a move only the engine makes)
     */
    public static void requireSchedule(Object id, ScheduleStatus from, ScheduleStatus to) {
        if (!allows(from, to)) {
            String why;
            if (from.isTerminal()) {
                why = "the schedule is finished (" + from.wireName() + ")";
            } else if (from == ScheduleStatus.PROCESSING) {
                why = "the schedule is being published right now";
            } else {
                why = "only the publishing engine may make this move";
            }
            throw ConflictException.transition("schedule", id, from, to, why);
        }
    }

    /**
     * Refuses a move of a generation session the lifecycle forbids.
     *
     * @param id the session's id, for the message
     * @param from the current status
     * @param to the status asked for
     * @throws ConflictException when the move is not allowed (the session is finished)
     */
    public static void requireGeneration(Object id, GenerationStatus from, GenerationStatus to) {
        if (!allows(from, to)) {
            throw ConflictException.transition(
                    "generation session", id, from, to, "the session is finished (" + from.wireName() + ")");
        }
    }

    /**
     * Refuses a move of a connection the lifecycle forbids.
     *
     * @param id the connection's id, for the message
     * @param from the current status
     * @param to the status asked for
     * @throws ConflictException when the move is not allowed (a revoked connection can only be connected again)
     */
    public static void requireConnection(Object id, ConnectionStatus from, ConnectionStatus to) {
        if (!allows(from, to)) {
            throw ConflictException.transition(
                    "connection", id, from, to, "a revoked connection can only be connected again");
        }
    }

    private static String why(boolean finished, String state) {
        return finished ? "it is " + state + " and cannot change any more" : "this move is not part of the lifecycle";
    }
}
