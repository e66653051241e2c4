package io.luxaris.examples.multinode;

import io.luxaris.domain.ScheduleId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** What the demo platform received: one entry per post, from any node. Thread-safe. */
final class Ledger {
    /** One post on the platform. */
    record Entry(long id, ScheduleId schedule, String node, Instant at) {}

    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    long record(ScheduleId schedule, String node, Instant at) {
        long id = ids.incrementAndGet();
        entries.add(new Entry(id, schedule, node, at));
        return id;
    }

    /** The posts in the order they arrived. */
    List<Entry> entries() {
        var list = new ArrayList<>(entries);
        list.sort(Comparator.comparingLong(Entry::id));
        return list;
    }

    /** Posts per node, by node name. */
    Map<String, Integer> perNode() {
        var map = new TreeMap<String, Integer>();
        entries.forEach(e -> map.merge(e.node(), 1, Integer::sum));
        return map;
    }

    /**
     * Checks that every one of {@code expected} was posted exactly once. Posts of other schedules (left over by an
     * earlier, interrupted run in the same schema) are counted apart and are not an error.
     */
    Verdict verify(Collection<ScheduleId> expected) {
        Set<ScheduleId> wanted = Set.copyOf(expected);
        var posts = new LinkedHashMap<ScheduleId, Integer>();
        expected.forEach(id -> posts.put(id, 0));
        int others = 0;
        for (Entry e : entries()) {
            if (wanted.contains(e.schedule())) {
                posts.merge(e.schedule(), 1, Integer::sum);
            } else {
                others++;
            }
        }
        var never = new ArrayList<ScheduleId>();
        var twice = new ArrayList<ScheduleId>();
        posts.forEach((id, n) -> {
            if (n == 0) {
                never.add(id);
            } else if (n > 1) {
                twice.add(id);
            }
        });
        return new Verdict(expected.size(), expected.size() - never.size() - twice.size(), never, twice, others);
    }

    /**
     * The exactly-once check: of {@code expected} schedules, {@code once} were posted once; {@code never} and
     * {@code moreThanOnce} list the others.
     */
    record Verdict(int expected, int once, List<ScheduleId> never, List<ScheduleId> moreThanOnce, int otherPosts) {
        Verdict {
            Objects.requireNonNull(never, "never");
            Objects.requireNonNull(moreThanOnce, "moreThanOnce");
            never = List.copyOf(never);
            moreThanOnce = List.copyOf(moreThanOnce);
        }

        boolean exactlyOnce() {
            return once == expected && never.isEmpty() && moreThanOnce.isEmpty();
        }
    }
}
