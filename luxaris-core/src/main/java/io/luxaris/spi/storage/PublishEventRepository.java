package io.luxaris.spi.storage;

import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.ScheduleId;
import java.util.List;

/** Publish attempts (append-only). */
public interface PublishEventRepository {
    /**
     * Appends an event.
     *
     * @param event the event
     */
    void insert(PublishEvent event);

    /**
     * Inserts several events (one batch where the store can).
     *
     * @param events the events
     */
    default void insertAll(List<PublishEvent> events) {
        events.forEach(this::insert);
    }

    /**
     * Events of a schedule, by attempt then time.
     *
     * @param schedule the schedule's id
     * @return its events
     */
    List<PublishEvent> listBySchedule(ScheduleId schedule);
}
