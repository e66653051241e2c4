package io.luxaris.spi.storage;

import io.luxaris.domain.PostId;
import io.luxaris.domain.RecurringSeries;
import io.luxaris.domain.SeriesId;
import io.luxaris.domain.SeriesOccurrence;
import java.util.List;
import java.util.Optional;

/**
 * Recurring series and their materialised occurrences. An occurrence is unique per (series, revision, index):
 * inserting a second one is a {@link io.luxaris.errors.ConflictException}, whoever tries it.
 */
public interface RecurrenceRepository {
    /**
     * Stores a new series.
     *
     * @param series the series
     */
    void insert(RecurringSeries series);

    /**
     * Versioned update; returns the stored record.
     *
     * @param series the series as changed, with the version it was read at
     * @return the stored series, version + 1
     * @throws io.luxaris.errors.ConflictException when the stored version is another one
     */
    RecurringSeries update(RecurringSeries series);

    /**
     * One series.
     *
     * @param id the series' id
     * @return the series, or empty when it does not exist
     */
    Optional<RecurringSeries> find(SeriesId id);

    /**
     * The series of a post, by id (creation order).
     *
     * @param post the post's id
     * @return its series
     */
    List<RecurringSeries> listByPost(PostId post);

    /**
     * Active series with an id after {@code after}, by id: the pages materialisation walks through.
     *
     * @param after the last id of the previous page; empty for the first page
     * @param limit at most this many
     * @return the series
     */
    List<RecurringSeries> listActive(Optional<SeriesId> after, int limit);

    /**
     * Records a materialised occurrence.
     *
     * @param occurrence the occurrence and its schedule
     * @throws io.luxaris.errors.ConflictException when the series already has this (revision, index)
     */
    void insertOccurrence(SeriesOccurrence occurrence);

    /**
     * The materialised occurrences of a series, by revision then index.
     *
     * @param series the series' id
     * @return its occurrences
     */
    List<SeriesOccurrence> listOccurrences(SeriesId series);
}
