package io.luxaris.memory;

import io.luxaris.domain.PostId;
import io.luxaris.domain.RecurringSeries;
import io.luxaris.domain.SeriesId;
import io.luxaris.domain.SeriesOccurrence;
import io.luxaris.domain.SeriesStatus;
import io.luxaris.errors.ConflictException;
import io.luxaris.spi.storage.RecurrenceRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The recurring series of one transaction on the in-memory database; writes are undone on rollback. */
final class MemoryRecurrences implements RecurrenceRepository {
    /** The tables, guarded by the database's lock. */
    static final class Tables {
        final TreeMap<SeriesId, RecurringSeries> series = new TreeMap<>(Comparator.comparing(SeriesId::value));
        final Map<SeriesId, TreeMap<Long, SeriesOccurrence>> occurrences = new HashMap<>();
    }

    private final MemoryTransaction tx;
    private final Tables t;

    MemoryRecurrences(MemoryTransaction tx, Tables tables) {
        this.tx = tx;
        this.t = tables;
    }

    private static long key(int revision, int index) {
        return ((long) revision << 32) | (index & 0xffffffffL);
    }

    @Override
    public void insert(RecurringSeries series) {
        tx.writable();
        if (t.series.containsKey(series.id())) {
            throw new ConflictException("series " + series.id() + " already exists");
        }
        t.series.put(series.id(), series);
        tx.undo(() -> t.series.remove(series.id()));
    }

    @Override
    public RecurringSeries update(RecurringSeries series) {
        tx.writable();
        RecurringSeries old = t.series.get(series.id());
        if (old == null) {
            throw new ConflictException("series " + series.id() + " does not exist any more");
        }
        if (old.version() != series.version()) {
            throw ConflictException.concurrentModification("series", series.id());
        }
        RecurringSeries stored = new RecurringSeries(
                series.id(),
                old.postId(),
                old.variantId(),
                old.channelId(),
                old.connectionId(),
                series.rule(),
                series.variations(),
                series.horizonDays(),
                series.maxAhead(),
                series.status(),
                series.revision(),
                series.nextIndex(),
                old.createdAt(),
                series.updatedAt(),
                old.version() + 1);
        t.series.put(series.id(), stored);
        tx.undo(() -> t.series.put(old.id(), old));
        return stored;
    }

    @Override
    public Optional<RecurringSeries> find(SeriesId id) {
        tx.readable();
        return Optional.ofNullable(t.series.get(id));
    }

    @Override
    public List<RecurringSeries> listByPost(PostId post) {
        tx.readable();
        return t.series.values().stream().filter(s -> s.postId().equals(post)).toList();
    }

    @Override
    public List<RecurringSeries> listActive(Optional<SeriesId> after, int limit) {
        tx.readable();
        var from = after.isPresent() ? t.series.tailMap(after.get(), false) : t.series;
        return from.values().stream()
                .filter(s -> s.status() == SeriesStatus.ACTIVE)
                .limit(limit)
                .toList();
    }

    @Override
    public void insertOccurrence(SeriesOccurrence occurrence) {
        tx.writable();
        if (!t.series.containsKey(occurrence.seriesId())) {
            throw new ConflictException("series " + occurrence.seriesId() + " does not exist");
        }
        var rows = t.occurrences.computeIfAbsent(occurrence.seriesId(), k -> new TreeMap<>());
        long key = key(occurrence.revision(), occurrence.index());
        if (rows.containsKey(key)) {
            throw new ConflictException("occurrence " + occurrence.revision() + "." + occurrence.index() + " of series "
                    + occurrence.seriesId() + " already exists");
        }
        rows.put(key, occurrence);
        tx.undo(() -> rows.remove(key));
    }

    @Override
    public List<SeriesOccurrence> listOccurrences(SeriesId series) {
        tx.readable();
        var rows = t.occurrences.get(series);
        return rows == null ? List.of() : new ArrayList<>(rows.values());
    }
}
