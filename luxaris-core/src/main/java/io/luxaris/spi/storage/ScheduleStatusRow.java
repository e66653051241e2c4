package io.luxaris.spi.storage;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.PostId;
import io.luxaris.domain.Schedule;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.domain.VariantId;
import java.util.Objects;

/**
 * What a post's status is derived from, of one of its schedules: the post, the target (variant and connection), the
 * status and whether it publishes a follow-up part ({@link Schedule#isFollowUp()}). The engine re-derives the status
 * of every post it publishes from these rows ({@link ScheduleRepository#statusesByPosts}) instead of whole schedules.
 *
 * @param post the schedule's post
 * @param variant its variant
 * @param connection its connection
 * @param status its status
 * @param followUp whether it publishes a follow-up part of its variant
 */
public record ScheduleStatusRow(
        PostId post, VariantId variant, ConnectionId connection, ScheduleStatus status, boolean followUp) {
    /**
     * Checks the components.
     *
     * @param post the schedule's post
     * @param variant its variant
     * @param connection its connection
     * @param status its status
     * @param followUp whether it publishes a follow-up part
     */
    public ScheduleStatusRow {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(status, "status");
    }

    /**
     * The row of a schedule.
     *
     * @param schedule the schedule
     * @return its post, target, status and follow-up flag
     */
    public static ScheduleStatusRow of(Schedule schedule) {
        return new ScheduleStatusRow(
                schedule.postId(),
                schedule.variantId(),
                schedule.connectionId(),
                schedule.status(),
                schedule.isFollowUp());
    }
}
