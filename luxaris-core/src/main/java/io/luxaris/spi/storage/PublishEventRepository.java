package io.luxaris.spi.storage;

import io.luxaris.domain.PublishEvent;
import io.luxaris.domain.ScheduleId;
import java.util.List;

/** Publish attempts (append-only). */
public interface PublishEventRepository {
    void insert(PublishEvent event);

    /** Inserts several events (one batch where the store can). */
    default void insertAll(List<PublishEvent> events) {
        events.forEach(this::insert);
    }

    /** Events of a schedule, by attempt then time. */
    List<PublishEvent> listBySchedule(ScheduleId schedule);
}
