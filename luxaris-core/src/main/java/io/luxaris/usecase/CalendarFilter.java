package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.internal.Args;
import java.util.Arrays;
import java.util.LinkedHashSet;
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
        channels = Args.snapshot(channels);
        connections = Args.snapshot(connections);
        tag = tag == null ? Optional.empty() : tag;
        postStatuses = Args.snapshot(postStatuses);
        scheduleStatuses = Args.snapshot(scheduleStatuses);
        page = page == null ? PageRequest.first() : page;
    }

    public static CalendarFilter none() {
        return new CalendarFilter(Set.of(), Set.of(), Optional.empty(), Set.of(), Set.of(), PageRequest.first());
    }

    public CalendarFilter channel(String... keys) {
        return new CalendarFilter(set(keys), connections, tag, postStatuses, scheduleStatuses, page);
    }

    public CalendarFilter connection(ConnectionId... ids) {
        return new CalendarFilter(channels, set(ids), tag, postStatuses, scheduleStatuses, page);
    }

    public CalendarFilter tag(String value) {
        return new CalendarFilter(
                channels, connections, Optional.ofNullable(value), postStatuses, scheduleStatuses, page);
    }

    public CalendarFilter postStatus(PostStatus... values) {
        return new CalendarFilter(channels, connections, tag, set(values), scheduleStatuses, page);
    }

    public CalendarFilter scheduleStatus(ScheduleStatus... values) {
        return new CalendarFilter(channels, connections, tag, postStatuses, set(values), page);
    }

    public CalendarFilter page(PageRequest value) {
        return new CalendarFilter(channels, connections, tag, postStatuses, scheduleStatuses, value);
    }

    /** The elements as a set; nulls kept for validation to report. */
    private static <T> Set<T> set(T[] values) {
        return values == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(values));
    }
}
