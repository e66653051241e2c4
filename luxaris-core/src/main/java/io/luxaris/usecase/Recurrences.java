package io.luxaris.usecase;

import io.luxaris.domain.PostId;
import io.luxaris.domain.RecurrenceRule;
import io.luxaris.domain.RecurringSeries;
import io.luxaris.domain.SeriesId;
import io.luxaris.domain.SeriesOccurrence;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import io.luxaris.spi.security.Principal;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Recurring posts: a variant published through a connection at every occurrence of a {@link RecurrenceRule},
 * optionally with texts used in turn. Occurrences become ordinary pending schedules ahead of time (those less than
 * the series' {@code horizonDays} ahead, at most {@code maxAhead} not yet due), at creation and then by {@link
 * #materialise()}, which the publishing engine's housekeeping calls on every lease-reaping round (see {@code
 * EngineSettings.reapInterval()}); a host without the engine calls it periodically itself. Several instances may
 * materialise at once: storage keeps one schedule per occurrence.
 *
 * <p>Changing the rule or cancelling the series affects only the future: schedules that are claimed, published or
 * already due stay; pending ones not yet due are cancelled (and, on a change, those of the new rule made).
 */
public interface Recurrences {
    /** The most upcoming occurrences {@link #nextOccurrences} lists. */
    int MAX_PREVIEW = 100;

    /** How far back a rule's start may lie, in days. */
    int MAX_START_DAYS_BACK = 366;

    /** The last year a rule's end date may fall in. */
    int MAX_YEAR = 9999;

    /**
     * Creates a series and materialises its first occurrences. Checks: the rule is in range, the variations fit the
     * channel like a variant's content, the connection is connected, on the variant's channel and usable by the
     * principal, and the rule has an occurrence after now.
     *
     * @param principal the acting principal
     * @param request the variant, the connection (default: the variant's own), the rule and the variations
     * @return the series as stored after its first materialisation
     * @throws ValidationException when {@code variant} or {@code rule} is missing, the rule breaks a limit ({@code
     *     rule.interval}, {@code rule.weekdays}, {@code rule.dayOfMonth}, {@code rule.count}, {@code rule.until},
     *     {@code rule.start}), a variation is missing, too long or does not fit the channel ({@code variations[i]}),
     *     there are too many ({@code variations}), {@code horizonDays} or {@code maxAhead} is out of range, the
     *     connection is missing or unusable, or the rule has no future occurrence ({@code rule}, {@code
     *     no_occurrences})
     * @throws NotFoundException when the variant or the connection does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change the post, or read or publish with the
     *     connection
     * @throws ConflictException when the post is archived, or changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    RecurringSeries create(Principal principal, SeriesRequest request);

    /**
     * Replaces the rule and the variations of a series. Its pending schedules not yet due are cancelled and the new
     * rule's occurrences materialised (from its first occurrence after now); claimed, published and due schedules
     * stay. An ended series becomes active again.
     *
     * @param principal the acting principal
     * @param id the series' id
     * @param update the new rule and variations
     * @return the series as changed and materialised
     * @throws ValidationException when {@code update} or its {@code rule} is missing or breaks a rule (as for
     *     {@link #create})
     * @throws NotFoundException when the series does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when the series is cancelled, its post archived, or it changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    RecurringSeries update(Principal principal, SeriesId id, SeriesUpdate update);

    /**
     * Cancels a series: no new occurrences; its pending schedules not yet due are cancelled, claimed, published and
     * due ones stay. Cancelling a cancelled series returns it unchanged.
     *
     * @param principal the acting principal
     * @param id the series' id
     * @return the cancelled series
     * @throws NotFoundException when the series does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not change its post
     * @throws ConflictException when it changed concurrently
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    RecurringSeries cancel(Principal principal, SeriesId id);

    /**
     * One series.
     *
     * @param principal the acting principal
     * @param id the series' id
     * @return the series
     * @throws NotFoundException when the series does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read its post
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    RecurringSeries get(Principal principal, SeriesId id);

    /**
     * The series of a post, in creation order.
     *
     * @param principal the acting principal
     * @param post the post's id
     * @return its series, of every status
     * @throws NotFoundException when the post does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read the post
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<RecurringSeries> listForPost(Principal principal, PostId post);

    /**
     * The materialised occurrences of a series (each with its schedule), by revision then index.
     *
     * @param principal the acting principal
     * @param id the series' id
     * @return its occurrences
     * @throws NotFoundException when the series does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read its post
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<SeriesOccurrence> occurrences(Principal principal, SeriesId id);

    /**
     * The next occurrences of a series after now, materialised or not, as times in the rule's zone (DST gaps
     * handled as the scheduling rules say). A cancelled series has none; an ended one lists those still to come.
     *
     * @param principal the acting principal
     * @param id the series' id
     * @param max at most this many (1 to {@value #MAX_PREVIEW})
     * @return the upcoming occurrences, in order
     * @throws ValidationException when {@code max} is out of range
     * @throws NotFoundException when the series does not exist
     * @throws io.luxaris.errors.AccessDeniedException when the principal may not read its post
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    List<ZonedDateTime> nextOccurrences(Principal principal, SeriesId id, int max);

    /**
     * Makes the schedules of every active series' occurrences that came within its horizon since the last run.
     * The engine's housekeeping calls it on every reaping round; call it periodically (e.g. every few minutes) when
     * no engine runs in this instance. Safe to run on several instances at once. An occurrence that would break the
     * rules' per-connection rate limits is stored as a skipped schedule ({@code rate_limit} or {@code min_gap}, with a
     * {@link io.luxaris.events.LuxarisEvent.Skipped}) and not counted.
     *
     * @return how many schedules were made to be published
     * @throws io.luxaris.errors.StorageException when the storage fails
     */
    int materialise();
}
