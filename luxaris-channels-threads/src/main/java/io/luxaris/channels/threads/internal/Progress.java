package io.luxaris.channels.threads.internal;

import io.luxaris.http.internal.Checkpoints;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How far a schedule got: the published media id of each part, and the container created for each part that is not
 * known to be published. This is the checkpoint: {@value #PART_KEY}{@code N} and {@value #CONTAINER_KEY}{@code N}.
 * Not thread-safe (one per attempt).
 */
final class Progress {
    /** Checkpoint key prefix: {@code threads.part.0} holds the published id of the first post... */
    static final String PART_KEY = "threads.part.";
    /** Checkpoint key prefix: {@code threads.container.1} holds the container created for the second part... */
    static final String CONTAINER_KEY = "threads.container.";
    /** Checkpoint key: index (from 0) of the part that failed. */
    static final String FAILED_PART_KEY = "threads.failed_part";

    private final TreeMap<Integer, String> posted = new TreeMap<>();
    private final TreeMap<Integer, String> containers = new TreeMap<>();

    /** The state a checkpoint holds (unknown keys and malformed entries are ignored). */
    static Progress fromCheckpoint(Map<String, String> checkpoint) {
        var progress = new Progress();
        progress.posted.putAll(Checkpoints.numbered(checkpoint, PART_KEY));
        progress.containers.putAll(Checkpoints.numbered(checkpoint, CONTAINER_KEY));
        progress.containers.keySet().removeAll(progress.posted.keySet());
        return progress;
    }

    /** Adds what {@code other} knows and this does not. */
    Progress mergeFrom(Progress other) {
        other.posted.forEach(posted::putIfAbsent);
        other.containers.forEach((part, id) -> {
            if (!posted.containsKey(part)) {
                containers.putIfAbsent(part, id);
            }
        });
        return this;
    }

    Optional<String> posted(int part) {
        return Optional.ofNullable(posted.get(part));
    }

    Optional<String> container(int part) {
        return Optional.ofNullable(containers.get(part));
    }

    void published(int part, String mediaId) {
        posted.put(part, mediaId);
        containers.remove(part);
    }

    void created(int part, String containerId) {
        containers.put(part, containerId);
    }

    /** A container recorded elsewhere (the pending-container property), unless this part has one or is published. */
    void createdIfUnknown(int part, String containerId) {
        if (!posted.containsKey(part)) {
            containers.putIfAbsent(part, containerId);
        }
    }

    /** Every published id other than part {@code part}'s. */
    java.util.Set<String> publishedIdsExcept(int part) {
        var ids = new java.util.HashSet<String>();
        posted.forEach((i, id) -> {
            if (i != part) {
                ids.add(id);
            }
        });
        return ids;
    }

    void dropContainer(int part) {
        containers.remove(part);
    }

    /** The first part not known to be published, or -1 when all {@code parts} are. */
    int firstMissing(int parts) {
        return Checkpoints.firstMissing(posted, parts);
    }

    /** How many of the parts after the first are not known to be published. */
    int missingReplies(int parts) {
        int missing = 0;
        for (int i = 1; i < parts; i++) {
            if (!posted.containsKey(i)) {
                missing++;
            }
        }
        return missing;
    }

    Map<String, String> checkpoint() {
        var map = new LinkedHashMap<String, String>();
        Checkpoints.putNumbered(map, PART_KEY, posted);
        Checkpoints.putNumbered(map, CONTAINER_KEY, containers);
        return map;
    }

    Progress copy() {
        var copy = new Progress();
        copy.posted.putAll(posted);
        copy.containers.putAll(containers);
        return copy;
    }

    @Override
    public String toString() {
        return "Progress[posted=" + posted + ", containers=" + containers + "]";
    }
}
