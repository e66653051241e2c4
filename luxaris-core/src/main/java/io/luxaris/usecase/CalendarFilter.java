package io.luxaris.usecase;

import io.luxaris.domain.ConnectionId;
import io.luxaris.domain.PageRequest;
import io.luxaris.domain.PostStatus;
import io.luxaris.domain.ScheduleStatus;
import io.luxaris.util.Args;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Calendar filters (empty sets: any) and page.
 *
 * @param channels channel keys
 * @param connections connection ids
 * @param tag only posts with this tag
 * @param postStatuses post statuses
 * @param scheduleStatuses schedule statuses
 * @param page which page
 */
public record CalendarFilter(
        Set<String> channels,
        Set<ConnectionId> connections,
        Optional<String> tag,
        Set<PostStatus> postStatuses,
        Set<ScheduleStatus> scheduleStatuses,
        PageRequest page) {
    /**
     * Takes snapshots of the sets; a null tag means none, a null page the first.
     *
     * @param channels channel keys
     * @param connections connection ids
     * @param tag only posts with this tag
     * @param postStatuses post statuses
     * @param scheduleStatuses schedule statuses
     * @param page which page
     */
    public CalendarFilter {
        channels = Args.snapshot(channels);
        connections = Args.snapshot(connections);
        tag = tag == null ? Optional.empty() : tag;
        postStatuses = Args.snapshot(postStatuses);
        scheduleStatuses = Args.snapshot(scheduleStatuses);
        page = page == null ? PageRequest.first() : page;
    }

    /** {@return no filter, first page} */
    public static CalendarFilter none() {
        return new CalendarFilter(Set.of(), Set.of(), Optional.empty(), Set.of(), Set.of(), PageRequest.first());
    }

    /**
     * This filter limited to channels.
     *
     * @param keys channel keys
     * @return the changed copy
     */
    public CalendarFilter channel(String... keys) {
        return new CalendarFilter(set(keys), connections, tag, postStatuses, scheduleStatuses, page);
    }

    /**
     * This filter limited to connections.
     *
     * @param ids connection ids
     * @return the changed copy
     */
    public CalendarFilter connection(ConnectionId... ids) {
        return new CalendarFilter(channels, set(ids), tag, postStatuses, scheduleStatuses, page);
    }

    /**
     * This filter limited to a tag.
     *
     * @param value the tag; null: any
     * @return the changed copy
     */
    public CalendarFilter tag(String value) {
        return new CalendarFilter(
                channels, connections, Optional.ofNullable(value), postStatuses, scheduleStatuses, page);
    }

    /**
     * This filter limited to post statuses.
     *
     * @param values the statuses
     * @return the changed copy
     */
    public CalendarFilter postStatus(PostStatus... values) {
        return new CalendarFilter(channels, connections, tag, set(values), scheduleStatuses, page);
    }

    /**
     * This filter limited to schedule statuses.
     *
     * @param values the statuses
     * @return the changed copy
     */
    public CalendarFilter scheduleStatus(ScheduleStatus... values) {
        return new CalendarFilter(channels, connections, tag, postStatuses, set(values), page);
    }

    /**
     * This filter for another page.
     *
     * @param value the page
     * @return the changed copy
     */
    public CalendarFilter page(PageRequest value) {
        return new CalendarFilter(channels, connections, tag, postStatuses, scheduleStatuses, value);
    }

    /** The elements as a set; nulls kept for validation to report. */
    private static <T> Set<T> set(T[] values) {
        return values == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(values));
    }
}
