package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.ScheduleStatus;
import java.util.Optional;
import java.util.Set;

/** Calendar filters (empty sets: any) and page. */
public record CalendarFilter(
        Set<String> channels,
        Set<ConnectionId> connections,
        Optional<String> tag,
        Set<PostStatus> postStatuses,
        Set<ScheduleStatus> scheduleStatuses,
        PageRequest page) {
    public CalendarFilter {
        channels = channels == null ? Set.of() : channels;
        connections = connections == null ? Set.of() : connections;
        tag = tag == null ? Optional.empty() : tag;
        postStatuses = postStatuses == null ? Set.of() : postStatuses;
        scheduleStatuses = scheduleStatuses == null ? Set.of() : scheduleStatuses;
        page = page == null ? PageRequest.first() : page;
    }

    public static CalendarFilter none() {
        return new CalendarFilter(Set.of(), Set.of(), Optional.empty(), Set.of(), Set.of(), PageRequest.first());
    }

    public CalendarFilter channel(String... keys) {
        return new CalendarFilter(Set.of(keys), connections, tag, postStatuses, scheduleStatuses, page);
    }

    public CalendarFilter connection(ConnectionId... ids) {
        return new CalendarFilter(channels, Set.of(ids), tag, postStatuses, scheduleStatuses, page);
    }

    public CalendarFilter tag(String value) {
        return new CalendarFilter(channels, connections, Optional.of(value), postStatuses, scheduleStatuses, page);
    }

    public CalendarFilter postStatus(PostStatus... values) {
        return new CalendarFilter(channels, connections, tag, Set.of(values), scheduleStatuses, page);
    }

    public CalendarFilter scheduleStatus(ScheduleStatus... values) {
        return new CalendarFilter(channels, connections, tag, postStatuses, Set.of(values), page);
    }

    public CalendarFilter page(PageRequest value) {
        return new CalendarFilter(channels, connections, tag, postStatuses, scheduleStatuses, value);
    }
}
